// QNetworkAccessManager: Qt's own manager and HTTP stack, running where the sockets run
// (native/network_access_manager.cc); each request makes a QNetworkReply whose signals come as
// the socket's do. The settings are Qt's, mirrored here as Qt answers each setter.
import {
  BYTES,
  checkArity,
  checkBool,
  checkEnum,
  checkInt,
  checkString,
  describe,
  toBuffer,
  type BytesInput,
} from './core/args';
import type { Readable } from 'node:stream';
import { Handle } from './core/handle';
import type {
  NativeAuthenticator,
  NativeNetworkAccessManager,
  NativeNetworkProxy,
  NativeNetworkProxyQuery,
  NativeRequestBody,
  NativeSslError,
  NativeSslPreSharedKeyAuthenticator,
} from './core/native';
import { QIODevice } from './core/QIODevice';
import { streamSource, type BodySource } from './core/requestBody';
import { ReplyEvent as Ev } from './core/protocol';
import { QObject } from './core/QObject';
import { native, runtime, sinkOf } from './core/runtime';
import { defineSignals, madeSignal, reportCallbackError, type Signal } from './core/signal';
import { fromNative as authenticatorFromNative, nativeOf as nativeOfAuthenticator } from './QAuthenticator';
import type { QAuthenticator } from './QAuthenticator';
import { QNetworkCookieJar } from './QNetworkCookieJar';
import { QAbstractNetworkCache } from './QAbstractNetworkCache';
import { QNetworkDiskCache } from './QNetworkDiskCache';
import { QBuffer } from './QBuffer';
import { QHttpMultiPart } from './QHttpMultiPart';
import { bufferArg, deviceBody } from './QHttpPart';
import { QHstsPolicy, fromNative as hstsFromNative, nativeOf as nativeOfHsts } from './QHstsPolicy';
import { QNetworkProxy, fromNative as proxyFromNative, nativeOf as nativeOfProxy } from './QNetworkProxy';
import { QNetworkProxyFactory, activeFactory, askedByQt, checkOverridden } from './QNetworkProxyFactory';
import { QNetworkProxyQuery, fromNative as queryFromNative, nativeOf as nativeOfQuery } from './QNetworkProxyQuery';
import { QNetworkReply } from './QNetworkReply';
import { QSslConfiguration, nativeOf as nativeOfConfiguration } from './QSslConfiguration';
import type { QSslError } from './QSslError';
import type { QSslPreSharedKeyAuthenticator } from './QSslPreSharedKeyAuthenticator';
import {
  QNetworkRequest,
  RedirectPolicy,
  TransferTimeoutConstant,
  carryOrigin,
  startArg as requestStartArg,
} from './QNetworkRequest';

export enum Operation {
  HeadOperation = 1,
  GetOperation = 2,
  PutOperation = 3,
  PostOperation = 4,
  DeleteOperation = 5,
  CustomOperation = 6,
}

const noProxy = (): NativeNetworkProxy => nativeOfProxy(new QNetworkProxy(QNetworkProxy.ProxyType.NoProxy));
const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

/**
 * A request body as PyQt6's overloads take it: bytes (a QByteArray too; a string is its UTF-8), a
 * QBuffer (a QIODevice: read from its position, as Qt reads it when the request is made) or a
 * QHttpMultiPart (Qt sets the Content-Type with its boundary). Beyond PyQt6, a stream: a Node
 * Readable, a web ReadableStream or an async iterable of Buffers, Uint8Arrays or strings, read as
 * Qt sends it (see post()).
 */
export type RequestBody = BytesInput | QBuffer | QHttpMultiPart | BodySource;

