// Proxy parity: each scenario runs live in PyQt6 and in qtnetwork, through the same real proxies
// (dante, microsocks, tinyproxy) started here; the traces must match (see tcp.test.ts).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DANTE_PASSWORD, DANTE_USER, ProxyServer, startDante, startMicrosocks, startTinyproxy, stopAllProxies } from '../proxies';
import { addNonLoopbackAddress } from '../helpers';

type Scenario = { name: string; steps: Record<string, unknown>[] };
const fixtures = path.join(__dirname, '..', 'fixtures', 'parity');
const scenarios: Scenario[] = JSON.parse(fs.readFileSync(path.join(fixtures, 'proxy_scenarios.json'), 'utf8'));
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
  };
  for (const [name, server] of Object.entries(servers)) ports[name] = (await server).port;
  expect(DANTE_USER).toBe('qtnproxy'); // the scenarios name dante's system user and password
  expect(DANTE_PASSWORD).toBe('qtnproxy-secret');
});

afterAll(() => stopAllProxies());

function run(cmd: string, script: string, scenario: Scenario): unknown {
  const out = execFileSync(cmd, [path.join(fixtures, script)], {
    input: JSON.stringify(scenario),
    encoding: 'utf8',
    timeout: 60000,
    env: { ...process.env, QTN_DIST: path.join(__dirname, '..', '..', 'dist'), QTN_PORTS: JSON.stringify(ports) },
  });
  return JSON.parse(out);
}

test('there are at least 20 proxy scenarios, through every kind of proxy', () => {
  expect(scenarios.length).toBeGreaterThanOrEqual(20);
  const used = new Set(scenarios.flatMap((s) => s.steps.map((st) => st.port)));
  for (const name of ['dante', 'danteAuth', 'microsocks', 'microsocksAuth', 'tinyproxy', 'tinyproxyAuth']) expect(used).toContain(name);
});

test.each(scenarios.map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
  const pyqt = run('/usr/bin/python3', 'tcp_runner.py', scenario);
  const ours = run(process.execPath, 'tcp_runner.js', scenario);
  expect(ours).toEqual(pyqt);
  expect(JSON.stringify(ours)).not.toMatch(/secret|mpass|tpass/); // traces never hold a password
});
