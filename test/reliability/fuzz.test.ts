// Fuzzed API: seeded random calls on every exported class (test/fixtures/reliability/fuzz_child.js),
// each run in a child process so that a crash shows as its signal and a hang as its timeout. Every
// call must return or throw TypeError/RangeError (an AbortError for an aborted signal, the test
// factory's own error from its queryProxy); a Symbol as the first argument is never accepted; no
// password shows in an error, inspect output or JSON. The seed is printed: FUZZ_SEED=n reruns it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CHILD = path.join(__dirname, '..', 'fixtures', 'reliability', 'fuzz_child.js');
const CALLS = 20000;
const TIMEOUT_MS = 120000;

interface Summary {
  seed: number;
  calls: number;
  returned: number;
  threw: Record<string, number>;
  promises: number;
  settled: number;
  slowestMs: number;
  slowest: string;
  acceptedSymbol: string[];
  methodCount: number;
  covered: number;
  sweptUp: number;
  enumCount: number;
  failures: string[];
}

function fuzz(seed: number): Summary {
  const start = Date.now();
  // A directory of its own: QNetworkDiskCache.setCacheDirectory('localhost') makes one where it runs.
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'qtn-fuzz-'));
  const r = spawnSync(process.execPath, ['--no-warnings', CHILD], {
    cwd,
    env: {
      ...process.env,
      QTN_DIST: path.join(__dirname, '..', '..', 'dist'),
      FUZZ_SEED: String(seed),
      FUZZ_CALLS: String(CALLS),
    },
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    maxBuffer: 16 << 20,
  });
  const ms = Date.now() - start;
  fs.rmSync(cwd, { recursive: true, force: true });
  // Printed so a failing seed can be rerun: FUZZ_SEED=<seed> node test/fixtures/reliability/fuzz_child.js
  console.log(`fuzz seed ${seed}: exit ${r.status} signal ${r.signal} in ${ms} ms; ${r.stdout.trim().slice(0, 600)}`);
  const verdict = r.signal
    ? `seed ${seed}: died of ${r.signal}${r.error ? ` (${r.error.message})` : ''}`
    : r.status !== 0
      ? `seed ${seed}: exit ${r.status}`
      : 'ok';
  expect(`${verdict}${verdict === 'ok' ? '' : `\n${r.stderr.slice(-4000)}`}`).toBe('ok');
  return JSON.parse(r.stdout) as Summary;
}

function check(s: Summary): void {
  expect({ seed: s.seed, failures: s.failures }).toEqual({ seed: s.seed, failures: [] });
  expect({ seed: s.seed, acceptedSymbol: s.acceptedSymbol }).toEqual({ seed: s.seed, acceptedSymbol: [] });
  expect(s.calls).toBeGreaterThanOrEqual(10000);
  // Only the allowed kinds were thrown (the child lists any other as a failure, this is the tally).
  for (const kind of Object.keys(s.threw))
    expect(['TypeError', 'RangeError', 'FuzzFactoryError', 'AbortError', 'DeletedManager']).toContain(kind);
  // Both outcomes happen: a fuzzer whose calls all throw would test only the checks.
  expect(s.returned).toBeGreaterThan(s.calls / 5);
  expect(s.threw.TypeError).toBeGreaterThan(s.calls / 5);
  // Reflection found every method, and the run reached each of them: the random draws nearly all,
  // the sweep at the end the few they missed.
  expect(s.methodCount).toBeGreaterThan(300);
  expect(s.covered).toBe(s.methodCount);
  expect(s.sweptUp).toBeLessThan(s.methodCount / 20);
  expect(s.enumCount).toBeGreaterThanOrEqual(15);
  expect(s.promises).toBeGreaterThan(0);
  expect(s.slowestMs).toBeLessThan(5000);
}

jest.setTimeout(2 * TIMEOUT_MS + 10000);

test('a fixed seed (1): the same calls on every run', () => {
  check(fuzz(1));
});

test('a fresh seed each run (printed; FUZZ_SEED=n to choose it)', () => {
  const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : (Date.now() ^ (process.pid << 8)) >>> 0;
  check(fuzz(seed));
});