// The body as the addon takes it, with the stream it is read from (true: a streamed body), or a
// TypeError naming the method and the argument.
function bodyArg(method: string, arg: string, v: unknown): [NativeRequestBody, Readable | null] {
  if (v instanceof QHttpMultiPart) return [v._body(), null];
  if (v instanceof QIODevice) return [deviceBody(bufferArg(method, arg, v)), null];
  if (typeof v === 'string' || v instanceof Uint8Array || (typeof v === 'object' && v !== null && BYTES in v))
    return [toBuffer(method, arg, v), null];
  const source = streamSource(method, arg, v);
  if (source) return [true, source];
  throw new TypeError(
    `${method}: argument '${arg}' must be bytes (a Buffer, Uint8Array, QByteArray or string), a QBuffer, a QHttpMultiPart or a stream (a stream.Readable, a ReadableStream or an async iterable of bytes), got ${describe(v)}`,
  );
}

export class QNetworkAccessManager extends QObject {
  static readonly Operation = Operation;

  declare readonly finished: Signal<[QNetworkReply]>;
  /** The server asks for credentials: fill the authenticator in the slot (synchronously, as in PyQt6). */
  declare readonly authenticationRequired: Signal<[QNetworkReply, QAuthenticator]>;
  /** The proxy asks for credentials (those set on the proxy, if any, were refused or missing). */
  declare readonly proxyAuthenticationRequired: Signal<[QNetworkProxy, QAuthenticator]>;
  declare readonly encrypted: Signal<[QNetworkReply]>;
  /**
   * A reply's TLS handshake met errors: call reply.ignoreSslErrors() in the slot, synchronously, as
   * in PyQt6 (these slots run before the reply's own sslErrors slots; Qt reads the answer after both).
   */
  declare readonly sslErrors: Signal<[QNetworkReply, QSslError[]]>;
  /** A reply's TLS-PSK handshake asks for an identity and key: set them in the slot, synchronously. */
  declare readonly preSharedKeyAuthenticationRequired: Signal<[QNetworkReply, QSslPreSharedKeyAuthenticator]>;

  private readonly h: Handle<NativeNetworkAccessManager, never>;
  // A copy: proxy() answers what was set, as Qt keeps it (DefaultProxy: the application's).
  private _proxy = new QNetworkProxy(QNetworkProxy.ProxyType.DefaultProxy);
  // The JS factory Qt's asks through (setProxyFactory), held as PyQt6's manager owns it.
  private _factory: QNetworkProxyFactory | null = null;
  private _appMode = false; // see decideProxies
  private _transferTimeout = 0;
  private _redirectPolicy = RedirectPolicy.NoLessSafeRedirectPolicy;
  private _autoDeleteReplies = false;
  // The jar the manager uses, held so that it lives as long as the manager (PyQt6's setCookieJar
  // hands it to the manager). None until JS asks: Qt makes its own default jar meanwhile.
  private _cookieJar: QNetworkCookieJar | undefined = undefined;
  // The cache set, held so that it lives as long as the manager uses it; Qt has none by default.
  private _cache: QNetworkDiskCache | null = null;
  private _sts = false;
  private _stsStore = false;

  /** QNetworkAccessManager(parent = None). */
  constructor(parent?: null) {
    checkArity('QNetworkAccessManager', arguments, 0, 1);
    if (parent !== undefined && parent !== null)
      throw new TypeError("QNetworkAccessManager: argument 'parent' must be None (null); parents are not supported");
    super();
    this.h = new Handle(this, new native.QNetworkAccessManager());
  }

