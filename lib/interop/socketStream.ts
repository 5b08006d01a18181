// A Node Duplex view of a stream socket (QTcpSocket, QLocalSocket), so that Node code (pipeline,
// http, tls) can use a socket that Qt connected. It behaves as net.Socket does where Qt allows:
// - reading: bytes are pulled from the socket only while the readable side wants more; when it is
//   full, the socket's bounded read buffer fills, Qt stops reading and backpressure reaches the
//   peer (net.Socket stops reading the fd, to the same end);
// - writing: a write completes at once while Qt holds less than writableHighWaterMark unsent
//   bytes, else when bytesWritten brings it below, so write() returns false as net.Socket's does;
// - end(): Qt has no half-close; ending the writable side is a graceful disconnect (what was
//   written is sent, then the connection closes both ways), so allowHalfOpen is false.
import { Duplex, DuplexOptions } from 'node:stream';
import { describe } from '../core/args';
import type { StreamSocket } from '../core/stream';

const CHUNK = 64 * 1024;

// The states and the error both socket classes number alike.
const enum State {
  Unconnected = 0,
  HostLookup = 1,
  Connecting = 2,
  Connected = 3,
}
/** RemoteHostClosedError, PeerClosedError: the peer closing ends the stream, it is no error. */
const PEER_CLOSED = 1;

export interface SocketStreamOptions extends Omit<
  DuplexOptions,
  'allowHalfOpen' | 'objectMode' | 'readableObjectMode' | 'writableObjectMode'
> {
  /** Caps what Qt buffers for this socket (setReadBufferSize) when it has no cap: default 256 KiB. */
  readBufferSize?: number;
}

/** The error a Qt socket error becomes on a stream: Qt's message, Node's code where it has one. */
export function streamError(
  message: string,
  error: number,
  errorName: string,
  code: string | undefined,
): NodeJS.ErrnoException & { qtError?: number } {
  const err: NodeJS.ErrnoException & { qtError?: number } = new Error(`${message} (${errorName})`);
  err.code = code ?? `QT_${errorName.slice(errorName.lastIndexOf('.') + 1)}`;
  err.qtError = error;
  return err;
}

/** A signal a stream connects to and disconnects from when it is destroyed. */
export type SlotTarget<A extends unknown[]> = { connect(f: (...a: A) => void): void; disconnect(f: unknown): void };

/** Connects `f` to `signal` and keeps the pair in `slots`, for the stream's _destroy to undo. */
export function connectTracked<A extends unknown[]>(
  slots: Array<[{ disconnect(f: unknown): void }, unknown]>,
  signal: SlotTarget<A>,
  f: (...a: A) => void,
): void {
  signal.connect(f);
  slots.push([signal, f]);
}

export abstract class SocketStream<S extends StreamSocket> extends Duplex {
  /** The socket this is a view of (its Qt API stays usable). */
  readonly socket: S;
  private wanted = false; // the readable side asked for data and has not been refused
  private peerClosed = false;
  private pendingWrite: (() => void) | undefined;
  private timeoutMs = 0;
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly slots: Array<[{ disconnect(f: unknown): void }, unknown]> = [];

  /** @internal `name`: the class, for messages; `isSocket`: whether `socket` is one it views. */
  protected constructor(name: string, socket: S, isSocket: boolean, options: SocketStreamOptions) {
    if (!isSocket)
      throw new TypeError(
        `${name}: argument 'socket' must be a ${name.replace(/Stream$/, '')}, got ${describe(socket)}`,
      );
    const { readBufferSize = 256 * 1024, ...duplex } = options ?? {};
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
    this.on$(socket.errorOccurred, (error: number) => {
      // The peer closing is the end of the stream, not an error (net.Socket: 'end').
      if (error === PEER_CLOSED) this.peerEnded();
      else this.destroy(this.errorFor(error));
    });
    if (socket.state() === State.Connected) process.nextTick(() => this.emit('ready'));
  }

