// QBuffer: a QIODevice over a QByteArray, random access. It is what a QDataStream made over a
// QByteArray writes through (`out.device().seek(0)` in Qt's old fortune server), and can be used on
// its own as in PyQt6. Pure JS, as QByteArray: no Qt object behind it.
import { checkArity, checkInt, describe, toBuffer, type BytesInput } from './core/args';
import { OpenModeFlag, QIODevice } from './core/QIODevice';
import { QByteArray } from './QByteArray';
import { madeSignal } from './core/signal';

const MAX_POS = 2 ** 31 - 1;

export class QBuffer extends QIODevice {
  private ba: QByteArray;
  private mode = OpenModeFlag.NotOpen;
  private at = 0; // the position
  private txStart = -1; // the position a transaction started at, or -1
  private lastError = 'Unknown error';
  private unannounced = 0; // bytes written since the last bytesWritten

  /** `new QBuffer()` over a QByteArray of its own; `new QBuffer(byteArray)` over that one (shared, as in Qt). */
  constructor(byteArray?: QByteArray | null) {
    super();
    checkArity('QBuffer', arguments, 0, 1);
    if (byteArray !== undefined && byteArray !== null && !(byteArray instanceof QByteArray))
      throw new TypeError(`QBuffer: argument 'byteArray' must be a QByteArray, got ${describe(byteArray)}`);
    this.ba = byteArray ?? new QByteArray();
  }

  /** The QByteArray it reads and writes (the same object, not a copy). */
  buffer(): QByteArray {
    return this.ba;
  }

  /** A copy of the bytes. */
  data(): Buffer {
    return this.ba.toBuffer();
  }

  setBuffer(byteArray: QByteArray | null): void {
    checkArity('QBuffer.setBuffer', arguments, 1, 1);
    if (this.isOpen()) {
      process.emitWarning('QBuffer::setBuffer: Buffer is open');
      return;
    }
    if (byteArray !== null && !(byteArray instanceof QByteArray))
      throw new TypeError(`QBuffer.setBuffer: argument 'a' must be a QByteArray, got ${describe(byteArray)}`);
    this.ba = byteArray ?? new QByteArray();
    this.at = 0;
  }

  setData(data: BytesInput): void {
    checkArity('QBuffer.setData', arguments, 1, 1);
    const bytes = toBuffer('QBuffer.setData', 'data', data);
    if (this.isOpen()) {
      process.emitWarning('QBuffer::setData: Buffer is open');
      return;
    }
    this.ba = QByteArray.from(bytes);
    this.at = 0;
  }

  /** As Qt: Append or Truncate imply WriteOnly; Truncate empties the array; Append starts at the end. */
  open(mode: number): boolean {
    checkArity('QBuffer.open', arguments, 1, 1);
    checkInt('QBuffer.open', 'openMode', mode, 0, 0xff);
    if (mode & (OpenModeFlag.Append | OpenModeFlag.Truncate)) mode |= OpenModeFlag.WriteOnly;
    if ((mode & OpenModeFlag.ReadWrite) === 0) {
      process.emitWarning('QBuffer::open: Buffer access not specified');
      return false;
    }
    if (this.isOpen()) {
      process.emitWarning('QIODevice::open (QBuffer): Device already open');
      return false;
    }
    if (mode & OpenModeFlag.Truncate) this.ba.resize(0);
    this.mode = mode | OpenModeFlag.Unbuffered;
    this.at = mode & OpenModeFlag.Append ? this.ba.size() : 0;
    this.txStart = -1;
    return true;
  }

  close(): void {
    if (!this.isOpen()) return;
    madeSignal(this, 'aboutToClose')?.emit();
    this.mode = OpenModeFlag.NotOpen;
    this.at = 0;
    this.txStart = -1;
  }

  openMode(): OpenModeFlag {
    return this.mode;
  }

  errorString(): string {
    return this.lastError;
  }

  isSequential(): boolean {
    return false;
  }

  size(): number {
    return this.ba.size();
  }

  pos(): number {
    return this.at;
  }

