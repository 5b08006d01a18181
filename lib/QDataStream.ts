// QDataStream: Qt's serialisation format, byte for byte as Qt 6.4 (and so PyQt6) writes and reads
// it, for the types a network program sends. In TypeScript: each value is a few bytes, and a call
// into the addon per value would cost more than the work (the device calls are JS too: QBuffer,
// and a socket's read buffer lives on the JS side). PyQt6's `out << value` / `in >> value` for
// QByteArray and QHostAddress are writeQByteArray/readQByteArray and writeQHostAddress/
// readQHostAddress (docs/porting.md).
import {
  checkArity,
  checkBool,
  checkEnum,
  checkInt,
  checkIterable,
  describe,
  toBuffer,
  BYTES,
  type BytesInput,
} from './core/args';
import { OpenModeFlag, QIODevice, QIODeviceBase } from './core/QIODevice';
import { QBuffer } from './QBuffer';
import { QByteArray } from './QByteArray';
import { QHostAddress } from './QHostAddress';

export enum ByteOrder {
  BigEndian = 0,
  LittleEndian = 1,
}

export enum FloatingPointPrecision {
  SinglePrecision = 0,
  DoublePrecision = 1,
}

export enum Status {
  Ok = 0,
  ReadPastEnd = 1,
  ReadCorruptData = 2,
  WriteFailed = 3,
}

export enum Version {
  Qt_1_0 = 1,
  Qt_2_0 = 2,
  Qt_2_1 = 3,
  Qt_3_0 = 4,
  Qt_3_1 = 5,
  Qt_3_3 = 6,
  Qt_4_0 = 7,
  Qt_4_1 = 7,
  Qt_4_2 = 8,
  Qt_4_3 = 9,
  Qt_4_4 = 10,
  Qt_4_5 = 11,
  Qt_4_6 = 12,
  Qt_4_7 = 12,
  Qt_4_8 = 12,
  Qt_4_9 = 12,
  Qt_5_0 = 13,
  Qt_5_1 = 14,
  Qt_5_2 = 15,
  Qt_5_3 = 15,
  Qt_5_4 = 16,
  Qt_5_5 = 16,
  Qt_5_6 = 17,
  Qt_5_7 = 17,
  Qt_5_8 = 17,
  Qt_5_9 = 17,
  Qt_5_10 = 17,
  Qt_5_11 = 17,
  Qt_5_12 = 18,
  Qt_5_13 = 19,
  Qt_5_14 = 19,
  Qt_5_15 = 19,
  Qt_6_0 = 20,
  Qt_6_1 = 20,
  Qt_6_2 = 20,
  Qt_6_3 = 20,
  Qt_6_4 = 20,
}

/** A value writeQVariant takes (the rule: docs/porting.md) and readQVariant gives back. */
export type VariantValue =
  | null
  | undefined
  | boolean
  | number
  | bigint
  | string
  | Buffer
  | Uint8Array
  | QByteArray
  | readonly VariantValue[]
  | { readonly [key: string]: VariantValue };

// QMetaType ids as Qt 6 numbers them (the ones the format here reads or writes).
const enum T {
  Unknown = 0,
  Bool = 1,
  Int = 2,
  UInt = 3,
  LongLong = 4,
  ULongLong = 5,
  Double = 6,
  QChar = 7,
  QVariantMap = 8,
  QVariantList = 9,
  QString = 10,
  QStringList = 11,
  QByteArray = 12,
  QVariantHash = 28,
  Long = 32,
  Short = 33,
  Char = 34,
  ULong = 35,
  UShort = 36,
  UChar = 37,
  Float = 38,
  SChar = 40,
  Nullptr = 51,
  User = 65536,
}

// Streams older than Qt_4_0 number QVariant's types as Qt 3 did: index = Qt 3 id, value = Qt 6 id
// (0 where Qt 6 has none, or a GUI type this binding has no JS value for).
const QT3_TYPES = [
  T.Unknown, T.QVariantMap, T.QVariantList, T.QString, T.QStringList, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, T.Int,
  T.UInt, T.Bool, T.Double, 0, 0, 0, 0, 0, 0, 0, 0, 0, T.QByteArray, 0, 0, 0, T.LongLong, T.ULongLong, 0,
]; // prettier-ignore
// Qt 3 ids of GUI and date types: Qt 6 knows them, this binding cannot decode them.
const QT3_UNDECODABLE = new Set([5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 21, 22, 23, 24, 25, 26, 27, 28, 30, 31, 32, 35]);

const NULL_MARKER = 0xffffffff;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** The device calls the stream makes: a QIODevice of ours (QBuffer, a socket). */
type Device = QIODevice;

export class QDataStream extends QIODeviceBase {
  static readonly ByteOrder = ByteOrder;
  static readonly FloatingPointPrecision = FloatingPointPrecision;
  static readonly Status = Status;
  static readonly Version = Version;

