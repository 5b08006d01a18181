// HTTP through proxies, parity: each scenario makes one request with PyQt6's QNetworkAccessManager
// and with ours (test/fixtures/parity/http_runner.{py,js}) against the test's origin, through real
// proxies started here (test/proxies.ts): tinyproxy with Basic, dante SOCKS5 and microsocks with a
// username and password, squid with NTLM; the credentials set on the proxy or given in
// proxyAuthenticationRequired's slot. Others go through a proxy factory, the manager's
// (setProxyFactory) or the application's, which logs each query Qt makes (type, URL, host, port,
// protocol). The traces must match, and hold no password.
import {
  NON_LOOPBACK,
  addNonLoopbackAddress,
  loadScenarios,
  runBothSides,
  startFixtureServer,
  type Scenario,
} from '../helpers';
import {
  type ProxyServer,
  DANTE_PASSWORD,
  DANTE_USER,
  startDante,
  startMicrosocks,
  startSquid,
  startTinyproxy,
  stopAllProxies,
} from '../proxies';

const scenarios = loadScenarios<Scenario & Record<string, unknown>>('http_proxy_scenarios.json');
let origin: { port: number; stop(): void };
const ports: Record<string, number> = {};
const tunnels: Record<string, ProxyServer> = {};
// Every password a scenario uses: no trace may hold one.
const PASSWORDS = /tiny-secret|micro-secret|ntlm-secret-pw|wrong-pw|qtnproxy-secret/;

jest.setTimeout(120000);

beforeAll(async () => {
  addNonLoopbackAddress();
  origin = await startFixtureServer('http_origin.js');
  ports.origin = origin.port;
  const [tiny, dante, micro, ntlm, ntlmRaw] = await Promise.all([
    startTinyproxy({ user: 'tiny', password: 'tiny-secret' }),
    startDante({ auth: true }),
    startMicrosocks({ user: 'micro', password: 'micro-secret' }),
    startSquid('ntlm-mended'),
    startSquid('ntlm'),
  ]);
  expect([DANTE_USER, DANTE_PASSWORD]).toEqual(['qtnproxy', 'qtnproxy-secret']); // as the scenarios name them
  Object.assign(tunnels, { dante, tinyproxy: tiny });
  Object.assign(ports, {
    tinyproxy: tiny.port,
    dante: dante.port,
    microsocks: micro.port,
    squidNtlm: ntlm.port,
    squidNtlmRaw: ntlmRaw.port,
  });
});

afterAll(async () => {
  origin.stop();
  await stopAllProxies();
});

test('there are at least 6 proxy-authentication scenarios and 6 factory ones', () => {
  expect(scenarios.filter((s) => 'via' in s).length).toBeGreaterThanOrEqual(6);
  expect(scenarios.filter((s) => 'factory' in s || 'appFactory' in s).length).toBeGreaterThanOrEqual(6);
});

// "$hostname": an address of this machine that is not loopback (test/helpers.ts puts it on lo in
// the test's namespace): Qt asks the application factory for none of loopback or localhost. Not
// the machine's host name, which /etc/hosts may map to 127.0.1.1 or to nothing reachable here.
test.each(scenarios.map((s) => [s.name, s] as const))('%s', (_name, s) => {
  const scenario = s.host === '$hostname' ? { ...s, host: NON_LOOPBACK } : s;
  // Dante and tinyproxy log each CONNECT: a request that went well through one as a tunnel (SOCKS5,
  // or an HTTP proxy that can only tunnel), when asked for, went through it.
  const specs = [s.via, ...((s.factory ?? s.appFactory ?? []) as unknown[])] as (unknown[] | undefined)[];
  const used = specs
    .filter((p) => p && typeof p[1] === 'string' && p[1] in tunnels && (p[0] === 1 || p[4] !== undefined))
    .map((p) => p![1] as string);
  const before = used.map((k) => tunnels[k].targets().length);
  const [ours, pyqt] = runBothSides('http_runner', scenario, ports);
  expect(ours).toEqual(pyqt);
  expect(JSON.stringify(ours)).not.toMatch(PASSWORDS);
  const t = pyqt as { final?: unknown; timedOut?: boolean; events: string[] };
  expect(t.final).toBeDefined();
  expect(t.timedOut).toBeUndefined();
  // Not vacuous: a factory scenario's factory was asked (the loopback one: it was not).
  const asked = 'via' in s || t.events.some((e) => e.startsWith('queryProxy('));
  if ((t.final as { error: number }).error === 0 && used.length > 0 && asked)
    expect(used.reduce((n, k) => n + tunnels[k].targets().length, 0)).toBeGreaterThanOrEqual(
      before.reduce((a, b) => a + b, 0) + 2, // a CONNECT per side at least (tinyproxy: one more after its 407)
    );
  if ('factory' in s || s.host === '$hostname')
    expect(t.events.filter((e) => e.startsWith('queryProxy(')).length).toBeGreaterThan(0);
});