  /** @internal */
  onEvent(
    kind: number,
    _seq: number,
    _i0: number,
    _i1: number,
    _i2: number,
    replyId: number,
    _d0: number,
    _d1: number,
    payload: unknown,
  ): void {
    if (kind === Ev.QueryProxy) {
      // Qt waits for the list (serial 0: Qt asked inside another wait of the manager's and went on).
      const [query, serial] = payload as [NativeNetworkProxyQuery, number];
      if (serial === 0 || this.h.gone) return;
      this.h.native.answerQueryProxy(serial, this._factory || this._appMode ? this.askFactory(query) : undefined);
      return;
    }
    if (kind === Ev.AuthenticationRequired || kind === Ev.ProxyAuthenticationRequired) {
      // Qt reads the authenticator once the emission returns: the slots fill it now, and it goes
      // back (serial 0: Qt asked again inside its own wait and goes on unanswered).
      const [proxy, auth, serial] = payload as [NativeNetworkProxy | null, NativeAuthenticator, number];
      const authenticator = authenticatorFromNative(auth);
      try {
        if (kind === Ev.ProxyAuthenticationRequired) {
          madeSignal(this, 'proxyAuthenticationRequired')?.emit(proxyFromNative(proxy!), authenticator);
        } else {
          // The reply the program got from get()/post(): running, so registered strongly.
          const reply = sinkOf(replyId);
          if (reply instanceof QNetworkReply) madeSignal(this, 'authenticationRequired')?.emit(reply, authenticator);
        }
      } finally {
        if (serial !== 0 && !this.h.gone) this.h.native.answerAuth(serial, nativeOfAuthenticator(authenticator));
      }
      return;
    }
    if (kind !== Ev.Destroyed) return;
    this.h.destroyed();
    madeSignal(this, 'destroyed')?.emit(this);
  }

  /** @internal a reply of ours finished: Qt's finished(reply), which Qt emits before the reply's own. */
  _replyFinished(reply: QNetworkReply): void {
    madeSignal(this, 'finished')?.emit(reply);
  }

  /** @internal a reply of ours is encrypted: Qt's encrypted(reply), before the reply's own. */
  _replyEncrypted(reply: QNetworkReply): void {
    madeSignal(this, 'encrypted')?.emit(reply);
  }

  /** @internal a reply of ours asks sslErrors: Qt's sslErrors(reply, errors), before the reply's own. */
  _replySslErrors(reply: QNetworkReply, errors: QSslError[]): void {
    madeSignal(this, 'sslErrors')?.emit(reply, errors);
  }

  /** @internal a reply's sslErrors slots answered: Qt waits in the manager's wait (network_reply.cc). */
  _answerSslErrors(serial: number, all: boolean, errors: NativeSslError[] | null): void {
    if (!this.h.gone) this.h.native.answerSslErrors(serial, all, errors);
  }

  /** @internal Qt's preSharedKeyAuthenticationRequired(reply, authenticator), before the reply's own. */
  _replyPreSharedKey(reply: QNetworkReply, authenticator: QSslPreSharedKeyAuthenticator): void {
    madeSignal(this, 'preSharedKeyAuthenticationRequired')?.emit(reply, authenticator);
  }

  /** @internal the PSK slots answered: Qt waits in the manager's wait (network_reply.cc). */
  _answerPreSharedKey(serial: number, authenticator: NativeSslPreSharedKeyAuthenticator): void {
    if (!this.h.gone) this.h.native.answerPreSharedKey(serial, authenticator);
  }

  private request(
    method: string,
    op: Operation,
    request: unknown,
    verb: Buffer | null,
    [body, source]: [NativeRequestBody | null, Readable | null] = [null, null],
  ): QNetworkReply {
    if (!(request instanceof QNetworkRequest))
      throw new TypeError(`${method}: argument 'request' must be a QNetworkRequest, got ${describe(request)}`);
    if (this.h.gone) throw new Error(`${method}: the QNetworkAccessManager was deleted (deleteLater)`);
    const decided = this.decideProxies(request, body !== null);
    const reply = new QNetworkReply(this, (n) =>
      n.start(this.h.native, op, requestStartArg(request), verb, body, decided),
    );
    carryOrigin(request, reply);
    if (source) reply._streamBody(source, method);
    return reply;
  }

