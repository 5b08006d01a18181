// QNetworkRequest: PyQt6's API over Qt's own QNetworkRequest (how headers are parsed and stored, the
// attributes, equality), used on the JS thread directly: it is a reentrant value type. The manager
// copies it to the Qt side with each request, as C++ passes it by value.
import { inspect, type InspectOptionsStylized } from 'node:util';
import {
  checkArity,
  checkEnum,
  checkInt,
  checkString,
  checkVariant,
  describe,
  toBuffer,
  type BytesInput,
  type VariantInput,
} from './core/args';
import type { NativeNetworkRequest } from './core/native';
import { native } from './core/runtime';
import { QObject } from './core/QObject';
import { holdsNative, settleNative, Value, valueKit } from './core/value';
import { QHttp2Configuration, fromNative as http2FromNative, nativeOf as nativeOfHttp2 } from './QHttp2Configuration';
import { QSslConfiguration, adopt as adoptConfiguration, nativeOf as nativeOfConfiguration } from './QSslConfiguration';
import { QUrl, fromNative as urlFromNative, nativeOf as nativeOfUrl, urlArg } from './QUrl';

export enum KnownHeaders {
  ContentTypeHeader = 0,
  ContentLengthHeader = 1,
  LocationHeader = 2,
  LastModifiedHeader = 3,
  CookieHeader = 4,
  SetCookieHeader = 5,
  ContentDispositionHeader = 6,
  UserAgentHeader = 7,
  ServerHeader = 8,
  IfModifiedSinceHeader = 9,
  ETagHeader = 10,
  IfMatchHeader = 11,
  IfNoneMatchHeader = 12,
}

export enum Attribute {
  HttpStatusCodeAttribute = 0,
  HttpReasonPhraseAttribute = 1,
  RedirectionTargetAttribute = 2,
  ConnectionEncryptedAttribute = 3,
  CacheLoadControlAttribute = 4,
  CacheSaveControlAttribute = 5,
  SourceIsFromCacheAttribute = 6,
  DoNotBufferUploadDataAttribute = 7,
  HttpPipeliningAllowedAttribute = 8,
  HttpPipeliningWasUsedAttribute = 9,
  CustomVerbAttribute = 10,
  CookieLoadControlAttribute = 11,
  AuthenticationReuseAttribute = 12,
  CookieSaveControlAttribute = 13,
  BackgroundRequestAttribute = 17,
  EmitAllUploadProgressSignalsAttribute = 18,
  Http2AllowedAttribute = 19,
  Http2WasUsedAttribute = 20,
  OriginalContentLengthAttribute = 21,
  RedirectPolicyAttribute = 22,
  Http2DirectAttribute = 23,
  AutoDeleteReplyOnFinishAttribute = 25,
  ConnectionCacheExpiryTimeoutSecondsAttribute = 26,
  Http2CleartextAllowedAttribute = 27,
  User = 1000,
  UserMax = 32767,
}

export enum CacheLoadControl {
  AlwaysNetwork = 0,
  PreferNetwork = 1,
  PreferCache = 2,
  AlwaysCache = 3,
}

export enum LoadControl {
  Automatic = 0,
  Manual = 1,
}

export enum Priority {
  HighPriority = 1,
  NormalPriority = 3,
  LowPriority = 5,
}

export enum RedirectPolicy {
  ManualRedirectPolicy = 0,
  NoLessSafeRedirectPolicy = 1,
  SameOriginRedirectPolicy = 2,
  UserVerifiedRedirectPolicy = 3,
}

export enum TransferTimeoutConstant {
  DefaultTransferTimeoutConstant = 30000,
}

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

/**
 * What header() and attribute() return, by the type Qt holds: a string, a number, a boolean, a
 * Buffer (QByteArray), a Date (QDateTime), a string for a QUrl (the Location header), string[],
 * Buffer[] of Qt's raw forms for cookies (not yet QNetworkCookie objects), null for none.
 */
export type RequestValue = string | number | boolean | Buffer | Date | string[] | Buffer[] | null;

/** An attribute is any QNetworkRequest.Attribute member, or a number from User to UserMax. */
function checkAttribute(method: string, code: unknown): number {
  if (typeof code === 'number' && Number.isInteger(code) && code >= Attribute.User && code <= Attribute.UserMax)
    return code;
  return checkEnum(method, 'code', code, Attribute, 'QNetworkRequest.Attribute');
}

// The originating objects of requests, and of the replies made from them: JS objects, which Qt's
// QPointer<QObject> cannot hold, so they stay on this side. `deleted`: those whose `destroyed` came.
const origins = new WeakMap<object, QObject>();
const watched = new WeakSet<QObject>();
const deleted = new WeakSet<QObject>();