  private dev: Device | null = null;
  private owned = false; // dev is the QBuffer made for a QByteArray
  private bo = ByteOrder.BigEndian;
  private ver = Version.Qt_6_4 as number;
  private precision = FloatingPointPrecision.DoublePrecision;
  private st = Status.Ok;
  private txDepth = 0;
  private rb: Buffer = Buffer.alloc(0); // where fetch() put the bytes (rb[ro...])
  private ro = 0;
  private wo = 0; // where slot() wants the bytes
  private slow = false; // slot() gave a buffer of its own: done() writes it to the device

  /**
   * `new QDataStream()`: no device. `new QDataStream(device)`: over a QIODevice (a socket, a
   * QBuffer). `new QDataStream(byteArray, mode)`: over that QByteArray, through a QBuffer of its own
   * (writes change `byteArray`). `new QDataStream(bytes)`: reads a copy of the bytes (QByteArray,
   * Buffer, Uint8Array).
   */
  constructor();
  constructor(device: QIODevice);
  constructor(byteArray: QByteArray, mode: OpenModeFlag | number);
  constructor(bytes: QByteArray | Buffer | Uint8Array);
  constructor(a?: QIODevice | QByteArray | Buffer | Uint8Array, mode?: number) {
    super();
    checkArity('QDataStream', arguments, 0, 2);
    if (arguments.length === 0) return;
    if (arguments.length === 2) {
      if (!(a instanceof QByteArray))
        throw new TypeError(
          `QDataStream: argument 'a' must be a QByteArray when an open mode is given, got ${describe(a)}`,
        );
      checkInt('QDataStream', 'flags', mode, 0, 0xff);
      const buf = new QBuffer(a);
      buf.blockSignals(true);
      buf.open(mode as number);
      this.dev = buf;
      this.owned = true;
      return;
    }
    if (a instanceof QIODevice) {
      this.dev = a;
      return;
    }
    if (a instanceof QByteArray || a instanceof Uint8Array) {
      const buf = new QBuffer();
      buf.blockSignals(true);
      buf.setData(a);
      buf.open(OpenModeFlag.ReadOnly);
      this.dev = buf;
      this.owned = true;
      return;
    }
    throw new TypeError(
      `QDataStream: argument 'a' must be a QIODevice, QByteArray, Buffer or Uint8Array, got ${describe(a)}`,
    );
  }

  // ---- settings ----

  device(): QIODevice | null {
    return this.dev;
  }

  /** Replaces the device (null: none); a QBuffer the stream made for a QByteArray is let go. */
  setDevice(device: QIODevice | null): void {
    checkArity('QDataStream.setDevice', arguments, 1, 1);
    if (device !== null && !(device instanceof QIODevice))
      throw new TypeError(`QDataStream.setDevice: argument 'a0' must be a QIODevice or null, got ${describe(device)}`);
    this.dev = device;
    this.owned = false;
  }

  byteOrder(): ByteOrder {
    return this.bo;
  }

  setByteOrder(bo: ByteOrder): void {
    checkArity('QDataStream.setByteOrder', arguments, 1, 1);
    this.bo = checkEnum('QDataStream.setByteOrder', 'a0', bo, ByteOrder, 'QDataStream.ByteOrder');
  }

  /** Any int, as Qt: the format follows the rules of the newest version at or below it. */
  version(): number {
    return this.ver;
  }

  setVersion(v: number): void {
    checkArity('QDataStream.setVersion', arguments, 1, 1);
    this.ver = checkInt('QDataStream.setVersion', 'a0', v, -(2 ** 31), 2 ** 31 - 1);
  }

  floatingPointPrecision(): FloatingPointPrecision {
    return this.precision;
  }

  setFloatingPointPrecision(precision: FloatingPointPrecision): void {
    checkArity('QDataStream.setFloatingPointPrecision', arguments, 1, 1);
    this.precision = checkEnum(
      'QDataStream.setFloatingPointPrecision',
      'precision',
      precision,
      FloatingPointPrecision,
      'QDataStream.FloatingPointPrecision',
    );
  }

  status(): Status {
    return this.st;
  }

  /** As Qt: only the first error sticks; resetStatus() clears it. */
  setStatus(status: Status): void {
    checkArity('QDataStream.setStatus', arguments, 1, 1);
    checkEnum('QDataStream.setStatus', 'status', status, Status, 'QDataStream.Status');
    if (this.st === Status.Ok) this.st = status;
  }

  resetStatus(): void {
    this.st = Status.Ok;
  }

  atEnd(): boolean {
    return this.dev ? this.dev.atEnd() : true;
  }

  // ---- transactions (Qt 6's fortune client: start, read, commit, or wait for more) ----

  startTransaction(): void {
    if (!this.hasDevice()) return;
    if (++this.txDepth === 1) {
      this.dev!.startTransaction();
      this.st = Status.Ok;
    }
  }

  /** False when the data was incomplete (then the device rolls back: the bytes are read again). */
  commitTransaction(): boolean {
    if (!this.inTransaction()) return false;
    if (--this.txDepth === 0) {
      if (!this.hasDevice()) return false;
      if (this.st === Status.ReadPastEnd) {
        this.dev!.rollbackTransaction();
        return false;
      }
      this.dev!.commitTransaction();
    }
    return this.st === Status.Ok;
  }

