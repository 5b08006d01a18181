// QNetworkAccessManager through Debian's squid requiring Basic or Digest (test/proxies.ts): the
// credentials given in proxyAuthenticationRequired's slot, set on the manager's QNetworkProxy, or on
// the proxies a factory (the manager's, the application's) answers;
// refused or missing ones end in ProxyAuthenticationRequiredError; no password shows in inspect,
// JSON, an error string or squid's log.
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { inspect } from 'node:util';
import {
  QAuthenticator,
  QNetworkAccessManager,
  QNetworkProxy,
  QNetworkProxyFactory,
  QNetworkProxyQuery,
  QNetworkReply,
  QNetworkRequest,
} from '../../lib';
import { NON_LOOPBACK, addNonLoopbackAddress, nextEmit } from '../helpers';
import { type ProxyServer, squidRealm, startSquid, stopAllProxies } from '../proxies';

const Attr = QNetworkRequest.Attribute;
const PASSWORD = { basic: 'nam-basic-secret', digest: 'nam-digest-secret' };
const USER = { basic: 'nbasic', digest: 'ndigest' };
type Scheme = keyof typeof PASSWORD;
const squids = {} as Record<Scheme, ProxyServer>;
let origin: http.Server;
let url = '';

jest.setTimeout(30000);

