// QAbstractSocket: PyQt6's names over a Qt socket that lives on the Qt thread. The state here is
// the JS thread's view of it: it changes when Qt's events are delivered (in Qt's order) and when a
// call that changes state in Qt returns (connectToHost, abort, close, disconnectFromHost).
import { AbortOptions, abortable, asyncDisposeSymbol, disposeSymbol, signalOf } from './core/node';
import { checkArity, checkEnum, checkFlags, checkInt, checkMsecs, checkString, toBuffer, PORT_MAX } from './core/args';
import { OpenModeFlag, QIODevice } from './core/QIODevice';
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
import {
  BindFlag,
  NetworkLayerProtocol,
  PauseMode,
  SocketError,
  SocketOption,
  SocketState,
  SocketType,
} from './core/socketEnums';
import { QHostAddress, nativeOf } from './QHostAddress';
import {
  QAuthenticator,
  fromNative as authenticatorFromNative,
  nativeOf as nativeOfAuthenticator,
} from './QAuthenticator';
import { QNetworkProxy, fromNative as proxyFromNative, nativeOf as nativeOfProxy } from './QNetworkProxy';
import { decideProxies } from './QNetworkProxyFactory';
import type { NativeAuthenticator, NativeNetworkProxy } from './core/native';
import { QNetworkProxyQuery } from './QNetworkProxyQuery';

// Event kinds, as native/tcp_socket.h lists them.
const enum Ev {
  StateChanged = 1,
  HostFound,
  Connected,
  Disconnected,
  ErrorOccurred,
  ReadyRead,
  BytesWritten,
  AboutToClose,
  ReadChannelFinished,
  Destroyed,
  Endpoint,
  ProxyAuthenticationRequired,
}

// Which Qt wait a timed-out JS wait hands over to (native waitNow).
const enum Wait {
  Connected = 0,
  ReadyRead = 1,
  BytesWritten = 2,
  Disconnected = 3,
}

interface Fresh {
  readyRead: boolean;
  bytesWritten: boolean;
  disconnected: boolean;
}

interface Waiter {
  kind: Wait;
  resolve: (ok: boolean) => void;
  timer?: NodeJS.Timeout;
  seq: number; // only events newer than this answer it (older ones are from before the wait)
}

/** What a socket is set to do that most sockets leave as it is: kept apart, made when first set. */
interface Settings {
  readBufferSize: number;
  pauseMode: PauseMode;
  protocolTag: string;
  proxy: QNetworkProxy | null; // null: DefaultProxy
}

/**
 * An event's number as the field that keeps it: a small integer when it is one. The numbers come
 * from a Float64Array, read as heap numbers, and a field that once holds one keeps every value
 * boxed (16 bytes each, for every socket); an integer stays unboxed.
 */
const int = (v: number): number => ((v | 0) === v ? v | 0 : v);

// One copy of the addresses and messages seen lately, which sockets keep instead of a copy each:
// the clients of one server all have its address as peer, and most sockets one local address.
const lastStrings = new Map<string, string>();
function shared(s: string): string {
  const known = lastStrings.get(s);
  if (known !== undefined) return known;
  if (lastStrings.size >= 16) lastStrings.clear();
  lastStrings.set(s, s);
  return s;
}

