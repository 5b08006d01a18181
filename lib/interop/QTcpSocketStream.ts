// A Node Duplex view of a QTcpSocket (lib/interop/socketStream.ts has how it behaves), and
// createConnection: net.createConnection through Qt's proxies.
import { describe } from '../core/args';
import { SocketError, SocketOption, SocketState } from '../core/socketEnums';
import { QNetworkProxy } from '../QNetworkProxy';
import { QTcpSocket } from '../QTcpSocket';
import { SocketStream, SocketStreamOptions, streamError } from './socketStream';

// Node's codes for the Qt errors that have one; the others are QT_<SocketError name>.
const CODES: Partial<Record<SocketError, string>> = {
  [SocketError.ConnectionRefusedError]: 'ECONNREFUSED',
  [SocketError.HostNotFoundError]: 'ENOTFOUND',
  [SocketError.SocketTimeoutError]: 'ETIMEDOUT',
  [SocketError.NetworkError]: 'ENETUNREACH',
  [SocketError.SocketAccessError]: 'EACCES',
};

export type QTcpSocketStreamOptions = SocketStreamOptions;

export interface QtConnectOptions {
  host?: string;
  port: number;
  /** Default: Qt's choice (application proxy or factory). A ProxyType member stands for a proxy of that type. */
  proxy?: QNetworkProxy | QNetworkProxy.ProxyType;
  /** As net.connect: an idle timeout, in ms ('timeout' event). */
  timeout?: number;
}

export class QTcpSocketStream extends SocketStream<QTcpSocket> {
  constructor(socket: QTcpSocket, options: QTcpSocketStreamOptions = {}) {
    super('QTcpSocketStream', socket, socket instanceof QTcpSocket, options);
  }

  /** @internal */
  protected errorFor(error: SocketError): Error {
    const name = SocketError[error] ?? String(error);
    return streamError(this.socket.errorString(), error, `QAbstractSocket.SocketError.${name}`, CODES[error]);
  }

  /** @internal */
  protected disconnectSocket(): void {
    this.socket.disconnectFromHost();
  }

  get remoteAddress(): string | undefined {
    return this.socket.state() === SocketState.ConnectedState ? this.socket.peerAddress().toString() : undefined;
  }

  get remotePort(): number | undefined {
    return this.socket.state() === SocketState.ConnectedState ? this.socket.peerPort() : undefined;
  }

  get localAddress(): string | undefined {
    return this.socket.state() === SocketState.ConnectedState ? this.socket.localAddress().toString() : undefined;
  }

  get localPort(): number | undefined {
    return this.socket.state() === SocketState.ConnectedState ? this.socket.localPort() : undefined;
  }

  address(): { address: string; family: string; port: number } | Record<string, never> {
    if (this.socket.state() !== SocketState.ConnectedState) return {};
    const a = this.socket.localAddress();
    return {
      address: a.toString(),
      family: a.toString().includes(':') ? 'IPv6' : 'IPv4',
      port: this.socket.localPort(),
    };
  }

  setNoDelay(noDelay = true): this {
    this.socket.setSocketOption(SocketOption.LowDelayOption, noDelay);
    return this;
  }

  setKeepAlive(enable = false): this {
    this.socket.setSocketOption(SocketOption.KeepAliveOption, enable);
    return this;
  }
}

/** @internal `options`' host (default localhost) and port, checked for `fn`. */
export function connectTarget(fn: string, options: QtConnectOptions): { host: string; port: number } {
  if (options === null || typeof options !== 'object')
    throw new TypeError(`${fn}: argument 'options' must be an object, got ${describe(options)}`);
  const host = options.host ?? 'localhost';
  if (typeof host !== 'string')
    throw new TypeError(`${fn}: argument 'options.host' must be a string, got ${describe(host)}`);
  const port = typeof options.port === 'string' ? Number(options.port) : options.port;
  if (typeof port !== 'number' || !Number.isInteger(port))
    throw new TypeError(`${fn}: argument 'options.port' must be an integer, got ${describe(options.port)}`);
  if (port < 0 || port > 65535) throw new RangeError(`${fn}: argument 'options.port' must be in 0..65535, got ${port}`);
  return { host, port };
}

/**
 * As net.createConnection, through Qt: a QTcpSocket connected with Qt's proxy selection (the
 * application proxy or factory, or `options.proxy`), seen as a Duplex. 'connect' when Qt connects.
 */
export function createConnection(options: QtConnectOptions, connectListener?: () => void): QTcpSocketStream {
  const { host, port } = connectTarget('createConnection', options);
  const socket = new QTcpSocket();
  if (options.proxy !== undefined) socket.setProxy(options.proxy);
  const stream = new QTcpSocketStream(socket);
  if (options.timeout !== undefined) stream.setTimeout(options.timeout);
  if (connectListener) stream.once('connect', connectListener);
  socket.connectToHost(host, port);
  return stream;
}
