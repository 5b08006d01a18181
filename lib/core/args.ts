// Argument checks shared by every class: a wrong type is a TypeError, a number out of range a
// RangeError, both naming the method and the argument and saying what was given.
import { types } from 'node:util';

/** A value as an error message shows it: its type, and a short form of a string, number or boolean. */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'string') {
    // A URL's password given where something else was expected stays out of the message.
    const shown = v.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/]*:)[^@/]*@/i, '$1<hidden>@');
    return `string ${JSON.stringify(shown.length > 40 ? shown.slice(0, 40) + '…' : shown)}`;
  }
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return `${typeof v} ${String(v)}`;
  if (typeof v === 'function') return 'function';
  const ctor = (v as object).constructor;
  return ctor && ctor.name ? `${ctor.name} object` : 'object';
}

/** The highest TCP/UDP port: Qt takes ports as quint16. */
export const PORT_MAX = 65535;

export function checkArity(method: string, args: IArguments | unknown[], min: number, max: number): void {
  if (args.length < min || args.length > max) {
    const want = min === max ? `${min}` : `${min} to ${max}`;
    throw new TypeError(`${method}: expected ${want} argument(s), got ${args.length}`);
  }
}

export function checkInt(method: string, arg: string, v: unknown, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    throw new TypeError(`${method}: argument '${arg}' must be an integer, got ${describe(v)}`);
  }
  if (v < min || v > max) {
    throw new RangeError(`${method}: argument '${arg}' must be in ${min}..${max}, got ${v}`);
  }
  return v;
}

export function checkString(method: string, arg: string, v: unknown): string {
  if (typeof v !== 'string') throw new TypeError(`${method}: argument '${arg}' must be a string, got ${describe(v)}`);
  return v;
}

/**
 * A secret (a password): checked like a string, but the message says only what type was given,
 * never the value (a number may be a PIN).
 */
export function checkSecret(method: string, arg: string, v: unknown): string {
  if (typeof v !== 'string')
    throw new TypeError(`${method}: argument '${arg}' must be a string, got ${v === null ? 'null' : typeof v}`);
  return v;
}

export function checkBool(method: string, arg: string, v: unknown): boolean {
  if (typeof v !== 'boolean') throw new TypeError(`${method}: argument '${arg}' must be a boolean, got ${describe(v)}`);
  return v;
}

/** An enum value given as its member (a number) or a flag combination; checked against the valid values. */
export function checkEnum(
  method: string,
  arg: string,
  v: unknown,
  values: Record<string, string | number>,
  enumName: string,
): number {
  if (typeof v !== 'number' || !membersOf(values).has(v)) {
    throw new TypeError(`${method}: argument '${arg}' must be a ${enumName} member, got ${describe(v)}`);
  }
  return v;
}

// Each enum's values, gathered once: checkEnum runs per call of many methods (an attribute read,
// a QUrl made from a string), where Object.values made an array every time.
const members = new WeakMap<object, Set<unknown>>();
function membersOf(values: Record<string, string | number>): Set<unknown> {
  let set = members.get(values);
  if (set === undefined) members.set(values, (set = new Set(Object.values(values))));
  return set;
}

export function checkFlags(
  method: string,
  arg: string,
  v: unknown,
  values: Record<string, string | number>,
  enumName: string,
): number {
  let all = 0;
  for (const x of Object.values(values)) if (typeof x === 'number') all |= x;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || (v & ~all) !== 0) {
    throw new TypeError(`${method}: argument '${arg}' must be a combination of ${enumName} flags, got ${describe(v)}`);
  }
  return v;
}

/**
 * What a byte container answers with its bytes (a copy): QByteArray has it. A symbol rather than
 * an import of QByteArray: every class imports this file, and QByteArray imports it too.
 */
export const BYTES = Symbol('qtnetwork.bytes');

/**
 * The items of an iterable argument (PyQt6 takes any Python iterable; a string is not a list here),
 * or a TypeError naming the argument; `what` says what it must be ("an iterable of QSslCipher").
 */
