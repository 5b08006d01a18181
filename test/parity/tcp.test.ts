// TCP parity: each scenario runs live in PyQt6 (/usr/bin/python3) and in qtnetwork, each in a fresh
// process; the traces must match: signals per object in order with their arguments, what each call
// returned and the socket's state after it, and every object's final state, error and errorString;
// under the loop runtime also the signals that ran inside each call (helpers.ts comparableTraces).
import { loadScenarios, runBothSides } from '../helpers';

const scenarios = loadScenarios('tcp_scenarios.json');

test('there are at least 15 TCP scenarios', () => {
  expect(scenarios.length).toBeGreaterThanOrEqual(15);
});

test.each(scenarios.map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
  const [ours, pyqt] = runBothSides('tcp_runner', scenario);
  expect(ours).toEqual(pyqt);
});
