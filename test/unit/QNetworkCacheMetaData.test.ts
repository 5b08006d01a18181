// QNetworkCacheMetaData against PyQt6, live: the same calls, the same answers (validity, dates,
// raw headers as pairs, attributes as PyQt6's dict, ==). test/fixtures/parity/value_calls.py
// computes PyQt6's side.
import { inspect } from 'node:util';
import { QNetworkCacheMetaData, QNetworkRequest, QUrl } from '../../lib';
import { describeParity, resultsOf, type Arg, type Scenario } from '../fixtures/parity/value_calls';

const b = (s: string): Arg => ({ bytes: Buffer.from(s, 'latin1').toString('hex') });
const A = QNetworkRequest.Attribute;
const WHEN = Date.UTC(2020, 1, 29, 12, 0, 0, 5);
const one = (...calls: [string, ...Arg[]][]): Scenario => ({
  objects: { a: ['QNetworkCacheMetaData'] },
  calls: calls.map(([m, ...args]) => ['a', m, ...args]),
});
const pair = (aCalls: [string, ...Arg[]][], bCalls: [string, ...Arg[]][]): Scenario => ({
  objects: { a: ['QNetworkCacheMetaData'], b: ['QNetworkCacheMetaData'] },
  calls: [
    ...aCalls.map(([m, ...args]): [string, string, ...Arg[]] => ['a', m, ...args]),
    ...bCalls.map(([m, ...args]): [string, string, ...Arg[]] => ['b', m, ...args]),
    ['a', 'equals', { obj: 'b' }],
    ['b', 'equals', { obj: 'a' }],
  ],
});

const cases: Record<string, Scenario[]> = {
  defaults: [
    one(['isValid'], ['url'], ['rawHeaders'], ['lastModified'], ['expirationDate'], ['saveToDisk'], ['attributes']),
  ],
  url: [
    ...['http://example.com/a?b#c', '', 'not a url', 'http://[::1]:8080/', 'ftp://u:p@h/'].map((u) =>
      one(['setUrl', { qurl: u }], ['url'], ['isValid']),
    ),
  ],
  dates: [
    ...([WHEN, 0, -1, 8.64e15, -8.64e15, null, 'nan'] as (number | null | 'nan')[]).map((d) =>
      one(
        ['setLastModified', { date: d }],
        ['lastModified'],
        ['setExpirationDate', { date: d }],
        ['expirationDate'],
        ['isValid'],
      ),
    ),
    one(['setLastModified', { date: WHEN }], ['setLastModified', { date: null }], ['lastModified']),
  ],
  flags: [one(['setSaveToDisk', false], ['saveToDisk'], ['isValid'], ['setSaveToDisk', true], ['saveToDisk'])],
  headers: [
    one(['setRawHeaders', { tuples: [[b('Content-Type'), b('text/plain')]] }], ['rawHeaders'], ['isValid']),
    one(
      [
        'setRawHeaders',
        {
          tuples: [
            [b('A'), b('1')],
            [b('a'), b('2')],
            [b(''), b('')],
            [b('X'), b('\u0000\u00ff')],
          ],
        },
      ],
      ['rawHeaders'],
    ),
    one(['setRawHeaders', { tuples: [[b('A'), b('1')]] }], ['setRawHeaders', { tuples: [] }], ['rawHeaders']),
  ],
  attributes: [
    one(['setAttributes', { attrs: [] }], ['attributes'], ['isValid']),
    one(
      [
        'setAttributes',
        {
          attrs: [
            [A.HttpStatusCodeAttribute, 200],
            [A.HttpReasonPhraseAttribute, b('OK')],
            [A.SourceIsFromCacheAttribute, true],
            [A.CustomVerbAttribute, 'PATCH'],
            [A.User, { date: WHEN }],
            [A.UserMax, 2.5],
            [A.RedirectionTargetAttribute, null],
          ],
        },
      ],
      ['attributes'],
      ['isValid'],
    ),
    one(
      ['setAttributes', { attrs: [[A.HttpStatusCodeAttribute, 200]] }],
      ['setAttributes', { attrs: [[A.Http2WasUsedAttribute, false]] }],
      ['attributes'],
    ),
  ],
  equality: [
    pair([], []),
    pair([['setUrl', { qurl: 'http://a/' }]], [['setUrl', { qurl: 'http://a/' }]]),
    pair([['setUrl', { qurl: 'http://a/' }]], [['setUrl', { qurl: 'http://b/' }]]),
    pair([['setSaveToDisk', false]], []),
    pair([['setLastModified', { date: WHEN }]], [['setLastModified', { date: WHEN }]]),
    pair([['setLastModified', { date: WHEN }]], [['setLastModified', { date: WHEN + 1 }]]),
    pair([['setExpirationDate', { date: WHEN }]], []),
    pair([['setRawHeaders', { tuples: [[b('A'), b('1')]] }]], [['setRawHeaders', { tuples: [[b('a'), b('1')]] }]]),
    pair([['setAttributes', { attrs: [[A.User, 1]] }]], [['setAttributes', { attrs: [[A.User, 1]] }]]),
    pair([['setAttributes', { attrs: [[A.User, 1]] }]], [['setAttributes', { attrs: [[A.User, 2]] }]]),
  ],
  copies: [
    {
      objects: { a: ['QNetworkCacheMetaData'], b: ['QNetworkCacheMetaData'] },
      calls: [
        ['a', 'setUrl', { qurl: 'http://a/' }],
        ['a', 'setSaveToDisk', false],
        ['a', 'swap', { obj: 'b' }],
        ['a', 'isValid'],
        ['b', 'url'],
        ['b', 'saveToDisk'],
      ],
    },
    {
      objects: { a: ['QNetworkCacheMetaData'], b: ['QNetworkCacheMetaData', { obj: 'a' }] },
      calls: [
        ['a', 'setUrl', { qurl: 'http://a/' }],
        ['b', 'isValid'],
        ['a', 'equals', { obj: 'b' }],
      ],
    },
  ],
  refused: [one(['setSaveToDisk', 'yes'], ['setLastModified', 'today'], ['swap', 'x'], ['setRawHeaders', 5])],
};