export function checkIterable(method: string, arg: string, v: unknown, what = 'an iterable'): unknown[] {
  if (typeof v !== 'object' || v === null || typeof (v as Iterable<unknown>)[Symbol.iterator] !== 'function')
    throw new TypeError(`${method}: argument '${arg}' must be ${what}, got ${describe(v)}`);
  return [...(v as Iterable<unknown>)];
}

/** The items of an iterable whose items must all be instances of `cls`; a TypeError names the first that is not. */
export function checkIterableOf<T>(
  method: string,
  arg: string,
  v: unknown,
  cls: abstract new (...args: never[]) => T,
): T[] {
  const list = checkIterable(method, arg, v, `an iterable of ${cls.name}`);
  list.forEach((item, i) => {
    if (!(item instanceof cls))
      throw new TypeError(`${method}: argument '${arg}' item ${i} must be a ${cls.name}, got ${describe(item)}`);
  });
  return list as T[];
}

/** A byte argument as the binding takes it: see toBuffer. */
export type BytesInput = Buffer | Uint8Array | string | { [BYTES](): Buffer };

/**
 * Bytes as PyQt6 takes them: Buffer, Uint8Array, QByteArray, or a string (UTF-8). The one place
 * every byte argument goes through, so each accepts a QByteArray (copied: the caller may change
 * it while Qt still holds the bytes).
 */
export function toBuffer(method: string, arg: string, v: unknown): Buffer {
  if (Buffer.isBuffer(v)) return v;
  if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  if (typeof v === 'string') return Buffer.from(v, 'utf8');
  if (typeof v === 'object' && v !== null && BYTES in v) return (v as { [BYTES](): Buffer })[BYTES]();
  throw new TypeError(
    `${method}: argument '${arg}' must be a Buffer, Uint8Array, QByteArray or string, got ${describe(v)}`,
  );
}

/**
 * Secret bytes (a passphrase) as toBuffer takes bytes, but a wrong type's message says only its
 * type, never the value.
 */
export function toSecretBuffer(method: string, arg: string, v: unknown): Buffer {
  if (Buffer.isBuffer(v) || v instanceof Uint8Array || typeof v === 'string') return toBuffer(method, arg, v);
  if (typeof v === 'object' && v !== null && BYTES in v) return toBuffer(method, arg, v);
  const given = v === null ? 'null' : typeof v === 'object' ? 'an object' : typeof v;
  throw new TypeError(`${method}: argument '${arg}' must be a Buffer, Uint8Array, QByteArray or string, got ${given}`);
}

/** What the addon turns into a QVariant (native/value_wrap.h): bytes as QByteArray, a Date as a UTC QDateTime, null as None. */
export type VariantInput = string | number | boolean | Uint8Array | Date | null | undefined | { [BYTES](): Buffer };

export function checkVariant(
  method: string,
  arg: string,
  v: unknown,
): string | number | boolean | Uint8Array | Date | null | undefined {
  if (v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
    return v;
  // types.*, not instanceof: bytes or a Date from another realm (a vm context) count too.
  if (types.isUint8Array(v)) return v;
  if (types.isDate(v) && !Number.isNaN(v.getTime())) return v;
  if (typeof v === 'object' && BYTES in v) return (v as { [BYTES](): Buffer })[BYTES]();
  throw new TypeError(
    `${method}: argument '${arg}' must be a string, number, boolean, Buffer, QByteArray, valid Date or null, got ${describe(v)}`,
  );
}

/**
 * A date argument where PyQt6 takes a QDateTime: a Date, or null for PyQt6's QDateTime() (an
 * invalid Date is one too). The addon reads it in UTC, as the getters give it back.
 */
export function checkDate(method: string, arg: string, v: unknown): Date | null {
  if (v === null) return null;
  // types.isDate, not instanceof: a Date from another realm (a vm context) counts too.
  if (types.isDate(v)) return v;
  throw new TypeError(`${method}: argument '${arg}' must be a Date or null, got ${describe(v)}`);
}

export function checkMsecs(method: string, v: unknown): number {
  return checkInt(method, 'msecs', v, -1, 2 ** 31 - 1);
}
