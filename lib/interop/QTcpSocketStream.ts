// A Node Duplex view of a QTcpSocket, so that Node code (pipeline, http, tls) can use a socket that
// Qt connected, through Qt's proxies. It behaves as net.Socket does where Qt allows:
// - reading: bytes are pulled from the socket only while the readable side wants more; when it is
//   full, the socket's bounded read buffer fills, Qt stops reading and TCP backpressure reaches the
//   peer (net.Socket stops reading the fd, to the same end);
// - writing: a write completes at once while Qt holds less than writableHighWaterMark unsent
//   bytes, else when bytesWritten brings it below, so write() returns false as net.Socket's does;
// - end(): Qt has no half-close; ending the writable side is disconnectFromHost (what was written
//   is sent, then the connection closes both ways), so allowHalfOpen is false.
import { Duplex, DuplexOptions } from 'node:stream';
import { describe } from '../core/signal';
import { SocketError, SocketOption, SocketState } from '../core/socketEnums';
import { QNetworkProxy } from '../QNetworkProxy';
import { QTcpSocket } from '../QTcpSocket';

const CHUNK = 64 * 1024;

// Node's codes for the Qt errors that have one; the others are QT_<SocketError name>.
const CODES: Partial<Record<SocketError, string>> = {
  [SocketError.ConnectionRefusedError]: 'ECONNREFUSED',
  [SocketError.HostNotFoundError]: 'ENOTFOUND',
  [SocketError.SocketTimeoutError]: 'ETIMEDOUT',
  [SocketError.NetworkError]: 'ENETUNREACH',
  [SocketError.SocketAccessError]: 'EACCES',
};

export interface QTcpSocketStreamOptions extends Omit<
  DuplexOptions,
  'allowHalfOpen' | 'objectMode' | 'readableObjectMode' | 'writableObjectMode'
> {
  /** Caps what Qt buffers for this socket (setReadBufferSize) when it has no cap: default 256 KiB. */
  readBufferSize?: number;
}

export interface QtConnectOptions {
  host?: string;
  port: number;
  /** Default: Qt's choice (application proxy or factory). A ProxyType member stands for a proxy of that type. */
  proxy?: QNetworkProxy | QNetworkProxy.ProxyType;
  /** As net.connect: an idle timeout, in ms ('timeout' event). */
  timeout?: number;
}

/** The error a Qt socket error becomes on the stream: Qt's message, Node's code where it has one. */
export function streamError(socket: QTcpSocket, error: SocketError): NodeJS.ErrnoException {
  const name = SocketError[error] ?? String(error);
  const err: NodeJS.ErrnoException & { qtError?: SocketError } = new Error(
    `${socket.errorString()} (QAbstractSocket.SocketError.${name})`,
  );
  err.code = CODES[error] ?? `QT_${name}`;
  err.qtError = error;
  return err;
}

export class QTcpSocketStream extends Duplex {
  /** The socket this is a view of (its Qt API stays usable, e.g. proxy(), peerName()). */
  readonly socket: QTcpSocket;
  private wanted = false; // the readable side asked for data and has not been refused
  private peerClosed = false;
  private pendingWrite: (() => void) | undefined;
  private timeoutMs = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly slots: Array<[{ disconnect(f: unknown): void }, unknown]> = [];

  constructor(socket: QTcpSocket, options: QTcpSocketStreamOptions = {}) {
    if (!(socket instanceof QTcpSocket))
      throw new TypeError(`QTcpSocketStream: argument 'socket' must be a QTcpSocket, got ${describe(socket)}`);
    const { readBufferSize = 256 * 1024, ...duplex } = options;
    super({ ...duplex, allowHalfOpen: false });
    this.socket = socket;
    if (socket.readBufferSize() === 0) socket.setReadBufferSize(readBufferSize);
    this.on$(socket.readyRead, () => {
      this.touch();
      if (this.wanted) this.pull();
    });
    this.on$(socket.bytesWritten, () => {
      this.touch();
      this.writeDrained();
    });
    this.on$(socket.connected, () => {
      this.touch();
      this.emit('connect');
      this.emit('ready');
      this.writeDrained();
    });
    this.on$(socket.readChannelFinished, () => this.peerEnded());
    this.on$(socket.disconnected, () => this.peerEnded());
    this.on$(socket.errorOccurred, (error: SocketError) => {
      // The peer closing is the end of the stream, not an error (net.Socket: 'end').
      if (error === SocketError.RemoteHostClosedError) this.peerEnded();
      else this.destroy(streamError(socket, error));
    });
    if (socket.state() === SocketState.ConnectedState) process.nextTick(() => this.emit('ready'));
  }

  private on$<A extends unknown[]>(
    signal: { connect(f: (...a: A) => void): void; disconnect(f: unknown): void },
    f: (...a: A) => void,
  ): void {
    signal.connect(f);
    this.slots.push([signal, f]);
  }

  get connecting(): boolean {
    const s = this.socket.state();
    return s === SocketState.HostLookupState || s === SocketState.ConnectingState;
  }

  get pending(): boolean {
    return this.socket.state() !== SocketState.ConnectedState;
  }