  rollbackTransaction(): void {
    if (this.st === Status.Ok) this.st = Status.ReadPastEnd;
    if (!this.inTransaction()) return;
    if (--this.txDepth !== 0) return;
    if (!this.hasDevice()) return;
    if (this.st === Status.ReadPastEnd) this.dev!.rollbackTransaction();
    else this.dev!.commitTransaction();
  }

  /** The data is corrupt: the bytes read are consumed, and the status is ReadCorruptData. */
  abortTransaction(): void {
    this.st = Status.ReadCorruptData;
    if (!this.inTransaction()) return;
    if (--this.txDepth !== 0) return;
    if (!this.hasDevice()) return;
    this.dev!.commitTransaction();
  }

  private inTransaction(): boolean {
    if (this.txDepth === 0) {
      process.emitWarning('QDataStream: No transaction in progress');
      return false;
    }
    return true;
  }

  private hasDevice(): boolean {
    if (this.dev) return true;
    process.emitWarning('QDataStream: No device');
    return false;
  }

  // ---- the raw paths ----

  /** Qt's readBlock: what the device gave (maybe short: ReadPastEnd), or null once a transaction failed. */
  private readBlock(n: number): Buffer | null {
    if (!this.hasDevice()) return null;
    const dev = this.dev!;
    if (this.st !== Status.Ok && dev.isTransactionStarted()) return null;
    const b = n === 0 ? Buffer.alloc(0) : dev.read(n);
    if (b.length !== n && this.st === Status.Ok) this.st = Status.ReadPastEnd;
    return b;
  }

  /**
   * `n` bytes for a value decoded at once, at `this.rb[this.ro]`: false (and ReadPastEnd) when
   * they are not all there. From a QBuffer they are its own bytes, not a copy: reading a number
   * this way allocates nothing.
   */
  private fetch(n: number): boolean {
    const dev = this.dev;
    if (dev instanceof QBuffer && this.st === Status.Ok && dev.canLend()) {
      const at = dev.lend(n);
      if (at >= 0) {
        this.rb = dev.buffer().raw();
        this.ro = at;
        return true;
      }
      this.st = Status.ReadPastEnd;
      return false;
    }
    const b = this.readBlock(n);
    if (b === null || b.length !== n) return false;
    this.rb = b;
    this.ro = 0;
    return true;
  }

  /** Qt's writes: nothing once the status is not Ok; a short write is WriteFailed. */
  private writeBlock(b: Uint8Array): number {
    if (!this.hasDevice() || this.st !== Status.Ok) return -1;
    const dev = this.dev!;
    const n = dev instanceof QBuffer ? dev.writeInternal(b) : dev.write(b);
    if (n !== b.length) this.st = Status.WriteFailed;
    return n;
  }

  private get le(): boolean {
    return this.bo === ByteOrder.LittleEndian;
  }

  // ---- integers ----

  private putInt(method: string, v: unknown, size: 1 | 2 | 4, signed: boolean): void {
    checkArity(`QDataStream.${method}`, [v], 1, 1);
    const bits = size * 8;
    const min = signed ? -(2 ** (bits - 1)) : 0;
    const max = signed ? 2 ** (bits - 1) - 1 : 2 ** bits - 1;
    checkInt(`QDataStream.${method}`, 'i', v, min, max);
    const b = this.slot(size);
    const n = v as number;
    const at = this.wo;
    if (size === 1) b[at] = n & 0xff;
    else if (size === 2) {
      if (this.le) b.writeUInt16LE(n & 0xffff, at);
      else b.writeUInt16BE(n & 0xffff, at);
    } else if (this.le) b.writeUInt32LE(n >>> 0, at);
    else b.writeUInt32BE(n >>> 0, at);
    this.done(b);
  }

  private put64(method: string, v: unknown, signed: boolean): void {
    const name = `QDataStream.${method}`;
    let big: bigint;
    if (typeof v === 'bigint') big = v;
    else if (typeof v === 'number' && Number.isInteger(v)) big = BigInt(v);
    else throw new TypeError(`${name}: argument 'i' must be an integer (number or bigint), got ${describe(v)}`);
    const [min, max] = signed ? [INT64_MIN, INT64_MAX] : [0n, UINT64_MAX];
    if (big < min || big > max) throw new RangeError(`${name}: argument 'i' must be in ${min}..${max}, got ${big}`);
    const b = this.slot(8);
    if (this.le) b.writeBigUInt64LE(BigInt.asUintN(64, big), this.wo);
    else b.writeBigUInt64BE(BigInt.asUintN(64, big), this.wo);
    this.done(b);
  }

