// HTTP cache parity: each scenario gives the manager a QNetworkDiskCache in a directory of its
// run's, fetches the "before" paths, runs cache steps (metaData, remove, clear, prepare/insert...),
// makes the request with the scenario's CacheLoadControl / CacheSaveControl attributes, runs more
// steps, and asks the origin which requests of the run reached it (test/fixtures/parity/http_origin.js
// logs them with their validators): PyQt6's trace and ours must match (test/fixtures/parity/http_runner.py).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { QNetworkAccessManager, QNetworkDiskCache, QNetworkProxy, QNetworkReply, QNetworkRequest } from '../../lib';
import { loadScenarios, runBothSides, startFixtureServer, type Scenario } from '../helpers';

type Trace = {
  final?: { error: number; fromCache: boolean | null };
  originLog?: string[] | number;
  jarBefore: [number, ...unknown[]][];
  timedOut?: boolean;
};
const scenarios = loadScenarios<Scenario & Record<string, unknown>>('http_cache_scenarios.json');
let origin: { port: number; stop(): void };

beforeAll(async () => {
  origin = await startFixtureServer('http_origin.js');
});

const cleanups: (() => void)[] = [];
afterAll(() => {
  origin.stop();
  for (const c of cleanups) c();
});

test('there are at least 8 cache scenarios, some answered from the cache and some from the network', () => {
  expect(scenarios.length).toBeGreaterThanOrEqual(8);
  expect(scenarios.filter((s) => 'cacheLoad' in s).length).toBeGreaterThanOrEqual(4);
});

test.each(scenarios.map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
  const [ours, pyqt] = runBothSides('http_runner', scenario, { origin: origin.port }) as [Trace, Trace];
  expect(ours).toEqual(pyqt);
  // Not vacuous: the request ran to its end, the origin answered the log, every "before" request
  // succeeded, and the origin saw each run's requests (not another run's).
  expect(pyqt.timedOut).toBeUndefined();
  expect(pyqt.final).toBeDefined();
  expect(Array.isArray(pyqt.originLog)).toBe(true);
  expect(pyqt.jarBefore.map(([error]) => error)).toEqual(pyqt.jarBefore.map(() => 0));
  expect((pyqt.originLog as string[]).length).toBeLessThanOrEqual(pyqt.jarBefore.length + 1);
});

// What the scenarios show, stated once so that a change on both sides cannot pass unnoticed.
test('the cache is used: a fresh hit reaches no origin, a revalidation sends the ETag', () => {
  const byName = (start: string) => scenarios.find((s) => s.name.startsWith(start))!;
  const [fresh] = runBothSides('http_runner', byName('max-age'), { origin: origin.port }) as [Trace, Trace];
  expect(fresh.final!.fromCache).toBe(true);
  expect(fresh.originLog).toHaveLength(1);
  const [etag] = runBothSides('http_runner', byName('ETag'), { origin: origin.port }) as [Trace, Trace];
  expect(etag.final!.fromCache).toBe(true);
  expect((etag.originLog as string[])[1]).toMatch(/^GET \/cache\/etag "v1" /);
});

// Not PyQt6's (its manager then keeps a dangling pointer): a cache freed while a reply writes an
// entry to it. The reply ends as usual and its entry is stored (the manager's link to the cache
// kept it for that); the manager then has no cache and goes on without one.
test('a cache freed while a reply is being stored: the reply finishes, the entry is written', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qtn-cache-freed-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const nam = new QNetworkAccessManager();
  nam.setProxy(new QNetworkProxy(QNetworkProxy.ProxyType.NoProxy));
  const cache = new QNetworkDiskCache();
  cache.setCacheDirectory(dir);
  nam.setCache(cache);
  const finished = (r: QNetworkReply): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no finished in 10 s')), 10000);
      r.finished.connect(() => {
        clearTimeout(timer);
        resolve(r.readAll());
      });
    });
  const reply = nam.get(new QNetworkRequest(`http://127.0.0.1:${origin.port}/chunks`));
  const freed = new Promise((resolve) => cache.destroyed.connect(resolve));
  let body = Buffer.alloc(0);
  reply.readyRead.connect(() => {
    body = Buffer.concat([body, reply.readAll()]);
    cache.deleteLater();
  });
  const rest = await finished(reply);
  body = Buffer.concat([body, rest]);
  await freed;
  expect([reply.error(), body.toString()]).toEqual([0, 'first,second,third']);
  const files = (d: string): string[] =>
    fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(`${d}/${e.name}`) : [e.name]));
  expect(files(dir).filter((f) => f.endsWith('.d'))).toHaveLength(1);
  expect(nam.cache()).toBeNull();
  const next = nam.get(new QNetworkRequest(`http://127.0.0.1:${origin.port}/text`));
  expect((await finished(next)).toString()).toBe('hello world');
  nam.deleteLater();
});