  /** As Qt: a seek past the end of a writable buffer is allowed (a later write zero-fills the gap). */
  seek(pos: number): boolean {
    checkArity('QBuffer.seek', arguments, 1, 1);
    checkInt('QBuffer.seek', 'pos', pos, -MAX_POS, MAX_POS);
    if (!this.isOpen()) {
      process.emitWarning('QIODevice::seek (QBuffer): The device is not open');
      return false;
    }
    if (pos < 0) {
      process.emitWarning(`QIODevice::seek (QBuffer): Invalid pos: ${pos}`);
      return false;
    }
    if (pos > this.ba.size() && !this.isWritable()) return false;
    this.at = pos;
    return true;
  }

  reset(): boolean {
    return this.seek(0);
  }

  bytesAvailable(): number {
    return this.isOpen() ? Math.max(0, this.ba.size() - this.at) : 0;
  }

  bytesToWrite(): number {
    return 0;
  }

  atEnd(): boolean {
    return !this.isOpen() || this.at >= this.ba.size();
  }

  canReadLine(): boolean {
    return this.isOpen() && this.ba.view().indexOf(10, this.at) >= 0;
  }

  private readable(method: string): boolean {
    if (!this.isOpen()) {
      process.emitWarning(`QIODevice::${method} (QBuffer): device not open`);
      return false;
    }
    if (!this.isReadable()) {
      process.emitWarning(`QIODevice::${method} (QBuffer): WriteOnly device`);
      return false;
    }
    return true;
  }

  private takeBytes(n: number, consume: boolean): Buffer {
    const view = this.ba.view();
    const from = Math.min(this.at, view.length);
    const out = Buffer.from(view.subarray(from, Math.min(view.length, from + n)));
    if (consume) this.at = from + out.length;
    return out;
  }

  read(maxlen: number): Buffer {
    checkArity('QBuffer.read', arguments, 1, 1);
    checkInt('QBuffer.read', 'maxlen', maxlen, 0, Number.MAX_SAFE_INTEGER);
    if (!this.readable('read')) return Buffer.alloc(0);
    return this.takeBytes(maxlen, true);
  }

  readAll(): Buffer {
    if (!this.readable('read')) return Buffer.alloc(0);
    return this.takeBytes(this.bytesAvailable(), true);
  }

  peek(maxlen: number): Buffer {
    checkArity('QBuffer.peek', arguments, 1, 1);
    checkInt('QBuffer.peek', 'maxlen', maxlen, 0, Number.MAX_SAFE_INTEGER);
    if (!this.readable('peek')) return Buffer.alloc(0);
    return this.takeBytes(maxlen, false);
  }

  skip(maxSize: number): number {
    checkArity('QBuffer.skip', arguments, 1, 1);
    checkInt('QBuffer.skip', 'maxSize', maxSize, 0, Number.MAX_SAFE_INTEGER);
    if (!this.readable('skip')) return -1;
    const n = Math.min(maxSize, this.bytesAvailable());
    this.at += n;
    return n;
  }

  readLine(maxlen?: number): Buffer {
    checkArity('QBuffer.readLine', arguments, 0, 1);
    let limit = Number.MAX_SAFE_INTEGER;
    if (maxlen !== undefined) {
      checkInt('QBuffer.readLine', 'maxlen', maxlen, 0, MAX_POS);
      if (maxlen > 0) limit = maxlen - 1;
      if (maxlen === 1) return Buffer.alloc(0);
    }
    if (!this.readable('readLine')) return Buffer.alloc(0);
    const nl = this.ba.view().indexOf(10, this.at);
    const n = nl >= 0 ? nl + 1 - this.at : this.bytesAvailable();
    return this.takeBytes(Math.min(n, limit), true);
  }

  getChar(): [boolean, Buffer] {
    if (!this.readable('getChar') || this.atEnd()) return [false, Buffer.alloc(0)];
    return [true, this.takeBytes(1, true)];
  }

  /** Steps back one byte (random access: the byte there is not replaced). */
  ungetChar(c: BytesInput): void {
    const b = toBuffer('QBuffer.ungetChar', 'c', c);
    if (b.length !== 1) throw new TypeError(`QBuffer.ungetChar: argument 'c' must be one byte, got ${b.length}`);
    if (this.at > 0) this.at--;
  }

