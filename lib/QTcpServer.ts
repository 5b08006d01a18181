// QTcpServer: a Qt server on the Qt side. What every server does (the pending queue, waits,
// lifetime) is StreamServer's (lib/core/server.ts); here are addresses, ports and proxies.
import { closeSync } from 'node:fs';
import { AbortOptions, abortable, signalOf } from './core/node';
import { checkArity, checkInt, describe, PORT_MAX } from './core/args';
import { unbound } from './core/bound';
import type { NativeAbstractSocket, NativeTcpServer } from './core/native';
import { ServerEvent as Ev } from './core/protocol';
import { native } from './core/runtime';
import { StreamServer } from './core/server';
import { defineSignals, madeSignal, reportCallbackError, Signal } from './core/signal';
import { SocketError } from './core/socketEnums';
import { QHostAddress, nativeOf } from './QHostAddress';
import { QNetworkProxy, nativeOf as nativeOfProxy } from './QNetworkProxy';
import { decideProxies } from './QNetworkProxyFactory';
import { QNetworkProxyQuery } from './QNetworkProxyQuery';
import { descriptorsInHand } from './QAbstractSocket';
import { QTcpSocket } from './QTcpSocket';

export class QTcpServer extends StreamServer<QTcpSocket, NativeTcpServer> {
  declare readonly acceptError: Signal<[SocketError]>;
  declare readonly pendingConnectionAvailable: Signal<[]>;

  private _serverPort = 0;
  private _serverAddress = '';
  private _proxy = new QNetworkProxy();

  /** QTcpServer(parent = None). */
  constructor(parent?: null) {
    const name = new.target.name;
    checkArity(name, arguments, 0, 1);
    if (parent !== undefined && parent !== null) {
      throw new TypeError(`${name}: argument 'parent' must be None (null); parents are not supported`);
    }
    super((new.target as typeof QTcpServer)._newNative());
    // Decided once: a server whose class keeps Qt's incomingConnection costs nothing more.
    if (unbound(this.incomingConnection) !== QTcpServer.prototype.incomingConnection) this.h.native.overrideIncoming();
  }

  /** @internal the native server `new` makes: a subclass (QSslServer) makes its own. */
  protected static _newNative(): NativeTcpServer {
    return new native.QTcpServer();
  }

  /** @internal */
  protected adopt(nativeSocket: unknown, _id: number): QTcpSocket | undefined {
    return QTcpSocket._adopt(nativeSocket as NativeAbstractSocket);
  }

  /** @internal the port; the address. */
  protected applyOwn(port: number, strings: readonly unknown[], at: number): void {
    this._serverPort = port;
    this._serverAddress = strings[at] as string;
  }

  /** @internal */
  protected otherEvent(kind: number, arg: number, _payload: unknown, _i0: number): void {
    if (kind === Ev.PendingConnectionAvailable) madeSignal(this, 'pendingConnectionAvailable')?.emit();
    else if (kind === Ev.AcceptError) madeSignal(this, 'acceptError')?.emit(arg as SocketError);
    else if (kind === Ev.IncomingConnection) this.incoming(arg);
  }

  // Qt accepted `fd` for a subclass that overrides incomingConnection. The descriptor is JS's from
  // here on: a socket's setSocketDescriptor takes it, or the override hands it on (a Worker). If the
  // override throws before a socket took it, it is closed (the peer sees the connection end) and the
  // error is reported as a throwing slot's is.
  private incoming(fd: number): void {
    if (!this.h.native.claim(fd)) return;
    // Accepted before a close() that reached JS first (the thread runtime): Qt's close() would
    // have found it pending and deleted it; so is it closed here.
    if (!this.isListening()) return closeQuietly(fd);
    descriptorsInHand.add(fd);
    try {
      this.incomingConnection(fd);
    } catch (err) {
      if (descriptorsInHand.has(fd)) closeQuietly(fd);
      reportCallbackError(err);
    } finally {
      descriptorsInHand.delete(fd);
    }
  }

  /**
   * Qt calls it for each connection it accepts, before newConnection. Qt's (this one, also as
   * `super.incomingConnection(socketDescriptor)`) makes a QTcpSocket with setSocketDescriptor and
   * adds it with addPendingConnection. A subclass that overrides it gets the descriptor instead (a
   * number: PyQt6 passes a sip.voidptr, `int(handle)` there) and owns it: it may make the socket
   * itself, or post the number to a worker_thread, which makes the socket there. newConnection is
   * emitted after it returns, whether it added a connection or not, as in Qt.
   */
  protected incomingConnection(socketDescriptor: number): void {
    const name = 'QTcpServer.incomingConnection';
    checkArity(name, arguments, 1, 1);
    checkInt(name, 'socketDescriptor', socketDescriptor, 0, 2 ** 31 - 1);
    // Made on the Qt side, as Qt's own: nothing of JS can hear its setSocketDescriptor (the thread
    // runtime would deliver that stateChanged to slots connected after this returns).
    const made = this.h.native.adoptDescriptor(socketDescriptor);
    if (made === null) return closeQuietly(socketDescriptor);
    descriptorsInHand.delete(socketDescriptor);
    // A QSslServer's socket: it reaches JS by its own event, and is queued once encrypted.
    if (made === undefined) return;
    this.queuePending(QTcpSocket._adopt(made, true));
    madeSignal(this, 'pendingConnectionAvailable')?.emit();
  }

  /** Queues `socket` for nextPendingConnection and emits pendingConnectionAvailable, as Qt's. */
  protected addPendingConnection(socket: QTcpSocket): void {
    const name = 'QTcpServer.addPendingConnection';
    checkArity(name, arguments, 1, 1);
    if (!(socket instanceof QTcpSocket)) {
      throw new TypeError(`${name}: argument 'socket' must be a QTcpSocket, got ${describe(socket)}`);
    }
    // Queued before pendingConnectionAvailable, so a slot of it finds the socket; emitted here, in
    // the call, as Qt's is (Qt's own emission is not forwarded: the thread runtime would deliver it
    // after the newConnection that follows the override).
    this.queuePending(socket);
    this.h.native.addPending(QTcpSocket._nativeOf(socket));
    madeSignal(this, 'pendingConnectionAvailable')?.emit();
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

  serverAddress(): QHostAddress {
    return new QHostAddress(this._serverAddress);
  }

  serverPort(): number {
    return this._serverPort;
  }

  /** Not listening, Qt (and so PyQt6) crashes here; we ignore the call with a warning instead. */
  pauseAccepting(): void {
    if (!this.notListening('pauseAccepting')) this.h.native.pauseAccepting();
  }

  resumeAccepting(): void {
    if (!this.notListening('resumeAccepting')) this.h.native.resumeAccepting();
  }

  private notListening(method: string): boolean {
    if (this.isListening()) return false;
    process.emitWarning(`QTcpServer.${method}: the server is not listening; ignored (Qt would crash)`);
    return true;
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

  setSocketDescriptor(socketDescriptor: number): boolean {
    checkInt('QTcpServer.setSocketDescriptor', 'socketDescriptor', socketDescriptor, -1, 2 ** 31 - 1);
    return this.applySnapshot(this.h.native.setSocketDescriptor(socketDescriptor)) === true;
  }
}
defineSignals(QTcpServer, ['acceptError', 'pendingConnectionAvailable']);

function closeQuietly(fd: number): void {
  try {
    closeSync(fd);
  } catch {
    // Already closed by whoever had it.
  }
}
