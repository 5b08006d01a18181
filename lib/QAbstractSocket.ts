// QAbstractSocket: PyQt6's names over a Qt socket that lives on the Qt side. What every stream
// socket does (events, reads and writes, waits, lifetime) is StreamSocket's (lib/core/stream.ts);
// here are the addresses, connecting and binding, proxies and socket options.
import { AbortOptions, abortable, signalOf } from './core/node';
import { checkArity, checkEnum, checkFlags, checkInt, checkString, PORT_MAX } from './core/args';
import { OpenModeFlag } from './core/QIODevice';
import { native, runtime } from './core/runtime';
import type {
  NativeAbstractSocket,
  NativeAuthenticator,
  NativeNetworkProxy,
  SocketSnapshot as Snapshot,
} from './core/native';
import { SocketEvent as Ev, SocketWait as Wait } from './core/protocol';
import { defineSignals, madeSignal, recording, Signal, type StateSignal, watchedKinds } from './core/signal';
import {
  BindFlag,
  NetworkLayerProtocol,
  PauseMode,
  SocketError,
  SocketOption,
  SocketState,
  SocketType,
} from './core/socketEnums';
import { shared, StreamSocket } from './core/stream';
import { QHostAddress, nativeOf } from './QHostAddress';
import {
  QAuthenticator,
  fromNative as authenticatorFromNative,
  nativeOf as nativeOfAuthenticator,
} from './QAuthenticator';
import { QNetworkProxy, fromNative as proxyFromNative, nativeOf as nativeOfProxy } from './QNetworkProxy';
import { decideProxies } from './QNetworkProxyFactory';
import { QNetworkProxyQuery } from './QNetworkProxyQuery';

/** Signals whose events tell JS nothing but the socket's state (StateSignal). */
export const STATE_SIGNALS: readonly StateSignal[] = [
  ['stateChanged', Ev.StateChanged],
  ['hostFound', Ev.HostFound],
  ['connected', Ev.Connected],
  ['readChannelFinished', Ev.ReadChannelFinished],
];

/** What a socket is set to do that most sockets leave as it is: kept apart, made when first set. */
interface Settings {
  readBufferSize: number;
  pauseMode: PauseMode;
  protocolTag: string;
  proxy: QNetworkProxy | null; // null: DefaultProxy
}

export class QAbstractSocket extends StreamSocket<NativeAbstractSocket> {
  static readonly BindFlag = BindFlag;
  static readonly NetworkLayerProtocol = NetworkLayerProtocol;
  static readonly PauseMode = PauseMode;
  static readonly SocketError = SocketError;
  static readonly SocketOption = SocketOption;
  static readonly SocketState = SocketState;
  static readonly SocketType = SocketType;

  declare readonly connected: Signal<[]>;
  declare readonly disconnected: Signal<[]>;
  declare readonly errorOccurred: Signal<[SocketError]>;
  declare readonly hostFound: Signal<[]>;
  declare readonly stateChanged: Signal<[SocketState]>;
  /**
   * Fill `authenticator` in the slot, synchronously, as in PyQt6: Qt uses what it holds when the
   * slots return (the Qt thread waits for them; other sockets go on meanwhile).
   */
  declare readonly proxyAuthenticationRequired: Signal<[QNetworkProxy, QAuthenticator]>;

  private readonly _socketType: SocketType;

  private _localAddress = '';
  private _localPort = 0;
  private _peerAddress = '';
  private _peerPort = 0;
  private _peerName = '';
  private settings: Settings | undefined = undefined; // made when one is set: memory per socket
  private watchedKinds = -1; // what the Qt side was last told (watchSignals); -1: every event

  /**
   * QAbstractSocket(socketType, parent = None): Qt's base class itself, as PyQt6 makes it (a
   * TcpSocket one works as a QTcpSocket). Parents are not modelled: `parent` must be null.
   */
  constructor(socketType: SocketType, parent?: null);
  /** @internal QTcpSocket and QUdpSocket pass the native socket the addon made for them. */
  constructor(socketType: SocketType, nativeSocket: NativeAbstractSocket);
  constructor(socketType: SocketType, second?: NativeAbstractSocket | null) {
    super(nativeFor(new.target, socketType, second, arguments.length));
    this._socketType = socketType;
    // The loop runtime runs Qt inside JS's calls and turns: the Qt side knows at each emission
    // whether a slot is connected, and sends the stateSignals() events only while one (or a wait)
    // watches them, or when JS lacks the state they carry. The thread runtime sends every event:
    // a slot connected after Qt emitted, in the same JS task, must still run.
    if (runtime === 'loop') {
      // Nothing watches a new socket yet (its signals are made on first use) but a trace.
      this.watchedKinds = 0;
      if (recording()) this.watchSignals();
      else this.h.native.watch(0);
    }
  }