  /** Writes at the position: overwrites, and extends the array past its end. */
  write(data: BytesInput): number {
    checkArity('QBuffer.write', arguments, 1, 1);
    const buf = toBuffer('QBuffer.write', 'data', data);
    if (!this.isOpen()) {
      process.emitWarning('QIODevice::write (QBuffer): device not open');
      return -1;
    }
    if (!this.isWritable()) {
      process.emitWarning('QIODevice::write (QBuffer): ReadOnly device');
      return -1;
    }
    if (this.mode & OpenModeFlag.Append) this.at = this.ba.size();
    this.ba.writeAt(this.at, buf);
    this.at += buf.length;
    if (buf.length > 0) this.wrote(buf.length);
    return buf.length;
  }

  /** @internal whether extend() may be called (open for writing). */
  canExtend(): boolean {
    return (this.mode & OpenModeFlag.WriteOnly) !== 0;
  }

  /**
   * @internal QDataStream's write path: makes room for `n` bytes at the position (the end, in
   * Append mode), moves past them and returns their offset in `buffer().raw()`, for the caller
   * to fill at once.
   */
  extend(n: number): number {
    if (this.mode & OpenModeFlag.Append) this.at = this.ba.size();
    const at = this.at;
    this.ba.extendTo(at, n);
    this.at = at + n;
    if (n > 0) this.wrote(n);
    return at;
  }

  /** @internal whether lend() may be called (open for reading). */
  canLend(): boolean {
    return (this.mode & OpenModeFlag.ReadOnly) !== 0;
  }

  /**
   * @internal QDataStream's read path for values it decodes at once: the offset of the next `n`
   * bytes in `buffer().raw()`, no copy; or -1 when fewer are left (those are consumed, as a short read).
   */
  lend(n: number): number {
    const size = this.ba.size();
    const at = this.at;
    if (size - at >= n) {
      this.at = at + n;
      return at;
    }
    if (at < size) this.at = size;
    return -1;
  }

  /** @internal QDataStream's write path: no argument checks, no copy of `buf`. */
  writeInternal(buf: Uint8Array): number {
    if (!this.isOpen() || !this.isWritable()) return this.write(buf);
    if (this.mode & OpenModeFlag.Append) this.at = this.ba.size();
    this.ba.writeAt(this.at, buf);
    this.at += buf.length;
    if (buf.length > 0) this.wrote(buf.length);
    return buf.length;
  }

  /** Qt's QBuffer emits bytesWritten and readyRead for writes later, once per run of writes. */
  private wrote(n: number): void {
    if (madeSignal(this, 'bytesWritten') === undefined && madeSignal(this, 'readyRead') === undefined) return;
    if (this.unannounced === 0)
      setImmediate(() => {
        const written = this.unannounced;
        this.unannounced = 0;
        madeSignal(this, 'bytesWritten')?.emit(written);
        madeSignal(this, 'readyRead')?.emit();
      });
    this.unannounced += n;
  }

  waitForReadyRead(_msecs = 30000): Promise<boolean> {
    return Promise.resolve(false);
  }

  waitForBytesWritten(_msecs = 30000): Promise<boolean> {
    return Promise.resolve(false);
  }

  /** @internal */
  protected consumed(_n: number): void {}

  // Transactions over random access: rolling back seeks back to where it started.
  startTransaction(): void {
    if (this.txStart >= 0) {
      process.emitWarning('QIODevice::startTransaction (QBuffer): Called while transaction already in progress');
      return;
    }
    this.txStart = this.at;
  }

  commitTransaction(): void {
    if (this.txStart < 0) {
      process.emitWarning('QIODevice::commitTransaction (QBuffer): Called while no transaction in progress');
      return;
    }
    this.txStart = -1;
  }

  rollbackTransaction(): void {
    if (this.txStart < 0) {
      process.emitWarning('QIODevice::rollbackTransaction (QBuffer): Called while no transaction in progress');
      return;
    }
    this.at = this.txStart;
    this.txStart = -1;
  }

  isTransactionStarted(): boolean {
    return this.txStart >= 0;
  }
}
