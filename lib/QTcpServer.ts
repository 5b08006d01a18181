// QTcpServer: a Qt server on the Qt thread. Accepted connections reach JS as QTcpSockets as soon as
// Qt queues them; nextPendingConnection() hands out the oldest, as Qt's does.
import { AbortOptions, abortable, asyncDisposeSymbol, disposeSymbol, signalOf } from './core/node';
import { checkArity, checkInt, checkMsecs, PORT_MAX } from './core/args';
import { QObject } from './core/QObject';
import {
  drainEvents,
  EventSink,
  native,
  register,
  keepAlive,
  keepAliveRef,
  unregister,
  yieldToWaiter,
} from './core/runtime';
import { defineSignals, madeSignal, Signal } from './core/signal';
import { SocketError } from './core/socketEnums';
import { QHostAddress, nativeOf } from './QHostAddress';
import { QNetworkProxy, nativeOf as nativeOfProxy } from './QNetworkProxy';
import { decideProxies } from './QNetworkProxyFactory';
import { QNetworkProxyQuery } from './QNetworkProxyQuery';
import { QTcpSocket } from './QTcpSocket';

// Event kinds, as native/tcp_server.cc lists them.
const enum Ev {
  NewPending = 1,
  PendingConnectionAvailable,
  NewConnection,
  AcceptError,
  Destroyed,
}

export class QTcpServer extends QObject implements EventSink {
  declare readonly acceptError: Signal<[SocketError]>;
  declare readonly newConnection: Signal<[]>;
  declare readonly pendingConnectionAvailable: Signal<[]>;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private readonly native: any;
  private readonly id: number;
  private seq = 0;
  private listening = false;
  private _serverError = SocketError.UnknownSocketError;
  private _serverPort = 0;
  private _serverAddress = '';
  private _errorString = '';
  private _proxy = new QNetworkProxy();
  private backlog = 50;
  private maxPending = 30;
  private pending: QTcpSocket[] = [];
  // Connections accepted since the last waitForNewConnection: a blocking PyQt6 wait would have
  // found them still in the kernel's queue (see QAbstractSocket's `fresh`).
  private freshPending = 0;
  private waiters: { resolve: (r: [boolean, boolean]) => void; timer?: NodeJS.Timeout }[] = [];
  private alive = 0; // keepAlive() state
  private gone = false;

  /** QTcpServer(parent = None). */
  constructor(parent?: null) {
    super();
    checkArity('QTcpServer', arguments, 0, 1);
    if (parent !== undefined && parent !== null) {
      throw new TypeError("QTcpServer: argument 'parent' must be None (null); parents are not supported");
    }
    this.native = new native.TcpServer();
    this.id = this.native.id;
    register(this.id, this);
    this.applySnapshot(this.native.snapshot());
  }

  /** @internal */
  onEvent(
    kind: number,
    seq: number,
    listening: number,
    error: number,
    port: number,
    arg: number,
    backlog: number,
    maxPending: number,
    payload: unknown,
  ): void {
    if (kind === Ev.NewPending) {
      this.pending.push(QTcpSocket._adopt(payload));
      this.freshPending++;
    }
    if (seq > this.seq && kind !== Ev.NewPending) {
      this.seq = seq;
      this.applyState(listening, error, port, backlog, maxPending, payload as string[]);
    }
    switch (kind) {
      case Ev.PendingConnectionAvailable:
        madeSignal(this, 'pendingConnectionAvailable')?.emit();
        break;
      case Ev.NewConnection:
        if (this.waiters.length > 0) this.freshPending = 0;
        this.settleWaiters([true, false]);
        madeSignal(this, 'newConnection')?.emit();
        break;
      case Ev.AcceptError:
        madeSignal(this, 'acceptError')?.emit(arg as SocketError);
        break;
      case Ev.Destroyed:
        this.gone = true;
        this.listening = false;
        // Qt deleted the connections still pending with the server, as close() does.
        this.pending = [];
        this.updateKeepAlive();
        unregister(this.id, this);
        madeSignal(this, 'destroyed')?.emit(this);
        break;
    }
  }

