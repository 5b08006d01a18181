// QNetworkProxy: PyQt6's API over Qt's own QNetworkProxy (default capabilities per type, which
// headers a type keeps, the application proxy), used on the JS thread directly: it is a reentrant
// value type, and Qt guards its application-proxy global with a lock of its own.
import { inspect, type InspectOptionsStylized } from 'node:util';
import {
  checkArity,
  checkEnum,
  checkFlags,
  checkInt,
  checkSecret,
  checkString,
  checkVariant,
  describe,
  toBuffer,
  type VariantInput,
  type BytesInput,
  PORT_MAX,
} from './core/args';
import type { NativeNetworkProxy } from './core/native';
import { native } from './core/runtime';
import { holdsNative, Value, valueKit } from './core/value';
import { QNetworkRequest } from './QNetworkRequest';

export enum ProxyType {
  DefaultProxy = 0,
  Socks5Proxy = 1,
  NoProxy = 2,
  HttpProxy = 3,
  HttpCachingProxy = 4,
  FtpCachingProxy = 5,
}

export enum Capability {
  TunnelingCapability = 0x1,
  ListeningCapability = 0x2,
  UdpTunnelingCapability = 0x4,
  CachingCapability = 0x8,
  HostNameLookupCapability = 0x10,
  SctpTunnelingCapability = 0x20,
  SctpListeningCapability = 0x40,
}

/** Bytes as PyQt6's QByteArray arguments take them (a QByteArray too): a string is its UTF-8. */
export type Bytes = BytesInput;

/**
 * What header() returns, by Qt's type for the header: a string (QString), a number (integers),
 * a Buffer (QByteArray), a Date (QDateTime, for Last-Modified and If-Modified-Since), a string for a
 * QUrl (Location, as QUrl.toString()), string[] (If-Match, If-None-Match), Buffer[] of Qt's raw
 * forms for a QNetworkCookie list (Cookie, Set-Cookie: not yet QNetworkCookie objects), null for none.
 */
export type HeaderValue = string | number | boolean | Buffer | Date | string[] | Buffer[] | null;

/** What setHeader() takes: Qt converts it to the header's text as it would the QVariant PyQt6 makes. */
export type HeaderInput = VariantInput;

function flagNames(v: number): string {
  const names = Object.keys(Capability).filter(
    (k) => Number.isNaN(Number(k)) && (v & Capability[k as keyof typeof Capability]) !== 0,
  );
  return names.length > 0 ? names.join('|') : '0';
}

/**
 * A proxy: its type, host, port and credentials, and the headers an HTTP proxy sends. Qt gives each
 * type its default capabilities until setCapabilities() is called, and keeps headers only for
 * HttpProxy and HttpCachingProxy (for other types header() is null and the setters do nothing).
 *
 * The password never appears in util.inspect(), console.log() or JSON.stringify() output, nor in
 * an error message: it is read only with password().
 */
export class QNetworkProxy extends Value<NativeNetworkProxy> {
  static readonly ProxyType = ProxyType;
  static readonly Capability = Capability;

  /**
   * QNetworkProxy() is Qt's default-constructed proxy (DefaultProxy, which Qt's == finds equal only
   * to another default-constructed one, not to QNetworkProxy(ProxyType.DefaultProxy)).
   */
  constructor();
  constructor(type: QNetworkProxy.ProxyType, hostName?: string, port?: number, user?: string, password?: string);
  constructor(other: QNetworkProxy);
  constructor(type?: QNetworkProxy | ProxyType, hostName = '', port = 0, user = '', password = '') {
    const method = 'QNetworkProxy';
    checkArity(method, arguments, 0, 5);
    let n: NativeNetworkProxy;
    if (arguments.length === 0) {
      n = new native.QNetworkProxy();
    } else if (type instanceof QNetworkProxy) {
      checkArity(`${method}(other)`, arguments, 1, 1);
      n = new native.QNetworkProxy(nativeOf(type));
    } else {
      // A string where a number belongs may be a misplaced password: say only that it is a string.
      if (typeof type === 'string' || typeof port === 'string') {
        throw new TypeError(
          `${method}: argument '${typeof type === 'string' ? 'type' : 'port'}' must be an integer, got a string`,
        );
      }
      n = new native.QNetworkProxy(
        checkEnum(method, 'type', type, ProxyType, 'QNetworkProxy.ProxyType'),
        checkString(method, 'hostName', hostName),
        checkInt(method, 'port', port, 0, PORT_MAX),
        checkString(method, 'user', user),
        checkSecret(method, 'password', password),
      );
    }
    super(n);
  }