function setOrigin(holder: object, o: QObject | undefined): void {
  if (o === undefined) origins.delete(holder);
  else origins.set(holder, o);
}

/** @internal `to` (a new copy of the request `from`, or the reply made from it) carries `from`'s originating object. */
export function carryOrigin(from: object, to: object): void {
  // `to` is new: it has none to remove (a WeakMap delete per GET).
  const o = origins.get(from);
  if (o !== undefined) origins.set(to, o);
}

// QNetworkRequest's #url, for the functions below the class.
let pendingUrl: (r: object) => string | undefined;
let clearUrl: (r: QNetworkRequest) => void;

/** A request: the URL, the headers and the attributes QNetworkAccessManager sends it with. */
export class QNetworkRequest extends Value<NativeNetworkRequest> {
  static readonly KnownHeaders = KnownHeaders;
  static readonly Attribute = Attribute;
  static readonly CacheLoadControl = CacheLoadControl;
  static readonly LoadControl = LoadControl;
  static readonly Priority = Priority;
  static readonly RedirectPolicy = RedirectPolicy;
  static readonly TransferTimeoutConstant = TransferTimeoutConstant;

  // The URL string of a request made from one, until its native object is first needed: a GET of
  // a request made from a string and not touched since passes the string, and no native request
  // (a wrapper, its finalizer) is made per GET.
  #url: string | undefined = undefined;

  static {
    pendingUrl = (r) => (#url in r ? r.#url : undefined);
    clearUrl = (r) => {
      r.#url = undefined;
    };
  }

  constructor();
  constructor(url: QUrl | URL | string);
  constructor(other: QNetworkRequest);
  constructor(url?: QUrl | URL | string | QNetworkRequest) {
    const method = 'QNetworkRequest';
    checkArity(method, arguments, 0, 1);
    let n: NativeNetworkRequest | undefined;
    if (arguments.length === 0) n = new native.QNetworkRequest();
    // Made when first needed (nativeOf), as QUrl(url) parses it: without a QUrl made only to be dropped.
    else if (typeof url === 'string') n = undefined;
    else if (url instanceof QNetworkRequest) n = new native.QNetworkRequest(nativeOf(url));
    else if (typeof url === 'string' || url instanceof QUrl || url instanceof URL)
      n = new native.QNetworkRequest(nativeOfUrl(urlArg(method, 'url', url)));
    else
      throw new TypeError(
        `${method}: argument 'url' must be a QUrl, a string or a QNetworkRequest, got ${describe(url)}`,
      );
    super(n as NativeNetworkRequest);
    if (n === undefined) this.#url = url as string;
    else if (url instanceof QNetworkRequest) carryOrigin(url, this);
  }

  /** A copy of the request's URL. */
  url(): QUrl {
    checkArity('QNetworkRequest.url', arguments, 0, 0);
    return urlFromNative(nativeOf(this).url());
  }

  setUrl(url: QUrl | URL | string): void {
    const method = 'QNetworkRequest.setUrl';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).setUrl(nativeOfUrl(urlArg(method, 'url', url)));
  }

  /** Header names compare case-insensitively, as in Qt. */
  hasRawHeader(headerName: BytesInput): boolean {
    const method = 'QNetworkRequest.hasRawHeader';
    checkArity(method, arguments, 1, 1);
    return nativeOf(this).hasRawHeader(toBuffer(method, 'headerName', headerName));
  }

  /** The header's value; an empty Buffer if there is none. */
  rawHeader(headerName: BytesInput): Buffer {
    const method = 'QNetworkRequest.rawHeader';
    checkArity(method, arguments, 1, 1);
    return nativeOf(this).rawHeader(toBuffer(method, 'headerName', headerName));
  }

  rawHeaderList(): Buffer[] {
    checkArity('QNetworkRequest.rawHeaderList', arguments, 0, 0);
    return nativeOf(this).rawHeaderList();
  }

  /** Replaces a header of the same name (any case); null (PyQt6's QByteArray()) removes it. */
  setRawHeader(headerName: BytesInput, value: BytesInput | null): void {
    const method = 'QNetworkRequest.setRawHeader';
    checkArity(method, arguments, 2, 2);
    nativeOf(this).setRawHeader(
      toBuffer(method, 'headerName', headerName),
      value === null ? null : toBuffer(method, 'value', value),
    );
  }

