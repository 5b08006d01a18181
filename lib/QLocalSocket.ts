// QLocalSocket: a Unix-domain socket (a path, a name under the temp directory, or Linux's abstract
// namespace) on the Qt side. What every stream socket does is StreamSocket's (lib/core/stream.ts);
// here are server names, options, and connecting.
//
// A local connect, close or abort finishes inside Qt's call, and PyQt6 runs the slots of what it
// emitted there: here those signals are delivered before the call returns too.
import { checkArity, checkFlags, checkInt, checkString } from './core/args';
import type { LocalSocketSnapshot, NativeLocalSocket } from './core/native';
import { OpenModeFlag } from './core/QIODevice';
import { drainEvents, native } from './core/runtime';
import { Signal } from './core/signal';
import { StreamSocket } from './core/stream';

export enum LocalSocketError {
  ConnectionRefusedError = 0,
  PeerClosedError = 1,
  ServerNotFoundError = 2,
  SocketAccessError = 3,
  SocketResourceError = 4,
  SocketTimeoutError = 5,
  DatagramTooLargeError = 6,
  ConnectionError = 7,
  UnsupportedSocketOperationError = 10,
  OperationError = 19,
  UnknownSocketError = -1,
}

export enum LocalSocketState {
  UnconnectedState = 0,
  ConnectingState = 2,
  ConnectedState = 3,
  ClosingState = 6,
}

export enum LocalSocketOption {
  NoOptions = 0x0,
  AbstractNamespaceOption = 0x1,
}

// The native socket _adopt hands to the one constructor call it makes.
const adopting: { native?: NativeLocalSocket } = {};

export class QLocalSocket extends StreamSocket<NativeLocalSocket> {
  static readonly LocalSocketError = LocalSocketError;
  static readonly LocalSocketState = LocalSocketState;
  static readonly SocketOption = LocalSocketOption;

  declare readonly errorOccurred: Signal<[LocalSocketError]>;
  declare readonly stateChanged: Signal<[LocalSocketState]>;

  private _serverName = '';
  private _fullServerName = '';
  private _socketOptions = LocalSocketOption.NoOptions;
  private _readBufferSize = 0;

  /** QLocalSocket(parent = None). Parents are not modelled: the JS object owns its socket. */
  constructor(parent?: null) {
    checkArity('QLocalSocket', arguments, 0, 1);
    if (parent !== undefined && parent !== null) {
      throw new TypeError("QLocalSocket: argument 'parent' must be None (null); parents are not supported");
    }
    const n = adopting.native ?? new native.QLocalSocket();
    adopting.native = undefined;
    super(n);
  }

  /** @internal wraps a socket the Qt side made (a connection a QLocalServer accepted). */
  static _adopt(nativeSocket: NativeLocalSocket): QLocalSocket {
    if (!(nativeSocket instanceof native.QLocalSocket))
      throw new TypeError('QLocalSocket._adopt: native socket expected');
    adopting.native = nativeSocket;
    return new QLocalSocket();
  }

  /** @internal */
  protected qtClass(): string {
    return 'QLocalSocket';
  }

  /** @internal */
  protected channelSignals(): boolean {
    return false;
  }

  /** @internal */
  protected disconnectGracefully(): void {
    this.disconnectFromServer();
  }

  /** @internal server name, full server name, socket options. */
  protected applyStrings(strings: readonly unknown[], at: number): void {
    this._serverName = strings[at] as string;
    this._fullServerName = strings[at + 1] as string;
    this._socketOptions = Number(strings[at + 2]);
  }

  /** A sync call's answer; then the signals Qt emitted inside it, as PyQt6 runs them there. */
  private called(snap: LocalSocketSnapshot): boolean | number | null {
    const result = this.applySnapshot(snap);
    drainEvents();
    return result;
  }

  // ---- QLocalSocket ----

