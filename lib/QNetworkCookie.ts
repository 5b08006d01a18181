// QNetworkCookie: PyQt6's API over Qt's own QNetworkCookie (its Set-Cookie parser, raw forms,
// normalisation and equality), used on the JS thread directly: it is a reentrant value type. The
// cookie jar copies cookies to and from the Qt side.
import { inspect, type InspectOptionsStylized } from 'node:util';
import { types } from 'node:util';
import { checkArity, checkBool, checkEnum, checkString, describe, toBuffer, type BytesInput } from './core/args';
import type { NativeNetworkCookie } from './core/native';
import { native } from './core/runtime';
import { holdsNative, Value, valueKit } from './core/value';
import { QUrl, nativeOf as nativeOfUrl, urlArg } from './QUrl';

export enum RawForm {
  NameAndValueOnly = 0,
  Full = 1,
}

export enum SameSite {
  Default = 0,
  None_ = 1,
  Lax = 2,
  Strict = 3,
}

/** One cookie: its name and value, and the attributes a Set-Cookie header gives it. */
export class QNetworkCookie extends Value<NativeNetworkCookie> {
  static readonly RawForm = RawForm;
  static readonly SameSite = SameSite;

  /** QNetworkCookie(name = QByteArray(), value = QByteArray()) · QNetworkCookie(other): a copy. */
  constructor(name?: BytesInput, value?: BytesInput);
  constructor(other: QNetworkCookie);
  constructor(name?: BytesInput | QNetworkCookie, value?: BytesInput) {
    const method = 'QNetworkCookie';
    checkArity(method, arguments, 0, 2);
    if (name instanceof QNetworkCookie) {
      if (arguments.length !== 1)
        throw new TypeError(`${method}: argument 'value' is not taken with a QNetworkCookie to copy`);
      super(new native.QNetworkCookie(nativeOf(name)));
      return;
    }
    const n = name === undefined ? Buffer.alloc(0) : toBuffer(method, 'name', name);
    const v = value === undefined ? Buffer.alloc(0) : toBuffer(method, 'value', value);
    super(new native.QNetworkCookie(n, v));
  }

  /** Qt's Set-Cookie parser: the cookies of a header value (one per line), none if it is malformed. */
  static parseCookies(cookieString: BytesInput): QNetworkCookie[] {
    const method = 'QNetworkCookie.parseCookies';
    checkArity(method, arguments, 1, 1);
    return native.QNetworkCookie.parseCookies(toBuffer(method, 'cookieString', cookieString)).map(adopt);
  }

  name(): Buffer {
    checkArity('QNetworkCookie.name', arguments, 0, 0);
    return nativeOf(this).name();
  }

