// TCP parity: each scenario runs live in PyQt6 (/usr/bin/python3) and in qtnetwork, each in a fresh
// process; the traces must match: signals per object in order with their arguments, what each call
// returned and the socket's state after it, and every object's final state, error and errorString.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

type Scenario = { name: string; steps: { op: string }[] };
const fixtures = path.join(__dirname, '..', 'fixtures', 'parity');
const scenarios: Scenario[] = JSON.parse(fs.readFileSync(path.join(fixtures, 'tcp_scenarios.json'), 'utf8'));

function run(cmd: string, script: string, scenario: Scenario): unknown {
  const out = execFileSync(cmd, [path.join(fixtures, script)], {
    input: JSON.stringify(scenario),
    encoding: 'utf8',
    timeout: 60000,
    env: { ...process.env, QTN_DIST: path.join(__dirname, '..', '..', 'dist') },
  });
  return JSON.parse(out);
}

test('there are at least 15 TCP scenarios', () => {
  expect(scenarios.length).toBeGreaterThanOrEqual(15);
});

test.each(scenarios.map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
  const pyqt = run('/usr/bin/python3', 'tcp_runner.py', scenario);
  const ours = run(process.execPath, 'tcp_runner.js', scenario);
  expect(ours).toEqual(pyqt);
});
