// QNetworkCacheMetaData: PyQt6's API over Qt's own QNetworkCacheMetaData (what a cache keeps about
// a URL: headers, dates, attributes; validity and equality are Qt's), used on the JS thread
// directly: it is a reentrant value type.
import { inspect, type InspectOptionsStylized } from 'node:util';
import {
  checkArity,
  checkBool,
  checkDate,
  checkEnum,
  checkIterable,
  checkVariant,
  describe,
  toBuffer,
  type BytesInput,
} from './core/args';
import type { NativeNetworkCacheMetaData } from './core/native';
import { native } from './core/runtime';
import { holdsNative, Value, valueKit } from './core/value';
import { Attribute, type RequestValue } from './QNetworkRequest';
import { QUrl, fromNative as urlFromNative, nativeOf as nativeOfUrl } from './QUrl';

/** A raw header as PyQt6 gives it (a (QByteArray, QByteArray) tuple): [name, value]. */
export type RawHeader = [name: Buffer, value: Buffer];

/** What setAttributes takes: PyQt6's dict, as a Map (or a plain object keyed by the attribute's number). */
export type AttributesInput = ReadonlyMap<Attribute | number, RequestValue> | { readonly [code: number]: RequestValue };

function checkAttribute(method: string, code: unknown): number {
  if (typeof code === 'number' && Number.isInteger(code) && code >= Attribute.User && code <= Attribute.UserMax)
    return code;
  return checkEnum(method, 'attributes', code, Attribute, 'QNetworkRequest.Attribute');
}

/** What a cache stores about one URL besides its body. */
export class QNetworkCacheMetaData extends Value<NativeNetworkCacheMetaData> {
  constructor();
  constructor(other: QNetworkCacheMetaData);
  constructor(other?: QNetworkCacheMetaData) {
    const method = 'QNetworkCacheMetaData';
    checkArity(method, arguments, 0, 1);
    if (arguments.length === 1 && !(other instanceof QNetworkCacheMetaData))
      throw new TypeError(`${method}: argument 'other' must be a QNetworkCacheMetaData, got ${describe(other)}`);
    super(other === undefined ? new native.QNetworkCacheMetaData() : new native.QNetworkCacheMetaData(nativeOf(other)));
  }

  isValid(): boolean {
    checkArity('QNetworkCacheMetaData.isValid', arguments, 0, 0);
    return nativeOf(this).isValid();
  }

  /** A copy of the URL. */
  url(): QUrl {
    checkArity('QNetworkCacheMetaData.url', arguments, 0, 0);
    return urlFromNative(nativeOf(this).url());
  }

  /** A QUrl (or a WHATWG URL, or a string Qt parses). */
  setUrl(url: QUrl | URL | string): void {
    const method = 'QNetworkCacheMetaData.setUrl';
    checkArity(method, arguments, 1, 1);
    const u = typeof url === 'string' ? new QUrl(url) : QUrl.from(method, 'url', url);
    nativeOf(this).setUrl(nativeOfUrl(u));
  }

  /** PyQt6's list of (name, value) tuples, as [name, value] pairs of Buffers. */
  rawHeaders(): RawHeader[] {
    checkArity('QNetworkCacheMetaData.rawHeaders', arguments, 0, 0);
    return nativeOf(this).rawHeaders();
  }

  /** Any iterable of [name, value] pairs of bytes (Buffer, Uint8Array, QByteArray or string). */
  setRawHeaders(headers: Iterable<readonly [BytesInput, BytesInput]>): void {
    const method = 'QNetworkCacheMetaData.setRawHeaders';
    checkArity(method, arguments, 1, 1);
    const list: [Buffer, Buffer][] = [];
    for (const pair of checkIterable(method, 'headers', headers, 'an iterable of [name, value] pairs')) {
      if (!Array.isArray(pair) || pair.length !== 2)
        throw new TypeError(`${method}: argument 'headers' must hold [name, value] pairs, got ${describe(pair)}`);
      list.push([toBuffer(method, 'headers', pair[0]), toBuffer(method, 'headers', pair[1])]);
    }
    nativeOf(this).setRawHeaders(list);
  }

  /** null when unset (PyQt6's invalid QDateTime). */
  lastModified(): Date | null {
    checkArity('QNetworkCacheMetaData.lastModified', arguments, 0, 0);
    return nativeOf(this).lastModified();
  }

