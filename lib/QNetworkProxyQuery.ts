// QNetworkProxyQuery: PyQt6's API over Qt's own QNetworkProxyQuery, used on the JS thread directly
// (a reentrant value type). We have no QUrl: where PyQt6 takes or returns a QUrl, this takes a
// string (or a WHATWG URL object) and returns a string, parsed and printed by Qt's QUrl.
import { inspect, type InspectOptionsStylized } from 'node:util';
import { checkArity, checkEnum, checkInt, checkString, PORT_MAX } from './core/args';
import { native } from './core/runtime';
import { describe } from './core/signal';

export enum QueryType {
  TcpSocket = 0,
  UdpSocket = 1,
  SctpSocket = 2,
  TcpServer = 100,
  UrlRequest = 101,
  SctpServer = 102,
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type NativeQuery = any;

// Qt takes an int for the peer and local ports, -1 meaning none. PyQt6 passes any int on, and Qt
// then makes the URL invalid; a port outside -1..65535 is a RangeError here.
const NO_PORT = -1;

// Set by adopt() for the one constructor call that wraps a native object made by the addon.
let adopting: NativeQuery | undefined;
let nativeOfImpl: (q: QNetworkProxyQuery) => NativeQuery;

function urlText(method: string, arg: string, v: unknown): string {
  if (v instanceof URL) return v.href;
  return checkString(method, arg, v);
}

/**
 * What a connection or request is for, as QNetworkProxyFactory.queryProxy() is asked about it.
 *
 * The URL constructor takes the URL as a string (Qt's QUrl parses it, in tolerant mode like PyQt6's
 * `QUrl(str)`) or as a WHATWG `URL` object (its href). A string with a second argument is the
 * hostname constructor (`new QNetworkProxyQuery('example.com', 80)`), so a URL with an explicit
 * query type is given as a `URL` object, or set with setQueryType() afterwards.
 */
export class QNetworkProxyQuery {
  static readonly QueryType = QueryType;

  readonly #n: NativeQuery;

  static {
    nativeOfImpl = (q) => q.#n;
  }

  constructor();
  constructor(requestUrl: string | URL);
  constructor(requestUrl: URL, type: QNetworkProxyQuery.QueryType);
  constructor(hostname: string, port: number, protocolTag?: string, type?: QNetworkProxyQuery.QueryType);
  constructor(bindPort: number, protocolTag?: string, type?: QNetworkProxyQuery.QueryType);
  constructor(other: QNetworkProxyQuery);
  constructor(
    a?: QNetworkProxyQuery | URL | string | number,
    b?: QueryType | number | string,
    c?: string | QueryType,
    d?: QueryType,
  ) {
    if (adopting !== undefined) {
      this.#n = adopting;
      adopting = undefined;
      return;
    }
    const method = 'QNetworkProxyQuery';
    checkArity(method, arguments, 0, 4);
    const n = arguments.length;
    if (n === 0) {
      this.#n = new native.QNetworkProxyQuery();
    } else if (a instanceof QNetworkProxyQuery) {
      checkArity(`${method}(other)`, arguments, 1, 1);
      this.#n = new native.QNetworkProxyQuery(a.#n);
    } else if (a instanceof URL || (typeof a === 'string' && n === 1)) {
      checkArity(`${method}(requestUrl)`, arguments, 1, 2);
      const type = b ?? QueryType.UrlRequest;
      this.#n = new native.QNetworkProxyQuery(urlText(method, 'requestUrl', a), checkQueryType(method, type));
    } else if (typeof a === 'string') {
      const [port, protocolTag = '', type = QueryType.TcpSocket] = [b, c, d];
      checkInt(method, 'port', port, NO_PORT, PORT_MAX);
      checkString(method, 'protocolTag', protocolTag);
      this.#n = new native.QNetworkProxyQuery(a, port, protocolTag, checkQueryType(method, type));
    } else if (typeof a === 'number') {
      checkArity(`${method}(bindPort)`, arguments, 1, 3);
      const [protocolTag = '', type = QueryType.TcpServer] = [b, c];
      checkInt(method, 'bindPort', a, 0, PORT_MAX);
      checkString(method, 'protocolTag', protocolTag);
      this.#n = new native.QNetworkProxyQuery(a, protocolTag, checkQueryType(method, type));
    } else {
      throw new TypeError(
        `${method}: argument 1 must be a URL (string or URL), a hostname, a bind port or a QNetworkProxyQuery, got ${describe(a)}`,
      );
    }
  }

  queryType(): QueryType {
    checkArity('QNetworkProxyQuery.queryType', arguments, 0, 0);
    return this.#n.queryType();
  }