  get readyState(): string {
    if (this.connecting) return 'opening';
    if (this.socket.state() !== SocketState.ConnectedState) return 'closed';
    return this.readable && this.writable ? 'open' : this.readable ? 'readOnly' : 'writeOnly';
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

  /** As net.Socket: 'timeout' after `ms` without activity (0 turns it off); the socket stays open. */
  setTimeout(ms: number, callback?: () => void): this {
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)
      throw new RangeError(
        `QTcpSocketStream.setTimeout: argument 'ms' must be a finite number >= 0, got ${describe(ms)}`,
      );
    this.timeoutMs = ms;
    if (callback) {
      if (ms === 0) this.off('timeout', callback);
      else this.once('timeout', callback);
    }
    this.touch();
    return this;
  }

  ref(): this {
    this.socket.ref();
    return this;
  }

  unref(): this {
    this.socket.unref();
    return this;
  }

  private touch(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    if (this.timeoutMs > 0 && !this.destroyed) {
      this.idleTimer = setTimeout(() => this.emit('timeout'), this.timeoutMs);
      this.idleTimer.unref();
    }
  }

  // ---- readable side ----

  _read(): void {
    this.wanted = true;
    this.pull();
  }

  private pull(): void {
    while (this.wanted && this.socket.bytesAvailable() > 0) {
      // Reading from the socket frees room in its read buffer: Qt resumes reading the peer.
      const chunk = this.socket.read(Math.min(this.socket.bytesAvailable(), CHUNK));
      if (!this.push(chunk)) this.wanted = false;
    }
    if (this.peerClosed && this.socket.bytesAvailable() === 0) this.push(null);
  }

  private peerEnded(): void {
    if (this.peerClosed) return;
    this.peerClosed = true;
    // Bytes still buffered are delivered first; the end follows them.
    if (this.socket.bytesAvailable() === 0) this.push(null);
    else if (this.wanted) this.pull();
  }

  // ---- writable side ----

  _write(chunk: Buffer, _encoding: BufferEncoding, callback: (err?: Error | null) => void): void {
    this.touch();
    const state = this.socket.state();
    if (state === SocketState.HostLookupState || state === SocketState.ConnectingState) {
      // Qt would buffer it too, but a write before 'connect' waits here as net.Socket's does,
      // so that a refused connection fails the write instead of dropping it.
      this.pendingWrite = () => this._write(chunk, _encoding, callback);
      return;
    }
    if (state !== SocketState.ConnectedState) {
      callback(Object.assign(new Error('This socket is not connected'), { code: 'ERR_SOCKET_CLOSED' }));
      return;
    }
    this.socket.write(chunk);
    if (this.socket.bytesToWrite() < this.writableHighWaterMark) callback();
    else this.pendingWrite = callback;
  }

  private writeDrained(): void {
    const pending = this.pendingWrite;
    if (pending === undefined) return;
    const state = this.socket.state();
    if (state === SocketState.HostLookupState || state === SocketState.ConnectingState) return;
    if (state === SocketState.ConnectedState && this.socket.bytesToWrite() >= this.writableHighWaterMark) return;
    this.pendingWrite = undefined;
    pending();
  }

  _final(callback: (err?: Error | null) => void): void {
    // No half-close in Qt: disconnectFromHost sends what is buffered, then closes.
    if (this.socket.state() === SocketState.ConnectedState) this.socket.disconnectFromHost();
    callback();
  }

  _destroy(err: Error | null, callback: (err?: Error | null) => void): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    for (const [signal, f] of this.slots) signal.disconnect(f);
    this.slots.length = 0;
    if (this.socket.state() !== SocketState.UnconnectedState) this.socket.abort();
    // A write still waiting for room or for the connection is dropped: Writable fails the
    // writes of a destroyed stream itself.
    this.pendingWrite = undefined;
    callback(err);
  }
}

/**
 * As net.createConnection, through Qt: a QTcpSocket connected with Qt's proxy selection (the
 * application proxy or factory, or `options.proxy`), seen as a Duplex. 'connect' when Qt connects.
 */
export function createConnection(options: QtConnectOptions, connectListener?: () => void): QTcpSocketStream {
  if (options === null || typeof options !== 'object')
    throw new TypeError(`createConnection: argument 'options' must be an object, got ${describe(options)}`);
  const host = options.host ?? 'localhost';
  if (typeof host !== 'string')
    throw new TypeError(`createConnection: argument 'options.host' must be a string, got ${describe(host)}`);
  const port = typeof options.port === 'string' ? Number(options.port) : options.port;
  if (typeof port !== 'number' || !Number.isInteger(port))
    throw new TypeError(`createConnection: argument 'options.port' must be an integer, got ${describe(options.port)}`);
  if (port < 0 || port > 65535)
    throw new RangeError(`createConnection: argument 'options.port' must be in 0..65535, got ${port}`);
  const socket = new QTcpSocket();
  if (options.proxy !== undefined) socket.setProxy(options.proxy);
  const stream = new QTcpSocketStream(socket);
  if (options.timeout !== undefined) stream.setTimeout(options.timeout);
  if (connectListener) stream.once('connect', connectListener);
  socket.connectToHost(host, port);
  return stream;
}