  /** null (or an invalid Date) is PyQt6's QDateTime(). */
  setLastModified(dateTime: Date | null): void {
    const method = 'QNetworkCacheMetaData.setLastModified';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).setLastModified(checkDate(method, 'dateTime', dateTime));
  }

  /** null when unset (PyQt6's invalid QDateTime). */
  expirationDate(): Date | null {
    checkArity('QNetworkCacheMetaData.expirationDate', arguments, 0, 0);
    return nativeOf(this).expirationDate();
  }

  /** null (or an invalid Date) is PyQt6's QDateTime(). */
  setExpirationDate(dateTime: Date | null): void {
    const method = 'QNetworkCacheMetaData.setExpirationDate';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).setExpirationDate(checkDate(method, 'dateTime', dateTime));
  }

  saveToDisk(): boolean {
    checkArity('QNetworkCacheMetaData.saveToDisk', arguments, 0, 0);
    return nativeOf(this).saveToDisk();
  }

  setSaveToDisk(allow: boolean): void {
    const method = 'QNetworkCacheMetaData.setSaveToDisk';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).setSaveToDisk(checkBool(method, 'allow', allow));
  }

  /** PyQt6's dict as a Map from QNetworkRequest.Attribute to the value (see RequestValue), by attribute. */
  attributes(): Map<Attribute, RequestValue> {
    checkArity('QNetworkCacheMetaData.attributes', arguments, 0, 0);
    // Qt's hash has no order: by attribute, so that two equal ones list alike.
    const pairs = nativeOf(this)
      .attributes()
      .sort((a, b) => a[0] - b[0]);
    return new Map(pairs as [Attribute, RequestValue][]);
  }

  /** Replaces them all; a null value is PyQt6's None (an invalid QVariant, kept as an entry). */
  setAttributes(attributes: AttributesInput): void {
    const method = 'QNetworkCacheMetaData.setAttributes';
    checkArity(method, arguments, 1, 1);
    let entries: [unknown, unknown][];
    if (attributes instanceof Map) entries = [...attributes];
    else if (
      attributes !== null &&
      typeof attributes === 'object' &&
      Object.getPrototypeOf(attributes) === Object.prototype
    )
      entries = Object.entries(attributes).map(([k, v]) => [/^\d+$/.test(k) ? Number(k) : k, v]);
    else
      throw new TypeError(
        `${method}: argument 'attributes' must be a Map or an object keyed by QNetworkRequest.Attribute, got ${describe(attributes)}`,
      );
    nativeOf(this).setAttributes(
      entries.map(([k, v]) => [checkAttribute(method, k), checkVariant(method, 'attributes', v)]),
    );
  }

  swap(other: QNetworkCacheMetaData): void {
    checkArity('QNetworkCacheMetaData.swap', arguments, 1, 1);
    if (!(other instanceof QNetworkCacheMetaData))
      throw new TypeError(
        `QNetworkCacheMetaData.swap: argument 'other' must be a QNetworkCacheMetaData, got ${describe(other)}`,
      );
    nativeOf(this).swap(nativeOf(other));
  }

  /** Python's `==` (Qt's operator==); false for anything that is not a QNetworkCacheMetaData. */
  equals(other: unknown): boolean {
    checkArity('QNetworkCacheMetaData.equals', arguments, 1, 1);
    return other instanceof QNetworkCacheMetaData && nativeOf(this).equals(nativeOf(other));
  }

  [inspect.custom](depth: number, options: InspectOptionsStylized, show: typeof inspect): string {
    if (!holdsNative(this)) return 'QNetworkCacheMetaData {}';
    const n = nativeOf(this);
    return `QNetworkCacheMetaData ${show({ url: urlFromNative(n.url()).toString(), isValid: n.isValid() }, options)}`;
  }
}

// @internal nativeOf: the native object inside one (read it, don't keep it); fromNative: a
// QNetworkCacheMetaData holding a copy of a native one.
const { nativeOf, fromNative } = valueKit<QNetworkCacheMetaData, NativeNetworkCacheMetaData>(
  QNetworkCacheMetaData,
  native.QNetworkCacheMetaData,
);
export { nativeOf, fromNative };
