// UDP parity: each scenario runs live in PyQt6 (/usr/bin/python3) and in qtnetwork, each in a fresh
// process; the traces must match: signals per socket in order, what each call returned and the
// socket's state after it, and every socket's final state, error and errorString.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { enableLoopbackMulticast } from '../helpers';

type Scenario = { name: string; steps: { op: string }[] };
const fixtures = path.join(__dirname, '..', 'fixtures', 'parity');
const scenarios: Scenario[] = JSON.parse(fs.readFileSync(path.join(fixtures, 'udp_scenarios.json'), 'utf8'));

function run(cmd: string, script: string, scenario: Scenario): unknown {
  const out = execFileSync(cmd, [path.join(fixtures, script)], {
    input: JSON.stringify(scenario),
    encoding: 'utf8',
    timeout: 60000,
    env: { ...process.env, QTN_DIST: path.join(__dirname, '..', '..', 'dist') },
  });
  return JSON.parse(out);
}

beforeAll(() => enableLoopbackMulticast());

test('there are at least 8 UDP scenarios', () => {
  expect(scenarios.length).toBeGreaterThanOrEqual(8);
});

test.each(scenarios.map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
  const pyqt = run('/usr/bin/python3', 'udp_runner.py', scenario);
  const ours = run(process.execPath, 'udp_runner.js', scenario);
  expect(ours).toEqual(pyqt);
});