  setName(cookieName: BytesInput): void {
    const method = 'QNetworkCookie.setName';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).setName(toBuffer(method, 'cookieName', cookieName));
  }

  value(): Buffer {
    checkArity('QNetworkCookie.value', arguments, 0, 0);
    return nativeOf(this).value();
  }

  setValue(value: BytesInput): void {
    const method = 'QNetworkCookie.setValue';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).setValue(toBuffer(method, 'value', value));
  }

  domain(): string {
    checkArity('QNetworkCookie.domain', arguments, 0, 0);
    return nativeOf(this).domain();
  }

  setDomain(domain: string): void {
    const method = 'QNetworkCookie.setDomain';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).setDomain(checkString(method, 'domain', domain));
  }

  path(): string {
    checkArity('QNetworkCookie.path', arguments, 0, 0);
    return nativeOf(this).path();
  }

  setPath(path: string): void {
    const method = 'QNetworkCookie.setPath';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).setPath(checkString(method, 'path', path));
  }

  /** When the cookie expires, or null for a session cookie (PyQt6: an invalid QDateTime). */
  expirationDate(): Date | null {
    checkArity('QNetworkCookie.expirationDate', arguments, 0, 0);
    return nativeOf(this).expirationDate();
  }

  /** A Date (its instant), or null (PyQt6's QDateTime()): a session cookie. */
  setExpirationDate(date: Date | null): void {
    const method = 'QNetworkCookie.setExpirationDate';
    checkArity(method, arguments, 1, 1);
    // types.isDate: a Date from another realm (a vm context) counts too.
    if (date !== null && !(types.isDate(date) && !Number.isNaN(date.getTime())))
      throw new TypeError(`${method}: argument 'date' must be a valid Date or null, got ${describe(date)}`);
    nativeOf(this).setExpirationDate(date);
  }

  isSecure(): boolean {
    checkArity('QNetworkCookie.isSecure', arguments, 0, 0);
    return nativeOf(this).isSecure();
  }

  setSecure(enable: boolean): void {
    const method = 'QNetworkCookie.setSecure';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).setSecure(checkBool(method, 'enable', enable));
  }

  isHttpOnly(): boolean {
    checkArity('QNetworkCookie.isHttpOnly', arguments, 0, 0);
    return nativeOf(this).isHttpOnly();
  }

  setHttpOnly(enable: boolean): void {
    const method = 'QNetworkCookie.setHttpOnly';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).setHttpOnly(checkBool(method, 'enable', enable));
  }

  /** True when the cookie has no expiration date. */
  isSessionCookie(): boolean {
    checkArity('QNetworkCookie.isSessionCookie', arguments, 0, 0);
    return nativeOf(this).isSessionCookie();
  }

  sameSitePolicy(): SameSite {
    checkArity('QNetworkCookie.sameSitePolicy', arguments, 0, 0);
    return nativeOf(this).sameSitePolicy();
  }

  setSameSitePolicy(sameSite: QNetworkCookie.SameSite): void {
    const method = 'QNetworkCookie.setSameSitePolicy';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).setSameSitePolicy(checkEnum(method, 'sameSite', sameSite, SameSite, 'QNetworkCookie.SameSite'));
  }

  /** The cookie as a Set-Cookie header value (Full), or as a Cookie header's `name=value`. */
  toRawForm(form: QNetworkCookie.RawForm = RawForm.Full): Buffer {
    const method = 'QNetworkCookie.toRawForm';
    checkArity(method, arguments, 0, 1);
    return nativeOf(this).toRawForm(checkEnum(method, 'form', form, RawForm, 'QNetworkCookie.RawForm'));
  }

  /** Fills in the domain and path from `url` where the cookie has none, as Qt does for a cookie a server set. */
  normalize(url: QUrl | URL | string): void {
    const method = 'QNetworkCookie.normalize';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).normalize(nativeOfUrl(urlArg(method, 'url', url)));
  }

  /** The same name, domain and path: the cookie a jar would replace with this one. */
  hasSameIdentifier(other: QNetworkCookie): boolean {
    const method = 'QNetworkCookie.hasSameIdentifier';
    checkArity(method, arguments, 1, 1);
    return nativeOf(this).hasSameIdentifier(nativeOf(cookieArg(method, 'other', other)));
  }

  swap(other: QNetworkCookie): void {
    const method = 'QNetworkCookie.swap';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).swap(nativeOf(cookieArg(method, 'other', other)));
  }

  /** Python's `==` (Qt's operator==: every field); false for a non-cookie. */
  equals(other: unknown): boolean {
    checkArity('QNetworkCookie.equals', arguments, 1, 1);
    return other instanceof QNetworkCookie && nativeOf(this).equals(nativeOf(other));
  }

  [inspect.custom](depth: number, options: InspectOptionsStylized, show: typeof inspect): string {
    if (!holdsNative(this)) return 'QNetworkCookie {}';
    return `QNetworkCookie ${show(this.toRawForm().toString('latin1'), options)}`;
  }
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace QNetworkCookie {
  type RawForm = import('./QNetworkCookie').RawForm;
  type SameSite = import('./QNetworkCookie').SameSite;
}

/** @internal A QNetworkCookie argument, or a TypeError naming the method and the argument. */
export function cookieArg(method: string, arg: string, v: unknown): QNetworkCookie {
  if (v instanceof QNetworkCookie) return v;
  throw new TypeError(`${method}: argument '${arg}' must be a QNetworkCookie, got ${describe(v)}`);
}

// @internal nativeOf: the native cookie inside one (read it, don't keep it); adopt: a
// QNetworkCookie around a native one the addon just made; fromNative: around a copy.
const { nativeOf, adopt, fromNative } = valueKit<QNetworkCookie, NativeNetworkCookie>(
  QNetworkCookie,
  native.QNetworkCookie,
);
export { nativeOf, adopt, fromNative };
