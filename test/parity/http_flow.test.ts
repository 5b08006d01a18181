// QNetworkReply flow-control parity: each scenario sets readBufferSize on a GET and reads the body
// its way (in pieces, after a pause) with PyQt6's QNetworkAccessManager and with ours, each in a
// fresh process (test/fixtures/parity/http_runner.{py,js}), against a bulk origin of the test's own
// (test/fixtures/parity/flow_origin.js); the traces must match: the signals in order,
// readBufferSize() before and after, how many readyReads found more than the size held while the
// reply ran, what was held after a pause, and the body's length and SHA-256.
// The origin sends each body 100 ms after its headers (&after=100): Qt 6.4 hands a readBufferSize
// set right after get() to its HTTP thread by a queued signal, and a body that came before it came
// unlimited (under load, 5 of 80 PyQt6 runs held 64 KiB to 2.4 MiB at their first readyRead, and
// a reader of 64 KiB per readyRead then waited for one that never came); none of 140 with it.
import { loadScenarios, runBothSides, startFixtureServer, type Scenario } from '../helpers';

const scenarios = loadScenarios<Scenario & Record<string, unknown>>('http_flow_scenarios.json');
let origin: { port: number; stop(): void };

beforeAll(async () => {
  origin = await startFixtureServer('flow_origin.js');
});

afterAll(() => origin.stop());

interface Trace {
  final?: { body: [number, string]; error: number };
  timedOut?: boolean;
  overSize: number;
  afterPause?: [boolean, boolean];
}

test('there are at least 6 flow scenarios', () => {
  expect(scenarios.length).toBeGreaterThanOrEqual(6);
});

test.each(scenarios.map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
  const [ours, pyqt] = runBothSides('http_runner', scenario, { origin: origin.port });
  expect(ours).toEqual(pyqt);
  // Not vacuous: the request ran to its end, and a /bytes body came whole, within the size.
  const t = pyqt as Trace;
  expect(t.timedOut).toBeUndefined();
  expect(t.final).toBeDefined();
  const n = /\/bytes\?n=(\d+)/.exec(scenario.path as string);
  if (n) expect(t.final!.body[0]).toBe(Number(n[1]));
  expect(t.overSize).toBe(0);
  if ('pauseMs' in scenario) expect(t.afterPause).toEqual([true, false]);
});