  /**
   * connectToServer(name, mode = ReadWrite) / connectToServer(mode = ReadWrite): the latter
   * connects to the name set with setServerName. A plain name is a file in the temp directory
   * (TMPDIR); a path is used as given; with AbstractNamespaceOption, a name in Linux's abstract
   * namespace.
   */
  connectToServer(name?: string | OpenModeFlag, mode?: OpenModeFlag): void {
    const method = this.m('connectToServer');
    checkArity(method, arguments, 0, 2);
    let server: string | null = null;
    if (typeof name === 'string') {
      server = name;
    } else if (arguments.length === 2 || (name !== undefined && typeof name !== 'number')) {
      checkString(method, 'name', name);
    } else {
      mode = name;
    }
    mode ??= OpenModeFlag.ReadWrite;
    checkFlags(method, 'mode', mode, OpenModeFlag, 'QIODeviceBase.OpenModeFlag');
    this.catchUp();
    this.forgetFresh();
    const snap = this.h.native.connectToServer(server, mode);
    this.dropReceived();
    this.endedConnection(this.called(snap));
  }

  disconnectFromServer(): void {
    checkArity(this.m('disconnectFromServer'), arguments, 0, 0);
    this.called(this.h.native.disconnectFromServer());
  }

  close(): void {
    super.close();
    drainEvents();
  }

  abort(): void {
    super.abort();
    drainEvents();
  }

  /** As QIODevice.open: connects to serverName() (Qt's QLocalSocket::open); whether it is open. */
  open(mode: OpenModeFlag = OpenModeFlag.ReadWrite): boolean {
    checkArity(this.m('open'), arguments, 0, 1);
    this.connectToServer(mode);
    return this.isOpen();
  }

  setServerName(name: string): void {
    const method = this.m('setServerName');
    checkArity(method, arguments, 1, 1);
    this.applySnapshot(this.h.native.setServerName(checkString(method, 'name', name)));
  }

  serverName(): string {
    return this._serverName;
  }

  fullServerName(): string {
    return this._fullServerName;
  }

  error(): LocalSocketError {
    return this._error;
  }

  state(): LocalSocketState {
    return this._state;
  }

  readBufferSize(): number {
    return this._readBufferSize;
  }

  /** As Qt: 0 is unlimited (here: bounded by a 16 MiB high-water mark, so a reader that does not
   * read stops the Qt side reading, and the writer waits). */
  setReadBufferSize(size: number): void {
    checkInt(this.m('setReadBufferSize'), 'size', size, 0, Number.MAX_SAFE_INTEGER);
    this._readBufferSize = size;
    this.applyReadLimit(size);
  }

  socketOptions(): LocalSocketOption {
    return this._socketOptions;
  }

  /** Read when connecting; Qt ignores it (with a warning) while connected. */
  setSocketOptions(option: LocalSocketOption): void {
    const method = this.m('setSocketOptions');
    checkArity(method, arguments, 1, 1);
    checkFlags(method, 'option', option, LocalSocketOption, 'QLocalSocket.SocketOption');
    this.applySnapshot(this.h.native.setSocketOptions(option));
  }

  socketDescriptor(): number {
    return (this.applySnapshot(this.h.native.socketDescriptor()) as number | null) ?? -1;
  }

  setSocketDescriptor(
    socketDescriptor: number,
    state: LocalSocketState = LocalSocketState.ConnectedState,
    mode: OpenModeFlag = OpenModeFlag.ReadWrite,
  ): boolean {
    const method = this.m('setSocketDescriptor');
    checkArity(method, arguments, 1, 3);
    checkInt(method, 'socketDescriptor', socketDescriptor, -1, 2 ** 31 - 1);
    if (!Object.values(LocalSocketState).includes(state))
      throw new TypeError(`${method}: argument 'state' must be a QLocalSocket.LocalSocketState member, got ${state}`);
    checkFlags(method, 'mode', mode, OpenModeFlag, 'QIODeviceBase.OpenModeFlag');
    const ok = this.called(this.h.native.setSocketDescriptor(socketDescriptor, state, mode)) === true;
    this.dropReceived();
    return ok;
  }
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace QLocalSocket {
  type LocalSocketError = import('./QLocalSocket').LocalSocketError;
  type LocalSocketState = import('./QLocalSocket').LocalSocketState;
  type SocketOption = import('./QLocalSocket').LocalSocketOption;
}