/** The native socket interface (native/tcp_socket.cc). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type NativeSocket = any;

export class QAbstractSocket extends QIODevice implements EventSink {
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

  /** @internal */
  protected readonly native: NativeSocket;
  private readonly _socketType: SocketType;
  private readonly _id: number;

  // The mirror of the Qt socket, as of event or snapshot number `seq`.
  private seq = 0;
  private eventSeq = 0; // the newest event delivered (events up to `seq` may still be on their way)
  private _state = SocketState.UnconnectedState;
  private _valid = false;
  private _openMode = OpenModeFlag.NotOpen;
  private _error = SocketError.UnknownSocketError;
  private _errorString = 'Unknown error';
  private qtBytesToWrite = 0;
  private qtTaken = 0; // bytes of our writes the Qt side has taken
  private jsWritten = 0; // bytes of our writes sent to the Qt side
  private _localAddress = '';
  private _localPort = 0;
  private _peerAddress = '';
  private _peerPort = 0;
  private _peerName = '';

  private discardUpTo = 0; // received bytes from events up to this seq were dropped by close/abort
  private unacked = 0; // bytes read here that the Qt side has not been told about
  private settings: Settings | undefined = undefined; // made when one is set: memory per socket
  private alive = 0; // keepAlive() state
  private waiters: Waiter[] | undefined = undefined;
  private gone = false;
  private watchingBytesWritten = false;
  // What happened since the program last waited for it or consumed it. PyQt6 code that blocks
  // (write, then waitForReadyRead) finds the answer still unread in the kernel when it waits; here
  // the Qt thread may have received it already, while JS was busy: a wait then returns at once.
  private _fresh: Fresh | undefined = undefined; // made when first set: memory per socket
  private announcePending = false;

  /** @internal */
  protected constructor(socketType: SocketType, nativeSocket: NativeSocket) {
    // TS's `protected` does not exist at run time: `new QAbstractSocket(...)` from JS would make a
    // socket around whatever it was given, failing later in a timer or an event. The classes below
    // pass a native socket the addon made; anything else is refused here, at once.
    if (new.target === QAbstractSocket || !(nativeSocket instanceof native.TcpSocket)) {
      throw new TypeError('QAbstractSocket cannot be instantiated directly: use QTcpSocket or QUdpSocket');
    }
    super();
    this._socketType = socketType;
    this.native = nativeSocket;
    this._id = nativeSocket.id;
    register(this._id, this);
  }

  /** @internal `_fresh`, made on first use; an event or QUdpSocket sets it. */
  protected get fresh(): Fresh {
    return (this._fresh ??= { readyRead: false, bytesWritten: false, disconnected: false });
  }

  // ---- events from the Qt thread ----

  /** @internal */
  onEvent(
    kind: number,
    seq: number,
    packed: number,
    openMode: number,
    error: number,
    arg: number,
    btw: number,
    taken: number,
    payload: unknown,
    more: boolean,
  ): void {
    if (this.announcePending && kind !== Ev.ReadyRead && kind !== Ev.Endpoint) this.announce();
    if (seq > this.eventSeq) this.eventSeq = int(seq);
    if (seq > this.seq) {
      this.seq = int(seq);
      this.applyState(packed, openMode, error, btw, taken);
      if (Array.isArray(payload) && kind !== Ev.ErrorOccurred && kind !== Ev.ProxyAuthenticationRequired)
        this.applyEndpoint(payload as string[], 0);
    } else if (seq === this.seq) {
      this.updateKeepAlive(); // the last event a snapshot counted is here
    }
    switch (kind) {
      case Ev.StateChanged:
        if (arg === SocketState.UnconnectedState) this.settleWaiters(false, seq);
        madeSignal(this, 'stateChanged')?.emit(arg as SocketState);
        break;
      case Ev.HostFound:
        madeSignal(this, 'hostFound')?.emit();
        break;
      case Ev.Connected:
        this.settle(Wait.Connected, true, seq);
        madeSignal(this, 'connected')?.emit();
        break;
      case Ev.Disconnected:
        this.fresh.disconnected = true;
        this.settle(Wait.Disconnected, true, seq);
        madeSignal(this, 'disconnected')?.emit();
        break;
      case Ev.ErrorOccurred:
        if (seq >= this.seq) this._errorString = shared((payload as string[])[0]);
        madeSignal(this, 'errorOccurred')?.emit(arg as SocketError);
        break;
      case Ev.ReadyRead:
        if (seq <= this.discardUpTo) break;
        this.received(payload, arg);
        this.fresh.readyRead = true;
        if (more) break; // one readyRead for a run of data events, as one Qt read would give
        this.announcePending = false;
        this.settle(Wait.ReadyRead, true, seq);
        if (!this.shouldAnnounce()) break;
        madeSignal(this, 'readyRead')?.emit();
        madeSignal(this, 'channelReadyRead')?.emit(0);
        break;
      case Ev.BytesWritten:
        this.fresh.bytesWritten = true;
        this.settle(Wait.BytesWritten, true, seq);
        madeSignal(this, 'bytesWritten')?.emit(arg);
        madeSignal(this, 'channelBytesWritten')?.emit(0, arg);
        break;
      case Ev.AboutToClose:
        madeSignal(this, 'aboutToClose')?.emit();
        break;
      case Ev.ReadChannelFinished:
        madeSignal(this, 'readChannelFinished')?.emit();
        break;
      case Ev.ProxyAuthenticationRequired: {
        const [proxy, auth, serial] = payload as [NativeNetworkProxy, NativeAuthenticator, number];
        const authenticator = authenticatorFromNative(auth);
        try {
          madeSignal(this, 'proxyAuthenticationRequired')?.emit(proxyFromNative(proxy), authenticator);
        } finally {
          if (serial !== 0) this.native.answerProxyAuth(serial, nativeOfAuthenticator(authenticator));
        }
        break;
      }
      case Ev.Destroyed:
        this.gone = true;
        this.applyState(0, 0, this._error, 0, this.jsWritten);
        this.settleWaiters(false, Infinity);
        unregister(this._id, this);
        madeSignal(this, 'destroyed')?.emit(this);
        break;
    }
  }

  /** @internal received data from a readyRead event: bytes here (TCP); QUdpSocket takes datagrams. */
  protected received(payload: unknown, _arg: number): void {
    this.appendReceived(payload as Buffer);
  }

  /** @internal whether new data is announced with readyRead (QUdpSocket: not until one is read, as Qt). */
  protected shouldAnnounce(): boolean {
    return true;
  }

  private applyState(packed: number, openMode: number, error: number, btw: number, taken: number): void {
    this._state = (packed & 0xf) as SocketState;
    this._valid = (packed & 0x10) !== 0;
    this._openMode = openMode | 0;
    this._error = error | 0;
    this.qtBytesToWrite = int(btw);
    this.qtTaken = int(taken);
    this.updateKeepAlive();
  }

  private applyEndpoint(ep: string[], at: number): void {
    this._localAddress = shared(ep[at]);
    this._localPort = Number(ep[at + 1]);
    this._peerAddress = shared(ep[at + 2]);
    this._peerPort = Number(ep[at + 3]);
    this._peerName = shared(ep[at + 4]);
  }

  /** A sync call's answer: [seq, packed state, openMode, error, errorString, bytesToWrite, taken, endpoint×5, result].
   * The result is null once the Qt object is gone (deleteLater): callers answer false or -1 then. */
  protected applySnapshot(snap: unknown[]): unknown {
    const seq = snap[0] as number;
    if (seq >= this.seq) {
      this.seq = seq;
      this.applyState(snap[1] as number, snap[2] as number, snap[3] as number, snap[5] as number, snap[6] as number);
      this._errorString = shared(snap[4] as string);
      this.applyEndpoint(snap as string[], 7);
    }
    return snap[12];
  }

  /** After close()/abort()/connectToHost(): Qt dropped its read buffer, so do we. */
  /** @internal a QTcpServer handed this socket out: bytes that came while it was pending are
   * announced once the caller has had a turn to connect its slots (in PyQt6 they would be read
   * only then), and before any later signal of the socket. */
  _announcePending(): void {
    if (this.bytesAvailable() === 0) return;
    this.announcePending = true;
    setImmediate(() => {
      if (this.announcePending) this.announce();
    });
  }

  private announce(): void {
    this.announcePending = false;
    madeSignal(this, 'readyRead')?.emit();
    madeSignal(this, 'channelReadyRead')?.emit(0);
  }

  /** @internal close()/abort()/connectToHost(): Qt dropped what it had received, and the Qt side forgot what JS held. */
  protected dropReceived(): void {
    this.discardUpTo = this.seq;
    this.unacked = 0;
    this.clearReceived();
  }

  private updateKeepAlive(): void {
    // Also while events a call's snapshot counted are still on their way (close() queues
    // disconnected): their slots run, as Qt runs them inside close(), even if nothing else holds
    // the socket, and as a net.Socket stays alive until its 'close'.
    this.alive = keepAlive(
      this._id,
      this,
      this.alive,
      !this.gone && (this._state !== SocketState.UnconnectedState || this.eventSeq < this.seq),
    );
  }

  /** As net.Socket.ref(): an active socket keeps the process alive (the default). */
  ref(): this {
    this.alive = keepAliveRef(this.alive, true);
    return this;
  }

  /** As net.Socket.unref(): the process may exit while this socket is active. */
  unref(): this {
    this.alive = keepAliveRef(this.alive, false);
    return this;
  }

  /** @internal the QIODevice read buffer gave up n bytes: let the Qt side read more. */
  protected consumed(n: number): void {
    if (this._fresh) this._fresh.readyRead = false;
    this.unacked += n;
    // Tell the Qt side in steps, not per read: it stalls only when JS holds a full buffer.
    const size = this.readBufferSize();
    const limit = size > 0 ? size : 16 << 20;
    if (this.unacked >= limit / 4 || this.bytesAvailable() === 0) {
      this.native.ack(this.unacked);
      this.unacked = 0;
    }
  }

  /** @internal a method's name for messages: `QUdpSocket.bind`. */
  protected m(method: string): string {
    return `${this.constructor.name}.${method}`;
  }

  // ---- QIODevice ----

  openMode(): OpenModeFlag {
    return this._openMode;
  }

  errorString(): string {
    return this._errorString;
  }

  bytesAvailable(): number {
    return super.bytesAvailable();
  }

  bytesToWrite(): number {
    return this.qtBytesToWrite + (this.jsWritten - this.qtTaken);
  }

  isSequential(): boolean {
    return true;
  }

  atEnd(): boolean {
    return this.bytesAvailable() === 0;
  }

  write(data: Buffer | Uint8Array | string): number {
    checkArity(this.m('write'), arguments, 1, 1);
    const buf = toBuffer(this.m('write'), 'data', data);
    if (!this.isOpen()) {
      process.emitWarning(`QIODevice::write (${this.constructor.name}): device not open`);
      return -1;
    }
    if (!this.isWritable()) {
      process.emitWarning(`QIODevice::write (${this.constructor.name}): ReadOnly device`);
      return -1;
    }
    if (this._state === SocketState.UnconnectedState) {
      // Qt's writeData: still open (the peer closed, the data stays readable) but not connected.
      this._error = SocketError.UnknownSocketError;
      this._errorString = 'Socket is not connected';
      return -1;
    }
    if (buf.length === 0) return 0;
    this.native.write(buf);
    this.jsWritten += buf.length;
    return buf.length;
  }

  close(): void {
    checkArity(this.m('close'), arguments, 0, 0);
    this.applySnapshot(this.native.close());
    this.dropReceived();
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
    let snap: unknown[];
    this._fresh = undefined;
    if (typeof host === 'string') {
      checkEnum(name, 'protocol', protocol, NetworkLayerProtocol, 'QAbstractSocket.NetworkLayerProtocol');
      snap = this.native.connectToHost(host, port, mode, protocol, this.decideProxies(host, port));
    } else {
      const addr = QHostAddress.from(name, 'address', host);
      snap = this.native.connectToAddress(nativeOf(addr), port, mode, this.decideProxies(addr.toString(), port));
    }
    this.applySnapshot(snap);
    this.dropReceived();
  }

  disconnectFromHost(): void {
    checkArity(this.m('disconnectFromHost'), arguments, 0, 0);
    this.applySnapshot(this.native.disconnectFromHost());
  }

  abort(): void {
    checkArity(this.m('abort'), arguments, 0, 0);
    this.applySnapshot(this.native.abort());
    this.dropReceived();
  }

  flush(): boolean {
    return this.applySnapshot(this.native.flush()) === true;
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
    return this.applySnapshot(this.native.bind(nativeOf(addr), port, mode, this.decideProxies('', port))) === true;
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

  isValid(): boolean {
    return this._valid;
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
    this.native.setReadLimit(size);
  }

  pauseMode(): PauseMode {
    return this.settings?.pauseMode ?? PauseMode.PauseNever;
  }

  setPauseMode(pauseMode: PauseMode): void {
    checkFlags(this.m('setPauseMode'), 'pauseMode', pauseMode, PauseMode, 'QAbstractSocket.PauseMode');
    this.set().pauseMode = pauseMode;
    this.native.setPauseMode(pauseMode);
  }

  resume(): void {
    this.native.resume();
  }

  private set(): Settings {
    return (this.settings ??= { readBufferSize: 0, pauseMode: PauseMode.PauseNever, protocolTag: '', proxy: null });
  }

  // What a JS application factory says for this connection, asked as Qt asks (resolveProxy).
  private decideProxies(hostName: string, port: number): unknown[] | undefined {
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
    this.native.setProxy(nativeOfProxy(copy));
  }

  protocolTag(): string {
    return this.settings?.protocolTag ?? '';
  }

  /** Part of what a proxy factory is asked (QNetworkProxyQuery.protocolTag). */
  setProtocolTag(tag: string): void {
    this.set().protocolTag = checkString(this.m('setProtocolTag'), 'tag', tag);
    this.native.setProtocolTag(tag);
  }

  /** As PyQt6: an int for every option; None (here null) when the socket has no descriptor. */
  socketOption(option: SocketOption): number | null {
    checkEnum(this.m('socketOption'), 'option', option, SocketOption, 'QAbstractSocket.SocketOption');
    return this.applySnapshot(this.native.socketOption(option)) as number | null;
  }

  setSocketOption(option: SocketOption, value: number | boolean): void {
    const name = this.m('setSocketOption');
    checkArity(name, arguments, 2, 2);
    checkEnum(name, 'option', option, SocketOption, 'QAbstractSocket.SocketOption');
    const v = typeof value === 'boolean' ? Number(value) : checkInt(name, 'value', value, -(2 ** 31), 2 ** 31 - 1);
    this.native.setSocketOption(option, v);
  }

  socketDescriptor(): number {
    return (this.applySnapshot(this.native.socketDescriptor()) as number | null) ?? -1;
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
    const ok = this.applySnapshot(this.native.setSocketDescriptor(socketDescriptor, state, mode)) === true;
    this.dropReceived();
    return ok;
  }

  // ---- waits: PyQt6 blocks, we return promises that resolve with what PyQt6 would return ----

  private settle(kind: Wait, ok: boolean, seq: number): void {
    if (this.waiters === undefined) return;
    const keep: Waiter[] = [];
    for (const w of this.waiters) {
      if (w.kind === kind && seq > w.seq) this.finish(w, ok);
      else keep.push(w);
    }
    this.waiters = keep.length > 0 ? keep : undefined;
    if (kind === Wait.BytesWritten) this.bytesWrittenWatched();
  }

  /** The socket became unconnected: every wait ends (waitForDisconnected with true, as Qt's). */
  private settleWaiters(ok: boolean, seq: number): void {
    if (this.waiters === undefined) return;
    const keep: Waiter[] = [];
    for (const w of this.waiters) {
      if (seq > w.seq) this.finish(w, w.kind === Wait.Disconnected ? true : ok);
      else keep.push(w);
    }
    this.waiters = keep.length > 0 ? keep : undefined;
  }

  private finish(w: Waiter, ok: boolean): void {
    if (w.timer) clearTimeout(w.timer);
    yieldToWaiter();
    w.resolve(ok);
  }

  /** @internal Qt wakes us at once for bytesWritten only while a slot or a wait watches it. */
  protected override bytesWrittenWatched(): void {
    const watched =
      (madeSignal(this, 'bytesWritten')?.connected ?? 0) + (madeSignal(this, 'channelBytesWritten')?.connected ?? 0) >
        0 || this.waiters?.some((w) => w.kind === Wait.BytesWritten) === true;
    if (watched !== this.watchingBytesWritten && !this.gone) {
      this.watchingBytesWritten = watched;
      this.native.watchBytesWritten(watched);
    }
  }

  private wait(method: string, kind: Wait, msecs: number, signal: AbortSignal | undefined): Promise<boolean> {
    let w: Waiter;
    const forget = (): void => {
      const keep = this.waiters?.filter((x) => x !== w);
      this.waiters = keep?.length ? keep : undefined;
      if (w.timer) clearTimeout(w.timer);
      if (kind === Wait.BytesWritten) this.bytesWrittenWatched();
    };
    return abortable<boolean>(
      method,
      signal,
      (resolve) => {
        w = { kind, resolve, seq: this.seq };
        if (msecs >= 0) {
          w.timer = setTimeout(() => {
            forget();
            // Out of time here: ask Qt with a zero timeout, so the verdict and its side effects
            // (SocketTimeoutError, the socket reset) are Qt's own; what it read or emitted is
            // delivered before the promise resolves, so a read right after the await sees it.
            let ok = false;
            if (!this.gone) {
              ok = this.applySnapshot(this.native.waitNow(kind)) === true;
              drainEvents();
            }
            resolve(ok);
          }, msecs);
        }
        (this.waiters ??= []).push(w);
        if (kind === Wait.BytesWritten) this.bytesWrittenWatched();
      },
      forget,
    );
  }

  /**
   * The waits: PyQt6's msecs (-1: no limit), and `options.signal` to abandon the wait, which
   * rejects with an AbortError and leaves the socket as it is (still connecting, say), with no
   * timeout verdict applied.
   */
  waitForConnected(msecs = 30000, options?: AbortOptions): Promise<boolean> {
    const name = this.m('waitForConnected');
    checkMsecs(name, msecs);
    const signal = signalOf(name, options);
    if (signal?.aborted) return this.wait(name, Wait.Connected, msecs, signal);
    if (this._state === SocketState.ConnectedState) return Promise.resolve(true);
    if (this._state === SocketState.UnconnectedState) return Promise.resolve(false);
    return this.wait(name, Wait.Connected, msecs, signal);
  }

  async waitForReadyRead(msecs = 30000, options?: AbortOptions): Promise<boolean> {
    const name = this.m('waitForReadyRead');
    checkMsecs(name, msecs);
    const signal = signalOf(name, options);
    if (signal?.aborted) return this.wait(name, Wait.ReadyRead, msecs, signal);
    if (this._state === SocketState.UnconnectedState) return false;
    if (this._state === SocketState.HostLookupState || this._state === SocketState.ConnectingState) {
      const start = Date.now();
      if (!(await this.waitForConnected(msecs, options))) return false;
      if (msecs >= 0) msecs = Math.max(0, msecs - (Date.now() - start));
    }
    if (this._fresh?.readyRead) {
      this._fresh.readyRead = false;
      return true;
    }
    return this.wait(name, Wait.ReadyRead, msecs, signal);
  }

  async waitForBytesWritten(msecs = 30000, options?: AbortOptions): Promise<boolean> {
    const name = this.m('waitForBytesWritten');
    checkMsecs(name, msecs);
    const signal = signalOf(name, options);
    if (signal?.aborted) return this.wait(name, Wait.BytesWritten, msecs, signal);
    if (this._state === SocketState.UnconnectedState) return false;
    if (this._state === SocketState.HostLookupState || this._state === SocketState.ConnectingState) {
      const start = Date.now();
      if (!(await this.waitForConnected(msecs, options))) return false;
      if (msecs >= 0) msecs = Math.max(0, msecs - (Date.now() - start));
    }
    if (this._fresh?.bytesWritten) {
      this._fresh.bytesWritten = false;
      return true;
    }
    if (this.bytesToWrite() === 0) return false;
    return this.wait(name, Wait.BytesWritten, msecs, signal);
  }

  waitForDisconnected(msecs = 30000, options?: AbortOptions): Promise<boolean> {
    const name = this.m('waitForDisconnected');
    checkMsecs(name, msecs);
    const signal = signalOf(name, options);
    if (signal?.aborted) return this.wait(name, Wait.Disconnected, msecs, signal);
    if (this._fresh?.disconnected) {
      this._fresh.disconnected = false;
      return Promise.resolve(true);
    }
    if (this._state === SocketState.UnconnectedState) {
      process.emitWarning('QAbstractSocket::waitForDisconnected() is not allowed in UnconnectedState');
      return Promise.resolve(false);
    }
    return this.wait(name, Wait.Disconnected, msecs, signal);
  }

  // ---- QObject ----

  deleteLater(): void {
    if (this.gone) return;
    this.native.deleteLater();
  }

  // ---- Node: `using` and `await using` ----

  /** `using sock = new QTcpSocket()`: at scope exit, abort the connection and free the Qt object. */
  [disposeSymbol](): void {
    if (this.gone) return;
    this.abort();
    this.deleteLater();
  }

  /**
   * `await using`: a graceful end first (disconnectFromHost: what was written is sent), waiting
   * up to 30 s for it, then as `using`.
   */
  async [asyncDisposeSymbol](): Promise<void> {
    if (this.gone) return;
    if (this._state !== SocketState.UnconnectedState) {
      this.disconnectFromHost();
      // state(), not _state: the call above changed it, which TS's narrowing cannot know.
      if (this.state() !== SocketState.UnconnectedState) await this.waitForDisconnected(30000);
    }
    this[disposeSymbol]();
  }
}
defineSignals(QAbstractSocket, [
  'connected',
  'disconnected',
  'errorOccurred',
  'hostFound',
  'stateChanged',
  'proxyAuthenticationRequired',
]);

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
