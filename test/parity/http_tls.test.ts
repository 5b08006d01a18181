// HTTPS parity: each scenario makes one request with PyQt6's QNetworkAccessManager and with ours
// (test/fixtures/parity/http_runner.{py,js}, their "tls" scenarios) against https origins started
// here (test/fixtures/parity/http_origin.js with certificates from test/certificates.ts: signed by
// the test CA, self-signed, for another name, expired; one speaks HTTP/2 by ALPN), directly or
// through tinyproxy and squid (HTTP CONNECT, squid with Basic) and dante (SOCKS5). The traces (the
// manager's and the reply's encrypted and sslErrors in order, what the slots ignored, the error,
// the peer's certificate, the ALPN protocol) must match.
import { loadScenarios, runBothSides, startFixtureServer, type Scenario } from '../helpers';
import { makeCertificates, type TestCertificates } from '../certificates';
import { startDante, startSquid, startTinyproxy, stopAllProxies } from '../proxies';

type TlsScenario = Scenario & { tls: { origin: string }; via?: unknown[] };
const scenarios = loadScenarios<TlsScenario>('http_tls_scenarios.json');

// Under AddressSanitizer the addon cannot pin the system's OpenSSL (native/ssl_socket.cc), and Qt
// loses the verification errors: the scenarios are left out there (and only there).
const underAsan = (process.env.LD_PRELOAD ?? '').includes('libasan');

let certs: TestCertificates;
const origins: { stop(): void }[] = [];
const ports: Record<string, number> = {};

jest.setTimeout(120000);

beforeAll(async () => {
  certs = makeCertificates('httptls');
  const pairs = {
    trusted: certs.server,
    selfSigned: certs.selfSigned,
    otherName: certs.otherName,
    expired: certs.expired,
  };
  for (const [name, pair] of Object.entries(pairs)) {
    const o = await startFixtureServer('http_origin.js', { QTN_TLS_CERT: pair.cert, QTN_TLS_KEY: pair.key });
    origins.push(o);
    ports[name] = o.port;
  }
  const h2 = await startFixtureServer('http_origin.js', {
    QTN_TLS_CERT: certs.server.cert,
    QTN_TLS_KEY: certs.server.key,
    QTN_TLS_H2: '1',
  });
  origins.push(h2);
  ports.h2 = h2.port;
  const [tiny, dante, squid] = await Promise.all([
    startTinyproxy(),
    startDante(),
    startSquid('basic', { user: 'ann', password: 'squid-pw' }),
  ]);
  Object.assign(ports, { tinyproxy: tiny.port, dante: dante.port, squid: squid.port });
});

afterAll(async () => {
  for (const o of origins) o.stop();
  await stopAllProxies();
  certs.remove();
});

test('there are at least 12 TLS scenarios', () => {
  expect(scenarios.length).toBeGreaterThanOrEqual(12);
});

(underAsan ? test.skip : test).each(scenarios.map((s) => [s.name, s] as const))('%s', (_name, s) => {
  const [ours, pyqt] = runBothSides('http_runner', s, ports, () => ({ QTN_CA: certs.ca.cert }));
  expect(ours).toEqual(pyqt);
  const t = pyqt as { final?: { error: number; tls: unknown[] }; timedOut?: boolean; events: string[] };
  expect(t.final).toBeDefined();
  expect(t.timedOut).toBeUndefined();
  // Not vacuous: the handshake ran (encrypted), or its errors were reported.
  expect(t.events.some((e) => /^(manager\.)?(encrypted|sslErrors)/.test(e))).toBe(true);
  // The HTTP/2 origin: ALPN chose h2, and Qt says it used HTTP/2.
  if (s.tls.origin === 'h2') expect(t.final!.tls.slice(3)).toEqual(['h2', true]);
});
