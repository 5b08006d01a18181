// QLocalSocket/QLocalServer parity: each scenario runs live in PyQt6 (/usr/bin/python3) and in
// qtnetwork, each in a fresh process with a TMPDIR of its own (Qt resolves a plain server name
// under it), so that no two runs, and no other process, ever share a socket name. The traces must
// match: signals per object in order with their arguments, what each call returned and the object's
// state after it, every object's final state, error, errorString, names and options, and what is on
// disk (the socket files and their modes); under the loop runtime also the signals that ran inside
// each call (helpers.ts comparableTraces).
// The cross-process scenarios put a PyQt6 process (test/fixtures/parity/local_peer.py) at the other
// end: a PyQt6 server serving our socket, our server serving a PyQt6 socket, the single-instance
// pattern, a peer killed by its pid. Both sides run against the same PyQt6 peer, so our end is
// compared with PyQt6 playing the same role, and the peer's own trace must match too.
import fs from 'node:fs';
import path from 'node:path';
import { loadScenarios, makeTempDir, runBothSides, Scenario } from '../helpers';

const scenarios = loadScenarios('local_scenarios.json');
const cross = loadScenarios('local_cross_scenarios.json');

function compare(scenario: Scenario): void {
  const tmp = makeTempDir('local');
  try {
    const sides = { ours: path.join(tmp.dir, 'ours'), pyqt: path.join(tmp.dir, 'pyqt') };
    fs.mkdirSync(sides.ours);
    fs.mkdirSync(sides.pyqt);
    const [ours, pyqt] = runBothSides('local_runner', scenario, {}, (side) => ({ TMPDIR: sides[side] }));
    expect(ours).toEqual(pyqt);
  } finally {
    tmp.remove();
  }
}

test('there are at least 12 local socket scenarios and 4 cross-process ones', () => {
  expect(scenarios.length).toBeGreaterThanOrEqual(12);
  expect(cross.length).toBeGreaterThanOrEqual(4);
});

test.each(scenarios.map((s) => [s.name, s] as const))('%s', (_name, scenario) => compare(scenario));

describe('cross-process', () => {
  test.each(cross.map((s) => [s.name, s] as const))('%s', (_name, scenario) => compare(scenario));
});
