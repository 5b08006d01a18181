// QNetworkCookieJar against PyQt6, live (value_calls.py runs the same calls on a jar Python made),
// the manager's jar (cookieJar, setCookieJar, a freed jar), and bad input.
import { QNetworkAccessManager, QNetworkCookie, QNetworkCookieJar } from '../../lib';
import { describeParity, resultsOf, type Arg, type Scenario } from '../fixtures/parity/value_calls';

const hex = (s: string): Arg => ({ bytes: Buffer.from(s, 'latin1').toString('hex') });
// A jar `j` and cookies made from Set-Cookie text (name=value, then setters by attribute), then the calls.
type Cookie = { name: string; value: string; domain?: string; path?: string; secure?: boolean; expires?: number };
const withJar = (cookies: Record<string, Cookie>, ...calls: [string, string, ...Arg[]][]): Scenario => {
  const setup: [string, string, ...Arg[]][] = [];
  for (const [n, c] of Object.entries(cookies)) {
    if (c.domain !== undefined) setup.push([n, 'setDomain', c.domain]);
    if (c.path !== undefined) setup.push([n, 'setPath', c.path]);
    if (c.secure) setup.push([n, 'setSecure', true]);
    if (c.expires !== undefined) setup.push([n, 'setExpirationDate', { date: c.expires }]);
  }
  return {
    objects: {
      j: ['QNetworkCookieJar'],
      ...Object.fromEntries(
        Object.entries(cookies).map(([n, c]) => [n, ['QNetworkCookie', hex(c.name), hex(c.value)] as const]),
      ),
    } as Scenario['objects'],
    calls: [...setup, ...calls],
  };
};
const o = (name: string): Arg => ({ obj: name });
const PAST = 86400000; // 1970-01-02
const FUTURE = 2461449600000; // 2048-01-01

const cases: Record<string, Scenario[]> = {
  edited: [
    withJar(
      {
        a: { name: 'a', value: '1', domain: 'example.com', path: '/' },
        a2: { name: 'a', value: '2', domain: 'example.com', path: '/' },
        b: { name: 'b', value: '1', domain: 'example.com', path: '/x' },
      },
      ['j', 'insertCookie', o('a')],
      ['j', 'insertCookie', o('b')],
      ['j', 'allCookies'],
      ['j', 'insertCookie', o('a2')],
      ['j', 'allCookies'],
      ['j', 'updateCookie', o('a')],
      ['j', 'deleteCookie', o('b')],
      ['j', 'deleteCookie', o('b')],
      ['j', 'updateCookie', o('b')],
      ['j', 'allCookies'],
    ),
    withJar(
      {
        old: { name: 'old', value: '1', domain: 'example.com', path: '/', expires: PAST },
        live: { name: 'live', value: '1', domain: 'example.com', path: '/', expires: FUTURE },
      },
      ['j', 'insertCookie', o('old')],
      ['j', 'insertCookie', o('live')],
      ['j', 'allCookies'],
      ['j', 'setAllCookies', [o('old'), o('live')]],
      ['j', 'allCookies'],
      ['j', 'cookiesForUrl', { qurl: 'http://example.com/' }],
    ),
  ],
  fromUrl: [
    withJar(
      {
        plain: { name: 'p', value: '1' },
        other: { name: 'o', value: '1', domain: 'other.example' },
        parent: { name: 'd', value: '1', domain: '.example.com' },
        sec: { name: 's', value: '1', secure: true },
        sub: { name: 'q', value: '1', path: '/dir/sub' },
      },
      ['j', 'validateCookie', o('other'), { qurl: 'http://www.example.com/dir/page' }],
      ['j', 'validateCookie', o('parent'), { qurl: 'http://www.example.com/dir/page' }],
      [
        'j',
        'setCookiesFromUrl',
        [o('plain'), o('other'), o('parent'), o('sec'), o('sub')],
        { qurl: 'http://www.example.com/dir/page' },
      ],
      ['j', 'allCookies'],
      ['j', 'cookiesForUrl', { qurl: 'http://www.example.com/dir/sub/x' }],
      ['j', 'cookiesForUrl', { qurl: 'https://www.example.com/dir/' }],
      ['j', 'cookiesForUrl', { qurl: 'http://api.example.com/' }],
      ['j', 'cookiesForUrl', { qurl: 'http://example.org/dir/' }],
      ['j', 'setCookiesFromUrl', [o('other')], { whatwg: 'http://www.example.com/' }],
    ),
    withJar(
      { tld: { name: 't', value: '1', domain: '.com' } },
      ['j', 'validateCookie', o('tld'), { qurl: 'http://example.com/' }],
      ['j', 'setCookiesFromUrl', [o('tld')], { qurl: 'http://example.com/' }],
      ['j', 'allCookies'],
    ),
  ],
};