  setQueryType(type: QNetworkProxyQuery.QueryType): void {
    checkArity('QNetworkProxyQuery.setQueryType', arguments, 1, 1);
    this.#n.setQueryType(checkQueryType('QNetworkProxyQuery.setQueryType', type));
  }

  /** The URL's host (Qt keeps the peer as a URL, so it comes back lower-cased). */
  peerHostName(): string {
    checkArity('QNetworkProxyQuery.peerHostName', arguments, 0, 0);
    return this.#n.peerHostName();
  }

  setPeerHostName(hostname: string): void {
    checkArity('QNetworkProxyQuery.setPeerHostName', arguments, 1, 1);
    this.#n.setPeerHostName(checkString('QNetworkProxyQuery.setPeerHostName', 'hostname', hostname));
  }

  /** -1 if there is none. */
  peerPort(): number {
    checkArity('QNetworkProxyQuery.peerPort', arguments, 0, 0);
    return this.#n.peerPort();
  }

  /** -1 removes the port. */
  setPeerPort(port: number): void {
    checkArity('QNetworkProxyQuery.setPeerPort', arguments, 1, 1);
    this.#n.setPeerPort(checkInt('QNetworkProxyQuery.setPeerPort', 'port', port, NO_PORT, PORT_MAX));
  }

  /** -1 if there is none. */
  localPort(): number {
    checkArity('QNetworkProxyQuery.localPort', arguments, 0, 0);
    return this.#n.localPort();
  }

  setLocalPort(port: number): void {
    checkArity('QNetworkProxyQuery.setLocalPort', arguments, 1, 1);
    this.#n.setLocalPort(checkInt('QNetworkProxyQuery.setLocalPort', 'port', port, NO_PORT, PORT_MAX));
  }

  /** The URL's scheme. */
  protocolTag(): string {
    checkArity('QNetworkProxyQuery.protocolTag', arguments, 0, 0);
    return this.#n.protocolTag();
  }

  setProtocolTag(protocolTag: string): void {
    checkArity('QNetworkProxyQuery.setProtocolTag', arguments, 1, 1);
    this.#n.setProtocolTag(checkString('QNetworkProxyQuery.setProtocolTag', 'protocolTag', protocolTag));
  }

  /** PyQt6's QUrl, as Qt's QUrl.toString() of it ('' when the URL is empty or invalid). */
  url(): string {
    checkArity('QNetworkProxyQuery.url', arguments, 0, 0);
    return this.#n.url();
  }

  /** A string (parsed by Qt's QUrl in tolerant mode) or a WHATWG URL object (its href). */
  setUrl(url: string | URL): void {
    checkArity('QNetworkProxyQuery.setUrl', arguments, 1, 1);
    this.#n.setUrl(urlText('QNetworkProxyQuery.setUrl', 'url', url));
  }

  swap(other: QNetworkProxyQuery): void {
    checkArity('QNetworkProxyQuery.swap', arguments, 1, 1);
    if (!(other instanceof QNetworkProxyQuery)) {
      throw new TypeError(
        `QNetworkProxyQuery.swap: argument 'other' must be a QNetworkProxyQuery, got ${describe(other)}`,
      );
    }
    this.#n.swap(other.#n);
  }

  /** Python's `==` (Qt's operator==). False for anything that is not a QNetworkProxyQuery. */
  equals(other: unknown): boolean {
    checkArity('QNetworkProxyQuery.equals', arguments, 1, 1);
    return other instanceof QNetworkProxyQuery && this.#n.equals(other.#n);
  }

  /** The URL without a password it may carry. */
  toJSON(): { queryType: string; url: string; localPort: number } {
    const n = this.#n;
    return { queryType: QueryType[n.queryType()], url: n.urlWithoutPassword(), localPort: n.localPort() };
  }

  [inspect.custom](depth: number, options: InspectOptionsStylized, show: typeof inspect): string {
    if (!(#n in this)) return 'QNetworkProxyQuery {}'; // the prototype itself
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

/** A QNetworkProxyQuery around `n`, which the addon just made and nothing else holds. */
function adopt(n: NativeQuery): QNetworkProxyQuery {
  adopting = n;
  return new QNetworkProxyQuery();
}

/** @internal the native object inside `q`, for the proxy factory and socket wrappers (read it, don't keep it). */
export function nativeOf(q: QNetworkProxyQuery): NativeQuery {
  return nativeOfImpl(q);
}

/** @internal a QNetworkProxyQuery holding a copy of the native object `n` (made by the addon). */
export function fromNative(n: NativeQuery): QNetworkProxyQuery {
  return adopt(new native.QNetworkProxyQuery(n));
}
