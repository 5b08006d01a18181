// Proxy parity: each scenario runs live in PyQt6 and in qtnetwork, through the same real proxies
// (dante, microsocks, tinyproxy, and squid with Basic, Digest and NTLM) started here; the traces
// must match (see tcp.test.ts).
import {
  DANTE_PASSWORD,
  DANTE_USER,
  ProxyServer,
  startDante,
  startMicrosocks,
  startSquid,
  startTinyproxy,
  stopAllProxies,
} from '../proxies';
import { addNonLoopbackAddress, loadScenarios, runBothSides } from '../helpers';

const scenarios = loadScenarios<{ name: string; steps: ({ op: string } & Record<string, unknown>)[] }>(
  'proxy_scenarios.json',
);
const ports: Record<string, number> = {};

jest.setTimeout(120000);

beforeAll(async () => {
  addNonLoopbackAddress();
  const servers: Record<string, Promise<ProxyServer>> = {
    dante: startDante(),
    danteAuth: startDante({ auth: true }),
    microsocks: startMicrosocks(),
    microsocksAuth: startMicrosocks({ user: 'muser', password: 'mpass' }),
    tinyproxy: startTinyproxy(),
    tinyproxyAuth: startTinyproxy({ user: 'tuser', password: 'tpass' }),
    // The squid scenarios name these users and passwords.
    squidBasic: startSquid('basic', { user: 'sbasic', password: 'squid-basic-secret' }),
    squidDigest: startSquid('digest', { user: 'sdigest', password: 'squid-digest-secret' }),
    squidNtlm: startSquid('ntlm'),
    squidNtlmMended: startSquid('ntlm-mended'),
  };
  for (const [name, server] of Object.entries(servers)) ports[name] = (await server).port;
  expect(DANTE_USER).toBe('qtnproxy'); // the scenarios name dante's system user and password
  expect(DANTE_PASSWORD).toBe('qtnproxy-secret');
});

afterAll(() => stopAllProxies());

test('there are at least 20 proxy scenarios, through every kind of proxy', () => {
  expect(scenarios.length).toBeGreaterThanOrEqual(20);
  const used = new Set(scenarios.flatMap((s) => s.steps.map((st) => st.port)));
  const kinds = ['dante', 'danteAuth', 'microsocks', 'microsocksAuth', 'tinyproxy', 'tinyproxyAuth'];
  const squids = ['squidBasic', 'squidDigest', 'squidNtlm', 'squidNtlmMended'];
  for (const name of [...kinds, ...squids]) expect(used).toContain(name);
  expect(scenarios.filter((s) => s.name.startsWith('squid')).length).toBeGreaterThanOrEqual(10);
});

test.each(scenarios.map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
  const [ours, pyqt] = runBothSides('tcp_runner', scenario, ports);
  expect(ours).toEqual(pyqt);
  expect(JSON.stringify(ours)).not.toMatch(/secret|mpass|tpass/); // traces never hold a password
});