  writeInt8(i: number): void {
    this.putInt('writeInt8', i, 1, true);
  }
  writeUInt8(i: number): void {
    this.putInt('writeUInt8', i, 1, false);
  }
  writeInt16(i: number): void {
    this.putInt('writeInt16', i, 2, true);
  }
  writeUInt16(i: number): void {
    this.putInt('writeUInt16', i, 2, false);
  }
  writeInt32(i: number): void {
    this.putInt('writeInt32', i, 4, true);
  }
  writeUInt32(i: number): void {
    this.putInt('writeUInt32', i, 4, false);
  }
  /** C++ int: 32 bits. */
  writeInt(i: number): void {
    this.putInt('writeInt', i, 4, true);
  }
  /** A number (an integer) or a bigint. */
  writeInt64(i: number | bigint): void {
    this.put64('writeInt64', i, true);
  }
  writeUInt64(i: number | bigint): void {
    this.put64('writeUInt64', i, false);
  }

  readInt8(): number {
    return this.fetch(1) ? this.rb.readInt8(this.ro) : 0;
  }
  readUInt8(): number {
    return this.fetch(1) ? this.rb[this.ro] : 0;
  }
  readInt16(): number {
    return this.fetch(2) ? (this.le ? this.rb.readInt16LE(this.ro) : this.rb.readInt16BE(this.ro)) : 0;
  }
  readUInt16(): number {
    return this.fetch(2) ? (this.le ? this.rb.readUInt16LE(this.ro) : this.rb.readUInt16BE(this.ro)) : 0;
  }
  readInt32(): number {
    return this.fetch(4) ? (this.le ? this.rb.readInt32LE(this.ro) : this.rb.readInt32BE(this.ro)) : 0;
  }
  readUInt32(): number {
    return this.fetch(4) ? (this.le ? this.rb.readUInt32LE(this.ro) : this.rb.readUInt32BE(this.ro)) : 0;
  }
  readInt(): number {
    return this.readInt32();
  }
  /** A bigint: a Number cannot hold every 64-bit value. */
  readInt64(): bigint {
    return this.fetch(8) ? (this.le ? this.rb.readBigInt64LE(this.ro) : this.rb.readBigInt64BE(this.ro)) : 0n;
  }
  readUInt64(): bigint {
    return this.fetch(8) ? (this.le ? this.rb.readBigUInt64LE(this.ro) : this.rb.readBigUInt64BE(this.ro)) : 0n;
  }

  writeBool(i: boolean): void {
    checkArity('QDataStream.writeBool', arguments, 1, 1);
    checkBool('QDataStream.writeBool', 'i', i);
    this.writeBlock(Buffer.of(i ? 1 : 0));
  }

  readBool(): boolean {
    return this.readInt8() !== 0;
  }

  // ---- floating point: Qt_4_6 and later follow floatingPointPrecision, older streams the type ----

  /** PyQt6 passes a C++ float: the value is rounded to single precision first. */
  writeFloat(f: number): void {
    checkArity('QDataStream.writeFloat', arguments, 1, 1);
    this.putFloat('writeFloat', f, true);
  }

  writeDouble(f: number): void {
    checkArity('QDataStream.writeDouble', arguments, 1, 1);
    this.putFloat('writeDouble', f, false);
  }

  private putFloat(method: string, f: unknown, single: boolean): void {
    if (typeof f !== 'number')
      throw new TypeError(`QDataStream.${method}: argument 'f' must be a number, got ${describe(f)}`);
    if (single) f = Math.fround(f);
    const asSingle = this.ver >= Version.Qt_4_6 ? this.precision === FloatingPointPrecision.SinglePrecision : single;
    const b = this.slot(asSingle ? 4 : 8);
    const v = f as number;
    const at = this.wo;
    if (asSingle) {
      if (this.le) b.writeFloatLE(v, at);
      else b.writeFloatBE(v, at);
    } else if (this.le) b.writeDoubleLE(v, at);
    else b.writeDoubleBE(v, at);
    this.done(b);
  }

  private getFloat(single: boolean): number {
    const asSingle = this.ver >= Version.Qt_4_6 ? this.precision === FloatingPointPrecision.SinglePrecision : single;
    if (!this.fetch(asSingle ? 4 : 8)) return 0;
    const b = this.rb;
    if (asSingle) return this.le ? b.readFloatLE(this.ro) : b.readFloatBE(this.ro);
    return this.le ? b.readDoubleLE(this.ro) : b.readDoubleBE(this.ro);
  }

  readFloat(): number {
    return Math.fround(this.getFloat(true));
  }

  readDouble(): number {
    return this.getFloat(false);
  }

  // ---- bytes ----

  /** A length (quint32) and the bytes; returns the stream, as PyQt6. */
  writeBytes(s: BytesInput): this {
    checkArity('QDataStream.writeBytes', arguments, 1, 1);
    this.putBytes(toBuffer('QDataStream.writeBytes', 's', s));
    return this;
  }

  private putBytes(b: Uint8Array): void {
    if (this.st !== Status.Ok) return;
    this.writeU32(b.length);
    if (b.length > 0) this.writeBlock(b);
  }

  private writeU32(n: number): void {
    const b = this.slot(4);
    if (this.le) b.writeUInt32LE(n, this.wo);
    else b.writeUInt32BE(n, this.wo);
    this.done(b);
  }