  /** @internal the stream's error for Qt's `error`. */
  protected abstract errorFor(error: number): Error;
  /** @internal the graceful end (disconnectFromHost, disconnectFromServer). */
  protected abstract disconnectSocket(): void;

  /** @internal connects `f` to `signal` until the stream is destroyed. */
  protected on$<A extends unknown[]>(signal: SlotTarget<A>, f: (...a: A) => void): void {
    connectTracked(this.slots, signal, f);
  }

  get connecting(): boolean {
    const s = this.socket.state();
    return s === State.HostLookup || s === State.Connecting;
  }

  get pending(): boolean {
    return this.socket.state() !== State.Connected;
  }

  get readyState(): string {
    if (this.connecting) return 'opening';
    if (this.socket.state() !== State.Connected) return 'closed';
    return this.readable && this.writable ? 'open' : this.readable ? 'readOnly' : 'writeOnly';
  }

  /** As net.Socket: 'timeout' after `ms` without activity (0 turns it off); the socket stays open. */
  setTimeout(ms: number, callback?: () => void): this {
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0)
      throw new RangeError(
        `${this.constructor.name}.setTimeout: argument 'ms' must be a finite number >= 0, got ${describe(ms)}`,
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
    // Bytes still buffered are delivered first; the end follows them. read(0), as Node's net.Socket
    // does at its EOF: 'end' (and, not half-open, 'close') come even when nothing reads the stream.
    if (this.socket.bytesAvailable() === 0) {
      this.push(null);
      this.read(0);
    } else if (this.wanted) this.pull();
  }

  // ---- writable side ----

  _write(chunk: Buffer, _encoding: BufferEncoding, callback: (err?: Error | null) => void): void {
    this.touch();
    const state = this.socket.state();
    if (state === State.HostLookup || state === State.Connecting) {
      // Qt would buffer it too, but a write before 'connect' waits here as net.Socket's does,
      // so that a refused connection fails the write instead of dropping it.
      this.pendingWrite = () => this._write(chunk, _encoding, callback);
      return;
    }
    if (state !== State.Connected) {
      callback(Object.assign(new Error('This socket is not connected'), { code: 'ERR_SOCKET_CLOSED' }));
      return;
    }
    this.socket.write(chunk);
    if (this.unsent() < this.writableHighWaterMark) callback();
    else this.pendingWrite = callback;
  }

  /** @internal The bytes Qt holds that have not gone out: what write() measures against the high-water mark. */
  protected unsent(): number {
    return this.socket.bytesToWrite();
  }

  /** @internal Room again (a write went out): the write waiting for it goes on. */
  protected writeDrained(): void {
    const pending = this.pendingWrite;
    if (pending === undefined) return;
    const state = this.socket.state();
    if (state === State.HostLookup || state === State.Connecting) return;
    if (state === State.Connected && this.unsent() >= this.writableHighWaterMark) return;
    this.pendingWrite = undefined;
    pending();
  }

  _final(callback: (err?: Error | null) => void): void {
    // No half-close in Qt: a graceful disconnect sends what is buffered, then closes.
    if (this.socket.state() === State.Connected) this.disconnectSocket();
    // Finished in a later turn, as net.Socket's shutdown is: a pipeline whose source reads this
    // very stream (pipeline(transform(s), s)) must see its source end first, or Node's pipeline
    // waits for a 'finish' that came before it listened.
    setImmediate(callback);
  }

  _destroy(err: Error | null, callback: (err?: Error | null) => void): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    for (const [signal, f] of this.slots) signal.disconnect(f);
    this.slots.length = 0;
    if (this.socket.state() !== State.Unconnected) this.socket.abort();
    // A write still waiting for room or for the connection is dropped: Writable fails the
    // writes of a destroyed stream itself.
    this.pendingWrite = undefined;
    callback(err);
  }
}
