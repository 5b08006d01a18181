// QIODeviceBase's enum, as PyQt6 scopes it: QIODeviceBase.OpenModeFlag.ReadWrite.

export enum OpenModeFlag {
  NotOpen = 0x0,
  ReadOnly = 0x1,
  WriteOnly = 0x2,
  ReadWrite = 0x3,
  Append = 0x4,
  Truncate = 0x8,
  Text = 0x10,
  Unbuffered = 0x20,
  NewOnly = 0x40,
  ExistingOnly = 0x80,
}

export class QIODeviceBase {
  static readonly OpenModeFlag = OpenModeFlag;
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace QIODeviceBase {
  type OpenModeFlag = import('./QIODevice').OpenModeFlag;
}

import { checkArity, checkBool, checkInt, toBuffer, type BytesInput } from './args';
import { QObject } from './QObject';
import { defineSignals, Signal } from './signal';

const MAX_LEN = 2 ** 31 - 1;
// The read buffer of a device that holds nothing: a socket that holds no data keeps no array of
// its own (and none of the room an array keeps after data went through it).
const NO_CHUNKS: Buffer[] = [];

/**
 * QIODevice as a socket user sees it. The read buffer is on the JS side: received bytes arrive with
 * the events that announce them, so reads are synchronous and never cross threads.
 */
export abstract class QIODevice extends QObject {
  static readonly OpenModeFlag = OpenModeFlag;

  declare readonly readyRead: Signal<[]>;
  declare readonly bytesWritten: Signal<[number]>;
  declare readonly channelReadyRead: Signal<[number]>;
  declare readonly channelBytesWritten: Signal<[number, number]>;
  declare readonly aboutToClose: Signal<[]>;
  declare readonly readChannelFinished: Signal<[]>;

  private chunks: Buffer[] = NO_CHUNKS; // never changed while it is NO_CHUNKS
  private head = 0; // bytes of chunks[0] already read
  private buffered = 0;
  private txStarted = false;
  private txPos = 0; // bytes read inside the transaction, not yet removed
  private textMode = false;
  private readChannel = 0;
  private writeChannel = 0;

  /** @internal a slot was connected to or disconnected from bytesWritten or channelBytesWritten. */
  protected bytesWrittenWatched(): void {}

  abstract openMode(): OpenModeFlag;
  abstract errorString(): string;
  abstract write(data: BytesInput): number;
  abstract bytesToWrite(): number;
  abstract close(): void;
  abstract waitForReadyRead(msecs?: number): Promise<boolean>;
  abstract waitForBytesWritten(msecs?: number): Promise<boolean>;
  /** Bytes the device consumed from its buffer; sockets tell the Qt side (flow control). */
  protected abstract consumed(n: number): void;

  constructor() {
    super();
    // Abstract in TS only: from JS, `new QIODevice()` would make an object every method fails on.
    if (new.target === QIODevice)
      throw new TypeError('QIODevice cannot be instantiated directly: use QTcpSocket or QUdpSocket');
  }

  /** @internal new bytes from the Qt side. */
  protected appendReceived(data: Buffer): void {
    if (data.length === 0) return;
    if (this.chunks === NO_CHUNKS) this.chunks = [data];
    else this.chunks.push(data);
    this.buffered += data.length;
  }

  /** @internal what the read buffer holds, a transaction's bytes read so far included (Qt's buffer size). */
  protected heldBytes(): number {
    return this.buffered;
  }

  /** @internal close()/abort(): Qt drops the read buffer. */
  protected clearReceived(): void {
    this.chunks = NO_CHUNKS;
    this.head = 0;
    this.buffered = 0;
    this.txStarted = false;
    this.txPos = 0;
  }

  private name(method: string): string {
    return `${this.constructor.name}.${method}`;
  }

  isOpen(): boolean {
    return this.openMode() !== OpenModeFlag.NotOpen;
  }

  isReadable(): boolean {
    return (this.openMode() & OpenModeFlag.ReadOnly) !== 0;
  }

  isWritable(): boolean {
    return (this.openMode() & OpenModeFlag.WriteOnly) !== 0;
  }

  isSequential(): boolean {
    return true;
  }

  bytesAvailable(): number {
    return this.buffered - this.txPos;
  }

  atEnd(): boolean {
    return !this.isOpen() || this.bytesAvailable() === 0;
  }

  /** Sequential: the size is what can be read now. */
  size(): number {
    return this.bytesAvailable();
  }

  pos(): number {
    return 0;
  }

  seek(pos: number): boolean {
    checkInt(this.name('seek'), 'pos', pos, 0, Number.MAX_SAFE_INTEGER);
    return false;
  }

  reset(): boolean {
    return false;
  }

