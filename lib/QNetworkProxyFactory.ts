// QNetworkProxyFactory: Qt's application-wide proxy selection. Subclass it and override queryProxy,
// as in PyQt6; setApplicationProxyFactory makes Qt use it for every socket, server and manager
// whose proxy is DefaultProxy (a manager's own: QNetworkAccessManager.setProxyFactory). In the loop
// runtime Qt asks it itself, when and as often as it asks a PyQt6 factory. In the thread runtime it
// runs when a connection or listen starts (before the command reaches the Qt thread, which never
// waits on JS), and Qt then uses the lists it returned; a manager asks it as lib/QNetworkAccessManager.ts says.
import { checkArity, checkBool, describe } from './core/args';
import { unbound } from './core/bound';
import type { NativeNetworkProxy, NativeNetworkProxyQuery } from './core/native';
import { native, runtime } from './core/runtime';
import { reportCallbackError } from './core/signal';
import { QHostAddress } from './QHostAddress';
import { QNetworkProxy, fromNative as proxyFromNative, nativeOf as nativeOfProxy } from './QNetworkProxy';
import { QNetworkProxyQuery, fromNative as queryFromNative, nativeOf as nativeOfQuery } from './QNetworkProxyQuery';

// The JS factory this environment set, and the generation Qt knows it by; Qt drops it (and
// installedGeneration() changes) when the application proxy or the system configuration replaces it.
let current: { factory: QNetworkProxyFactory; generation: number } | null = null;

/** @internal The JS factory set as the application's, if Qt still holds it. */
export function activeFactory(): QNetworkProxyFactory | null {
  if (current !== null && native.QNetworkProxyFactory.installedGeneration() !== current.generation) current = null;
  return current?.factory ?? null;
}

function checkQuery(method: string, query: unknown): QNetworkProxyQuery {
  if (!(query instanceof QNetworkProxyQuery))
    throw new TypeError(`${method}: argument 'query' must be a QNetworkProxyQuery, got ${describe(query)}`);
  return query;
}

function checkList(factory: QNetworkProxyFactory, list: unknown): QNetworkProxy[] {
  if (!Array.isArray(list) || !list.every((p) => p instanceof QNetworkProxy)) {
    throw new TypeError(
      `${factory.constructor.name}.queryProxy() must return an array of QNetworkProxy, got ${describe(list)}`,
    );
  }
  return list;
}

// Qt's own rule (QGlobalNetworkProxy::proxyForQuery, Qt 6.4), which asks no factory for these:
// it is kept here because the JS factory must not run under Qt's global proxy lock.
function isLocal(query: QNetworkProxyQuery): boolean {
  const host = query.peerHostName();
  if (host === 'localhost' || host.startsWith('localhost.')) return true;
  const addr = new QHostAddress();
  return addr.setAddress(host) && addr.isLoopback();
}

export abstract class QNetworkProxyFactory {
  constructor(other?: QNetworkProxyFactory) {
    checkArity('QNetworkProxyFactory', arguments, 0, 1);
    if (other !== undefined && !(other instanceof QNetworkProxyFactory)) {
      throw new TypeError(`QNetworkProxyFactory: argument 'a0' must be a QNetworkProxyFactory, got ${describe(other)}`);
    }
    if (new.target === QNetworkProxyFactory) {
      throw new TypeError('QNetworkProxyFactory is abstract: subclass it and override queryProxy()');
    }
  }

  /**
   * The proxies to try for `query`, best first; Qt uses the first one that can do the job. A
   * subclass overrides it: the base class's, as PyQt6's, only says so.
   */
  queryProxy(query?: QNetworkProxyQuery): QNetworkProxy[] {
    void query;
    throw new TypeError(`${this.constructor.name}.queryProxy() is abstract and must be overridden`);
  }

  /**
   * What Qt would use for `query`: no proxy for localhost and loopback addresses, else the
   * application factory's answer (NoProxy for an empty one), else the application proxy.
   */
  static proxyForQuery(query: QNetworkProxyQuery): QNetworkProxy[] {
    const method = 'QNetworkProxyFactory.proxyForQuery';
    checkArity(method, arguments, 1, 1);
    checkQuery(method, query);
    const factory = activeFactory();
    if (factory === null) return native.QNetworkProxyFactory.proxyForQuery(nativeOfQuery(query)).map(proxyFromNative);
    if (isLocal(query)) return [new QNetworkProxy(QNetworkProxy.ProxyType.NoProxy)];
    const list = checkList(factory, factory.queryProxy(new QNetworkProxyQuery(query)));
    if (list.length === 0) {
      process.emitWarning(`QNetworkProxyFactory: factory ${factory.constructor.name} has returned an empty result set`);
      return [new QNetworkProxy(QNetworkProxy.ProxyType.NoProxy)];
    }
    return list.map((p) => new QNetworkProxy(p));
  }