  /** The value Qt holds for a known header (see RequestValue); null when there is none. */
  header(header: QNetworkRequest.KnownHeaders): RequestValue {
    const method = 'QNetworkRequest.header';
    checkArity(method, arguments, 1, 1);
    return nativeOf(this).header(checkEnum(method, 'header', header, KnownHeaders, 'QNetworkRequest.KnownHeaders'));
  }

  /** Qt turns the value into the header's text; null removes it. */
  setHeader(header: QNetworkRequest.KnownHeaders, value: VariantInput): void {
    const method = 'QNetworkRequest.setHeader';
    checkArity(method, arguments, 2, 2);
    checkEnum(method, 'header', header, KnownHeaders, 'QNetworkRequest.KnownHeaders');
    nativeOf(this).setHeader(header, checkVariant(method, 'value', value));
  }

  /** The attribute's value, or `defaultValue` when it is not set. */
  attribute(code: QNetworkRequest.Attribute | number, defaultValue: RequestValue = null): RequestValue {
    const method = 'QNetworkRequest.attribute';
    checkArity(method, arguments, 1, 2);
    const v = nativeOf(this).attribute(checkAttribute(method, code));
    return v === null ? defaultValue : v;
  }

  /** null removes the attribute. Enum values are stored as their numbers. */
  setAttribute(code: QNetworkRequest.Attribute | number, value: VariantInput): void {
    const method = 'QNetworkRequest.setAttribute';
    checkArity(method, arguments, 2, 2);
    nativeOf(this).setAttribute(checkAttribute(method, code), checkVariant(method, 'value', value));
  }

  priority(): Priority {
    checkArity('QNetworkRequest.priority', arguments, 0, 0);
    return nativeOf(this).priority();
  }