  /**
   * Up to `n` bytes from offset `from` of the unread data, without consuming. A copy, unless
   * `share`: then bytes within one received chunk come as a view of it (the caller consumes them,
   * so nothing here reads those bytes again, and a chunk is never written to).
   */
  private copyOut(from: number, n: number, share = false): Buffer {
    const avail = this.buffered - from;
    n = Math.max(0, Math.min(n, avail));
    if (n === 0) return Buffer.alloc(0);
    let skip = this.head + from;
    let k = 0;
    while (skip >= this.chunks[k].length) skip -= this.chunks[k++].length;
    const first = this.chunks[k];
    if (first.length - skip >= n) {
      if (share) return skip === 0 && n === first.length ? first : first.subarray(skip, skip + n);
      return Buffer.from(first.subarray(skip, skip + n));
    }
    const out = Buffer.allocUnsafe(n);
    let done = 0;
    while (done < n) {
      const c = this.chunks[k++];
      const take = Math.min(c.length - skip, n - done);
      c.copy(out, done, skip, skip + take);
      done += take;
      skip = 0;
    }
    return out;
  }

  /** Removes `n` bytes from the front of the buffer. */
  private drop(n: number): void {
    this.buffered -= n;
    while (n > 0) {
      const rest = this.chunks[0].length - this.head;
      if (n >= rest) {
        n -= rest;
        this.chunks.shift();
        this.head = 0;
      } else {
        this.head += n;
        n = 0;
      }
    }
    if (this.chunks.length === 0) {
      this.chunks = NO_CHUNKS;
      this.head = 0;
    }
  }

  private take(n: number): Buffer {
    if (this.txStarted) {
      const out = this.copyOut(this.txPos, n);
      this.txPos += out.length;
      return out;
    }
    const out = this.copyOut(0, n, true);
    if (out.length > 0) {
      this.drop(out.length);
      this.consumed(out.length);
    }
    return out;
  }

  /**
   * @internal Whether a device that is not readable still reads what it holds: a socket's bytes do;
   * a QNetworkReply Qt closed (abort) reads nothing, though bytesAvailable() still counts them.
   */
  protected readableWhenClosed(): boolean {
    return true;
  }

  private readsHeldBytes(): boolean {
    return this.buffered > 0 && this.readableWhenClosed();
  }

  private readableCheck(method: string): boolean {
    if (!this.isOpen()) {
      process.emitWarning(`QIODevice::${method} (${this.constructor.name}): device not open`);
      return false;
    }
    if (!this.isReadable()) {
      process.emitWarning(`QIODevice::${method} (${this.constructor.name}): WriteOnly device`);
      return false;
    }
    return true;
  }

  read(maxlen: number): Buffer {
    checkArity(this.name('read'), arguments, 1, 1);
    checkInt(this.name('read'), 'maxlen', maxlen, 0, Number.MAX_SAFE_INTEGER);
    if (!this.readableCheck('read') && !this.readsHeldBytes()) return Buffer.alloc(0);
    return this.take(maxlen);
  }

  readAll(): Buffer {
    if (!this.isOpen() && !this.readsHeldBytes()) return Buffer.alloc(0);
    return this.take(this.bytesAvailable());
  }

  /** Index just past the first '\n' within the first `limit` unread bytes, or -1. */
  private lineEnd(limit: number): number {
    const n = Math.min(limit, this.bytesAvailable());
    let skip = this.head + this.txPos;
    let k = 0;
    while (k < this.chunks.length && skip >= this.chunks[k].length) skip -= this.chunks[k++].length;
    let seen = 0;
    for (; k < this.chunks.length && seen < n; k++) {
      const c = this.chunks[k];
      const end = Math.min(c.length, skip + (n - seen));
      const at = c.indexOf(10, skip);
      if (at >= 0 && at < end) return seen + (at - skip) + 1;
      seen += end - skip;
      skip = 0;
    }
    return -1;
  }

  canReadLine(): boolean {
    return this.isOpen() && this.lineEnd(Number.MAX_SAFE_INTEGER) >= 0;
  }

  /** As PyQt6: without maxlen, up to and including '\n' or all there is; with it, at most maxlen - 1 bytes. */
  readLine(maxlen?: number): Buffer {
    checkArity(this.name('readLine'), arguments, 0, 1);
    let limit = Number.MAX_SAFE_INTEGER;
    if (maxlen !== undefined) {
      checkInt(this.name('readLine'), 'maxlen', maxlen, 0, MAX_LEN);
      if (maxlen > 0) limit = maxlen - 1;
      if (maxlen === 1) return Buffer.alloc(0);
    }
    if (!this.readableCheck('readLine') && !this.readsHeldBytes()) return Buffer.alloc(0);
    const end = this.lineEnd(limit);
    let line = this.take(end >= 0 ? end : Math.min(limit, this.bytesAvailable()));
    if (this.textMode && line.length >= 2 && line[line.length - 1] === 10 && line[line.length - 2] === 13) {
      line = Buffer.concat([line.subarray(0, line.length - 2), Buffer.from('\n')]);
    }
    return line;
  }