  /**
   * Where to put the next `n` bytes: into a QBuffer's array directly (at `this.wo`), or, for any
   * other device or a failed status, a new buffer that done() writes as Qt would.
   */
  private slot(n: number): Buffer {
    const dev = this.dev;
    if (dev instanceof QBuffer && this.st === Status.Ok && dev.canExtend()) {
      this.wo = dev.extend(n);
      this.slow = false;
      return dev.buffer().raw();
    }
    this.wo = 0;
    this.slow = true;
    return Buffer.allocUnsafe(n);
  }

  private done(b: Buffer): void {
    if (this.slow) this.writeBlock(b);
  }

  /** What writeBytes wrote (empty if it is short: ReadPastEnd). */
  readBytes(): Buffer {
    const len = this.readUInt32();
    if (len === 0) return Buffer.alloc(0);
    const b = this.readBlock(len);
    return b !== null && b.length === len ? b : Buffer.alloc(0);
  }

  /** The bytes as they are, no length; returns how many were written (-1 if none could be). */
  writeRawData(s: BytesInput): number {
    checkArity('QDataStream.writeRawData', arguments, 1, 1);
    return this.writeBlock(toBuffer('QDataStream.writeRawData', 's', s));
  }

  /** Up to `len` bytes: fewer at the end of the data (ReadPastEnd); null once a transaction failed (PyQt6: None). */
  readRawData(len: number): Buffer | null {
    checkArity('QDataStream.readRawData', arguments, 1, 1);
    checkInt('QDataStream.readRawData', 'len', len, 0, 2 ** 31 - 1);
    return this.readBlock(len);
  }

  /** Skips `len` bytes; returns how many were skipped (-1 once a transaction failed). */
  skipRawData(len: number): number {
    checkArity('QDataStream.skipRawData', arguments, 1, 1);
    checkInt('QDataStream.skipRawData', 'len', len, 0, 2 ** 31 - 1);
    if (!this.hasDevice()) return -1;
    const dev = this.dev!;
    if (this.st !== Status.Ok && dev.isTransactionStarted()) return -1;
    const n = len === 0 ? 0 : dev.skip(len);
    if (n !== len && this.st === Status.Ok) this.st = Status.ReadPastEnd;
    return n;
  }

  /** C's char*: the bytes up to the first NUL, with a NUL, after a length that counts it. */
  writeString(str: BytesInput): void {
    checkArity('QDataStream.writeString', arguments, 1, 1);
    const b = toBuffer('QDataStream.writeString', 'str', str);
    const nul = b.indexOf(0);
    const text = nul >= 0 ? b.subarray(0, nul) : b;
    if (this.st !== Status.Ok) return;
    this.writeU32(text.length + 1);
    this.writeBlock(Buffer.concat([text, Buffer.of(0)]));
  }

  /** As PyQt6: the bytes up to the first NUL; null for a zero length or short data. */
  readString(): Buffer | null {
    const len = this.readUInt32();
    if (len === 0) return null;
    const b = this.readBlock(len);
    if (b === null || b.length !== len) return null;
    const nul = b.indexOf(0);
    return nul >= 0 ? b.subarray(0, nul) : b;
  }

  /** PyQt6's `out << QByteArray(...)`: null (a null QByteArray, or JS null) is 0xFFFFFFFF. */
  writeQByteArray(ba: BytesInput | null): void {
    checkArity('QDataStream.writeQByteArray', arguments, 1, 1);
    if (ba === null || (ba instanceof QByteArray && ba.isNull())) {
      if (this.ver >= 6) return this.writeU32(NULL_MARKER);
      return this.putBytes(Buffer.alloc(0));
    }
    this.putBytes(toBuffer('QDataStream.writeQByteArray', 'ba', ba));
  }

  /** PyQt6's `in >> ba`: the bytes as a Buffer (a null QByteArray reads as an empty one). */
  readQByteArray(): Buffer {
    const len = this.readUInt32();
    if (len === NULL_MARKER || len === 0) return Buffer.alloc(0);
    const b = this.readBlock(len);
    if (b === null || b.length !== len) {
      if (this.st === Status.Ok) this.st = Status.ReadPastEnd;
      return Buffer.alloc(0);
    }
    return b;
  }

  // ---- strings ----

  /** UTF-16 in the stream's byte order after a length in bytes; null is 0xFFFFFFFF (Qt_3_0 and later). */
  writeQString(qstr: string | null): void {
    checkArity('QDataStream.writeQString', arguments, 1, 1);
    if (qstr !== null && typeof qstr !== 'string')
      throw new TypeError(`QDataStream.writeQString: argument 'qstr' must be a string or null, got ${describe(qstr)}`);
    this.putQString(qstr);
  }

  private putQString(s: string | null): void {
    if (this.ver === 1) {
      // Qt 1: Latin-1, a character beyond it as '?'.
      const latin = s === null ? '' : s.replace(/[^\x00-\xff]/g, '?'); // eslint-disable-line no-control-regex
      return this.putBytes(Buffer.from(latin, 'latin1'));
    }
    if (s === null && this.ver >= 3) return this.writeU32(NULL_MARKER);
    if (this.st !== Status.Ok) return;
    const text = s ?? '';
    const n = text.length * 2; // UTF-16 code units, lone surrogates as they are
    this.writeU32(n);
    if (n === 0) return;
    const b = this.slot(n);
    b.write(text, this.wo, n, 'utf16le');
    if (!this.le) b.subarray(this.wo, this.wo + n).swap16();
    this.done(b);
  }

