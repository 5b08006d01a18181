// UDP parity: each scenario runs live in PyQt6 (/usr/bin/python3) and in qtnetwork, each in a fresh
// process; the traces must match: signals per socket in order, what each call returned and the
// socket's state after it, and every socket's final state, error and errorString; under the loop
// runtime also the signals that ran inside each call (helpers.ts comparableTraces).
import { enableLoopbackMulticast, loadScenarios, runBothSides } from '../helpers';

const scenarios = loadScenarios('udp_scenarios.json');

beforeAll(() => enableLoopbackMulticast());

test('there are at least 8 UDP scenarios', () => {
  expect(scenarios.length).toBeGreaterThanOrEqual(8);
});

test.each(scenarios.map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
  const [ours, pyqt] = runBothSides('udp_runner', scenario);
  expect(ours).toEqual(pyqt);
});

// With no slot on bytesWritten, a bound socket's writeDatagram is sent from the JS thread; what it
// returns, what arrives and every error must still be Qt's.
test.each(scenarios.map((s) => [s.name, s] as const))('bytesWritten unwatched: %s', (_name, scenario) => {
  const [ours, pyqt] = runBothSides('udp_runner', { ...scenario, watchBytesWritten: false });
  expect(ours).toEqual(pyqt);
});