  /** @internal the signals whose events carry only the socket's state (see the constructor). */
  protected stateSignals(): readonly StateSignal[] {
    return STATE_SIGNALS;
  }

  /** @internal a slot of a stateSignals() signal was connected or disconnected, or a wait began or ended. */
  watchSignals(): void {
    if (this.watchedKinds === -1 || this.h.gone) return;
    let kinds = watchedKinds(this, this.stateSignals());
    if (this.h.hasWait(Wait.Connected)) kinds |= 1 << Ev.Connected;
    if (kinds !== this.watchedKinds) {
      this.watchedKinds = kinds;
      this.h.native.watch(kinds);
    }
  }

  /** @internal */
  override waitsChanged(kind: number): void {
    super.waitsChanged(kind);
    if (kind === Wait.Connected) this.watchSignals();
  }

  /** @internal */
  protected qtClass(): string {
    return 'QAbstractSocket';
  }

  /** @internal */
  protected disconnectGracefully(): void {
    this.disconnectFromHost();
  }

  /** @internal */
  protected otherEvent(kind: number, _seq: number, _arg: number, payload: unknown): void {
    if (kind === Ev.HostFound) {
      madeSignal(this, 'hostFound')?.emit();
    } else if (kind === Ev.ProxyAuthenticationRequired) {
      const [proxy, auth, serial] = payload as [NativeNetworkProxy, NativeAuthenticator, number];
      const authenticator = authenticatorFromNative(auth);
      try {
        madeSignal(this, 'proxyAuthenticationRequired')?.emit(proxyFromNative(proxy), authenticator);
      } finally {
        if (serial !== 0) this.h.native.answerProxyAuth(serial, nativeOfAuthenticator(authenticator));
      }
    }
  }

  /** @internal local address, local port, peer address, peer port, peer name. */
  protected applyStrings(ep: readonly unknown[], at: number): void {
    this._localAddress = shared(ep[at] as string, this._localAddress);
    this._localPort = Number(ep[at + 1]);
    this._peerAddress = shared(ep[at + 2] as string, this._peerAddress);
    this._peerPort = Number(ep[at + 3]);
    this._peerName = shared(ep[at + 4] as string, this._peerName);
  }

  // ---- QAbstractSocket ----

  /**
   * connectToHost(hostName, port, mode = ReadWrite, protocol = AnyIPProtocol)
   * connectToHost(address: QHostAddress | QHostAddress.SpecialAddress, port, mode = ReadWrite)
   */
  connectToHost(
    host: string | QHostAddress | number,
    port: number,
    mode: OpenModeFlag = OpenModeFlag.ReadWrite,
    protocol: NetworkLayerProtocol = NetworkLayerProtocol.AnyIPProtocol,
  ): void {
    const name = this.m('connectToHost');
    checkArity(name, arguments, 2, 4);
    if (typeof host !== 'string' && arguments.length > 3) {
      throw new TypeError(
        `${name}: connectToHost(address, port, mode) takes at most 3 arguments, got ${arguments.length}`,
      );
    }
    checkInt(name, 'port', port, 0, PORT_MAX);
    checkFlags(name, 'mode', mode, OpenModeFlag, 'QIODeviceBase.OpenModeFlag');
    let snap: Snapshot;
    this.catchUp();
    this.forgetFresh();
    if (typeof host === 'string') {
      checkEnum(name, 'protocol', protocol, NetworkLayerProtocol, 'QAbstractSocket.NetworkLayerProtocol');
      snap = this.h.native.connectToHost(host, port, mode, protocol, this.decideProxies(host, port));
    } else {
      const addr = QHostAddress.from(name, 'address', host);
      snap = this.h.native.connectToAddress(nativeOf(addr), port, mode, this.decideProxies(addr.toString(), port));
    }
    this.endedConnection(this.applySnapshot(snap));
    this.dropReceived();
  }

  disconnectFromHost(): void {
    checkArity(this.m('disconnectFromHost'), arguments, 0, 0);
    this.applySnapshot(this.h.native.disconnectFromHost());
  }

