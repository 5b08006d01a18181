// HTTP cache parity: each scenario gives the manager a QNetworkDiskCache in a directory of its
// run's, fetches the "before" paths, runs cache steps (metaData, remove, clear, prepare/insert...),
// makes the request with the scenario's CacheLoadControl / CacheSaveControl attributes, runs more
// steps, and asks the origin which requests of the run reached it (test/fixtures/parity/http_origin.js
// logs them with their validators): PyQt6's trace and ours must match (test/fixtures/parity/http_runner.py).
import { loadScenarios, runBothSides, startFixtureServer, type Scenario } from '../helpers';
import {
  QAbstractNetworkCache,
  QNetworkAccessManager,
  QNetworkCacheMetaData,
  QNetworkCookieJar,
  QNetworkDiskCache,
} from '../../lib';

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

afterAll(() => origin.stop());

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

describe('QNetworkDiskCache values and arguments', () => {
  test('defaults and setters answer as Qt does', () => {
    const c = new QNetworkDiskCache();
    expect([c.cacheDirectory(), c.maximumCacheSize(), c.cacheSize()]).toEqual(['', 52428800, 0]);
    c.setMaximumCacheSize(1234);
    expect(c.maximumCacheSize()).toBe(1234);
    expect(c.metaData('http://example.com/').isValid()).toBe(false);
    expect(c.data('http://example.com/')).toBeNull();
    // No directory: Qt refuses to prepare an entry.
    const md = new QNetworkCacheMetaData();
    md.setUrl('http://example.com/');
    expect(c.prepare(md)).toBeNull();
    expect(c).toBeInstanceOf(QAbstractNetworkCache);
    c.deleteLater();
  });

  test('bad arguments are TypeErrors naming the method and the argument', () => {
    const c = new QNetworkDiskCache();
    const bad = c as unknown as Record<string, (...a: unknown[]) => unknown>;
    expect(() => bad.setCacheDirectory(1)).toThrow(/QNetworkDiskCache.setCacheDirectory: argument 'cacheDir'/);
    expect(() => bad.setMaximumCacheSize('big')).toThrow(/QNetworkDiskCache.setMaximumCacheSize: argument 'size'/);
    expect(() => bad.prepare({})).toThrow(/QNetworkDiskCache.prepare: argument 'metaData'/);
    expect(() => bad.insert('x')).toThrow(/QNetworkDiskCache.insert: argument 'device'/);
    expect(() => bad.metaData(5)).toThrow(TypeError);
    const nam = new QNetworkAccessManager();
    expect(() => nam.setCache(new QNetworkCookieJar() as never)).toThrow(
      /QNetworkAccessManager.setCache: argument 'cache' must be a QNetworkDiskCache or null/,
    );
    expect(nam.cache()).toBeNull();
    nam.setCache(c);
    expect(nam.cache()).toBe(c);
    nam.setCache(null);
    expect(nam.cache()).toBeNull();
    // Unlike PyQt6 (which deletes it), the cache unset is still usable.
    expect(c.maximumCacheSize()).toBe(52428800);
    nam.deleteLater();
    c.deleteLater();
  });
});
