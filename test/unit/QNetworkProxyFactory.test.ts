// QNetworkProxyFactory's statics against PyQt6, live: the system configuration (libproxy reading
// *_proxy variables), the application proxy, turning the system configuration off and on. Each
// side runs in a child process with the same environment. JS subclasses: test/parity/proxy.test.ts.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { QNetworkProxy, QNetworkProxyFactory, QNetworkProxyQuery } from '../../lib';

const fixtures = path.join(__dirname, '..', 'fixtures', 'parity');
const cases = [
  { url: 'http://www.example.com/' },
  { url: 'https://secure.example.com/' },
  { url: 'http://internal.example/x' },
  { url: 'ftp://files.example.com/' },
  { url: 'http://localhost:8080/' },
  { host: 'www.example.com', port: 80 },
  { host: 'internal.example', port: 443, tag: 'https' },
  { host: '127.0.0.1', port: 80 },
  { bindPort: 0 },
];

function both(env: Record<string, string>): [unknown, unknown] {
  const run = (cmd: string, script: string): unknown => {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/_proxy$/i.test(k)));
    const out = execFileSync(cmd, [path.join(fixtures, script)], {
      input: JSON.stringify(cases),
      encoding: 'utf8',
      timeout: 30000,
      env: { ...clean, ...env, QTN_DIST: path.join(__dirname, '..', '..', 'dist') },
    });
    return JSON.parse(out);
  };
  return [run(process.execPath, 'proxy_factory.js'), run('/usr/bin/python3', 'proxy_factory.py')];
}

test('with proxy variables: the same proxies per query as PyQt6', () => {
  const [ours, pyqt] = both({
    http_proxy: 'http://user@proxy.example:3128',
    https_proxy: 'http://secure-proxy.example:3129',
    no_proxy: 'internal.example,localhost',
  });
  expect(ours).toEqual(pyqt);
  // Not vacuous: the variables were read (an HTTP proxy for www.example.com), and honoured (none for internal.example).
  const system = (ours as { system: unknown[][][] }).system;
  expect(system[0][0]).toEqual([QNetworkProxy.ProxyType.HttpProxy, 'proxy.example', 3128, 'user']);
  expect(system[2][0][0]).toBe(QNetworkProxy.ProxyType.NoProxy);
});

test('without proxy variables: the same as PyQt6 (no proxy)', () => {
  const [ours, pyqt] = both({});
  expect(ours).toEqual(pyqt);
});

test('bad arguments', () => {
  expect(() => QNetworkProxyFactory.proxyForQuery('x' as never)).toThrow(
    /argument 'query' must be a QNetworkProxyQuery/,
  );
  expect(() => QNetworkProxyFactory.systemProxyForQuery({} as never)).toThrow(TypeError);
  expect(() => QNetworkProxyFactory.setUseSystemConfiguration(1 as never)).toThrow(/argument 'enable'/);
  expect(() => QNetworkProxyFactory.setApplicationProxyFactory({} as never)).toThrow(/argument 'factory'/);
  expect(() => new (QNetworkProxyFactory as unknown as new () => object)()).toThrow(/abstract/);
});

test('a factory returning something other than a list of proxies is a TypeError at the call that asked', () => {
  class Bad extends QNetworkProxyFactory {
    queryProxy(): QNetworkProxy[] {
      return ['socks5://x'] as never;
    }
  }
  QNetworkProxyFactory.setApplicationProxyFactory(new Bad());
  try {
    expect(() => QNetworkProxyFactory.proxyForQuery(new QNetworkProxyQuery('example.com', 80))).toThrow(
      /Bad.queryProxy\(\) must return an array of QNetworkProxy/,
    );
    // Loopback is never asked about (Qt's rule), so nothing to throw there.
    expect(QNetworkProxyFactory.proxyForQuery(new QNetworkProxyQuery('localhost', 80))[0].type()).toBe(
      QNetworkProxy.ProxyType.NoProxy,
    );
  } finally {
    QNetworkProxyFactory.setApplicationProxyFactory(null);
  }
});

test('queryProxy is on the base class, as PyQt6 lists it: calling it there says it must be overridden', () => {
  class NoOverride extends QNetworkProxyFactory {}
  const f = new NoOverride();
  expect(typeof QNetworkProxyFactory.prototype.queryProxy).toBe('function');
  expect(() => f.queryProxy()).toThrow(new TypeError('NoOverride.queryProxy() is abstract and must be overridden'));
  expect(() => QNetworkProxyFactory.setApplicationProxyFactory(f)).toThrow(/must override queryProxy\(\)/);
});
