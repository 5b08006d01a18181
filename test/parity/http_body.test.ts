// HTTP request bodies beyond bytes (issue 18): QHttpMultiPart/QHttpPart and QBuffer bodies, each
// scenario posted with PyQt6 (/usr/bin/python3) and with ours, each in a fresh process, to the test's
// origin (test/fixtures/parity/http_origin.js), whose /body route answers what it received: the
// method, Content-Type (Qt's random boundary normalised), Content-Length, the body's length, hash
// and text. The runners are the HTTP parity runners (test/fixtures/parity/http_runner.{js,py}).
import { loadScenarios, runBothSides, startFixtureServer, type Scenario } from '../helpers';

const scenarios = loadScenarios<Scenario & Record<string, unknown>>('http_body_scenarios.json');
let origin: { port: number; stop(): void };

beforeAll(async () => {
  origin = await startFixtureServer('http_origin.js');
});

afterAll(() => origin.stop());

test('there are at least 8 body scenarios, multipart and QBuffer ones', () => {
  expect(scenarios.length).toBeGreaterThanOrEqual(8);
  expect(scenarios.filter((s) => 'multipart' in s).length).toBeGreaterThanOrEqual(5);
  expect(scenarios.filter((s) => 'device' in s).length).toBeGreaterThanOrEqual(3);
});

type Trace = {
  timedOut?: boolean;
  boundary?: string;
  uploadMidway?: boolean;
  uploadComplete?: number;
  final?: { error: number; body: string };
};

test.each(scenarios.map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
  const [ours, pyqt] = runBothSides('http_runner', scenario, { origin: origin.port }) as [Trace, Trace];
  expect(ours).toEqual(pyqt);
  // Not vacuous: the request ran to its end, and unless Qt refused the body the origin got it.
  expect(pyqt.timedOut).toBeUndefined();
  expect(pyqt.final).toBeDefined();
  if (pyqt.final!.error !== 0) return;
  const seen = JSON.parse(pyqt.final!.body) as { method: string; length: number; contentType: string | null };
  expect(seen.method).toBe(scenario.op === 'custom' ? scenario.verb : String(scenario.op).toUpperCase());
  if ('multipart' in scenario) expect(seen.contentType).toMatch(/^multipart\//);
  const device = scenario.device as { fill?: number; pos?: number } | undefined;
  if (device?.fill) expect(seen.length).toBe(device.fill - (device.pos ?? 0)); // the whole rest of the buffer
  if (scenario.progress) {
    // Several MiB: Qt reported progress on the way and at the end (then, as it does, (0, 0)).
    expect(seen.length).toBeGreaterThan(3 * 2 ** 20);
    expect(pyqt.uploadMidway).toBe(true);
    expect(pyqt.uploadComplete).toBe(seen.length);
  }
});
