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
  }
  return neg ? -v : v;
}

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

  insert(i: number, bytes: BytesInput | number): this {
    checkArity('QByteArray.insert', arguments, 2, 2);
    checkInt('QByteArray.insert', 'i', i, 0, MAX_SIZE);
    const b =
      typeof bytes === 'number'
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

  /** New bytes are zero (Qt leaves them uninitialised). */
  resize(size: number): void {
    checkArity('QByteArray.resize', arguments, 1, 1);
    size = checkInt('QByteArray.resize', 'size', size, -1, MAX_SIZE);
    if (size < 0) size = 0;
    if (size > this.len) this.writeAt(size, EMPTY);
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

  left(len: number): QByteArray {
    checkInt('QByteArray.left', 'len', len, -MAX_SIZE, MAX_SIZE);
    return this.slice(0, len < 0 ? this.len : Math.min(len, this.len));
  }

  right(len: number): QByteArray {
    checkInt('QByteArray.right', 'len', len, -MAX_SIZE, MAX_SIZE);
    return this.slice(len < 0 || len >= this.len ? 0 : this.len - len, this.len);
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

  /** Tolerant, as Qt's default: characters outside the alphabet are skipped. */
  static fromBase64(base64: BytesInput, options: number = Base64Option.Base64Encoding): QByteArray {
    checkArity('QByteArray.fromBase64', arguments, 1, 2);
    const r = QByteArray.fromBase64Encoding(base64, options & ~Base64Option.AbortOnBase64DecodingErrors);
    return r.decoded;
  }

  static fromBase64Encoding(base64: BytesInput, options: number = Base64Option.Base64Encoding): FromBase64Result {
    const method = 'QByteArray.fromBase64Encoding';
    checkArity(method, arguments, 1, 2);
    checkInt(method, 'options', options, 0, 7);
    let s = toBuffer(method, 'base64', base64).toString('latin1');
    const url = (options & Base64Option.Base64UrlEncoding) !== 0;
    const alphabet = url ? /[^A-Za-z0-9\-_=]/g : /[^A-Za-z0-9+/=]/g;
    if (options & Base64Option.AbortOnBase64DecodingErrors) {
      const bad = (status: Base64DecodingStatus): FromBase64Result => ({
        decoded: new QByteArray(),
        decodingStatus: status,
      });
      if (alphabet.test(s)) return bad(Base64DecodingStatus.IllegalCharacter);
      const pad = s.indexOf('=');
      if (pad >= 0 && (!/^=*$/.test(s.slice(pad)) || s.length % 4 !== 0))
        return bad(Base64DecodingStatus.IllegalPadding);
      if (s.replace(/=+$/, '').length % 4 === 1) return bad(Base64DecodingStatus.IllegalInputLength);
    }
    s = s.replace(alphabet, '');
    const pad = s.indexOf('=');
    if (pad >= 0) s = s.slice(0, pad);
    return {
      decoded: QByteArray.from(Buffer.from(s, url ? 'base64url' : 'base64')),
      decodingStatus: Base64DecodingStatus.Ok,
    };
  }

  toPercentEncoding(exclude: BytesInput = '', include: BytesInput = '', percent: string | number = '%'): QByteArray {
    const method = 'QByteArray.toPercentEncoding';
    const ex = toBuffer(method, 'exclude', exclude);
    const inc = toBuffer(method, 'include', include);
    const pc = byteArg(method, 'percent', percent);
    const unreserved = (c: number): boolean =>
      (c >= 0x61 && c <= 0x7a) ||
      (c >= 0x41 && c <= 0x5a) ||
      (c >= 0x30 && c <= 0x39) ||
      c === 0x2d ||
      c === 0x2e ||
      c === 0x5f ||
      c === 0x7e;
    const out: number[] = [];
    for (const c of this.view()) {
      if ((unreserved(c) || ex.includes(c)) && !inc.includes(c)) out.push(c);
      else out.push(pc, ...Buffer.from(c.toString(16).toUpperCase().padStart(2, '0'), 'latin1'));
    }
    return QByteArray.from(Buffer.from(out));
  }

  static fromPercentEncoding(input: BytesInput, percent: string | number = '%'): QByteArray {
    const method = 'QByteArray.fromPercentEncoding';
    const src = toBuffer(method, 'input', input);
    const pc = byteArg(method, 'percent', percent);
    const out: number[] = [];
    const hex = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
    for (let i = 0; i < src.length; i++) {
      if (src[i] === pc && i + 2 < src.length + 0 && hex(src[i + 1]) && hex(src[i + 2])) {
        out.push(parseInt(String.fromCharCode(src[i + 1], src[i + 2]), 16));
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
  toDouble(): [number, boolean] {
    const s = this.view().toString('latin1').trim();
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) {
      const v = Number(s);
      return Number.isFinite(v) ? [v, true] : [0, false];
    }
    if (/^[+-]?inf(inity)?$/i.test(s)) return [s.startsWith('-') ? -Infinity : Infinity, true];
    if (/^nan$/i.test(s)) return [NaN, true];
    return [0, false];
  }

  toFloat(): [number, boolean] {
    const [v, ok] = this.toDouble();
    if (!ok) return [0, false];
    const f = Math.fround(v);
    if (Number.isFinite(v) && !Number.isFinite(f)) return [0, false];
    return [f, true];
  }

  /** As Qt's QByteArray::number for integers (base 2..36), and for a double with format 'g' and precision 6. */
  static number(n: number | bigint, base = 10): QByteArray {
    checkArity('QByteArray.number', arguments, 1, 2);
    checkInt('QByteArray.number', 'base', base, 2, 36);
    if (typeof n === 'bigint') return QByteArray.from(n.toString(base));
    if (typeof n !== 'number')
      throw new TypeError(`QByteArray.number: argument 'n' must be a number or bigint, got ${describe(n)}`);
    if (Number.isInteger(n)) return QByteArray.from(n.toString(base));
    return QByteArray.from(formatG(n));
  }

  setNum(n: number | bigint, base = 10): this {
    this.setBytes(QByteArray.number(n, base).view());
    return this;
  }
}

/** printf's %g with precision 6 (Qt's default for QByteArray::number(double)). */
function formatG(v: number): string {
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const exp = Math.floor(Math.log10(Math.abs(Number(v.toPrecision(6)))));
  if (exp < -4 || exp >= 6) {
    const [m, e] = v.toExponential(5).split('e');
    const mant = m.includes('.') ? m.replace(/\.?0+$/, '') : m;
    const sign = e.startsWith('-') ? '-' : '+';
    return `${mant}e${sign}${e.replace(/^[+-]/, '').padStart(2, '0')}`;
  }
  const s = v.toFixed(Math.max(0, 5 - exp));
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace QByteArray {
  type Base64Option = import('./QByteArray').Base64Option;
  type Base64DecodingStatus = import('./QByteArray').Base64DecodingStatus;
}
