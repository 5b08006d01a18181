// QNetworkProxyQuery: PyQt6's API over Qt's own QNetworkProxyQuery, used on the JS thread directly
// (a reentrant value type). Where PyQt6 takes a QUrl this takes a QUrl, a WHATWG URL object or a
// string (parsed by Qt's QUrl in tolerant mode); url() returns a QUrl, as PyQt6's.
import { inspect, type InspectOptionsStylized } from 'node:util';
import { checkArity, checkEnum, checkInt, checkString, describe, PORT_MAX } from './core/args';
import type { NativeNetworkProxyQuery, NativeUrl } from './core/native';
import { native } from './core/runtime';
import { holdsNative, Value, valueKit } from './core/value';
import { QUrl, nativeOf as nativeOfUrl, fromNative as urlFromNative } from './QUrl';

export enum QueryType {
  TcpSocket = 0,
  UdpSocket = 1,
  SctpSocket = 2,
  TcpServer = 100,
  UrlRequest = 101,
  SctpServer = 102,
}

// Qt takes an int for the peer and local ports, -1 meaning none. PyQt6 passes any int on, and Qt
// then makes the URL invalid; a port outside -1..65535 is a RangeError here.
const NO_PORT = -1;

function urlArg(method: string, arg: string, v: unknown): string | NativeUrl {
  if (typeof v === 'string') return v;
  return nativeOfUrl(QUrl.from(method, arg, v));
}

/**
 * What a connection or request is for, as QNetworkProxyFactory.queryProxy() is asked about it.
 *
 * The URL constructor takes a QUrl, a WHATWG `URL` object (its href, parsed by Qt) or a string (Qt's
 * QUrl parses it, in tolerant mode like PyQt6's `QUrl(str)`). A string with a second argument is the
 * hostname constructor (`new QNetworkProxyQuery('example.com', 80)`), so a URL with an explicit
 * query type is given as a QUrl or `URL` object, or set with setQueryType() afterwards.
 */
export class QNetworkProxyQuery extends Value<NativeNetworkProxyQuery> {
  static readonly QueryType = QueryType;

  constructor();
  constructor(requestUrl: QUrl | string | URL);
  constructor(requestUrl: QUrl | URL, type: QNetworkProxyQuery.QueryType);
  constructor(hostname: string, port: number, protocolTag?: string, type?: QNetworkProxyQuery.QueryType);
  constructor(bindPort: number, protocolTag?: string, type?: QNetworkProxyQuery.QueryType);
  constructor(other: QNetworkProxyQuery);
  constructor(
    a?: QNetworkProxyQuery | QUrl | URL | string | number,
    b?: QueryType | number | string,
    c?: string | QueryType,
    d?: QueryType,
  ) {
    const method = 'QNetworkProxyQuery';
    checkArity(method, arguments, 0, 4);
    const given = arguments.length;
    let n: NativeNetworkProxyQuery;
    if (given === 0) {
      n = new native.QNetworkProxyQuery();
    } else if (a instanceof QNetworkProxyQuery) {
      checkArity(`${method}(other)`, arguments, 1, 1);
      n = new native.QNetworkProxyQuery(nativeOf(a));
    } else if (a instanceof QUrl || a instanceof URL || (typeof a === 'string' && given === 1)) {
      checkArity(`${method}(requestUrl)`, arguments, 1, 2);
      const type = b ?? QueryType.UrlRequest;
      n = new native.QNetworkProxyQuery(urlArg(method, 'requestUrl', a), checkQueryType(method, type));
    } else if (typeof a === 'string') {
      const [port, protocolTag = '', type = QueryType.TcpSocket] = [b, c, d];
      n = new native.QNetworkProxyQuery(
        a,
        checkInt(method, 'port', port, NO_PORT, PORT_MAX),
        checkString(method, 'protocolTag', protocolTag),
        checkQueryType(method, type),
      );
    } else if (typeof a === 'number') {
      checkArity(`${method}(bindPort)`, arguments, 1, 3);
      const [protocolTag = '', type = QueryType.TcpServer] = [b, c];
      n = new native.QNetworkProxyQuery(
        checkInt(method, 'bindPort', a, 0, PORT_MAX),
        checkString(method, 'protocolTag', protocolTag),
        checkQueryType(method, type),
      );
    } else {
      throw new TypeError(
        `${method}: argument 1 must be a URL (QUrl, URL or string), a hostname, a bind port or a QNetworkProxyQuery, got ${describe(a)}`,
      );
    }
    super(n);
  }

  queryType(): QueryType {
    checkArity('QNetworkProxyQuery.queryType', arguments, 0, 0);
    return nativeOf(this).queryType();
  }

