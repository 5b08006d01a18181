// QTcpServer: a Qt server on the Qt thread. Accepted connections reach JS as QTcpSockets as soon as
// Qt queues them; nextPendingConnection() hands out the oldest, as Qt's does.
import { AbortOptions, abortable, asyncDisposeSymbol, disposeSymbol, signalOf } from './core/node';
import { checkArity, checkInt, checkMsecs, PORT_MAX } from './core/args';
import { QObject } from './core/QObject';
import { Handle } from './core/handle';
import type { NativeAbstractSocket, NativeTcpServer, ServerSnapshot as Snapshot } from './core/native';
import { ServerEvent as Ev, ServerSnapshot } from './core/protocol';
import { drainEvents, EventSink, native } from './core/runtime';
import { defineSignals, madeSignal, Signal } from './core/signal';
import { SocketError } from './core/socketEnums';
import { QHostAddress, nativeOf } from './QHostAddress';
import { QNetworkProxy, nativeOf as nativeOfProxy } from './QNetworkProxy';
import { decideProxies } from './QNetworkProxyFactory';
import { QNetworkProxyQuery } from './QNetworkProxyQuery';
import { QTcpSocket } from './QTcpSocket';

// The one kind of wait a server has (waitForNewConnection).
const NEW_CONNECTION = 0;

export class QTcpServer extends QObject implements EventSink {
  declare readonly acceptError: Signal<[SocketError]>;
  declare readonly newConnection: Signal<[]>;
  declare readonly pendingConnectionAvailable: Signal<[]>;

  private readonly h: Handle<NativeTcpServer, [boolean, boolean]>;
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

  /** QTcpServer(parent = None). */
  constructor(parent?: null) {
    super();
    checkArity('QTcpServer', arguments, 0, 1);
    if (parent !== undefined && parent !== null) {
      throw new TypeError("QTcpServer: argument 'parent' must be None (null); parents are not supported");
    }
    this.h = new Handle(this, new native.QTcpServer());
    this.applySnapshot(this.h.native.snapshot());
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
      this.pending.push(QTcpSocket._adopt(payload as NativeAbstractSocket));
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
        if (this.h.hasWait(NEW_CONNECTION)) this.freshPending = 0;
        this.h.settleAll(() => [true, false], seq);
        madeSignal(this, 'newConnection')?.emit();
        break;
      case Ev.AcceptError:
        madeSignal(this, 'acceptError')?.emit(arg as SocketError);
        break;
      case Ev.Destroyed:
        // Waits run to their timeout, which answers [false, true] for a gone server.
        this.h.destroyed();
        this.listening = false;
        // Qt deleted the connections still pending with the server, as close() does.
        this.pending = [];
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

  /** A sync call's answer (native/protocol.h ServerSnapshot); returns the call's result. */
  private applySnapshot(s: Snapshot): boolean | number | null {
    if (s[ServerSnapshot.Seq] >= this.seq) {
      this.seq = s[ServerSnapshot.Seq];
      this.applyState(
        s[ServerSnapshot.Listening],
        s[ServerSnapshot.Error],
        s[ServerSnapshot.Port],
        s[ServerSnapshot.Backlog],
        s[ServerSnapshot.MaxPending],
        [s[ServerSnapshot.Address], s[ServerSnapshot.ErrorString]],
      );
    }
    return s[ServerSnapshot.Result];
  }

  private updateKeepAlive(): void {
    this.h.setActive(this.listening);
  }

  ref(): this {
    this.h.ref(true);
    return this;
  }

  unref(): this {
    this.h.ref(false);
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
    return this.applySnapshot(this.h.native.listen(nativeOf(addr), port, decided)) === true;
  }

  close(): void {
    this.applySnapshot(this.h.native.close());
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
    this.h.native.take();
    // Arrivals the caller has taken are no longer news for waitForNewConnection.
    this.freshPending = Math.min(this.freshPending, this.pending.length);
    s._announcePending();
    return s;
  }

  /** Not listening, Qt (and so PyQt6) crashes here; we ignore the call with a warning instead. */
  pauseAccepting(): void {
    if (!this.notListening('pauseAccepting')) this.h.native.pauseAccepting();
  }

  resumeAccepting(): void {
    if (!this.notListening('resumeAccepting')) this.h.native.resumeAccepting();
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
    this.applySnapshot(this.h.native.setMaxPendingConnections(numConnections));
  }

  listenBacklogSize(): number {
    return this.backlog;
  }

  setListenBacklogSize(size: number): void {
    checkInt('QTcpServer.setListenBacklogSize', 'size', size, -(2 ** 31), 2 ** 31 - 1);
    this.applySnapshot(this.h.native.setListenBacklogSize(size));
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
    this.h.native.setProxy(nativeOfProxy(this._proxy));
  }

  socketDescriptor(): number {
    return (this.applySnapshot(this.h.native.socketDescriptor()) as number | null) ?? -1;
  }

  setSocketDescriptor(socketDescriptor: number): boolean {
    checkInt('QTcpServer.setSocketDescriptor', 'socketDescriptor', socketDescriptor, -1, 2 ** 31 - 1);
    return this.applySnapshot(this.h.native.setSocketDescriptor(socketDescriptor)) === true;
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
    // Any new connection answers it, whenever the wait began: Qt's waits count from the call.
    return this.h.wait(name, NEW_CONNECTION, -Infinity, msecs, signal, () => {
      // Qt's own zero-timeout wait has the last word; the connection it accepted (if any)
      // is delivered before the promise resolves, so nextPendingConnection() finds it.
      const r = this.h.gone ? 2 : (this.applySnapshot(this.h.native.waitNow()) as number);
      drainEvents();
      this.freshPending = 0;
      return [(r & 1) !== 0, (r & 2) !== 0];
    });
  }

  deleteLater(): void {
    this.h.deleteLater();
  }

  /** `using server = new QTcpServer()`: at scope exit, stop listening and free the Qt object
   * (connections already handed out stay open: they belong to their holders). */
  [disposeSymbol](): void {
    if (this.h.gone) return;
    this.close();
    this.deleteLater();
  }

  /** `await using`: as `using` (closing a server does not wait on anything), for symmetry with net.Server. */
  async [asyncDisposeSymbol](): Promise<void> {
    this[disposeSymbol]();
  }
}
defineSignals(QTcpServer, ['acceptError', 'newConnection', 'pendingConnectionAvailable']);