  /**
   * bind(address, port = 0, mode = DefaultForPlatform) / bind(port = 0, mode = DefaultForPlatform).
   * A promise, since through a proxy the bind waits on the proxy.
   */
  async bind(
    address?: QHostAddress | number,
    port?: number,
    mode?: BindFlag,
    options?: AbortOptions,
  ): Promise<boolean> {
    const name = this.m('bind');
    // A trailing options object ({ signal }) is Node's, not one of PyQt6's arguments.
    const args = [...arguments];
    if (args.length > 0 && isOptions(args[args.length - 1])) options = args.pop() as AbortOptions;
    else options = undefined;
    [address, port, mode] = args as [QHostAddress | number | undefined, number | undefined, BindFlag | undefined];
    checkArity(name, args, 0, 3);
    // The bind is decided by Qt before this returns; a signal can only prevent it.
    const signal = signalOf(name, options);
    if (signal?.aborted)
      return abortable(
        name,
        signal,
        () => undefined,
        () => undefined,
      );
    let addr: QHostAddress;
    if (address instanceof QHostAddress || args.length === 3) {
      addr = QHostAddress.from(name, 'address', address);
      port = port ?? 0;
    } else {
      // bind(port = 0, mode = DefaultForPlatform): binds to QHostAddress.Any.
      if (args.length > 2) throw new TypeError(`${name}: bind(port, mode) takes at most 2 arguments`);
      mode = port as BindFlag | undefined;
      port = (address as number | undefined) ?? 0;
      addr = new QHostAddress(QHostAddress.SpecialAddress.Any);
    }
    checkInt(name, 'port', port, 0, PORT_MAX);
    mode = mode ?? BindFlag.DefaultForPlatform;
    checkFlags(name, 'mode', mode, BindFlag, 'QAbstractSocket.BindFlag');
    return this.applySnapshot(this.h.native.bind(nativeOf(addr), port, mode, this.decideProxies('', port))) === true;
  }

  error(): SocketError {
    return this._error;
  }

  state(): SocketState {
    return this._state;
  }

  socketType(): SocketType {
    return this._socketType;
  }

  localAddress(): QHostAddress {
    return new QHostAddress(this._localAddress);
  }

  localPort(): number {
    return this._localPort;
  }

  peerAddress(): QHostAddress {
    return new QHostAddress(this._peerAddress);
  }

  peerPort(): number {
    return this._peerPort;
  }

  peerName(): string {
    return this._peerName;
  }

  readBufferSize(): number {
    return this.settings?.readBufferSize ?? 0;
  }

  /** As Qt: 0 is unlimited (here: bounded by a 16 MiB high-water mark, so a reader that does not
   * read applies TCP backpressure instead of growing memory). */
  setReadBufferSize(size: number): void {
    checkInt(this.m('setReadBufferSize'), 'size', size, 0, Number.MAX_SAFE_INTEGER);
    this.set().readBufferSize = size;
    this.applyReadLimit(size);
  }

  pauseMode(): PauseMode {
    return this.settings?.pauseMode ?? PauseMode.PauseNever;
  }

  setPauseMode(pauseMode: PauseMode): void {
    checkFlags(this.m('setPauseMode'), 'pauseMode', pauseMode, PauseMode, 'QAbstractSocket.PauseMode');
    this.set().pauseMode = pauseMode;
    this.h.native.setPauseMode(pauseMode);
  }

  resume(): void {
    this.h.native.resume();
  }

  private set(): Settings {
    return (this.settings ??= { readBufferSize: 0, pauseMode: PauseMode.PauseNever, protocolTag: '', proxy: null });
  }

  /** @internal what a JS application factory says for this connection, asked as Qt asks (resolveProxy). */
  protected decideProxies(hostName: string, port: number): unknown[] | undefined {
    const type =
      this._socketType === SocketType.UdpSocket
        ? QNetworkProxyQuery.QueryType.UdpSocket
        : QNetworkProxyQuery.QueryType.TcpSocket;
    return decideProxies(
      this.settings?.proxy ?? null,
      () => new QNetworkProxyQuery(hostName, port, this.protocolTag(), type),
    );
  }

  /** A copy of the proxy set with setProxy (a DefaultProxy until then). */
  proxy(): QNetworkProxy {
    checkArity(this.m('proxy'), arguments, 0, 0);
    const proxy = this.settings?.proxy;
    return proxy ? new QNetworkProxy(proxy) : new QNetworkProxy();
  }

  /**
   * The proxy for the next connectToHost or bind (Qt reads it then): DefaultProxy follows the
   * application proxy (or factory); NoProxy connects directly. A ProxyType member stands for a
   * QNetworkProxy of that type, as in C++ and PyQt6.
   */
  setProxy(networkProxy: QNetworkProxy | QNetworkProxy.ProxyType): void {
    const name = this.m('setProxy');
    checkArity(name, arguments, 1, 1);
    const proxy = QNetworkProxy.from(name, 'networkProxy', networkProxy);
    const copy = (this.set().proxy = new QNetworkProxy(proxy));
    this.h.native.setProxy(nativeOfProxy(copy));
  }

