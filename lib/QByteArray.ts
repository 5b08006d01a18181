// QByteArray for the code PyQt6 writes with it: a growable byte array (QDataStream writes into one,
// `QByteArray.from(buf)`/`toBuffer()` convert). Pure JS: Qt's QByteArray is a value type, and a copy
// through the addon for every append would cost more than the bytes. Methods that PyQt6 gives
// Python-only shapes take JS ones: at() is the byte as a number, as buf[i]; toInt() & co. return
// [value, ok] as PyQt6's tuples; 64-bit conversions give a bigint.
import { inspect } from 'node:util';
import { BYTES, checkArity, checkInt, describe, toBuffer, type BytesInput } from './core/args';

const MAX_SIZE = 2 ** 31 - 1; // Qt 6's qsizetype is 64-bit, but a Buffer tops out near here anyway
const EMPTY = Buffer.alloc(0);

export enum Base64Option {
  Base64Encoding = 0,
  Base64UrlEncoding = 1,
  KeepTrailingEquals = 0,
  OmitTrailingEquals = 2,
  IgnoreBase64DecodingErrors = 0,
  AbortOnBase64DecodingErrors = 4,
}

export enum Base64DecodingStatus {
  Ok = 0,
  IllegalInputLength = 1,
  IllegalCharacter = 2,
  IllegalPadding = 3,
}

/** PyQt6's QByteArray.FromBase64Result: the decoded bytes and how decoding went. */
export interface FromBase64Result {
  decoded: QByteArray;
  decodingStatus: Base64DecodingStatus;
}

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/** One byte given as PyQt6 gives a char: a one-byte string or Buffer, or (JS) a number 0..255. */
function byteArg(method: string, arg: string, v: unknown): number {
  if (typeof v === 'number') return checkInt(method, arg, v, 0, 255);
  if (typeof v === 'string' || (typeof v === 'object' && v !== null)) {
    const b = toBuffer(method, arg, v);
    if (b.length === 1) return b[0];
  }
  throw new TypeError(
    `${method}: argument '${arg}' must be one byte (a number 0..255 or a 1-byte string), got ${describe(v)}`,
  );
}

const UINT64_LIMIT = 2n ** 64n;

/** Integer text as Qt's toInt() & co. read it: optional whitespace and sign, base 2..36, or 0 for C prefixes. */
function parseInteger(text: string, base: number): bigint | null {
  let s = text.trim();
  let neg = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (base === 0) {
    if (/^0[xX]/.test(s)) {
      base = 16;
      s = s.slice(2);
    } else if (/^0[bB]/.test(s)) {
      base = 2;
      s = s.slice(2);
    } else if (/^0[0-7]/.test(s)) {
      base = 8;
      s = s.slice(1);
    } else base = 10;
  } else if (base === 16 && /^0[xX]/.test(s)) s = s.slice(2);
  if (s.length === 0) return null;
  let v = 0n;
  const b = BigInt(base);
  for (const ch of s.toLowerCase()) {
    const d = ch >= '0' && ch <= '9' ? ch.charCodeAt(0) - 48 : ch >= 'a' && ch <= 'z' ? ch.charCodeAt(0) - 87 : 99;
    if (d >= base) return null;
    v = v * b + BigInt(d);
    // Past 64 bits no caller accepts it; stopping here keeps a long digit string linear (each
    // BigInt step costs its length: a MiB of digits took minutes).
    if (v > UINT64_LIMIT) return null;
  }
  return neg ? -v : v;
}

// toPercentEncoding: 1 for the bytes RFC 3986 leaves unreserved (A-Z a-z 0-9 - . _ ~).
const UNRESERVED = new Uint8Array(256);
for (const c of Buffer.from('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~', 'latin1'))
  UNRESERVED[c] = 1;
const HEX = '0123456789ABCDEF';

export class QByteArray {
  static readonly Base64Option = Base64Option;
  static readonly Base64DecodingStatus = Base64DecodingStatus;

  // bytes 0..len of `store` are the array; the rest is room to grow (appends are amortised O(1)).
  private store: Buffer = EMPTY;
  private len = 0;
  private nul = true; // Qt's isNull(): made with nothing, or cleared