  private applyState(
    listening: number,
    error: number,
    port: number,
    backlog: number,
    maxPending: number,
    strings: string[],
  ): void {
    this.listening = listening === 1;
    this._serverError = error;
    this._serverPort = port;
    this.backlog = backlog;
    this.maxPending = maxPending;
    this._serverAddress = strings[0];
    this._errorString = strings[1];
    this.updateKeepAlive();
  }

  private applySnapshot(s: unknown[]): unknown {
    if ((s[0] as number) >= this.seq) {
      this.seq = s[0] as number;
      this.applyState(s[1] as number, s[2] as number, s[3] as number, s[4] as number, s[5] as number, [
        s[6] as string,
        s[7] as string,
      ]);
    }
    return s[8];
  }

  private updateKeepAlive(): void {
    this.alive = keepAlive(this.id, this, this.alive, this.listening && !this.gone);
  }

  ref(): this {
    this.alive = keepAliveRef(this.alive, true);
    return this;
  }

  unref(): this {
    this.alive = keepAliveRef(this.alive, false);
    return this;
  }

  /** listen(address = QHostAddress.Any, port = 0): a promise, since through a proxy it waits on the proxy. */
  async listen(
    address: QHostAddress | number = QHostAddress.SpecialAddress.Any,
    port = 0,
    options?: AbortOptions,
  ): Promise<boolean> {
    checkArity('QTcpServer.listen', arguments, 0, 3);
    // Qt has decided the listen (the proxy's BIND answer included) when the native call returns,
    // so a signal can only prevent it: an aborted one rejects before anything is done.
    const signal = signalOf('QTcpServer.listen', options);
    if (signal?.aborted)
      return abortable(
        'QTcpServer.listen',
        signal,
        () => undefined,
        () => undefined,
      );
    const addr = QHostAddress.from('QTcpServer.listen', 'address', address);
    checkInt('QTcpServer.listen', 'port', port, 0, PORT_MAX);
    // Qt asks no factory for a loopback address (QTcpServerPrivate::resolveProxy).
    const decided = addr.isLoopback()
      ? undefined
      : decideProxies(this._proxy, () => new QNetworkProxyQuery(port, '', QNetworkProxyQuery.QueryType.TcpServer));
    return this.applySnapshot(this.native.listen(nativeOf(addr), port, decided)) === true;
  }

  close(): void {
    this.applySnapshot(this.native.close());
    // Qt deletes the connections still pending; their sockets report it through their own events.
    this.pending = [];
  }

  isListening(): boolean {
    return this.listening;
  }

  serverAddress(): QHostAddress {
    return new QHostAddress(this._serverAddress);
  }

  serverPort(): number {
    return this._serverPort;
  }

  serverError(): SocketError {
    return this._serverError;
  }

  errorString(): string {
    return this._errorString;
  }

  hasPendingConnections(): boolean {
    return this.pending.length > 0;
  }

  /** The oldest pending connection, or null (PyQt6: None). */
  nextPendingConnection(): QTcpSocket | null {
    const s = this.pending.shift();
    if (s === undefined) return null;
    this.native.take();
    // Arrivals the caller has taken are no longer news for waitForNewConnection.
    this.freshPending = Math.min(this.freshPending, this.pending.length);
    s._announcePending();
    return s;
  }

  /** Not listening, Qt (and so PyQt6) crashes here; we ignore the call with a warning instead. */
  pauseAccepting(): void {
    if (!this.notListening('pauseAccepting')) this.native.pauseAccepting();
  }

  resumeAccepting(): void {
    if (!this.notListening('resumeAccepting')) this.native.resumeAccepting();
  }

  private notListening(method: string): boolean {
    if (this.listening) return false;
    process.emitWarning(`QTcpServer.${method}: the server is not listening; ignored (Qt would crash)`);
    return true;
  }

  maxPendingConnections(): number {
    return this.maxPending;
  }

  setMaxPendingConnections(numConnections: number): void {
    checkInt('QTcpServer.setMaxPendingConnections', 'numConnections', numConnections, -(2 ** 31), 2 ** 31 - 1);
    this.applySnapshot(this.native.setMaxPendingConnections(numConnections));
  }