describe('QNetworkCookieJar', () => {
  describeParity(cases, (answered) => {
    // Qt kept, replaced, refused and filtered cookies: the answers are not all alike (the
    // setters' nulls apart).
    for (const category of ['edited', 'fromUrl']) {
      const answers = resultsOf(answered, category).filter((r) => r !== null);
      expect(answers).toEqual(expect.arrayContaining([true, false]));
      const lists = answers.filter(Array.isArray).map((l) => l.length);
      expect(new Set(lists).size).toBeGreaterThan(1);
    }
  });

  test("the manager's jar: one object, replaced by setCookieJar, a fresh one once it is freed", async () => {
    const nam = new QNetworkAccessManager();
    const first = nam.cookieJar();
    expect(nam.cookieJar()).toBe(first);
    const c = new QNetworkCookie('k', 'v');
    c.setDomain('example.com');
    expect(first.insertCookie(c)).toBe(true);
    const mine = new QNetworkCookieJar();
    nam.setCookieJar(mine);
    expect(nam.cookieJar()).toBe(mine);
    expect(mine.allCookies()).toEqual([]);
    expect(first.allCookies().map((x) => x.name().toString())).toEqual(['k']); // still its own

    const destroyed = new Promise<void>((resolve) => mine.destroyed.connect(() => resolve()));
    mine.deleteLater();
    await destroyed;
    expect(mine.allCookies()).toEqual([]);
    expect(mine.insertCookie(c)).toBe(false);
    const fresh = nam.cookieJar();
    expect(fresh).not.toBe(mine);
    expect(fresh.insertCookie(c)).toBe(true);
    expect(() => nam.setCookieJar(mine)).toThrow(/setCookieJar: the QNetworkCookieJar was deleted/);
    nam.deleteLater();
  });

  test('bad arguments name the method, the argument and what was given', () => {
    const jar = new QNetworkCookieJar();
    const nam = new QNetworkAccessManager();
    expect(() => new QNetworkCookieJar({} as never)).toThrow(/QNetworkCookieJar: argument 'parent'/);
    expect(() => jar.insertCookie('a=b' as never)).toThrow(
      /QNetworkCookieJar.insertCookie: argument 'cookie' must be a QNetworkCookie, got string/,
    );
    expect(() => jar.setAllCookies(5 as never)).toThrow(/setAllCookies: argument 'cookieList' must be an iterable/);
    expect(() => jar.setAllCookies([new QNetworkCookie(), 'x'] as never)).toThrow(
      /setAllCookies: argument 'cookieList' item 1 must be a QNetworkCookie, got string/,
    );
    expect(() => jar.cookiesForUrl(3 as never)).toThrow(/QNetworkCookieJar.cookiesForUrl: argument 'url'/);
    expect(() => jar.setCookiesFromUrl([], null as never)).toThrow(/setCookiesFromUrl: argument 'url'/);
    expect(() => jar.validateCookie(new QNetworkCookie(), {} as never)).toThrow(/validateCookie: argument 'url'/);
    expect(() => nam.setCookieJar({} as never)).toThrow(
      /QNetworkAccessManager.setCookieJar: argument 'cookieJar' must be a QNetworkCookieJar, got/,
    );
    expect(() => (jar.allCookies as (x: unknown) => unknown)(1)).toThrow(TypeError);
    // A Set works as PyQt6's iterable does.
    expect(() => jar.setAllCookies(new Set([new QNetworkCookie('a', 'b')]))).not.toThrow();
    expect(jar.allCookies()).toHaveLength(1);
    nam.deleteLater();
    jar.deleteLater();
  });
});