  /**
   * `new QByteArray()`: null and empty. `new QByteArray(bytes)`: a copy of a Buffer, Uint8Array,
   * QByteArray or string (UTF-8). `new QByteArray(size, c)`: `size` copies of the byte `c`.
   */
  constructor();
  constructor(bytes: BytesInput);
  constructor(size: number, c: string | number);
  constructor(a?: BytesInput | number, c?: string | number) {
    checkArity('QByteArray', arguments, 0, 2);
    if (a === undefined) return;
    if (typeof a === 'number') {
      if (arguments.length !== 2) throw new TypeError(`QByteArray: argument 'c' must be given with a size`);
      const size = checkInt('QByteArray', 'size', a, -1, MAX_SIZE);
      this.setBytes(Buffer.alloc(Math.max(0, size), byteArg('QByteArray', 'c', c)));
      return;
    }
    if (arguments.length !== 1)
      throw new TypeError(`QByteArray: expected 1 argument with bytes, got ${arguments.length}`);
    this.setBytes(Buffer.from(toBuffer('QByteArray', 'a', a)));
  }

  /** A new QByteArray holding a copy of `bytes` (Buffer, Uint8Array, QByteArray or string as UTF-8). */
  static from(bytes: BytesInput): QByteArray {
    checkArity('QByteArray.from', arguments, 1, 1);
    const out = new QByteArray();
    out.setBytes(Buffer.from(toBuffer('QByteArray.from', 'bytes', bytes)));
    return out;
  }

  private setBytes(b: Buffer): void {
    this.store = b;
    this.len = b.length;
    this.nul = false;
  }

  /** @internal the bytes as a view, no copy: valid until this array changes. */
  view(): Buffer {
    return this.store.subarray(0, this.len);
  }

  /** @internal the store itself: bytes 0..size() are the array; valid until the array changes. */
  raw(): Buffer {
    return this.store;
  }

  /** @internal what the binding's byte arguments take (lib/core/args.ts toBuffer): a copy. */
  [BYTES](): Buffer {
    return Buffer.from(this.view());
  }

  /** @internal room for `n` bytes: grows the store (doubling) and keeps the content. */
  reserveFor(n: number): void {
    if (n > MAX_SIZE) throw new RangeError(`QByteArray: size ${n} above ${MAX_SIZE}`);
    if (n <= this.store.length) return;
    const grown = Buffer.alloc(Math.min(MAX_SIZE, Math.max(n, this.store.length * 2, 64)));
    this.store.copy(grown, 0, 0, this.len);
    this.store = grown;
  }

  /** @internal makes bytes pos..pos+n part of the array (zero-filling a gap), for the caller to fill. */
  extendTo(pos: number, n: number): void {
    const end = pos + n;
    this.reserveFor(end);
    if (pos > this.len) this.store.fill(0, this.len, pos);
    if (end > this.len) this.len = end;
    this.nul = false;
  }

  /** @internal writes `src` at `pos` (QBuffer's write): overwrites, extends, zero-fills a gap. */
  writeAt(pos: number, src: Uint8Array): void {
    const end = pos + src.length;
    this.reserveFor(end);
    if (pos > this.len) this.store.fill(0, this.len, pos);
    this.store.set(src, pos);
    if (end > this.len) this.len = end;
    this.nul = false;
  }

  // ---- size ----

  size(): number {
    return this.len;
  }

  length(): number {
    return this.len;
  }