  listenBacklogSize(): number {
    return this.backlog;
  }

  setListenBacklogSize(size: number): void {
    checkInt('QTcpServer.setListenBacklogSize', 'size', size, -(2 ** 31), 2 ** 31 - 1);
    this.applySnapshot(this.native.setListenBacklogSize(size));
  }

  /** A copy of the proxy set with setProxy (a DefaultProxy until then). */
  proxy(): QNetworkProxy {
    checkArity('QTcpServer.proxy', arguments, 0, 0);
    return new QNetworkProxy(this._proxy);
  }

  /**
   * The proxy the next listen uses. Qt listens without one on a loopback address whatever is
   * set; through SOCKS5 it asks the proxy to BIND and accepts one connection.
   */
  setProxy(networkProxy: QNetworkProxy | QNetworkProxy.ProxyType): void {
    checkArity('QTcpServer.setProxy', arguments, 1, 1);
    const proxy = QNetworkProxy.from('QTcpServer.setProxy', 'networkProxy', networkProxy);
    this._proxy = new QNetworkProxy(proxy);
    this.native.setProxy(nativeOfProxy(this._proxy));
  }

  socketDescriptor(): number {
    return (this.applySnapshot(this.native.socketDescriptor()) as number | null) ?? -1;
  }

  setSocketDescriptor(socketDescriptor: number): boolean {
    checkInt('QTcpServer.setSocketDescriptor', 'socketDescriptor', socketDescriptor, -1, 2 ** 31 - 1);
    return this.applySnapshot(this.native.setSocketDescriptor(socketDescriptor)) === true;
  }

  /** PyQt6 returns (ok, timedOut); so does this promise. msecs = 0 checks without waiting, -1 waits
   * forever. As Qt's, it waits for a new connection: one already pending does not count. */
  waitForNewConnection(msecs = 0, options?: AbortOptions): Promise<[boolean, boolean]> {
    const name = 'QTcpServer.waitForNewConnection';
    checkMsecs(name, msecs);
    const signal = signalOf(name, options);
    if (!signal?.aborted) {
      if (!this.listening) return Promise.resolve([false, false]);
      if (this.freshPending > 0) {
        this.freshPending = 0;
        return Promise.resolve([true, false]);
      }
    }
    type W = { resolve: (r: [boolean, boolean]) => void; timer?: NodeJS.Timeout };
    let w: W;
    const forget = (): void => {
      this.waiters = this.waiters.filter((x) => x !== w);
      if (w.timer) clearTimeout(w.timer);
    };
    return abortable<[boolean, boolean]>(
      name,
      signal,
      (resolve) => {
        w = { resolve };
        if (msecs >= 0) {
          w.timer = setTimeout(() => {
            forget();
            // Qt's own zero-timeout wait has the last word; the connection it accepted (if any)
            // is delivered before the promise resolves, so nextPendingConnection() finds it.
            const r = this.gone ? 2 : (this.applySnapshot(this.native.waitNow()) as number);
            drainEvents();
            this.freshPending = 0;
            resolve([(r & 1) !== 0, (r & 2) !== 0]);
          }, msecs);
        }
        this.waiters.push(w);
      },
      forget,
    );
  }

  private settleWaiters(r: [boolean, boolean]): void {
    const all = this.waiters;
    this.waiters = [];
    for (const w of all) {
      if (w.timer) clearTimeout(w.timer);
      yieldToWaiter();
      w.resolve(r);
    }
  }

  deleteLater(): void {
    if (!this.gone) this.native.deleteLater();
  }

  /** `using server = new QTcpServer()`: at scope exit, stop listening and free the Qt object
   * (connections already handed out stay open: they belong to their holders). */
  [disposeSymbol](): void {
    if (this.gone) return;
    this.close();
    this.deleteLater();
  }

  /** `await using`: as `using` (closing a server does not wait on anything), for symmetry with net.Server. */
  async [asyncDisposeSymbol](): Promise<void> {
    this[disposeSymbol]();
  }
}
defineSignals(QTcpServer, ['acceptError', 'newConnection', 'pendingConnectionAvailable']);