describeParity(cases, (answered) => {
  const flat = JSON.stringify(answered.map(([, , a]) => a.results));
  for (const needle of [
    `{"date":${WHEN}}`,
    '"http://example.com/a?b"',
    '"map":[[0,200]',
    '"PATCH"',
    '{"bytes":"00ff"}',
  ])
    expect(flat).toContain(needle);
  const valid = resultsOf(answered, 'url');
  expect(valid).toContain(true);
  expect(valid).toContain(false);
  const eq = resultsOf(answered, 'equality');
  expect(eq.filter((v) => v === true).length).toBeGreaterThan(2);
  expect(eq.filter((v) => v === false).length).toBeGreaterThan(2);
  expect(resultsOf(answered, 'refused')).toContainEqual({ raises: 'TypeError' });
});

describe('our side', () => {
  test('setAttributes takes a Map or a plain object; attributes() is a Map by attribute', () => {
    const m = new QNetworkCacheMetaData();
    m.setAttributes({ [A.User]: 'u', [A.HttpStatusCodeAttribute]: 404 });
    expect([...m.attributes()]).toEqual([
      [A.HttpStatusCodeAttribute, 404],
      [A.User, 'u'],
    ]);
    m.setAttributes(new Map([[A.HttpReasonPhraseAttribute, Buffer.from('Not Found')]]));
    expect(m.attributes()).toEqual(new Map([[A.HttpReasonPhraseAttribute, Buffer.from('Not Found')]]));
  });

  test('setRawHeaders takes any iterable of pairs of bytes; setUrl a string or a URL too', () => {
    const m = new QNetworkCacheMetaData();
    m.setRawHeaders(new Set([['a', new Uint8Array([98])] as const]));
    expect(m.rawHeaders()).toEqual([[Buffer.from('a'), Buffer.from('b')]]);
    m.setUrl(new URL('http://x.test/p'));
    expect(m.url().equals(new QUrl('http://x.test/p'))).toBe(true);
    m.setUrl('http://y.test/');
    expect(m.url().toString()).toBe('http://y.test/');
  });

  test('bad arguments name the method, the argument and what was given', () => {
    const m = new QNetworkCacheMetaData();
    expect(() => m.setAttributes({ 99: 1 } as never)).toThrow(
      new TypeError(
        "QNetworkCacheMetaData.setAttributes: argument 'attributes' must be a QNetworkRequest.Attribute member, got number 99",
      ),
    );
    expect(() => m.setAttributes(new Map([[A.User, {} as never]]))).toThrow(
      /QNetworkCacheMetaData.setAttributes: argument 'attributes' must be a string, number, boolean, Buffer, QByteArray, valid Date or null, got Object object/,
    );
    expect(() => m.setAttributes([] as never)).toThrow(
      /argument 'attributes' must be a Map or an object.*got Array object/,
    );
    expect(() => m.setRawHeaders([['a']] as never)).toThrow(
      /QNetworkCacheMetaData.setRawHeaders: argument 'headers' must hold \[name, value\] pairs, got Array object/,
    );
    expect(() => m.setRawHeaders([['a', 1]] as never)).toThrow(
      /argument 'headers' must be a Buffer, Uint8Array, QByteArray or string, got number 1/,
    );
    expect(() => m.setRawHeaders(null as never)).toThrow(/must be an iterable of \[name, value\] pairs, got null/);
    expect(() => m.setExpirationDate('2020' as never)).toThrow(
      /QNetworkCacheMetaData.setExpirationDate: argument 'dateTime' must be a Date or null, got string "2020"/,
    );
    expect(() => m.setUrl(5 as never)).toThrow(
      /QNetworkCacheMetaData.setUrl: argument 'url' must be a QUrl or a URL, got number 5/,
    );
    expect(() => new QNetworkCacheMetaData(5 as never)).toThrow(
      /argument 'other' must be a QNetworkCacheMetaData, got number 5/,
    );
    expect(() => (m as unknown as { isValid(x: number): boolean }).isValid(1)).toThrow(/expected 0 argument/);
  });

  test('inspect shows the URL and validity', () => {
    const m = new QNetworkCacheMetaData();
    m.setUrl('http://a/');
    expect(inspect(m)).toBe("QNetworkCacheMetaData { url: 'http://a/', isValid: true }");
  });
});