  /** With no argument the size (Qt's deprecated overload); with bytes, how often they occur. */
  count(bytes?: BytesInput): number {
    checkArity('QByteArray.count', arguments, 0, 1);
    if (bytes === undefined) return this.len;
    const needle = toBuffer('QByteArray.count', 'bytes', bytes);
    const hay = this.view();
    if (needle.length === 0) return this.len + 1; // as Qt: every position matches the empty array
    let n = 0;
    for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) n++;
    return n;
  }

  isEmpty(): boolean {
    return this.len === 0;
  }

  isNull(): boolean {
    return this.nul;
  }

  capacity(): number {
    return this.store.length;
  }

  reserve(size: number): void {
    this.reserveFor(checkInt('QByteArray.reserve', 'size', size, 0, MAX_SIZE));
  }

  squeeze(): void {
    if (this.store.length > this.len) this.store = Buffer.from(this.view());
  }

  // ---- conversion ----

  /** A copy of the bytes (PyQt6's data() returns bytes). */
  data(): Buffer {
    return Buffer.from(this.view());
  }

  /** A copy of the bytes as a Buffer. */
  toBuffer(): Buffer {
    return Buffer.from(this.view());
  }

  /** The bytes decoded as `encoding` (UTF-8 by default), as Buffer.toString. */
  toString(encoding: BufferEncoding = 'utf8'): string {
    return this.view().toString(encoding);
  }

  [inspect.custom](): string {
    // The prototype, or an object made from it without the constructor, has no store.
    if (!Buffer.isBuffer(this.store)) return 'QByteArray {}';
    return `QByteArray(${this.nul ? 'null' : inspect(this.view())})`;
  }

  *[Symbol.iterator](): IterableIterator<number> {
    for (let i = 0; i < this.len; i++) yield this.store[i];
  }

  // ---- changing it ----

  append(bytes: BytesInput | number): this {
    checkArity('QByteArray.append', arguments, 1, 1);
    const b =
      typeof bytes === 'number'
        ? Buffer.of(byteArg('QByteArray.append', 'c', bytes))
        : toBuffer('QByteArray.append', 'a', bytes);
    this.writeAt(this.len, b);
    return this;
  }

  push_back(bytes: BytesInput): void {
    this.append(bytes);
  }

  prepend(bytes: BytesInput | number): this {
    checkArity('QByteArray.prepend', arguments, 1, 1);
    return this.insert(0, bytes);
  }

  push_front(bytes: BytesInput): void {
    this.prepend(bytes);
  }

  /** insert(i, data), or insert(i, count, c): `count` copies of the byte `c`. */
  insert(i: number, data: BytesInput | number): this;
  insert(i: number, count: number, c: string | number): this;
  insert(i: number, bytes: BytesInput | number, c?: string | number): this {
    checkArity('QByteArray.insert', arguments, 2, 3);
    checkInt('QByteArray.insert', 'i', i, 0, MAX_SIZE);
    const b =
      arguments.length === 3
        ? Buffer.alloc(checkInt('QByteArray.insert', 'count', bytes, 0, MAX_SIZE), byteArg('QByteArray.insert', 'c', c))
        : typeof bytes === 'number'
          ? Buffer.of(byteArg('QByteArray.insert', 'c', bytes))
          : Buffer.from(toBuffer('QByteArray.insert', 'data', bytes));
    if (i > this.len) {
      // Qt pads with spaces when inserting past the end.
      this.writeAt(this.len, Buffer.alloc(i - this.len, 32));
      this.writeAt(i, b);
    } else {
      const tail = Buffer.from(this.store.subarray(i, this.len));
      this.len = i;
      this.writeAt(i, b);
      this.writeAt(this.len, tail);
    }
    return this;
  }

  remove(index: number, len: number): this {
    checkArity('QByteArray.remove', arguments, 2, 2);
    checkInt('QByteArray.remove', 'index', index, 0, MAX_SIZE);
    checkInt('QByteArray.remove', 'len', len, 0, MAX_SIZE);
    if (index >= this.len) return this;
    const end = Math.min(this.len, index + len);
    this.store.copy(this.store, index, end, this.len);
    this.len -= end - index;
    return this;
  }

  replace(before: BytesInput, after: BytesInput): this {
    checkArity('QByteArray.replace', arguments, 2, 2);
    const b = toBuffer('QByteArray.replace', 'before', before);
    const a = toBuffer('QByteArray.replace', 'after', after);
    if (b.length === 0 && a.length === 0) return this;
    const parts: Buffer[] = [];
    const hay = this.view();
    let from = 0;
    if (b.length === 0) {
      // Qt inserts `after` before every byte and at the end.
      for (let i = 0; i < hay.length; i++) parts.push(a, hay.subarray(i, i + 1));
      parts.push(a);
    } else {
      for (let at = hay.indexOf(b); at >= 0; at = hay.indexOf(b, from)) {
        parts.push(hay.subarray(from, at), a);
        from = at + b.length;
      }
      parts.push(hay.subarray(from));
    }
    this.setBytes(Buffer.concat(parts));
    return this;
  }

  /** Empties it and makes it null, as Qt's clear(). */
  clear(): void {
    this.store = EMPTY;
    this.len = 0;
    this.nul = true;
  }

  /** New bytes are `c`, or zero without it (Qt leaves them uninitialised). */
  resize(size: number, c?: string | number): void {
    checkArity('QByteArray.resize', arguments, 1, 2);
    size = checkInt('QByteArray.resize', 'size', size, -1, MAX_SIZE);
    const fill = c === undefined ? 0 : byteArg('QByteArray.resize', 'c', c);
    if (size < 0) size = 0;
    if (size > this.len) this.writeAt(this.len, Buffer.alloc(size - this.len, fill));
    this.len = size;
    this.nul = false;
  }

  truncate(pos: number): void {
    checkInt('QByteArray.truncate', 'pos', pos, 0, MAX_SIZE);
    if (pos < this.len) this.len = pos;
  }

  chop(n: number): void {
    checkInt('QByteArray.chop', 'n', n, 0, MAX_SIZE);
    this.len = Math.max(0, this.len - n);
  }

  /** Every byte set to `c`; with `size` (not -1), resized to it first. */
  fill(c: string | number, size = -1): this {
    checkArity('QByteArray.fill', arguments, 1, 2);
    const byte = byteArg('QByteArray.fill', 'c', c);
    checkInt('QByteArray.fill', 'size', size, -1, MAX_SIZE);
    if (size >= 0) this.resize(size);
    this.store.fill(byte, 0, this.len);
    return this;
  }

  swap(other: QByteArray): void {
    if (!(other instanceof QByteArray))
      throw new TypeError(`QByteArray.swap: argument 'other' must be a QByteArray, got ${describe(other)}`);
    [this.store, other.store] = [other.store, this.store];
    [this.len, other.len] = [other.len, this.len];
    [this.nul, other.nul] = [other.nul, this.nul];
  }

  // ---- parts ----

  /** The byte at `i`, as a number (as buf[i]; PyQt6 gives a 1-byte bytes). */
  at(i: number): number {
    checkArity('QByteArray.at', arguments, 1, 1);
    checkInt('QByteArray.at', 'i', i, 0, MAX_SIZE);
    if (i >= this.len) throw new RangeError(`QByteArray.at: index ${i} out of range (size ${this.len})`);
    return this.store[i];
  }

  private slice(from: number, to: number): QByteArray {
    return QByteArray.from(this.store.subarray(from, Math.max(from, to)));
  }

  /** As Qt: from `pos`, `len` bytes (-1: to the end); a pos past the end gives an empty array. */
  mid(pos: number, len = -1): QByteArray {
    checkArity('QByteArray.mid', arguments, 1, 2);
    checkInt('QByteArray.mid', 'pos', pos, -MAX_SIZE, MAX_SIZE);
    checkInt('QByteArray.mid', 'len', len, -1, MAX_SIZE);
    if (pos > this.len) return new QByteArray();
    let end = len < 0 ? this.len : pos + len;
    const from = Math.max(0, pos);
    end = Math.min(this.len, end);
    return this.slice(from, end);
  }

  /** As Qt 6: a negative length gives an empty array. */
  left(len: number): QByteArray {
    checkInt('QByteArray.left', 'len', len, -MAX_SIZE, MAX_SIZE);
    return this.slice(0, Math.max(0, Math.min(len, this.len)));
  }

  right(len: number): QByteArray {
    checkInt('QByteArray.right', 'len', len, -MAX_SIZE, MAX_SIZE);
    return this.slice(this.len - Math.max(0, Math.min(len, this.len)), this.len);
  }

  private inRange(method: string, n: number, pos = 0): void {
    if (pos < 0 || n < 0 || pos + n > this.len)
      throw new RangeError(`QByteArray.${method}: range ${pos}+${n} out of the array (size ${this.len})`);
  }

  first(n: number): QByteArray {
    this.inRange('first', checkInt('QByteArray.first', 'n', n, 0, MAX_SIZE));
    return this.slice(0, n);
  }

  last(n: number): QByteArray {
    this.inRange('last', checkInt('QByteArray.last', 'n', n, 0, MAX_SIZE));
    return this.slice(this.len - n, this.len);
  }

  sliced(pos: number, n?: number): QByteArray {
    checkInt('QByteArray.sliced', 'pos', pos, 0, MAX_SIZE);
    const count = n === undefined ? this.len - pos : checkInt('QByteArray.sliced', 'n', n, 0, MAX_SIZE);
    this.inRange('sliced', count, pos);
    return this.slice(pos, pos + count);
  }

  chopped(len: number): QByteArray {
    this.inRange('chopped', checkInt('QByteArray.chopped', 'len', len, 0, MAX_SIZE));
    return this.slice(0, this.len - len);
  }

  repeated(times: number): QByteArray {
    checkInt('QByteArray.repeated', 'times', times, -MAX_SIZE, MAX_SIZE);
    return QByteArray.from(times <= 0 ? EMPTY : Buffer.alloc(this.len * times, this.view()));
  }

  split(sep: string | number): QByteArray[] {
    const byte = byteArg('QByteArray.split', 'sep', sep);
    const out: QByteArray[] = [];
    let from = 0;
    const hay = this.view();
    for (let at = hay.indexOf(byte); at >= 0; at = hay.indexOf(byte, from)) {
      out.push(this.slice(from, at));
      from = at + 1;
    }
    out.push(this.slice(from, this.len));
    return out;
  }

  // ---- searching and comparing ----

  indexOf(bytes: BytesInput | number, from = 0): number {
    checkArity('QByteArray.indexOf', arguments, 1, 2);
    const needle =
      typeof bytes === 'number'
        ? byteArg('QByteArray.indexOf', 'c', bytes)
        : toBuffer('QByteArray.indexOf', 'bs', bytes);
    checkInt('QByteArray.indexOf', 'from', from, -MAX_SIZE, MAX_SIZE);
    if (from < 0) from = Math.max(0, from + this.len);
    if (from > this.len) return -1;
    return this.view().indexOf(needle, from);
  }

  lastIndexOf(bytes: BytesInput | number, from = -1): number {
    checkArity('QByteArray.lastIndexOf', arguments, 1, 2);
    const needle =
      typeof bytes === 'number'
        ? byteArg('QByteArray.lastIndexOf', 'c', bytes)
        : toBuffer('QByteArray.lastIndexOf', 'bs', bytes);
    checkInt('QByteArray.lastIndexOf', 'from', from, -MAX_SIZE, MAX_SIZE);
    if (from < 0) from += this.len;
    if (from < 0) return -1;
    return this.view().lastIndexOf(needle, from);
  }

  contains(bytes: BytesInput | number): boolean {
    checkArity('QByteArray.contains', arguments, 1, 1);
    return this.indexOf(bytes) >= 0;
  }

  startsWith(bytes: BytesInput | number): boolean {
    checkArity('QByteArray.startsWith', arguments, 1, 1);
    const b =
      typeof bytes === 'number'
        ? Buffer.of(byteArg('QByteArray.startsWith', 'c', bytes))
        : toBuffer('QByteArray.startsWith', 'bs', bytes);
    return b.length <= this.len && this.store.compare(b, 0, b.length, 0, b.length) === 0;
  }

  endsWith(bytes: BytesInput | number): boolean {
    checkArity('QByteArray.endsWith', arguments, 1, 1);
    const b =
      typeof bytes === 'number'
        ? Buffer.of(byteArg('QByteArray.endsWith', 'c', bytes))
        : toBuffer('QByteArray.endsWith', 'bs', bytes);
    return b.length <= this.len && this.store.compare(b, 0, b.length, this.len - b.length, this.len) === 0;
  }

  /** `==`: the same bytes (a null and an empty array are equal, as in Qt). */
  equals(other: BytesInput): boolean {
    checkArity('QByteArray.equals', arguments, 1, 1);
    return this.view().equals(toBuffer('QByteArray.equals', 'other', other));
  }

  /** <0, 0 or >0, as memcmp (Qt's case-sensitive compare). */
  compare(other: BytesInput): number {
    checkArity('QByteArray.compare', arguments, 1, 1);
    return this.view().compare(toBuffer('QByteArray.compare', 'a', other));
  }

  isValidUtf8(): boolean {
    // TextDecoder with fatal: throws on any invalid sequence.
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(this.view());
      return true;
    } catch {
      return false;
    }
  }

  isLower(): boolean {
    return !/[A-Z]/.test(this.view().toString('latin1'));
  }

  isUpper(): boolean {
    return !/[a-z]/.test(this.view().toString('latin1'));
  }

  // ---- transformed copies ----

  toLower(): QByteArray {
    return QByteArray.from(
      Buffer.from(
        this.view()
          .toString('latin1')
          .replace(/[A-Z]+/g, (s) => s.toLowerCase()),
        'latin1',
      ),
    );
  }

  toUpper(): QByteArray {
    return QByteArray.from(
      Buffer.from(
        this.view()
          .toString('latin1')
          .replace(/[a-z]+/g, (s) => s.toUpperCase()),
        'latin1',
      ),
    );
  }

  trimmed(): QByteArray {
    let a = 0;
    let b = this.len;
    while (a < b && isSpace(this.store[a])) a++;
    while (b > a && isSpace(this.store[b - 1])) b--;
    return this.slice(a, b);
  }

  simplified(): QByteArray {
    const words = this.view()
      .toString('latin1')
      .split(/[ \t\n\v\f\r]+/)
      .filter((w) => w.length > 0);
    return QByteArray.from(Buffer.from(words.join(' '), 'latin1'));
  }

  leftJustified(width: number, fill: string | number = ' ', truncate = false): QByteArray {
    checkInt('QByteArray.leftJustified', 'width', width, -MAX_SIZE, MAX_SIZE);
    const c = byteArg('QByteArray.leftJustified', 'fill', fill);
    if (this.len >= width) return truncate && width >= 0 ? this.slice(0, width) : this.slice(0, this.len);
    return QByteArray.from(Buffer.concat([this.view(), Buffer.alloc(width - this.len, c)]));
  }

  rightJustified(width: number, fill: string | number = ' ', truncate = false): QByteArray {
    checkInt('QByteArray.rightJustified', 'width', width, -MAX_SIZE, MAX_SIZE);
    const c = byteArg('QByteArray.rightJustified', 'fill', fill);
    if (this.len >= width) return truncate && width >= 0 ? this.slice(0, width) : this.slice(0, this.len);
    return QByteArray.from(Buffer.concat([Buffer.alloc(width - this.len, c), this.view()]));
  }

  // ---- encodings ----

  /** Lower-case hex; with a separator byte between each two digits, as Qt. */
  toHex(separator: string | number = ''): QByteArray {
    checkArity('QByteArray.toHex', arguments, 0, 1);
    const hex = this.view().toString('hex');
    if (separator === '' || this.len === 0) return QByteArray.from(hex);
    const sep = String.fromCharCode(byteArg('QByteArray.toHex', 'separator', separator));
    return QByteArray.from(Buffer.from(hex.match(/../g)!.join(sep), 'latin1'));
  }

  /** As Qt: non-hex characters are skipped; an odd digit count reads as if a 0 led. */
  static fromHex(hexEncoded: BytesInput): QByteArray {
    checkArity('QByteArray.fromHex', arguments, 1, 1);
    const digits = toBuffer('QByteArray.fromHex', 'hexEncoded', hexEncoded)
      .toString('latin1')
      .replace(/[^0-9a-fA-F]/g, '');
    return QByteArray.from(Buffer.from(digits.length % 2 ? '0' + digits : digits, 'hex'));
  }

  toBase64(options: number = Base64Option.Base64Encoding): QByteArray {
    checkArity('QByteArray.toBase64', arguments, 0, 1);
    checkInt('QByteArray.toBase64', 'options', options, 0, 7);
    let s = this.view().toString(options & Base64Option.Base64UrlEncoding ? 'base64url' : 'base64');
    if (options & Base64Option.Base64UrlEncoding && !(options & Base64Option.OmitTrailingEquals))
      s += '='.repeat((4 - (s.length % 4)) % 4); // Node's base64url never pads; Qt's does unless told
    if (options & Base64Option.OmitTrailingEquals) s = s.replace(/=+$/, '');
    return QByteArray.from(s);
  }

  /** Tolerant, as Qt's default: bytes outside the alphabet are skipped. */
  static fromBase64(base64: BytesInput, options: number = Base64Option.Base64Encoding): QByteArray {
    checkArity('QByteArray.fromBase64', arguments, 1, 2);
    const r = QByteArray.fromBase64Encoding(base64, options & ~Base64Option.AbortOnBase64DecodingErrors);
    return r.decoded;
  }

  /**
   * As Qt: without AbortOnBase64DecodingErrors every byte outside the alphabet ('=' too) is
   * skipped; with it, a foreign byte is IllegalCharacter, and '=' must pad a length that is a
   * multiple of 4 (else IllegalInputLength) and end the input (else IllegalPadding).
   */
  static fromBase64Encoding(base64: BytesInput, options: number = Base64Option.Base64Encoding): FromBase64Result {
    const method = 'QByteArray.fromBase64Encoding';
    checkArity(method, arguments, 1, 2);
    checkInt(method, 'options', options, 0, 7);
    const input = toBuffer(method, 'base64', base64);
    const url = (options & Base64Option.Base64UrlEncoding) !== 0;
    const abort = (options & Base64Option.AbortOnBase64DecodingErrors) !== 0;
    const fail = (status: Base64DecodingStatus): FromBase64Result => ({
      decoded: new QByteArray(),
      decodingStatus: status,
    });
    const out = Buffer.alloc((input.length * 3) >> 2);
    let bits = 0;
    let nbits = 0;
    let n = 0;
    for (let i = 0; i < input.length; i++) {
      const c = input[i];
      let d = -1;
      if (c >= 0x41 && c <= 0x5a) d = c - 0x41;
      else if (c >= 0x61 && c <= 0x7a) d = c - 0x61 + 26;
      else if (c >= 0x30 && c <= 0x39) d = c - 0x30 + 52;
      else if (c === (url ? 0x2d : 0x2b))
        d = 62; // '-' or '+'
      else if (c === (url ? 0x5f : 0x2f))
        d = 63; // '_' or '/'
      else if (abort) {
        if (c !== 0x3d) return fail(Base64DecodingStatus.IllegalCharacter);
        if (input.length % 4 !== 0) return fail(Base64DecodingStatus.IllegalInputLength);
        if (i === input.length - 1 || (i === input.length - 2 && input[i + 1] === 0x3d)) break;
        return fail(Base64DecodingStatus.IllegalPadding);
      }
      if (d < 0) continue;
      bits = (bits << 6) | d;
      nbits += 6;
      if (nbits >= 8) {
        nbits -= 8;
        out[n++] = (bits >> nbits) & 0xff;
        bits &= (1 << nbits) - 1;
      }
    }
    return { decoded: QByteArray.from(out.subarray(0, n)), decodingStatus: Base64DecodingStatus.Ok };
  }

  toPercentEncoding(exclude: BytesInput = '', include: BytesInput = '', percent: string | number = '%'): QByteArray {
    const method = 'QByteArray.toPercentEncoding';
    const ex = toBuffer(method, 'exclude', exclude);
    const inc = toBuffer(method, 'include', include);
    const pc = byteArg(method, 'percent', percent);
    // Which bytes stay as they are: a table, so that long exclude/include lists cost once.
    const keep = UNRESERVED.slice();
    for (const c of ex) keep[c] = 1;
    for (const c of inc) keep[c] = 0;
    const src = this.view();
    const out = Buffer.allocUnsafe(src.length * 3);
    let n = 0;
    for (const c of src) {
      if (keep[c]) out[n++] = c;
      else {
        out[n++] = pc;
        out[n++] = HEX.charCodeAt(c >> 4);
        out[n++] = HEX.charCodeAt(c & 15);
      }
    }
    return QByteArray.from(out.subarray(0, n)); // from() copies
  }

  static fromPercentEncoding(input: BytesInput, percent: string | number = '%'): QByteArray {
    const method = 'QByteArray.fromPercentEncoding';
    const src = toBuffer(method, 'input', input);
    const pc = byteArg(method, 'percent', percent);
    const out: number[] = [];
    // As Qt: the two bytes after a percent are not checked; a non-hex one counts as its own value.
    const digit = (c: number): number =>
      c >= 0x30 && c <= 0x39
        ? c - 0x30
        : c >= 0x61 && c <= 0x66
          ? c - 0x61 + 10
          : c >= 0x41 && c <= 0x46
            ? c - 0x41 + 10
            : c;
    for (let i = 0; i < src.length; i++) {
      if (src[i] === pc && i + 2 < src.length) {
        out.push(((digit(src[i + 1]) << 4) | digit(src[i + 2])) & 0xff);
        i += 2;
      } else out.push(src[i]);
    }
    return QByteArray.from(Buffer.from(out));
  }

  percentDecoded(percent: string | number = '%'): QByteArray {
    return QByteArray.fromPercentEncoding(this.view(), percent);
  }

  // ---- numbers: PyQt6's (value, ok) tuples ----

  private toInteger(method: string, base: number, min: bigint, max: bigint): [bigint, boolean] {
    checkInt(`QByteArray.${method}`, 'base', base, 0, 36);
    if (base === 1) throw new RangeError(`QByteArray.${method}: argument 'base' must be 0 or 2..36, got 1`);
    const v = parseInteger(this.view().toString('latin1'), base);
    if (v === null || v < min || v > max) return [0n, false];
    return [v, true];
  }

  toInt(base = 10): [number, boolean] {
    const [v, ok] = this.toInteger('toInt', base, -(2n ** 31n), 2n ** 31n - 1n);
    return [Number(v), ok];
  }

  toUInt(base = 10): [number, boolean] {
    const [v, ok] = this.toInteger('toUInt', base, 0n, 2n ** 32n - 1n);
    return [Number(v), ok];
  }

  toShort(base = 10): [number, boolean] {
    const [v, ok] = this.toInteger('toShort', base, -(2n ** 15n), 2n ** 15n - 1n);
    return [Number(v), ok];
  }

  toUShort(base = 10): [number, boolean] {
    const [v, ok] = this.toInteger('toUShort', base, 0n, 2n ** 16n - 1n);
    return [Number(v), ok];
  }

  /** `long` is 64-bit on the Unix systems Qt builds for here: a bigint. */
  toLong(base = 10): [bigint, boolean] {
    return this.toInteger('toLong', base, -(2n ** 63n), 2n ** 63n - 1n);
  }

  toULong(base = 10): [bigint, boolean] {
    return this.toInteger('toULong', base, 0n, 2n ** 64n - 1n);
  }

  toLongLong(base = 10): [bigint, boolean] {
    return this.toInteger('toLongLong', base, -(2n ** 63n), 2n ** 63n - 1n);
  }

  toULongLong(base = 10): [bigint, boolean] {
    return this.toInteger('toULongLong', base, 0n, 2n ** 64n - 1n);
  }

  /** Decimal or exponent notation, with optional surrounding whitespace (also "inf"/"nan", as Qt). */
  /** As Qt: 'inf', '-inf' and 'nan' read; a value beyond a double, or one that underflows to 0, fails. */
  toDouble(): [number, boolean] {
    const s = this.view().toString('latin1').trim();
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) {
      const v = Number(s);
      if (!Number.isFinite(v) || (v === 0 && /[1-9]/.test(s.split(/[eE]/)[0]))) return [0, false];
      return [v, true];
    }
    if (/^[+-]?inf$/.test(s)) return [s.startsWith('-') ? -Infinity : Infinity, true];
    if (s === 'nan') return [NaN, true];
    return [0, false];
  }

  /** As Qt: a double beyond a float gives an infinity and false; one that underflows to 0 gives 0 and false. */
  toFloat(): [number, boolean] {
    const [v, ok] = this.toDouble();
    if (!ok) return [0, false];
    const f = Math.fround(v);
    if (Number.isFinite(v) && !Number.isFinite(f)) return [f, false];
    if (v !== 0 && f === 0) return [0, false];
    return [f, true];
  }

  /**
   * Qt's QByteArray::number: `number(n, base = 10)` for an integer (number or bigint), base 2..36;
   * `number(n, format = 'g', precision = 6)` for a double, format 'e', 'E', 'f', 'g' or 'G' as
   * printf's. A JS number that is an integer takes the first unless a format is given.
   */
  static number(n: number | bigint, base?: number): QByteArray;
  static number(n: number, format: string, precision?: number): QByteArray;
  static number(n: number | bigint, baseOrFormat?: number | string, precision = 6): QByteArray {
    const method = 'QByteArray.number';
    checkArity(method, arguments, 1, 3);
    if (typeof n !== 'number' && typeof n !== 'bigint')
      throw new TypeError(`${method}: argument 'n' must be a number or bigint, got ${describe(n)}`);
    if (typeof baseOrFormat === 'string' || (typeof n === 'number' && !Number.isInteger(n))) {
      if (typeof n === 'bigint') throw new TypeError(`${method}: a format is for a number, got a bigint`);
      const format = baseOrFormat ?? 'g';
      if (typeof format !== 'string' || !/^[eEfgG]$/.test(format))
        throw new TypeError(
          `${method}: argument 'format' must be one of 'e', 'E', 'f', 'g', 'G', got ${describe(format)}`,
        );
      checkInt(method, 'precision', precision, -1, 99);
      return QByteArray.from(formatDouble(n, format, precision < 0 ? 6 : precision));
    }
    const base = baseOrFormat ?? 10;
    checkInt(method, 'base', base, 2, 36);
    return QByteArray.from(n.toString(base));
  }

  setNum(n: number | bigint, base?: number): this;
  setNum(n: number, format: string, precision?: number): this;
  setNum(n: number | bigint, baseOrFormat?: number | string, precision = 6): this {
    this.setBytes(QByteArray.number(n as number, baseOrFormat as string, precision).view());
    return this;
  }
}

