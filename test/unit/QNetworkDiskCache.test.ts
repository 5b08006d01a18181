// QNetworkDiskCache against PyQt6, live (value_calls.py runs the same calls on a cache Python made):
// its settings, its answers with no entry, and what prepare() refuses; the entries a manager
// stores and reads are test/parity/http_cache.test.ts's. Then the manager's setCache/cache.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { QAbstractNetworkCache, QNetworkAccessManager, QNetworkCookieJar, QNetworkDiskCache } from '../../lib';
import { describeParity, resultsOf, type Arg, type Scenario } from '../fixtures/parity/value_calls';

const dir = path.join(os.tmpdir(), `qtn-disk-cache-${process.pid}`);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const hex = (s: string): Arg => ({ bytes: Buffer.from(s, 'latin1').toString('hex') });
const o = (name: string): Arg => ({ obj: name });
const URL_A: Arg = { qurl: 'http://example.com/a' };
// A cache `c` and three metadata: `none` (invalid), `md` (a URL and a Content-Length of 1000),
// `nosave` (the same, saveToDisk false); then the calls.
const withCache = (...calls: [string, string, ...Arg[]][]): Scenario => ({
  objects: { c: ['QNetworkDiskCache'], none: ['QNetworkCacheMetaData'], md: ['QNetworkCacheMetaData'] },
  calls: [
    ['md', 'setUrl', URL_A],
    ['md', 'setRawHeaders', { tuples: [[hex('Content-Length'), hex('1000')]] }],
    ...calls,
  ],
});

const cases: Record<string, Scenario[]> = {
  empty: [
    withCache(
      ['c', 'cacheDirectory'],
      ['c', 'maximumCacheSize'],
      ['c', 'cacheSize'],
      ['c', 'metaData', URL_A],
      ['c', 'data', URL_A],
      ['c', 'remove', URL_A],
      ['c', 'fileMetaData', '/nonexistent/file.d'],
      ['c', 'updateMetaData', o('md')],
      ['c', 'clear'],
      ['c', 'cacheSize'],
    ),
  ],
  settings: [
    withCache(
      ['c', 'setMaximumCacheSize', 1234],
      ['c', 'maximumCacheSize'],
      ['c', 'setMaximumCacheSize', -5],
      ['c', 'maximumCacheSize'],
      ['c', 'setMaximumCacheSize', 2 ** 40],
      ['c', 'maximumCacheSize'],
      ['c', 'setCacheDirectory', dir],
      ['c', 'cacheDirectory'],
      ['c', 'expire'],
      ['c', 'setCacheDirectory', `${dir}/sub/../other`],
      ['c', 'cacheDirectory'],
    ),
  ],
  refused: [
    // prepare() answers None (null) for each: no directory, invalid metadata, saveToDisk false,
    // a Content-Length above 3/4 of the maximum.
    withCache(
      ['c', 'prepare', o('md')],
      ['c', 'setCacheDirectory', dir],
      ['c', 'prepare', o('none')],
      ['md', 'setSaveToDisk', false],
      ['c', 'prepare', o('md')],
      ['md', 'setSaveToDisk', true],
      ['c', 'setMaximumCacheSize', 1000],
      ['c', 'prepare', o('md')],
      ['c', 'cacheSize'],
    ),
  ],
  bad: [
    withCache(
      ['c', 'setMaximumCacheSize', 'big'],
      ['c', 'setCacheDirectory', 1],
      ['c', 'prepare', 'md'],
      ['c', 'metaData', 5],
      ['c', 'insert', 'device'],
      ['c', 'maximumCacheSize'],
    ),
  ],
};

describeParity(cases, (answered) => {
  expect(resultsOf(answered, 'empty').length).toBe(12); // with withCache's two
  // Qt's answers are there, not blanks: the default maximum and the directory as Qt keeps it.
  expect(resultsOf(answered, 'settings')).toContain(1234);
  expect(resultsOf(answered, 'settings')).toContain(`${dir}/`);
  expect(resultsOf(answered, 'refused').filter((r) => r === null).length).toBeGreaterThanOrEqual(4);
  expect(resultsOf(answered, 'bad').filter((r) => (r as { raises?: string })?.raises === 'TypeError').length).toBe(5);
});

describe('the manager and its cache', () => {
  test('setCache/cache: the cache set, or null; a cache unset stays usable', () => {
    const nam = new QNetworkAccessManager();
    const c = new QNetworkDiskCache();
    expect(c).toBeInstanceOf(QAbstractNetworkCache);
    expect(nam.cache()).toBeNull();
    nam.setCache(c);
    expect(nam.cache()).toBe(c);
    nam.setCache(null);
    expect(nam.cache()).toBeNull();
    c.setMaximumCacheSize(4321); // PyQt6 deleted it with setCache(None); ours is still there
    expect(c.maximumCacheSize()).toBe(4321);
    nam.deleteLater();
    c.deleteLater();
  });

  test("a freed cache is no longer the manager's, and cannot be set", async () => {
    const nam = new QNetworkAccessManager();
    const c = new QNetworkDiskCache();
    nam.setCache(c);
    const gone = new Promise((resolve) => c.destroyed.connect(resolve));
    c.deleteLater();
    await gone;
    expect(nam.cache()).toBeNull();
    expect(() => nam.setCache(c)).toThrow(/QNetworkAccessManager.setCache: the QNetworkDiskCache was deleted/);
    expect(c.cacheSize()).toBe(0);
    nam.deleteLater();
  });

  test('bad arguments are TypeErrors naming the method and the argument', () => {
    const nam = new QNetworkAccessManager();
    const bad = nam as unknown as { setCache(c: unknown): void };
    expect(() => bad.setCache(new QNetworkCookieJar())).toThrow(
      /QNetworkAccessManager.setCache: argument 'cache' must be a QNetworkDiskCache or null/,
    );
    expect(() => bad.setCache(undefined)).toThrow(TypeError);
    class MyCache extends QAbstractNetworkCache {
      cacheSize = () => 0;
      clear = () => undefined;
      data = () => null;
      insert = () => undefined;
      metaData = () => new QNetworkDiskCache().metaData('http://x/');
      prepare = () => null;
      remove = () => false;
      updateMetaData = () => undefined;
    }
    expect(() => bad.setCache(new MyCache())).toThrow(/a JS subclass of QAbstractNetworkCache is not supported/);
    nam.deleteLater();
  });
});