  // The thread runtime. Qt asks its manager's factory on its own thread, where a JS factory is
  // asked as a slot is (the manager's slot wait): the manager's own, or, while the manager uses the
  // application's proxy and that is decided by a JS factory, one answering the application's
  // decision (appMode: the Qt thread cannot ask the application's JS factory itself). A request
  // without a body is asked for inside get(), where JS cannot answer (it waits in that call): the
  // answer is asked for now and the call carries it. A body's request asks later, as do redirects.
  private decideProxies(request: QNetworkRequest, hasBody: boolean): NativeNetworkProxy[] | undefined {
    if (runtime === 'loop' || !/^https?$/i.test(request.url().scheme())) return undefined;
    if (this._factory === null) {
      if (this._proxy.type() !== QNetworkProxy.ProxyType.DefaultProxy || activeFactory() === null) return undefined;
      if (!this._appMode) this.h.native.setProxyFactory(true);
      this._appMode = true;
    }
    return hasBody ? undefined : this.askFactory(nativeOfQuery(new QNetworkProxyQuery(request.url())));
  }

  // The list for Qt's question (undefined: the factory threw, reported as uncaught).
  private askFactory(query: NativeNetworkProxyQuery): NativeNetworkProxy[] | undefined {
    if (this._factory !== null) return askedByQt(this._factory)(query) ?? [noProxy()];
    try {
      return QNetworkProxyFactory.proxyForQuery(queryFromNative(query)).map(nativeOfProxy);
    } catch (err) {
      reportCallbackError(err);
      return [noProxy()];
    }
  }

  get(request: QNetworkRequest): QNetworkReply {
    checkArity('QNetworkAccessManager.get', arguments, 1, 1);
    return this.request('QNetworkAccessManager.get', Operation.GetOperation, request, null);
  }

  head(request: QNetworkRequest): QNetworkReply {
    checkArity('QNetworkAccessManager.head', arguments, 1, 1);
    return this.request('QNetworkAccessManager.head', Operation.HeadOperation, request, null);
  }

  deleteResource(request: QNetworkRequest): QNetworkReply {
    checkArity('QNetworkAccessManager.deleteResource', arguments, 1, 1);
    return this.request('QNetworkAccessManager.deleteResource', Operation.DeleteOperation, request, null);
  }

  /**
   * post(request, data): the body as bytes (a Buffer, a string as its UTF-8, a QByteArray), a
   * QBuffer or a QHttpMultiPart; or (beyond PyQt6) a stream: a stream.Readable, a ReadableStream or
   * an async iterable of Buffers, Uint8Arrays or strings. A stream is read as Qt sends it: its
   * source pauses while 1 MiB sent waits for Qt. With a Content-Length header on the request, Qt
   * sends it as it comes and memory stays bounded (it should have that length: Qt sends no more,
   * and one that ends short fails the reply with UnknownNetworkError); without one, Qt 6.4 reads
   * all of it into memory first and sends nothing until its end (then with the length it
   * counted). A stream that fails or is destroyed before its end aborts the reply
   * (OperationCanceledError, as abort()); a reply aborted, deleted or answered before the body's
   * end destroys the stream.
   */
  post(request: QNetworkRequest, data: RequestBody): QNetworkReply {
    const method = 'QNetworkAccessManager.post';
    checkArity(method, arguments, 2, 2);
    return this.request(method, Operation.PostOperation, request, null, bodyArg(method, 'data', data));
  }

  put(request: QNetworkRequest, data: RequestBody): QNetworkReply {
    const method = 'QNetworkAccessManager.put';
    checkArity(method, arguments, 2, 2);
    return this.request(method, Operation.PutOperation, request, null, bodyArg(method, 'data', data));
  }

  /** sendCustomRequest(request, verb, data = None): any verb, with a body or none. */
  sendCustomRequest(request: QNetworkRequest, verb: BytesInput, data: RequestBody | null = null): QNetworkReply {
    const method = 'QNetworkAccessManager.sendCustomRequest';
    checkArity(method, arguments, 2, 3);
    const v = toBuffer(method, 'verb', verb);
    const body = data === null || data === undefined ? undefined : bodyArg(method, 'data', data);
    return this.request(method, Operation.CustomOperation, request, v, body);
  }

  /** The proxy set with setProxy (a copy); DefaultProxy (the application's, Qt's default) until then. */
  proxy(): QNetworkProxy {
    return new QNetworkProxy(this._proxy);
  }