  protocolTag(): string {
    return this.settings?.protocolTag ?? '';
  }

  /** Part of what a proxy factory is asked (QNetworkProxyQuery.protocolTag). */
  setProtocolTag(tag: string): void {
    this.set().protocolTag = checkString(this.m('setProtocolTag'), 'tag', tag);
    this.h.native.setProtocolTag(tag);
  }

  /** As PyQt6: an int for every option; None (here null) when the socket has no descriptor. */
  socketOption(option: SocketOption): number | null {
    checkEnum(this.m('socketOption'), 'option', option, SocketOption, 'QAbstractSocket.SocketOption');
    return this.applySnapshot(this.h.native.socketOption(option)) as number | null;
  }

  setSocketOption(option: SocketOption, value: number | boolean): void {
    const name = this.m('setSocketOption');
    checkArity(name, arguments, 2, 2);
    checkEnum(name, 'option', option, SocketOption, 'QAbstractSocket.SocketOption');
    const v = typeof value === 'boolean' ? Number(value) : checkInt(name, 'value', value, -(2 ** 31), 2 ** 31 - 1);
    this.h.native.setSocketOption(option, v);
  }

  socketDescriptor(): number {
    return (this.applySnapshot(this.h.native.socketDescriptor()) as number | null) ?? -1;
  }

  setSocketDescriptor(
    socketDescriptor: number,
    state: SocketState = SocketState.ConnectedState,
    mode: OpenModeFlag = OpenModeFlag.ReadWrite,
  ): boolean {
    const name = this.m('setSocketDescriptor');
    checkArity(name, arguments, 1, 3);
    checkInt(name, 'socketDescriptor', socketDescriptor, -1, 2 ** 31 - 1);
    checkEnum(name, 'state', state, SocketState, 'QAbstractSocket.SocketState');
    checkFlags(name, 'mode', mode, OpenModeFlag, 'QIODeviceBase.OpenModeFlag');
    const ok = this.applySnapshot(this.h.native.setSocketDescriptor(socketDescriptor, state, mode)) === true;
    this.dropReceived();
    if (ok) descriptorsInHand.delete(socketDescriptor);
    return ok;
  }
}
defineSignals(QAbstractSocket, ['proxyAuthenticationRequired']);
defineSignals(
  QAbstractSocket,
  STATE_SIGNALS.map(([name]) => name),
  (s: QAbstractSocket) => s.watchSignals(),
);

/**
 * @internal The descriptors a QTcpServer subclass's incomingConnection is running for: one that a
 * socket's setSocketDescriptor took is the socket's; one still here when the override throws is
 * closed (QTcpServer.ts).
 */
export const descriptorsInHand = new Set<number>();

/** Whether `n` is a native socket the addon made (a QTcpSocket's or a QUdpSocket's). */
function isNativeSocket(n: unknown): n is NativeAbstractSocket {
  return (
    n instanceof native.QTcpSocket ||
    n instanceof native.QSslSocket ||
    n instanceof native.QUdpSocket ||
    n instanceof native.QAbstractSocket
  );
}

// QTcpSocket and QUdpSocket pass the native socket the addon made for them; otherwise (socketType,
// parent), checked here, at once, and Qt's base class is made.
function nativeFor(target: unknown, socketType: unknown, second: unknown, count: number): NativeAbstractSocket {
  if (target !== QAbstractSocket && isNativeSocket(second)) return second;
  const name = 'QAbstractSocket';
  if (count < 1 || count > 2) throw new TypeError(`${name}: takes 1 or 2 arguments (socketType, parent), got ${count}`);
  checkEnum(name, 'socketType', socketType, SocketType, 'QAbstractSocket.SocketType');
  if (second !== undefined && second !== null) {
    throw new TypeError(`${name}: argument 'parent' must be None (null); parents are not supported`);
  }
  return new native.QAbstractSocket(socketType as number);
}

/** A plain object (not a QHostAddress, number or enum): Node's trailing options argument. */
export function isOptions(v: unknown): boolean {
  return typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace QAbstractSocket {
  type BindFlag = import('./core/socketEnums').BindFlag;
  type NetworkLayerProtocol = import('./core/socketEnums').NetworkLayerProtocol;
  type PauseMode = import('./core/socketEnums').PauseMode;
  type SocketError = import('./core/socketEnums').SocketError;
  type SocketOption = import('./core/socketEnums').SocketOption;
  type SocketState = import('./core/socketEnums').SocketState;
  type SocketType = import('./core/socketEnums').SocketType;
}