  peek(maxlen: number): Buffer {
    checkArity(this.name('peek'), arguments, 1, 1);
    checkInt(this.name('peek'), 'maxlen', maxlen, 0, Number.MAX_SAFE_INTEGER);
    if (!this.readableCheck('peek') && !this.readsHeldBytes()) return Buffer.alloc(0);
    return this.copyOut(this.txPos, maxlen);
  }

  skip(maxSize: number): number {
    checkArity(this.name('skip'), arguments, 1, 1);
    checkInt(this.name('skip'), 'maxSize', maxSize, 0, Number.MAX_SAFE_INTEGER);
    if (!this.readableCheck('skip')) return -1;
    return this.take(maxSize).length;
  }

  /** PyQt6: (ok, char). */
  getChar(): [boolean, Buffer] {
    if (!this.readableCheck('getChar') || this.bytesAvailable() === 0) return [false, Buffer.alloc(0)];
    return [true, this.take(1)];
  }

  ungetChar(c: BytesInput): void {
    const b = toBuffer(this.name('ungetChar'), 'c', c);
    if (b.length !== 1)
      throw new TypeError(`${this.name('ungetChar')}: argument 'c' must be one byte, got ${b.length}`);
    if (this.txStarted && this.txPos > 0) {
      this.txPos--;
      return;
    }
    if (this.chunks === NO_CHUNKS) this.chunks = [];
    this.chunks.unshift(Buffer.from(b));
    if (this.chunks.length > 1 && this.head > 0) {
      this.chunks[1] = this.chunks[1].subarray(this.head);
    }
    this.head = 0;
    this.buffered++;
  }

  putChar(c: BytesInput): boolean {
    const b = toBuffer(this.name('putChar'), 'c', c);
    if (b.length !== 1) throw new TypeError(`${this.name('putChar')}: argument 'c' must be one byte, got ${b.length}`);
    return this.write(b) === 1;
  }

  startTransaction(): void {
    if (this.txStarted) {
      process.emitWarning(
        `QIODevice::startTransaction (${this.constructor.name}): Called while transaction already in progress`,
      );
      return;
    }
    this.txStarted = true;
    this.txPos = 0;
  }

  commitTransaction(): void {
    if (!this.txStarted) {
      process.emitWarning(
        `QIODevice::commitTransaction (${this.constructor.name}): Called while no transaction in progress`,
      );
      return;
    }
    const n = this.txPos;
    this.txStarted = false;
    this.txPos = 0;
    if (n > 0) {
      this.drop(n);
      this.consumed(n);
    }
  }

  rollbackTransaction(): void {
    if (!this.txStarted) {
      process.emitWarning(
        `QIODevice::rollbackTransaction (${this.constructor.name}): Called while no transaction in progress`,
      );
      return;
    }
    this.txStarted = false;
    this.txPos = 0;
  }

  isTransactionStarted(): boolean {
    return this.txStarted;
  }

  isTextModeEnabled(): boolean {
    return this.textMode;
  }

  setTextModeEnabled(enabled: boolean): void {
    checkBool(this.name('setTextModeEnabled'), 'enabled', enabled);
    if (!this.isOpen()) {
      process.emitWarning(`QIODevice::setTextModeEnabled (${this.constructor.name}): The device is not open`);
      return;
    }
    this.textMode = enabled;
  }

  readChannelCount(): number {
    return this.isOpen() ? 1 : 0;
  }

  writeChannelCount(): number {
    return this.isOpen() ? 1 : 0;
  }

  currentReadChannel(): number {
    return this.readChannel;
  }

  currentWriteChannel(): number {
    return this.writeChannel;
  }

  setCurrentReadChannel(channel: number): void {
    this.readChannel = checkInt(this.name('setCurrentReadChannel'), 'channel', channel, 0, MAX_LEN);
  }

  setCurrentWriteChannel(channel: number): void {
    this.writeChannel = checkInt(this.name('setCurrentWriteChannel'), 'channel', channel, 0, MAX_LEN);
  }
}
defineSignals(QIODevice, ['readyRead', 'channelReadyRead', 'aboutToClose', 'readChannelFinished']);
// Qt wakes JS at once for bytesWritten only while someone watches it (QAbstractSocket).
defineSignals(QIODevice, ['bytesWritten', 'channelBytesWritten'], (d: QIODevice) => d['bytesWrittenWatched']());