  /** Used as it is for the requests made from now on (NoProxy: direct, even if an application proxy is set). */
  setProxy(proxy: QNetworkProxy): void {
    const method = 'QNetworkAccessManager.setProxy';
    checkArity(method, arguments, 1, 1);
    const p = QNetworkProxy.from(method, 'proxy', proxy);
    if (this.h.gone) return;
    this.h.native.setProxy(nativeOfProxy(p));
    this._proxy = new QNetworkProxy(p);
    this._factory = null; // Qt deletes its factory
    this._appMode = false;
  }

  /** The factory set with setProxyFactory (the same object), or null. */
  proxyFactory(): QNetworkProxyFactory | null {
    checkArity('QNetworkAccessManager.proxyFactory', arguments, 0, 0);
    return this._factory;
  }

  /**
   * Qt asks `factory.queryProxy(query)` for each request from now on (a QueryType.UrlRequest query
   * with the URL, asked for redirects too; no localhost bypass, unlike the application factory);
   * the manager's proxy goes back to DefaultProxy. null: no factory (Qt then uses the application's).
   */
  setProxyFactory(factory: QNetworkProxyFactory | null): void {
    const method = 'QNetworkAccessManager.setProxyFactory';
    checkArity(method, arguments, 1, 1);
    if (factory !== null) {
      if (!(factory instanceof QNetworkProxyFactory))
        throw new TypeError(
          `${method}: argument 'factory' must be a QNetworkProxyFactory or null, got ${describe(factory)}`,
        );
      checkOverridden(method, factory);
    }
    if (this.h.gone) return;
    this.h.native.setProxyFactory(factory !== null);
    this._factory = factory;
    this._appMode = false;
    this._proxy = new QNetworkProxy(QNetworkProxy.ProxyType.DefaultProxy);
  }

  transferTimeout(): number {
    return this._transferTimeout;
  }

  /** Milliseconds without traffic before a reply ends with OperationCanceledError (0: none). */
  setTransferTimeout(timeout: number = TransferTimeoutConstant.DefaultTransferTimeoutConstant): void {
    const method = 'QNetworkAccessManager.setTransferTimeout';
    checkArity(method, arguments, 0, 1);
    checkInt(method, 'timeout', timeout, INT_MIN, INT_MAX);
    if (!this.h.gone) this._transferTimeout = this.h.native.setTransferTimeout(timeout);
  }

  redirectPolicy(): RedirectPolicy {
    return this._redirectPolicy;
  }

  setRedirectPolicy(policy: QNetworkRequest.RedirectPolicy): void {
    const method = 'QNetworkAccessManager.setRedirectPolicy';
    checkArity(method, arguments, 1, 1);
    checkEnum(method, 'policy', policy, RedirectPolicy, 'QNetworkRequest.RedirectPolicy');
    if (!this.h.gone) this._redirectPolicy = this.h.native.setRedirectPolicy(policy);
  }

  autoDeleteReplies(): boolean {
    return this._autoDeleteReplies;
  }

  /** Qt deletes each reply once it finished (after its finished signal): reading it after that is reading what JS received. */
  setAutoDeleteReplies(autoDelete: boolean): void {
    const method = 'QNetworkAccessManager.setAutoDeleteReplies';
    checkArity(method, arguments, 1, 1);
    checkBool(method, 'autoDelete', autoDelete);
    if (!this.h.gone) this._autoDeleteReplies = this.h.native.setAutoDeleteReplies(autoDelete);
  }

  /**
   * The jar that keeps the cookies origins set and sends them back. The first call wraps Qt's
   * default jar: a jar of ours takes its cookies and replaces it.
   */
  cookieJar(): QNetworkCookieJar {
    checkArity('QNetworkAccessManager.cookieJar', arguments, 0, 0);
    const current = this._cookieJar;
    if (current && current._native() !== null) return current;
    const jar = new QNetworkCookieJar();
    if (!this.h.gone) this.h.native.setCookieJar(jar._native()!, current === undefined);
    this._cookieJar = jar;
    return jar;
  }