  /** A null QString reads as '' (as in PyQt6). */
  readQString(): string {
    if (this.ver === 1) return this.readQByteArray().toString('latin1');
    const bytes = this.readUInt32();
    if (bytes === NULL_MARKER || bytes === 0) return '';
    if (bytes & 1) {
      if (this.st === Status.Ok) this.st = Status.ReadCorruptData;
      return '';
    }
    if (!this.fetch(bytes)) {
      if (this.st === Status.Ok) this.st = Status.ReadPastEnd;
      return '';
    }
    const { rb, ro } = this;
    // (A copy to swap: the bytes may be the QByteArray's own.)
    if (this.le) return rb.toString('utf16le', ro, ro + bytes);
    return Buffer.from(rb.subarray(ro, ro + bytes))
      .swap16()
      .toString('utf16le');
  }

  writeQStringList(qstrlst: Iterable<string>): void {
    checkArity('QDataStream.writeQStringList', arguments, 1, 1);
    const list = this.iterable('writeQStringList', 'qstrlst', qstrlst);
    list.forEach((s, k) => {
      if (typeof s !== 'string')
        throw new TypeError(
          `QDataStream.writeQStringList: argument 'qstrlst' item ${k} must be a string, got ${describe(s)}`,
        );
    });
    this.writeU32(list.length);
    for (const s of list) this.putQString(s as string);
  }

  readQStringList(): string[] {
    return this.readList(() => this.readQString());
  }

  private iterable(method: string, arg: string, v: unknown): unknown[] {
    return checkIterable(`QDataStream.${method}`, arg, v, 'an array or iterable');
  }

  /**
   * Qt's containers (QList, QMap, QHash) read with their own status: one that failed before does
   * not stop them (outside a transaction), and is the status after; an element that fails empties
   * the container.
   */
  private container<C>(empty: () => C, n: () => number, item: (c: C) => void): C {
    const old = this.st;
    if (!this.dev || !this.dev.isTransactionStarted()) this.st = Status.Ok;
    let c = empty();
    const count = n();
    for (let i = 0; i < count; i++) {
      item(c);
      if (this.st !== Status.Ok) {
        c = empty();
        break;
      }
    }
    if (old !== Status.Ok) this.st = old;
    return c;
  }

  private readList<V>(one: () => V): V[] {
    return this.container<V[]>(
      () => [],
      () => this.readUInt32(),
      (c) => c.push(one()),
    );
  }

  private readDict(): Record<string, VariantValue> {
    return this.container<Record<string, VariantValue>>(
      () => ({}),
      () => this.readUInt32(),
      (c) => {
        const k = this.readQString();
        const v = this.readQVariant();
        Object.defineProperty(c, k, { value: v, enumerable: true, writable: true, configurable: true });
      },
    );
  }

  // ---- QHostAddress ----

  /** PyQt6's `out << address`: the protocol (qint8), then the IPv4 number, or the 16 IPv6 bytes and the scope id. */
  writeQHostAddress(address: QHostAddress | QHostAddress.SpecialAddress): void {
    checkArity('QDataStream.writeQHostAddress', arguments, 1, 1);
    const a = QHostAddress.from('QDataStream.writeQHostAddress', 'address', address);
    const prot = a.protocol();
    this.writeBlock(Buffer.of(prot & 0xff));
    if (prot === 0) this.writeU32(a.toIPv4Address()[0]);
    else if (prot === 1) {
      this.writeBlock(Buffer.from(a.toIPv6Address()));
      // Qt's scope id of an address without one is a null QString.
      const scope = a.scopeId();
      this.putQString(scope === '' ? null : scope);
    }
  }

  /** PyQt6's `in >> address`. */
  readQHostAddress(): QHostAddress {
    const prot = this.readInt8();
    switch (prot) {
      case -1:
        return new QHostAddress();
      case 0: {
        // As text: a number 0..6 would be taken for a QHostAddress.SpecialAddress member.
        const n = this.readUInt32();
        return new QHostAddress(`${n >>> 24}.${(n >>> 16) & 0xff}.${(n >>> 8) & 0xff}.${n & 0xff}`);
      }
      case 1: {
        const bytes = Buffer.alloc(16);
        for (let i = 0; i < 16; i++) bytes[i] = this.readUInt8();
        const a = new QHostAddress(bytes);
        a.setScopeId(this.readQString());
        return a;
      }
      case 2:
        return new QHostAddress(QHostAddress.SpecialAddress.Any);
      default:
        if (this.st === Status.Ok) this.st = Status.ReadCorruptData;
        return new QHostAddress();
    }
  }

  // ---- QVariant ----