/** printf's %e, %f and %g (and upper-case forms), as Qt's QByteArray::number(double) writes them. */
function formatDouble(v: number, format: string, precision: number): string {
  const upper = format === 'E' || format === 'G';
  let s: string;
  if (!Number.isFinite(v)) s = Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
  else {
    const neg = v < 0 || Object.is(v, -0);
    const a = Math.abs(v);
    const exp = (x: number, p: number): string => {
      const [m, e] = x.toExponential(p).split('e');
      return `${m}e${e[0]}${e.slice(1).padStart(2, '0')}`;
    };
    const strip = (t: string): string => (t.includes('.') ? t.replace(/\.?0+$/, '') : t);
    const strip2 = (t: string): string => {
      const [m, e] = t.split('e');
      return e === undefined ? strip(m) : `${strip(m)}e${e}`;
    };
    if (format === 'f') s = a.toFixed(precision);
    else if (format === 'e' || format === 'E') s = exp(a, precision);
    else {
      const p = precision === 0 ? 1 : precision;
      const x = a === 0 ? 0 : Number(a.toExponential(p - 1).split('e')[1]);
      s = strip2(x < -4 || x >= p ? exp(a, p - 1) : a.toFixed(p - 1 - x));
    }
    if (neg) s = '-' + s;
  }
  return upper ? s.toUpperCase() : s;
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace QByteArray {
  type Base64Option = import('./QByteArray').Base64Option;
  type Base64DecodingStatus = import('./QByteArray').Base64DecodingStatus;
}