beforeAll(async () => {
  addNonLoopbackAddress();
  const [basic, digest] = await Promise.all([
    startSquid('basic', { user: USER.basic, password: PASSWORD.basic }),
    startSquid('digest', { user: USER.digest, password: PASSWORD.digest }),
  ]);
  squids.basic = basic;
  squids.digest = digest;
  origin = http.createServer((_req, res) => res.end('through the proxy'));
  // Also on the namespace's non-loopback address, which the application factory is asked for.
  await new Promise<void>((r) => origin.listen(0, '0.0.0.0', r));
  url = `http://127.0.0.1:${(origin.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  origin.closeAllConnections();
  await new Promise((r) => origin.close(r));
  await stopAllProxies();
});

function viaSquid(scheme: Scheme, user = '', password = ''): QNetworkAccessManager {
  const nam = new QNetworkAccessManager();
  nam.setProxy(new QNetworkProxy(QNetworkProxy.ProxyType.HttpProxy, '127.0.0.1', squids[scheme].port, user, password));
  return nam;
}

// inspect of anything; JSON of the value types (a manager or reply is a cycle, as in Node's own).
const shown = (...values: unknown[]): string =>
  values
    .map((v) => {
      const json = v instanceof QAuthenticator || v instanceof QNetworkProxy ? JSON.stringify(v) : '';
      return `${inspect(v, { depth: 5 })} ${json}`;
    })
    .join('\n');

test.each(['basic', 'digest'] as const)('%s: credentials in the slot; asked once with the realm', async (scheme) => {
  const nam = viaSquid(scheme);
  const reply = nam.get(new QNetworkRequest(url));
  const asked: string[] = [];
  let seen = '';
  nam.proxyAuthenticationRequired.connect((proxy, auth) => {
    expect(auth).toBeInstanceOf(QAuthenticator);
    asked.push(`${proxy.port()} ${auth.realm()} ${auth.user()}`);
    auth.setUser(USER[scheme]);
    auth.setPassword(PASSWORD[scheme]);
    seen = shown(auth, proxy, nam, reply);
  });
  await nextEmit(reply.finished);
  expect(asked).toEqual([`${squids[scheme].port} ${squidRealm(scheme)} `]);
  expect(reply.error()).toBe(QNetworkReply.NetworkError.NoError);
  expect(reply.readAll().toString()).toBe('through the proxy');
  expect(seen).toContain(USER[scheme]);
  expect(seen + shown(reply, nam.proxy()) + reply.errorString()).not.toContain(PASSWORD[scheme]);
});

test.each(['basic', 'digest'] as const)("%s: credentials on the manager's proxy: no question", async (scheme) => {
  const nam = viaSquid(scheme, USER[scheme], PASSWORD[scheme]);
  let asked = 0;
  nam.proxyAuthenticationRequired.connect(() => asked++);
  const reply = nam.get(new QNetworkRequest(url));
  await nextEmit(reply.finished);
  expect(asked).toBe(0);
  expect(reply.error()).toBe(QNetworkReply.NetworkError.NoError);
  expect(reply.attribute(Attr.HttpStatusCodeAttribute)).toBe(200);
  expect(shown(nam.proxy(), nam, reply)).not.toContain(PASSWORD[scheme]);
});

test('refused credentials on the proxy, a slot that sets nothing: asked once, then 407', async () => {
  const nam = viaSquid('basic', USER.basic, 'not-the-password');
  const users: string[] = [];
  nam.proxyAuthenticationRequired.connect((_p, auth) => users.push(auth.user()));
  const reply = nam.get(new QNetworkRequest(url));
  const [code] = await nextEmit(reply.errorOccurred);
  expect(users.length).toBe(1);
  expect(code).toBe(QNetworkReply.NetworkError.ProxyAuthenticationRequiredError);
  expect(reply.attribute(Attr.HttpStatusCodeAttribute)).toBe(407);
  expect(reply.errorString()).not.toContain('not-the-password');
});

test("no slot, no credentials: ProxyAuthenticationRequiredError; squid's log holds no password", async () => {
  const nam = viaSquid('basic');
  const reply = nam.get(new QNetworkRequest(url));
  await nextEmit(reply.finished);
  expect(reply.error()).toBe(QNetworkReply.NetworkError.ProxyAuthenticationRequiredError);
  expect(reply.readAll().length).toBeGreaterThan(0); // squid's 407 page
  expect(squids.basic.log() + squids.digest.log()).not.toMatch(/nam-basic-secret|nam-digest-secret/);
});

// --- the manager's proxy factory, and the application's proxy and factory, through squid ---------

// A factory answering squid (Basic) with `password`, which records the queries Qt makes.
class ToSquid extends QNetworkProxyFactory {
  readonly asked: string[] = [];
  private readonly answer: () => QNetworkProxy; // a closure: the password shows in no inspect
  constructor(password: string) {
    super();
    const { HttpProxy } = QNetworkProxy.ProxyType;
    this.answer = () => new QNetworkProxy(HttpProxy, '127.0.0.1', squids.basic.port, USER.basic, password);
  }
  queryProxy(query: QNetworkProxyQuery): QNetworkProxy[] {
    this.asked.push(`${query.queryType()} ${query.url().toString()}`);
    return [this.answer()];
  }
}
// Not loopback (test/helpers.ts puts it on lo in the test's namespace): Qt asks neither the
// application's proxy nor its factory for a loopback address.
const byName = (): string => url.replace('127.0.0.1', NON_LOOPBACK);

test('setProxyFactory: the same object back, DefaultProxy; setProxy drops it; bad arguments are TypeErrors', () => {
  const nam = viaSquid('basic');
  const f = new ToSquid(PASSWORD.basic);
  expect(nam.proxyFactory()).toBeNull();
  nam.setProxyFactory(f);
  expect(nam.proxyFactory()).toBe(f);
  expect(nam.proxy().type()).toBe(QNetworkProxy.ProxyType.DefaultProxy);
  nam.setProxy(new QNetworkProxy(QNetworkProxy.ProxyType.NoProxy));
  expect(nam.proxyFactory()).toBeNull();
  nam.setProxyFactory(f);
  nam.setProxyFactory(null);
  expect(nam.proxyFactory()).toBeNull();
  class Lazy extends QNetworkProxyFactory {}
  expect(() => nam.setProxyFactory(new Lazy())).toThrow(
    /setProxyFactory: argument 'factory' .* must override queryProxy/,
  );
  expect(() => nam.setProxyFactory(3 as never)).toThrow(
    new TypeError(
      "QNetworkAccessManager.setProxyFactory: argument 'factory' must be a QNetworkProxyFactory or null, got number 3",
    ),
  );
  expect(() => (nam.setProxyFactory as (...a: unknown[]) => void)()).toThrow(TypeError);
  expect(f.asked).toEqual([]);
});

test.each([
  ['right', PASSWORD.basic, QNetworkReply.NetworkError.NoError, 200],
  ['refused', 'not-the-password', QNetworkReply.NetworkError.ProxyAuthenticationRequiredError, 407],
])(
  "the manager's factory: asked once with the URL (UrlRequest), its squid and %s credentials used",
  async (_n, pw, error, status) => {
    const nam = new QNetworkAccessManager();
    const f = new ToSquid(pw);
    nam.setProxyFactory(f);
    const reply = nam.get(new QNetworkRequest(url));
    await nextEmit(reply.finished);
    expect(f.asked).toEqual([`${QNetworkProxyQuery.QueryType.UrlRequest} ${url}`]);
    expect([reply.error(), reply.attribute(Attr.HttpStatusCodeAttribute)]).toEqual([error, status]);
    expect(shown(nam, reply, f.queryProxy(new QNetworkProxyQuery(url))) + reply.errorString()).not.toContain(pw);
  },
);

test("the application's proxy and factory apply to a manager left at DefaultProxy (a host name, not loopback)", async () => {
  const { HttpProxy } = QNetworkProxy.ProxyType;
  const results: unknown[] = [];
  try {
    QNetworkProxy.setApplicationProxy(new QNetworkProxy(HttpProxy, '127.0.0.1', squids.basic.port, USER.basic, 'no'));
    for (const target of [byName(), url]) {
      const reply = new QNetworkAccessManager().get(new QNetworkRequest(target));
      await nextEmit(reply.finished);
      results.push(reply.attribute(Attr.HttpStatusCodeAttribute));
    }
    const f = new ToSquid('not-the-password');
    QNetworkProxyFactory.setApplicationProxyFactory(f);
    const nam = new QNetworkAccessManager();
    const post = nam.post(new QNetworkRequest(byName()), 'body');
    await nextEmit(post.finished);
    results.push(post.attribute(Attr.HttpStatusCodeAttribute), f.asked.length);
  } finally {
    QNetworkProxyFactory.setApplicationProxyFactory(null);
    QNetworkProxy.setApplicationProxy(new QNetworkProxy(QNetworkProxy.ProxyType.NoProxy));
  }
  // squid refused the name's request; 127.0.0.1 went direct; the factory's squid refused the POST.
  expect(results).toEqual([407, 200, 407, 1]);
});

test('a manager factory that throws, then one replaced from inside its own queryProxy: uncaught exception, Qt goes on without a proxy', () => {
  // In a child (the throw is an uncaught exception); port 9 refuses, so each request ends at once.
  const child = `
    const q = require(${JSON.stringify(path.join(__dirname, '..', '..', 'dist'))});
    process.on('uncaughtException', (err) => console.log('uncaught ' + err.message));
    const nam = new q.QNetworkAccessManager();
    let n = 0;
    class Later extends q.QNetworkProxyFactory { queryProxy() { console.log('Later asked'); return []; } }
    class Fickle extends q.QNetworkProxyFactory {
      queryProxy() {
        if (++n === 1) throw new Error('queryProxy failed');
        nam.setProxyFactory(new Later()); // Qt deletes this factory: it must not be in use after
        return [new q.QNetworkProxy(q.QNetworkProxy.ProxyType.Socks5Proxy, '127.0.0.1', 9)];
      }
    }
    nam.setProxyFactory(new Fickle());
    const go = (k) => {
      const r = nam.get(new q.QNetworkRequest('http://127.0.0.1:9/'));
      r.finished.connect(() => {
        console.log('finished ' + q.QNetworkReply.NetworkError[r.error()] + ' ' + nam.proxyFactory().constructor.name);
        if (k < 3) go(k + 1); else process.exit(0);
      });
    };
    go(1);`;
  const r = spawnSync(process.execPath, ['-e', child], { encoding: 'utf8', timeout: 20000 });
  expect(r.stdout).toBe(
    [
      'uncaught queryProxy failed',
      'finished ConnectionRefusedError Fickle',
      'finished UnknownNetworkError Later', // as PyQt6: Qt's "Connection to proxy refused" for SOCKS5
      'Later asked',
      'finished ConnectionRefusedError Later',
      '',
    ].join('\n'),
  );
  expect(r.status).toBe(0);
});