  /**
   * A JS value as the QVariant PyQt6 makes of the Python one: null/undefined → invalid; boolean →
   * Bool; an integer number → Int if it fits 32 bits signed, else UInt if it fits them unsigned,
   * else LongLong (ULongLong from 2**63); any
   * other number → Double; bigint → LongLong or ULongLong; string → QString; Buffer, Uint8Array,
   * QByteArray → QByteArray; array → QVariantList; plain object → QVariantMap.
   */
  writeQVariant(qvar: VariantValue): void {
    checkArity('QDataStream.writeQVariant', arguments, 1, 1);
    this.putVariant(this.variantOf('writeQVariant', 'qvar', qvar, new Set()));
  }

  writeQVariantList(qvarlst: Iterable<VariantValue>): void {
    checkArity('QDataStream.writeQVariantList', arguments, 1, 1);
    const v = this.variantOf(
      'writeQVariantList',
      'qvarlst',
      this.iterable('writeQVariantList', 'qvarlst', qvarlst),
      new Set(),
    );
    this.putList(v.value as Variant[]);
  }

  /** Written in key order, as QMap keeps them. */
  writeQVariantMap(qvarmap: { readonly [key: string]: VariantValue }): void {
    checkArity('QDataStream.writeQVariantMap', arguments, 1, 1);
    this.putDict(this.dictOf('writeQVariantMap', 'qvarmap', qvarmap), true);
  }

  /** Written in the object's key order (Qt's own order is its hash's, which differs per process). */
  writeQVariantHash(qvarhash: { readonly [key: string]: VariantValue }): void {
    checkArity('QDataStream.writeQVariantHash', arguments, 1, 1);
    this.putDict(this.dictOf('writeQVariantHash', 'qvarhash', qvarhash), false);
  }

  private dictOf(method: string, arg: string, v: unknown): [string, Variant][] {
    if (!isPlainObject(v))
      throw new TypeError(`QDataStream.${method}: argument '${arg}' must be a plain object, got ${describe(v)}`);
    return this.variantOf(method, arg, v, new Set()).value as [string, Variant][];
  }

  /** Checks and types a JS value before anything is written (a bad one deep inside writes nothing). */
  private variantOf(method: string, where: string, v: unknown, seen: Set<object>): Variant {
    const bad = (what: string): never => {
      throw new TypeError(`QDataStream.${method}: argument ${where} ${what}`);
    };
    if (v === null || v === undefined) return { type: T.Unknown, value: null };
    switch (typeof v) {
      case 'boolean':
        return { type: T.Bool, value: v };
      case 'number':
        if (Number.isInteger(v) && !Object.is(v, -0)) {
          if (v >= -(2 ** 31) && v < 2 ** 31) return { type: T.Int, value: v };
          if (v >= 0 && v < 2 ** 32) return { type: T.UInt, value: v };
          if (v >= -(2 ** 63) && v < 2 ** 63) return { type: T.LongLong, value: BigInt(v) };
          if (v >= 0 && v < 2 ** 64) return { type: T.ULongLong, value: BigInt(v) };
        }
        return { type: T.Double, value: v };
      case 'bigint':
        if (v >= INT64_MIN && v <= INT64_MAX) return { type: T.LongLong, value: v };
        if (v >= 0n && v <= UINT64_MAX) return { type: T.ULongLong, value: v };
        throw new RangeError(`QDataStream.${method}: argument ${where}: ${v} does not fit 64 bits`);
      case 'string':
        return { type: T.QString, value: v };
    }
    if (v instanceof Uint8Array) return { type: T.QByteArray, value: v };
    if (v instanceof QByteArray) return { type: T.QByteArray, value: v[BYTES]() };
    if (typeof v !== 'object') return bad(`must be a value a QVariant holds, got ${describe(v)}`);
    if (seen.has(v)) return bad('holds itself (a cycle)');
    seen.add(v);
    let out: Variant;
    if (Array.isArray(v)) {
      out = { type: T.QVariantList, value: v.map((x, k) => this.variantOf(method, `${where}[${k}]`, x, seen)) };
    } else if (isPlainObject(v)) {
      const entries = Object.entries(v).map(
        ([k, x]) => [k, this.variantOf(method, `${where}.${k}`, x, seen)] as [string, Variant],
      );
      out = { type: T.QVariantMap, value: entries };
    } else {
      return bad(
        `must be null, a boolean, number, bigint, string, Buffer, QByteArray, array or plain object, got ${describe(v)}`,
      );
    }
    seen.delete(v);
    return out;
  }

  private putList(items: Variant[]): void {
    this.writeU32(items.length);
    for (const x of items) this.putVariant(x);
  }