  /** Qt's reading of the system's configuration (on Linux: the *_proxy environment variables, via libproxy). */
  static systemProxyForQuery(query: QNetworkProxyQuery = new QNetworkProxyQuery()): QNetworkProxy[] {
    const method = 'QNetworkProxyFactory.systemProxyForQuery';
    checkArity(method, arguments, 0, 1);
    checkQuery(method, query);
    return native.QNetworkProxyFactory.systemProxyForQuery(nativeOfQuery(query)).map(proxyFromNative);
  }

  /** `null` removes the application factory (Qt then uses the application proxy). */
  static setApplicationProxyFactory(factory: QNetworkProxyFactory | null): void {
    const method = 'QNetworkProxyFactory.setApplicationProxyFactory';
    checkArity(method, arguments, 1, 1);
    if (factory === null) {
      current = null;
      native.QNetworkProxyFactory.uninstall();
      return;
    }
    if (!(factory instanceof QNetworkProxyFactory)) {
      throw new TypeError(
        `${method}: argument 'factory' must be a QNetworkProxyFactory or null, got ${describe(factory)}`,
      );
    }
    checkOverridden(method, factory);
    current = {
      factory,
      generation: native.QNetworkProxyFactory.install(runtime === 'loop' ? askedByQt(factory) : undefined),
    };
  }

  /** Qt's default on Debian's Qt 6.4 is true: the system configuration (environment variables) decides. */
  static setUseSystemConfiguration(enable: boolean): void {
    const method = 'QNetworkProxyFactory.setUseSystemConfiguration';
    checkArity(method, arguments, 1, 1);
    native.QNetworkProxyFactory.setUseSystemConfiguration(checkBool(method, 'enable', enable));
  }

  static usesSystemConfiguration(): boolean {
    checkArity('QNetworkProxyFactory.usesSystemConfiguration', arguments, 0, 0);
    return native.QNetworkProxyFactory.usesSystemConfiguration();
  }
}

/** @internal A subclass without its own queryProxy would fail every later connect or request. */
export function checkOverridden(method: string, factory: QNetworkProxyFactory): void {
  if (
    typeof factory.queryProxy !== 'function' ||
    unbound(factory.queryProxy) === QNetworkProxyFactory.prototype.queryProxy
  )
    throw new TypeError(`${method}: argument 'factory' (${describe(factory)}) must override queryProxy()`);
}

/**
 * @internal How Qt asks `factory` (the application's in the loop runtime, a manager's in both), as
 * it asks a PyQt6 factory. A throw is an uncaught exception, as a throwing slot's (PyQt6 ends the
 * process too), and the answer undefined (Qt gets NoProxy).
 */
export function askedByQt(
  factory: QNetworkProxyFactory,
): (query: NativeNetworkProxyQuery) => NativeNetworkProxy[] | undefined {
  return (query) => {
    try {
      return checkList(factory, factory.queryProxy(queryFromNative(query))).map(nativeOfProxy);
    } catch (err) {
      reportCallbackError(err);
      return undefined;
    }
  };
}

/**
 * @internal For sockets and servers about to connect or listen with `proxy`: the list the JS
 * factory decides for `query` (as native objects, for the command), or undefined when Qt decides
 * alone (the socket has a proxy of its own, or no JS factory is set).
 *
 * Qt asks the factory a second question when it connects or binds directly (not for loopback):
 * the query that holds only the type (QNativeSocketEngine's check that no proxy is required).
 * It asks it on the Qt thread, maybe later, so the answer is asked for now and kept there.
 */
export function decideProxies(
  proxy: QNetworkProxy | null,
  query: () => QNetworkProxyQuery,
): NativeNetworkProxy[] | undefined {
  if (
    runtime === 'loop' ||
    (proxy !== null && proxy.type() !== QNetworkProxy.ProxyType.DefaultProxy) ||
    activeFactory() === null
  )
    return undefined;
  const q = query();
  const decided = QNetworkProxyFactory.proxyForQuery(q);
  if (!isLocal(q) && decided.find((p) => canServe(p, q.queryType()))?.type() === QNetworkProxy.ProxyType.NoProxy) {
    const empty = new QNetworkProxyQuery();
    empty.setQueryType(q.queryType());
    native.QNetworkProxyFactory.setEmptyAnswer(
      q.queryType(),
      QNetworkProxyFactory.proxyForQuery(empty).map(nativeOfProxy),
    );
  }
  return decided.map(nativeOfProxy);
}

// Which proxies Qt considers for a query of this type (QAbstractSocketPrivate::resolveProxy).
function canServe(p: QNetworkProxy, type: QNetworkProxyQuery.QueryType): boolean {
  const C = QNetworkProxy.Capability;
  const need =
    type === QNetworkProxyQuery.QueryType.UdpSocket
      ? C.UdpTunnelingCapability
      : type === QNetworkProxyQuery.QueryType.TcpServer
        ? C.ListeningCapability
        : C.TunnelingCapability;
  return (p.capabilities() & need) !== 0;
}
