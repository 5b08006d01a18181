// QLocalServer: a Unix-domain server on the Qt side. What every server does (the pending queue,
// waits, lifetime) is StreamServer's (lib/core/server.ts); here are names and options.
import { AbortOptions, abortable, signalOf } from './core/node';
import { checkArity, checkFlags, checkInt, checkString, describe } from './core/args';
import type { NativeLocalServer, NativeLocalSocket } from './core/native';
import { native } from './core/runtime';
import { StreamServer } from './core/server';
import { QLocalSocket } from './QLocalSocket';

export enum LocalServerOption {
  NoOptions = 0x0,
  UserAccessOption = 0x1,
  GroupAccessOption = 0x2,
  OtherAccessOption = 0x4,
  WorldAccessOption = 0x7,
  AbstractNamespaceOption = 0x8,
}

export class QLocalServer extends StreamServer<QLocalSocket, NativeLocalServer> {
  static readonly SocketOption = LocalServerOption;

  private _serverName = '';
  private _fullServerName = '';
  private _socketOptions = LocalServerOption.NoOptions;

  /** QLocalServer(parent = None). */
  constructor(parent?: null) {
    checkArity('QLocalServer', arguments, 0, 1);
    if (parent !== undefined && parent !== null) {
      throw new TypeError("QLocalServer: argument 'parent' must be None (null); parents are not supported");
    }
    super(new native.QLocalServer());
  }

  /**
   * Removes the socket file a server of this name would use (one a crashed server left, say),
   * as Qt's static: true when nothing is left there, false for an empty name.
   */
  static removeServer(name: string): boolean {
    checkArity('QLocalServer.removeServer', arguments, 1, 1);
    return native.QLocalServer.removeServer(checkString('QLocalServer.removeServer', 'name', name));
  }

  /** @internal */
  protected adopt(nativeSocket: unknown): QLocalSocket {
    return QLocalSocket._adopt(nativeSocket as NativeLocalSocket);
  }

  /** @internal Qt's QLocalServer.waitForNewConnection answers whether any connection is pending
   * once it has waited, one taken in before the wait included. */
  protected countsEarlyArrivals(): boolean {
    return false;
  }
  /** @internal */
  protected verdict(ok: boolean, timedOut: boolean): [boolean, boolean] {
    return [ok || this.hasPendingConnections(), timedOut];
  }

  /** @internal the socket options; the server name and full server name. */
  protected applyOwn(options: number, strings: readonly unknown[], at: number): void {
    this._socketOptions = options;
    this._serverName = strings[at] as string;
    this._fullServerName = strings[at + 1] as string;
  }

  /**
   * listen(name) / listen(socketDescriptor): a promise, as QTcpServer.listen, though a local
   * listen is decided at once. A plain name is a file in the temp directory (TMPDIR); a path is
   * used as given; with AbstractNamespaceOption, a name in Linux's abstract namespace. False when
   * the name is taken (AddressInUseError: removeServer frees a stale one).
   */
  async listen(name: string | number, options?: AbortOptions): Promise<boolean> {
    const method = 'QLocalServer.listen';
    checkArity(method, arguments, 1, 2);
    const signal = signalOf(method, options);
    if (signal?.aborted)
      return abortable(
        method,
        signal,
        () => undefined,
        () => undefined,
      );
    if (typeof name === 'number') {
      checkInt(method, 'socketDescriptor', name, -1, 2 ** 31 - 1);
      return this.applySnapshot(this.h.native.listenDescriptor(name)) === true;
    }
    if (typeof name !== 'string')
      throw new TypeError(`${method}: argument 'name' must be a string or a socket descriptor, got ${describe(name)}`);
    return this.applySnapshot(this.h.native.listen(name)) === true;
  }

  serverName(): string {
    return this._serverName;
  }

  fullServerName(): string {
    return this._fullServerName;
  }

  socketOptions(): LocalServerOption {
    return this._socketOptions;
  }

  /** Read by the next listen: the socket file's permissions, or the abstract namespace. */
  setSocketOptions(options: LocalServerOption): void {
    const method = 'QLocalServer.setSocketOptions';
    checkArity(method, arguments, 1, 1);
    checkFlags(method, 'options', options, LocalServerOption, 'QLocalServer.SocketOption');
    this.applySnapshot(this.h.native.setSocketOptions(options));
  }
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace QLocalServer {
  type SocketOption = import('./QLocalServer').LocalServerOption;
}