  private putDict(entries: [string, Variant][], sorted: boolean): void {
    // QMap orders its keys by UTF-16 code unit, as JS compares strings.
    if (sorted) entries = [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this.writeU32(entries.length);
    for (const [k, x] of entries) {
      this.putQString(k);
      this.putVariant(x);
    }
  }

  private putVariant(v: Variant): void {
    let type: number = v.type;
    if (this.ver < Version.Qt_4_0) {
      const qt3 = QT3_TYPES.indexOf(type);
      if (qt3 < 0) return this.putVariant({ type: T.Unknown, value: null }); // Qt 3 had no such type
      type = qt3;
    } else if (this.ver < Version.Qt_5_0 && type >= 128 - 97 && type <= T.Nullptr) type += 97; // Qt 4's ids
    this.writeU32(type);
    if (this.ver >= Version.Qt_4_2) this.writeBlock(Buffer.of(v.type === T.Unknown ? 1 : 0));
    switch (v.type) {
      case T.Unknown:
        if (this.ver < Version.Qt_5_0) this.putQString(null);
        return;
      case T.Bool:
        return void this.writeBlock(Buffer.of(v.value ? 1 : 0));
      case T.Int:
        return this.putInt('writeQVariant', v.value, 4, true);
      case T.UInt:
        return this.putInt('writeQVariant', v.value, 4, false);
      case T.LongLong:
        return this.put64('writeQVariant', v.value, true);
      case T.ULongLong:
        return this.put64('writeQVariant', v.value, false);
      case T.Double:
        return this.putFloat('writeQVariant', v.value, false);
      case T.QString:
        return this.putQString(v.value as string);
      case T.QByteArray:
        return this.putBytes(v.value as Uint8Array);
      case T.QVariantList:
        return this.putList(v.value as Variant[]);
      case T.QVariantMap:
        return this.putDict(v.value as [string, Variant][], true);
    }
  }

  /**
   * A QVariant as a JS value: invalid → null; Bool → boolean; the integer types and Float, Double
   * → number (LongLong and ULongLong: a bigint where a number cannot hold the value); QString,
   * QChar → string; QByteArray → Buffer; QStringList and QVariantList → array; QVariantMap and
   * QVariantHash → plain object. Other types (dates, GUI types, user types) cannot be decoded here:
   * a warning, ReadCorruptData, and null.
   */
  readQVariant(): VariantValue {
    let type = this.readUInt32();
    if (this.ver < Version.Qt_4_0) {
      if (type >= QT3_TYPES.length) return null;
      if (QT3_UNDECODABLE.has(type)) return this.undecodable(`Qt 3 type ${type}`);
      type = QT3_TYPES[type];
    } else if (this.ver < Version.Qt_5_0) {
      if (type === 127) type = T.User;
      else if (type >= 128) type -= 97;
    }
    if (this.ver >= Version.Qt_4_2) this.readInt8(); // the null flag: no JS value is a "null" int
    switch (type) {
      case T.Unknown:
        if (this.ver < Version.Qt_5_0) this.readQString();
        return null;
      case T.Bool:
        return this.readBool();
      case T.Int:
        return this.readInt32();
      case T.UInt:
        return this.readUInt32();
      case T.LongLong:
      case T.Long:
        return smallest(this.readInt64());
      case T.ULongLong:
      case T.ULong:
        return smallest(this.readUInt64());
      case T.Double:
        return this.readDouble();
      case T.Float:
        return this.readFloat();
      case T.Short:
        return this.readInt16();
      case T.UShort:
        return this.readUInt16();
      case T.Char:
      case T.SChar:
        return this.readInt8();
      case T.UChar:
        return this.readUInt8();
      case T.QChar:
        return String.fromCharCode(this.readUInt16());
      case T.QString:
        return this.readQString();
      case T.QByteArray:
        return this.readQByteArray();
      case T.QStringList:
        return this.readQStringList();
      case T.QVariantList:
        return this.readQVariantList();
      case T.QVariantMap:
      case T.QVariantHash:
        return this.readDict();
      case T.Nullptr:
        return null;
      case T.User:
        return this.undecodable(`user type ${JSON.stringify(this.readQByteArray().toString('latin1'))}`);
      default:
        if (!knownToQt(type)) {
          // As Qt: an id it has no type for gives an invalid QVariant, and the status stays Ok.
          process.emitWarning(`QVariant::load: no type with id ${type}`);
          if (this.ver < Version.Qt_5_0) this.readQString();
          return null;
        }
        return this.undecodable(`type ${type}`);
    }
  }

  private undecodable(what: string): null {
    process.emitWarning(`QDataStream.readQVariant: a QVariant of ${what} has no JS value here; status ReadCorruptData`);
    if (this.st === Status.Ok) this.st = Status.ReadCorruptData;
    return null;
  }

  readQVariantList(): VariantValue[] {
    return this.readList(() => this.readQVariant());
  }

  readQVariantMap(): Record<string, VariantValue> {
    return this.readDict();
  }

  readQVariantHash(): Record<string, VariantValue> {
    return this.readDict();
  }
}

interface Variant {
  type: T;
  value: unknown;
}

/** Qt 6.4's built-in type ids: core (1..58), GUI (0x1000..0x1016) and QSizePolicy (0x2000). */
const knownToQt = (id: number): boolean => (id >= 1 && id <= 58) || (id >= 0x1000 && id <= 0x1016) || id === 0x2000;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

const smallest = (v: bigint): number | bigint =>
  v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;

// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace QDataStream {
  type ByteOrder = import('./QDataStream').ByteOrder;
  type FloatingPointPrecision = import('./QDataStream').FloatingPointPrecision;
  type Status = import('./QDataStream').Status;
  type Version = import('./QDataStream').Version;
}