  /** The manager uses `cookieJar` from now on (the previous jar's cookies are not carried over). */
  setCookieJar(cookieJar: QNetworkCookieJar): void {
    const method = 'QNetworkAccessManager.setCookieJar';
    checkArity(method, arguments, 1, 1);
    if (!(cookieJar instanceof QNetworkCookieJar))
      throw new TypeError(`${method}: argument 'cookieJar' must be a QNetworkCookieJar, got ${describe(cookieJar)}`);
    const n = cookieJar._native();
    if (n === null) throw new Error(`${method}: the QNetworkCookieJar was deleted (deleteLater)`);
    if (this.h.gone) return;
    this.h.native.setCookieJar(n, false);
    this._cookieJar = cookieJar;
  }

  /** The cache set with setCache; null if none (Qt's default), or once the cache was deleted. */
  cache(): QAbstractNetworkCache | null {
    checkArity('QNetworkAccessManager.cache', arguments, 0, 0);
    return this._cache !== null && this._cache._native() !== null ? this._cache : null;
  }

  /**
   * The manager reads and writes `cache` from now on (null: no cache). Unlike PyQt6, the manager
   * does not take the cache over: a cache replaced or unset is not deleted, and managers may share one.
   */
  setCache(cache: QAbstractNetworkCache | null): void {
    const method = 'QNetworkAccessManager.setCache';
    checkArity(method, arguments, 1, 1);
    if (cache !== null && !(cache instanceof QNetworkDiskCache)) {
      const what =
        cache instanceof QAbstractNetworkCache ? ' (a JS subclass of QAbstractNetworkCache is not supported)' : '';
      throw new TypeError(
        `${method}: argument 'cache' must be a QNetworkDiskCache or null, got ${describe(cache)}${what}`,
      );
    }
    const n = cache === null ? null : cache._native();
    if (cache !== null && n === null) throw new Error(`${method}: the QNetworkDiskCache was deleted (deleteLater)`);
    if (this.h.gone) return;
    this.h.native.setCache(n);
    this._cache = cache;
  }

  isStrictTransportSecurityEnabled(): boolean {
    checkArity('QNetworkAccessManager.isStrictTransportSecurityEnabled', arguments, 0, 0);
    return this._sts;
  }

  /** HSTS: http:// requests to a known host go out as https://, and HTTPS replies' Strict-Transport-Security headers are learnt. */
  setStrictTransportSecurityEnabled(enabled: boolean): void {
    const method = 'QNetworkAccessManager.setStrictTransportSecurityEnabled';
    checkArity(method, arguments, 1, 1);
    checkBool(method, 'enabled', enabled);
    if (!this.h.gone) this._sts = this.h.native.setStrictTransportSecurityEnabled(enabled);
  }

  /** Policies Qt adds to its list (an expired one removes its host's, as a header with max-age=0 does). */
  addStrictTransportSecurityHosts(knownHosts: Iterable<QHstsPolicy>): void {
    const method = 'QNetworkAccessManager.addStrictTransportSecurityHosts';
    checkArity(method, arguments, 1, 1);
    if (knownHosts === null || typeof knownHosts !== 'object' || !(Symbol.iterator in knownHosts))
      throw new TypeError(
        `${method}: argument 'knownHosts' must be an iterable of QHstsPolicy, got ${describe(knownHosts)}`,
      );
    const list = [...(knownHosts as Iterable<unknown>)].map((p) => {
      if (!(p instanceof QHstsPolicy))
        throw new TypeError(`${method}: argument 'knownHosts' must hold QHstsPolicy objects, got ${describe(p)}`);
      return nativeOfHsts(p);
    });
    if (!this.h.gone) this.h.native.addStrictTransportSecurityHosts(list);
  }