  setPriority(priority: QNetworkRequest.Priority): void {
    const method = 'QNetworkRequest.setPriority';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).setPriority(checkEnum(method, 'priority', priority, Priority, 'QNetworkRequest.Priority'));
  }

  maximumRedirectsAllowed(): number {
    checkArity('QNetworkRequest.maximumRedirectsAllowed', arguments, 0, 0);
    return nativeOf(this).maximumRedirectsAllowed();
  }

  setMaximumRedirectsAllowed(maximumRedirectsAllowed: number): void {
    const method = 'QNetworkRequest.setMaximumRedirectsAllowed';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).setMaximumRedirectsAllowed(
      checkInt(method, 'maximumRedirectsAllowed', maximumRedirectsAllowed, INT_MIN, INT_MAX),
    );
  }

  /** Milliseconds without traffic before Qt gives up (0: the manager's setting). */
  transferTimeout(): number {
    checkArity('QNetworkRequest.transferTimeout', arguments, 0, 0);
    return nativeOf(this).transferTimeout();
  }

  setTransferTimeout(timeout: number = TransferTimeoutConstant.DefaultTransferTimeoutConstant): void {
    const method = 'QNetworkRequest.setTransferTimeout';
    checkArity(method, arguments, 0, 1);
    nativeOf(this).setTransferTimeout(checkInt(method, 'timeout', timeout, INT_MIN, INT_MAX));
  }

  /**
   * Bytes of a compressed body (gzip, deflate...) decompressed before Qt checks the ratio of
   * decompressed to compressed size, and fails the reply if it is too high (a decompression
   * bomb); -1: never checked. 10 MiB unless set.
   */
  decompressedSafetyCheckThreshold(): number {
    checkArity('QNetworkRequest.decompressedSafetyCheckThreshold', arguments, 0, 0);
    return nativeOf(this).decompressedSafetyCheckThreshold();
  }

  setDecompressedSafetyCheckThreshold(threshold: number): void {
    const method = 'QNetworkRequest.setDecompressedSafetyCheckThreshold';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).setDecompressedSafetyCheckThreshold(
      checkInt(method, 'threshold', threshold, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
    );
  }

  /**
   * The object set with setOriginatingObject (a JS reference: kept, as PyQt6 keeps one), or null
   * if none, or once the object was deleted (its `destroyed`), as Qt's QPointer. Copies of the
   * request carry it: `new QNetworkRequest(other)`, and `reply.request()` of a reply made from it.
   */
  originatingObject(): QObject | null {
    checkArity('QNetworkRequest.originatingObject', arguments, 0, 0);
    const o = origins.get(this);
    return o === undefined || deleted.has(o) ? null : o;
  }

  setOriginatingObject(object: QObject | null): void {
    const method = 'QNetworkRequest.setOriginatingObject';
    checkArity(method, arguments, 1, 1);
    if (object === null) {
      origins.delete(this);
      return;
    }
    if (!(object instanceof QObject))
      throw new TypeError(`${method}: argument 'object' must be a QObject or null, got ${describe(object)}`);
    if (!watched.has(object)) {
      watched.add(object);
      object.destroyed.connect(() => deleted.add(object));
    }
    origins.set(this, object);
  }

  /** A copy of the HTTP/2 settings the request is sent with. */
  /** The TLS configuration Qt uses for this request's connection (the default one unless set). */
  sslConfiguration(): QSslConfiguration {
    checkArity('QNetworkRequest.sslConfiguration', arguments, 0, 0);
    return adoptConfiguration(nativeOf(this).sslConfiguration());
  }

  setSslConfiguration(configuration: QSslConfiguration): void {
    const method = 'QNetworkRequest.setSslConfiguration';
    checkArity(method, arguments, 1, 1);
    if (!(configuration instanceof QSslConfiguration))
      throw new TypeError(
        `${method}: argument 'configuration' must be a QSslConfiguration, got ${describe(configuration)}`,
      );
    nativeOf(this).setSslConfiguration(nativeOfConfiguration(configuration));
  }

  /** The host name the server's certificate is verified against ('': the URL's host). */
  peerVerifyName(): string {
    checkArity('QNetworkRequest.peerVerifyName', arguments, 0, 0);
    return nativeOf(this).peerVerifyName();
  }

  setPeerVerifyName(peerName: string): void {
    const method = 'QNetworkRequest.setPeerVerifyName';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).setPeerVerifyName(checkString(method, 'peerName', peerName));
  }

  http2Configuration(): QHttp2Configuration {
    checkArity('QNetworkRequest.http2Configuration', arguments, 0, 0);
    return http2FromNative(nativeOf(this).http2Configuration());
  }

  setHttp2Configuration(configuration: QHttp2Configuration): void {
    const method = 'QNetworkRequest.setHttp2Configuration';
    checkArity(method, arguments, 1, 1);
    if (!(configuration instanceof QHttp2Configuration))
      throw new TypeError(
        `${method}: argument 'configuration' must be a QHttp2Configuration, got ${describe(configuration)}`,
      );
    nativeOf(this).setHttp2Configuration(nativeOfHttp2(configuration));
  }

  swap(other: QNetworkRequest): void {
    checkArity('QNetworkRequest.swap', arguments, 1, 1);
    if (!(other instanceof QNetworkRequest))
      throw new TypeError(`QNetworkRequest.swap: argument 'other' must be a QNetworkRequest, got ${describe(other)}`);
    nativeOf(this).swap(nativeOf(other));
    const [mine, theirs] = [origins.get(this), origins.get(other)];
    setOrigin(this, theirs);
    setOrigin(other, mine);
  }

  /** Python's `==` (Qt's operator==: URL, headers, attributes, priority...); false for a non-request. */
  equals(other: unknown): boolean {
    checkArity('QNetworkRequest.equals', arguments, 1, 1);
    return other instanceof QNetworkRequest && nativeOf(this).equals(nativeOf(other));
  }

  [inspect.custom](depth: number, options: InspectOptionsStylized, show: typeof inspect): string {
    if (!holdsNative(this)) return 'QNetworkRequest {}';
    return `QNetworkRequest ${show({ url: this.url().toString() }, options)}`;
  }
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace QNetworkRequest {
  type KnownHeaders = import('./QNetworkRequest').KnownHeaders;
  type Attribute = import('./QNetworkRequest').Attribute;
  type CacheLoadControl = import('./QNetworkRequest').CacheLoadControl;
  type LoadControl = import('./QNetworkRequest').LoadControl;
  type Priority = import('./QNetworkRequest').Priority;
  type RedirectPolicy = import('./QNetworkRequest').RedirectPolicy;
  type TransferTimeoutConstant = import('./QNetworkRequest').TransferTimeoutConstant;
}

// @internal nativeOf: the native request inside one (read it, don't keep it); fromNative: a
// QNetworkRequest holding a copy of a native one.
const kit = valueKit<QNetworkRequest, NativeNetworkRequest>(QNetworkRequest, native.QNetworkRequest);
export const fromNative = kit.fromNative;

export function nativeOf(r: QNetworkRequest): NativeNetworkRequest {
  const url = typeof r === 'object' && r !== null ? pendingUrl(r) : undefined;
  if (url !== undefined) {
    settleNative(r, new native.QNetworkRequest(url));
    clearUrl(r);
  }
  return kit.nativeOf(r);
}

/** @internal what the manager's start() takes: the URL string of a request that has no native object yet, else it. */
export function startArg(r: QNetworkRequest): NativeNetworkRequest | string {
  return pendingUrl(r) ?? kit.nativeOf(r);
}
