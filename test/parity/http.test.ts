// HTTP parity: each scenario makes one request with PyQt6's QNetworkAccessManager
// (/usr/bin/python3) and with ours, each in a fresh process, against one origin server of the
// test's own (test/fixtures/parity/http_origin.js, a process of its own since the runners are run
// synchronously); the traces must match: the signals in order, the signals run inside abort(), and
// the reply's error, attributes, headers, URL and bytes, and for the cookie scenarios the cookie jar
// after each request and the Cookie header the origin received (test/fixtures/parity/http_runner.py).
import { loadScenarios, runBothSides, startFixtureServer, type Scenario } from '../helpers';
import { startSquid, stopAllProxies } from '../proxies';

const scenarios = loadScenarios<Scenario & Record<string, unknown>>('http_scenarios.json');
let origin: { port: number; stop(): void };
let port = 0;
// Debian's squid for the proxy-authentication scenarios; they name these users and passwords.
const squidPorts: Record<string, number> = {};
// Every password a scenario uses: no trace may hold one.
const PASSWORDS = /s3cret|wrong-pw|bad-pw|squid-basic-secret|squid-digest-secret/;

beforeAll(async () => {
  origin = await startFixtureServer('http_origin.js');
  port = origin.port;
  const [basic, digest] = await Promise.all([
    startSquid('basic', { user: 'sbasic', password: 'squid-basic-secret' }),
    startSquid('digest', { user: 'sdigest', password: 'squid-digest-secret' }),
  ]);
  squidPorts.squidBasic = basic.port;
  squidPorts.squidDigest = digest.port;
});

afterAll(async () => {
  origin.stop();
  await stopAllProxies();
});

test('there are at least 8 HTTP scenarios, 6 of them on authentication', () => {
  expect(scenarios.length).toBeGreaterThanOrEqual(8);
  expect(scenarios.filter((s) => 'auth' in s || 'noAuthSlot' in s || 'squid' in s).length).toBeGreaterThanOrEqual(6);
});

test.each(scenarios.map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
  const [ours, pyqt] = runBothSides('http_runner', scenario, { origin: port, ...squidPorts });
  expect(ours).toEqual(pyqt);
  expect(JSON.stringify(ours)).not.toMatch(PASSWORDS); // traces never hold a password
  // Not vacuous: the request ran to its end on both sides.
  expect((pyqt as { final?: unknown; timedOut?: boolean }).final).toBeDefined();
  expect((pyqt as { timedOut?: boolean }).timedOut).toBeUndefined();
  // A cookie scenario reached the origin each time and left a cookie in the jar (a refused
  // connection would compare equal too, with nothing stored).
  if (scenario.before || scenario.jarCookies) {
    const t = pyqt as {
      jarBefore: [number, ...unknown[]][];
      final: { error: number; jar: unknown[] | null; forUrl: unknown[] };
    };
    expect([t.final.error, ...t.jarBefore.map(([error]) => error)]).toEqual(Array(t.jarBefore.length + 1).fill(0));
    expect((t.final.jar ?? t.final.forUrl).length).toBeGreaterThan(0);
  }
});