  setQueryType(type: QNetworkProxyQuery.QueryType): void {
    checkArity('QNetworkProxyQuery.setQueryType', arguments, 1, 1);
    nativeOf(this).setQueryType(checkQueryType('QNetworkProxyQuery.setQueryType', type));
  }

  /** The URL's host (Qt keeps the peer as a URL, so it comes back lower-cased). */
  peerHostName(): string {
    checkArity('QNetworkProxyQuery.peerHostName', arguments, 0, 0);
    return nativeOf(this).peerHostName();
  }

  setPeerHostName(hostname: string): void {
    checkArity('QNetworkProxyQuery.setPeerHostName', arguments, 1, 1);
    nativeOf(this).setPeerHostName(checkString('QNetworkProxyQuery.setPeerHostName', 'hostname', hostname));
  }

  /** -1 if there is none. */
  peerPort(): number {
    checkArity('QNetworkProxyQuery.peerPort', arguments, 0, 0);
    return nativeOf(this).peerPort();
  }

  /** -1 removes the port. */
  setPeerPort(port: number): void {
    checkArity('QNetworkProxyQuery.setPeerPort', arguments, 1, 1);
    nativeOf(this).setPeerPort(checkInt('QNetworkProxyQuery.setPeerPort', 'port', port, NO_PORT, PORT_MAX));
  }

  /** -1 if there is none. */
  localPort(): number {
    checkArity('QNetworkProxyQuery.localPort', arguments, 0, 0);
    return nativeOf(this).localPort();
  }

  setLocalPort(port: number): void {
    checkArity('QNetworkProxyQuery.setLocalPort', arguments, 1, 1);
    nativeOf(this).setLocalPort(checkInt('QNetworkProxyQuery.setLocalPort', 'port', port, NO_PORT, PORT_MAX));
  }

  /** The URL's scheme. */
  protocolTag(): string {
    checkArity('QNetworkProxyQuery.protocolTag', arguments, 0, 0);
    return nativeOf(this).protocolTag();
  }

  setProtocolTag(protocolTag: string): void {
    checkArity('QNetworkProxyQuery.setProtocolTag', arguments, 1, 1);
    nativeOf(this).setProtocolTag(checkString('QNetworkProxyQuery.setProtocolTag', 'protocolTag', protocolTag));
  }

  /** A copy of the query's QUrl (empty when none was set). */
  url(): QUrl {
    checkArity('QNetworkProxyQuery.url', arguments, 0, 0);
    return urlFromNative(nativeOf(this).url());
  }

  /** A QUrl, a WHATWG URL object (its href), or a string (parsed by Qt's QUrl in tolerant mode). */
  setUrl(url: QUrl | string | URL): void {
    checkArity('QNetworkProxyQuery.setUrl', arguments, 1, 1);
    nativeOf(this).setUrl(urlArg('QNetworkProxyQuery.setUrl', 'url', url));
  }

  swap(other: QNetworkProxyQuery): void {
    checkArity('QNetworkProxyQuery.swap', arguments, 1, 1);
    if (!(other instanceof QNetworkProxyQuery)) {
      throw new TypeError(
        `QNetworkProxyQuery.swap: argument 'other' must be a QNetworkProxyQuery, got ${describe(other)}`,
      );
    }
    nativeOf(this).swap(nativeOf(other));
  }

  /** Python's `==` (Qt's operator==). False for anything that is not a QNetworkProxyQuery. */
  equals(other: unknown): boolean {
    checkArity('QNetworkProxyQuery.equals', arguments, 1, 1);
    return other instanceof QNetworkProxyQuery && nativeOf(this).equals(nativeOf(other));
  }

  /** The URL without a password it may carry. */
  toJSON(): { queryType: string; url: string; localPort: number } {
    const n = nativeOf(this);
    return { queryType: QueryType[n.queryType()], url: n.urlWithoutPassword(), localPort: n.localPort() };
  }

  [inspect.custom](depth: number, options: InspectOptionsStylized, show: typeof inspect): string {
    if (!holdsNative(this)) return 'QNetworkProxyQuery {}'; // the prototype itself
    return `QNetworkProxyQuery ${show(this.toJSON(), options)}`;
  }
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace QNetworkProxyQuery {
  type QueryType = import('./QNetworkProxyQuery').QueryType;
}

function checkQueryType(method: string, v: unknown): QueryType {
  return checkEnum(method, 'type', v, QueryType, 'QNetworkProxyQuery.QueryType');
}

// @internal nativeOf: the native object inside a query, for the proxy factory and socket wrappers
// (read it, don't keep it); fromNative: a QNetworkProxyQuery holding a copy of a native one.
const { nativeOf, fromNative } = valueKit<QNetworkProxyQuery, NativeNetworkProxyQuery>(
  QNetworkProxyQuery,
  native.QNetworkProxyQuery,
);
export { nativeOf, fromNative };