  /** Qt's list now (copies), including what HTTPS replies taught it; [] once the manager is deleted. */
  strictTransportSecurityHosts(): QHstsPolicy[] {
    checkArity('QNetworkAccessManager.strictTransportSecurityHosts', arguments, 0, 0);
    if (this.h.gone) return [];
    return this.h.native.strictTransportSecurityHosts().map(hstsFromNative);
  }

  /**
   * Keeps the policies in QSettings files in storeDir (Qt's cache location when empty), read now
   * and written as they change: Qt reads and writes them where its HTTP stack runs.
   */
  enableStrictTransportSecurityStore(enabled: boolean, storeDir: string = ''): void {
    const method = 'QNetworkAccessManager.enableStrictTransportSecurityStore';
    checkArity(method, arguments, 1, 2);
    checkBool(method, 'enabled', enabled);
    checkString(method, 'storeDir', storeDir);
    if (!this.h.gone) this._stsStore = this.h.native.enableStrictTransportSecurityStore(enabled, storeDir);
  }

  isStrictTransportSecurityStoreEnabled(): boolean {
    checkArity('QNetworkAccessManager.isStrictTransportSecurityStoreEnabled', arguments, 0, 0);
    return this._stsStore;
  }

  /** Qt forgets the connections and credentials it cached: the next request starts afresh. */
  clearAccessCache(): void {
    checkArity('QNetworkAccessManager.clearAccessCache', arguments, 0, 0);
    if (!this.h.gone) this.h.native.clearAccessCache();
  }

  /** Qt closes the idle connections it keeps for reuse. */
  clearConnectionCache(): void {
    checkArity('QNetworkAccessManager.clearConnectionCache', arguments, 0, 0);
    if (!this.h.gone) this.h.native.clearConnectionCache();
  }

  /** Opens a connection to hostName:port for a later request to reuse (Qt's connectToHost). */
  connectToHost(hostName: string, port: number = 80): void {
    const method = 'QNetworkAccessManager.connectToHost';
    checkArity(method, arguments, 1, 2);
    checkString(method, 'hostName', hostName);
    checkInt(method, 'port', port, 0, 65535);
    if (!this.h.gone) this.h.native.connectToHost(hostName, port);
  }

  /**
   * Opens a TLS connection to hostName:port for a later https request to reuse (Qt's
   * connectToHostEncrypted); peerName: the name to verify the certificate against, if not hostName.
   */
  connectToHostEncrypted(
    hostName: string,
    port: number = 443,
    sslConfiguration: QSslConfiguration = QSslConfiguration.defaultConfiguration(),
    peerName?: string,
  ): void {
    const method = 'QNetworkAccessManager.connectToHostEncrypted';
    checkArity(method, arguments, 1, 4);
    checkString(method, 'hostName', hostName);
    checkInt(method, 'port', port, 0, 65535);
    if (!(sslConfiguration instanceof QSslConfiguration))
      throw new TypeError(
        `${method}: argument 'sslConfiguration' must be a QSslConfiguration, got ${describe(sslConfiguration)}`,
      );
    if (peerName !== undefined) checkString(method, 'peerName', peerName);
    if (!this.h.gone)
      this.h.native.connectToHostEncrypted(hostName, port, nativeOfConfiguration(sslConfiguration), peerName ?? null);
  }

  /** The URL schemes Qt's manager handles ('file', 'qrc', 'data', 'http'...). */
  supportedSchemes(): string[] {
    checkArity('QNetworkAccessManager.supportedSchemes', arguments, 0, 0);
    return this.h.gone ? [] : this.h.native.supportedSchemes();
  }

  /** Frees the Qt manager and, as Qt does, its replies (a running one is aborted). */
  deleteLater(): void {
    this.h.deleteLater();
  }
}
defineSignals(QNetworkAccessManager, [
  'finished',
  'authenticationRequired',
  'proxyAuthenticationRequired',
  'encrypted',
  'sslErrors',
  'preSharedKeyAuthenticationRequired',
]);

// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace QNetworkAccessManager {
  type Operation = import('./QNetworkAccessManager').Operation;
}