  /**
   * @internal For the socket classes: an argument that is a QNetworkProxy or, as C++'s implicit
   * conversion allows, a ProxyType member (`setProxy(QNetworkProxy.ProxyType.NoProxy)`), as a
   * QNetworkProxy (not a copy: read it, don't keep it).
   */
  static from(method: string, arg: string, v: unknown): QNetworkProxy {
    if (v instanceof QNetworkProxy) return v;
    if (typeof v === 'number' && v in ProxyType) return new QNetworkProxy(v as ProxyType);
    throw new TypeError(
      `${method}: argument '${arg}' must be a QNetworkProxy or a QNetworkProxy.ProxyType member, got ${describe(v)}`,
    );
  }

  /** Qt's application-wide proxy, a copy. */
  static applicationProxy(): QNetworkProxy {
    checkArity('QNetworkProxy.applicationProxy', arguments, 0, 0);
    return adopt(native.QNetworkProxy.applicationProxy());
  }

  /**
   * Qt's own setApplicationProxy: Qt's sockets (on the Qt thread) use it from their next connection.
   * Qt stores a DefaultProxy as NoProxy. A ProxyType member is accepted as C++ accepts it.
   */
  static setApplicationProxy(proxy: QNetworkProxy | QNetworkProxy.ProxyType): void {
    const method = 'QNetworkProxy.setApplicationProxy';
    checkArity(method, arguments, 1, 1);
    native.QNetworkProxy.setApplicationProxy(nativeOf(QNetworkProxy.from(method, 'proxy', proxy)));
  }

  type(): ProxyType {
    checkArity('QNetworkProxy.type', arguments, 0, 0);
    return nativeOf(this).type();
  }

