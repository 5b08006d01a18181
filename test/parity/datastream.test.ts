// QDataStream parity: test/fixtures/parity/datastream_scenarios.json runs live in PyQt6
// (/usr/bin/python3) and in qtnetwork, each side in one fresh process per phase
// (datastream_runner.{py,js}). Writes: the bytes and the status after each step must be equal.
// Reads, crossed: qtnetwork reads what PyQt6 wrote and PyQt6 reads what qtnetwork wrote, whole and
// cut short (half, and all but the last byte), and the hand-made inputs (corrupt, truncated,
// transactions): every value read, the status after each step and atEnd must be equal.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { loadScenarios } from '../helpers';

type Step = [string, ...unknown[]];
type DsScenario = { name: string; steps: { op: string }[]; w?: Step[]; r?: Step[]; input?: string };
type Written = Record<string, { hex: string; steps: unknown[] }>;
type Read = Record<string, unknown[]>;

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'parity');
const scenarios = loadScenarios<DsScenario>('datastream_scenarios.json');

function run<T>(side: 'ours' | 'pyqt', request: object): T {
  const [cmd, script] =
    side === 'pyqt' ? ['/usr/bin/python3', 'datastream_runner.py'] : [process.execPath, 'datastream_runner.js'];
  const out = execFileSync(cmd, [path.join(FIXTURES, script)], {
    input: JSON.stringify(request),
    encoding: 'utf8',
    timeout: 60000,
    // Qt's and our warnings (no transaction in progress, a type with no value) are expected here.
    stdio: ['pipe', 'pipe', 'ignore'],
    env: { ...process.env, QTN_DIST: path.join(__dirname, '..', '..', 'dist') },
  });
  return JSON.parse(out) as T;
}

/** What each scenario reads: its own input, or the bytes written, whole and cut short. */
function inputs(written: Written): Record<string, string[]> {
  return Object.fromEntries(
    scenarios.map((s) => {
      if (s.input !== undefined) return [s.name, [s.input]];
      const hex = written[s.name].hex;
      const n = hex.length / 2;
      return [s.name, [hex, hex.slice(0, 2 * Math.floor(n / 2)), hex.slice(0, 2 * (n - 1))]];
    }),
  );
}

let ours: Written;
let pyqt: Written;
let oursRead: Read;
let pyqtRead: Read;

beforeAll(() => {
  ours = run<Written>('ours', { mode: 'write', scenarios });
  pyqt = run<Written>('pyqt', { mode: 'write', scenarios });
  oursRead = run<Read>('ours', { mode: 'read', scenarios, inputs: inputs(pyqt) });
  pyqtRead = run<Read>('pyqt', { mode: 'read', scenarios, inputs: inputs(ours) });
}, 120000);

test('there are at least 25 scenarios, writing and reading', () => {
  expect(scenarios.length).toBeGreaterThanOrEqual(25);
  expect(scenarios.filter((s) => s.w).length).toBeGreaterThanOrEqual(20);
  expect(scenarios.filter((s) => s.input !== undefined).length).toBeGreaterThanOrEqual(8);
});

const writers = scenarios.filter((s) => s.w);

test.each(writers.map((s) => [s.name] as const))('write: %s', (name) => {
  expect(pyqt[name].hex.length).toBeGreaterThan(0);
  expect(ours[name]).toEqual(pyqt[name]);
});

test.each(scenarios.map((s) => [s.name] as const))('read: %s', (name) => {
  expect(oursRead[name].length).toBeGreaterThan(0);
  expect(oursRead[name]).toEqual(pyqtRead[name]);
});

test('cut-short inputs do reach ReadPastEnd (the truncation is exercised)', () => {
  const pastEnd = writers.filter((s) =>
    (oursRead[s.name][2] as { steps: { st: number }[] }).steps.some((step) => step.st === 1),
  );
  expect(pastEnd.length).toBe(writers.filter((s) => pyqt[s.name].hex.length > 0).length);
});