  /** Also resets the capabilities to the type's defaults, unless setCapabilities() was called. */
  setType(type: QNetworkProxy.ProxyType): void {
    const method = 'QNetworkProxy.setType';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).setType(checkEnum(method, 'type', type, ProxyType, 'QNetworkProxy.ProxyType'));
  }

  hostName(): string {
    checkArity('QNetworkProxy.hostName', arguments, 0, 0);
    return nativeOf(this).hostName();
  }

  setHostName(hostName: string): void {
    checkArity('QNetworkProxy.setHostName', arguments, 1, 1);
    nativeOf(this).setHostName(checkString('QNetworkProxy.setHostName', 'hostName', hostName));
  }

  port(): number {
    checkArity('QNetworkProxy.port', arguments, 0, 0);
    return nativeOf(this).port();
  }

  setPort(port: number): void {
    checkArity('QNetworkProxy.setPort', arguments, 1, 1);
    nativeOf(this).setPort(checkInt('QNetworkProxy.setPort', 'port', port, 0, PORT_MAX));
  }

  user(): string {
    checkArity('QNetworkProxy.user', arguments, 0, 0);
    return nativeOf(this).user();
  }

  setUser(userName: string): void {
    checkArity('QNetworkProxy.setUser', arguments, 1, 1);
    nativeOf(this).setUser(checkString('QNetworkProxy.setUser', 'userName', userName));
  }

  password(): string {
    checkArity('QNetworkProxy.password', arguments, 0, 0);
    return nativeOf(this).password();
  }

  setPassword(password: string): void {
    checkArity('QNetworkProxy.setPassword', arguments, 1, 1);
    nativeOf(this).setPassword(checkSecret('QNetworkProxy.setPassword', 'password', password));
  }

  /** Flags: combine QNetworkProxy.Capability members with `|`. */
  capabilities(): number {
    checkArity('QNetworkProxy.capabilities', arguments, 0, 0);
    return nativeOf(this).capabilities();
  }

  /** From now on setType() keeps these instead of applying the new type's defaults. */
  setCapabilities(capab: number): void {
    const method = 'QNetworkProxy.setCapabilities';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).setCapabilities(checkFlags(method, 'capab', capab, Capability, 'QNetworkProxy.Capability'));
  }

  isCachingProxy(): boolean {
    checkArity('QNetworkProxy.isCachingProxy', arguments, 0, 0);
    return nativeOf(this).isCachingProxy();
  }

  isTransparentProxy(): boolean {
    checkArity('QNetworkProxy.isTransparentProxy', arguments, 0, 0);
    return nativeOf(this).isTransparentProxy();
  }

  /** Header names compare case-insensitively, as in Qt. */
  hasRawHeader(headerName: Bytes): boolean {
    const method = 'QNetworkProxy.hasRawHeader';
    checkArity(method, arguments, 1, 1);
    return nativeOf(this).hasRawHeader(toBuffer(method, 'headerName', headerName));
  }

  /** The header's value; an empty Buffer if there is none. */
  rawHeader(headerName: Bytes): Buffer {
    const method = 'QNetworkProxy.rawHeader';
    checkArity(method, arguments, 1, 1);
    return nativeOf(this).rawHeader(toBuffer(method, 'headerName', headerName));
  }

  rawHeaderList(): Buffer[] {
    checkArity('QNetworkProxy.rawHeaderList', arguments, 0, 0);
    return nativeOf(this).rawHeaderList();
  }

  /**
   * Replaces a header of the same name (any case), keeping the name as given here; null (PyQt6's
   * QByteArray()) removes it, an empty value does not. HTTP types only: others ignore it.
   */
  setRawHeader(headerName: Bytes, value: Bytes | null): void {
    const method = 'QNetworkProxy.setRawHeader';
    checkArity(method, arguments, 2, 2);
    nativeOf(this).setRawHeader(
      toBuffer(method, 'headerName', headerName),
      value === null ? null : toBuffer(method, 'value', value),
    );
  }

  /**
   * The value Qt holds for a known header: what setHeader() stored, as given, or what Qt parsed
   * from setRawHeader(). See HeaderValue for the JS types; null when there is none (or the type
   * keeps no headers).
   */
  header(header: QNetworkRequest.KnownHeaders): HeaderValue {
    const method = 'QNetworkProxy.header';
    checkArity(method, arguments, 1, 1);
    checkEnum(method, 'header', header, QNetworkRequest.KnownHeaders, 'QNetworkRequest.KnownHeaders');
    return nativeOf(this).header(header);
  }

  /**
   * Qt turns the value into the header's text (an integer for Content-Length, a Date for the date
   * headers, a string or bytes for the rest); null removes the header. A value Qt cannot use for
   * that header is refused by Qt with a warning on stderr, as in PyQt6: Cookie and Set-Cookie need
   * a list of QNetworkCookie, which setHeader does not take yet — set those with setRawHeader().
   */
  setHeader(header: QNetworkRequest.KnownHeaders, value: HeaderInput): void {
    const method = 'QNetworkProxy.setHeader';
    checkArity(method, arguments, 2, 2);
    checkEnum(method, 'header', header, QNetworkRequest.KnownHeaders, 'QNetworkRequest.KnownHeaders');
    nativeOf(this).setHeader(header, checkVariant(method, 'value', value));
  }

  swap(other: QNetworkProxy): void {
    checkArity('QNetworkProxy.swap', arguments, 1, 1);
    if (!(other instanceof QNetworkProxy))
      throw new TypeError(`QNetworkProxy.swap: argument 'other' must be a QNetworkProxy, got ${describe(other)}`);
    nativeOf(this).swap(nativeOf(other));
  }

  /**
   * Python's `==` (Qt's operator==: type, host, port, user, password and capabilities; not the
   * headers). Like `==`, it is false for anything that is not a QNetworkProxy.
   */
  equals(other: unknown): boolean {
    checkArity('QNetworkProxy.equals', arguments, 1, 1);
    return other instanceof QNetworkProxy && nativeOf(this).equals(nativeOf(other));
  }

  /** Everything but the password and the headers (which may carry credentials). */
  toJSON(): { type: string; hostName: string; port: number; user: string; capabilities: number } {
    const n = nativeOf(this);
    return {
      type: ProxyType[n.type()],
      hostName: n.hostName(),
      port: n.port(),
      user: n.user(),
      capabilities: n.capabilities(),
    };
  }

  [inspect.custom](depth: number, options: InspectOptionsStylized, show: typeof inspect): string {
    if (!holdsNative(this)) return 'QNetworkProxy {}'; // the prototype itself
    const n = nativeOf(this);
    const shown = {
      type: ProxyType[n.type()],
      hostName: n.hostName(),
      port: n.port(),
      user: n.user(),
      password: n.password() === '' ? '' : '<hidden>',
      capabilities: flagNames(n.capabilities()),
    };
    return `QNetworkProxy ${show(shown, options)}`;
  }
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace QNetworkProxy {
  type ProxyType = import('./QNetworkProxy').ProxyType;
  type Capability = import('./QNetworkProxy').Capability;
}

// @internal nativeOf: the native object inside a proxy, for the socket and server wrappers (read
// it, don't keep it); fromNative: a QNetworkProxy holding a copy of a native one.
const { adopt, nativeOf, fromNative } = valueKit<QNetworkProxy, NativeNetworkProxy>(
  QNetworkProxy,
  native.QNetworkProxy,
);
export { nativeOf, fromNative };
