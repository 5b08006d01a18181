// QNetworkCookie against PyQt6, live (test/fixtures/parity/value_calls.py runs the same calls), and
// its bad input.
import { QNetworkCookie, QUrl } from '../../lib';
import { describeParity, resultsOf, type Arg, type Scenario } from '../fixtures/parity/value_calls';

const hex = (s: string): Arg => ({ bytes: Buffer.from(s, 'latin1').toString('hex') });
const getters: [string, ...Arg[]][] = [
  ['name'],
  ['value'],
  ['domain'],
  ['path'],
  ['expirationDate'],
  ['isSecure'],
  ['isHttpOnly'],
  ['isSessionCookie'],
  ['sameSitePolicy'],
  ['toRawForm'],
  ['toRawForm', { enum: 'RawForm', v: 0 }],
];
const on = (args: Arg[], ...calls: [string, ...Arg[]][]): Scenario => ({
  objects: { c: ['QNetworkCookie', ...args] },
  calls: calls.map(([m, ...a]) => ['c', m, ...a]),
});
const parse = (s: string): Scenario => ({ objects: {}, calls: [['QNetworkCookie', 'parseCookies', hex(s)]] });
// 2015-10-21T07:28:00Z, and a date before 1970.
const DATE = 1445412480000;
const OLD = -86400000 * 365;

const cases: Record<string, Scenario[]> = {
  made: [
    on([], ...getters),
    on([hex('sid'), hex('a b;c')], ...getters),
    on([hex('')], ['name'], ['value'], ['toRawForm']),
    on([hex('k'), hex('\x00\xff=')], ['value'], ['toRawForm']),
  ],
  set: [
    on(
      [hex('n'), hex('v')],
      ['setName', hex('other')],
      ['setValue', hex('x=y')],
      ['setDomain', 'example.com'],
      ['setPath', '/a/b'],
      ['setSecure', true],
      ['setHttpOnly', true],
      ['setSameSitePolicy', { enum: 'SameSite', v: 2 }],
      ...getters,
    ),
    on(
      [hex('n'), hex('v')],
      ['setExpirationDate', { date: DATE }],
      ['expirationDate'],
      ['isSessionCookie'],
      ['toRawForm'],
      ['setExpirationDate', { date: OLD }],
      ['toRawForm'],
      ['setExpirationDate', { date: null }],
      ['expirationDate'],
      ['isSessionCookie'],
    ),
    on(
      [hex('n'), hex('v')],
      ['setSameSitePolicy', { enum: 'SameSite', v: 1 }],
      ['toRawForm'],
      ['setSameSitePolicy', { enum: 'SameSite', v: 3 }],
      ['toRawForm'],
      ['setSameSitePolicy', { enum: 'SameSite', v: 0 }],
      ['sameSitePolicy'],
      ['setDomain', '.example.org'],
      ['toRawForm'],
    ),
  ],
  parsed: [
    parse('a=b'),
    parse('a=b; Path=/x; Domain=example.com; Secure; HttpOnly; SameSite=Strict; Expires=Wed, 21 Oct 2015 07:28:00 GMT'),
    parse('a=b\nc=d; path=/'),
    parse('a=b, c=d'),
    parse('=novalue'),
    parse(''),
    parse('no-equals-sign'),
    parse('x="quoted; value"; SameSite=Lax'),
    parse('x=1; expires=Sun, 06 Nov 1994 08:49:37 GMT; domain=.a.example'),
    parse('x=1; expires=garbage'),
    parse('x=1; SameSite=bogus; secure'),
  ],
  normalized: [
    on([hex('n'), hex('v')], ['normalize', { qurl: 'http://www.example.com/a/b/c' }], ['domain'], ['path']),
    on([hex('n'), hex('v')], ['normalize', { qurl: 'http://www.example.com' }], ['domain'], ['path']),
    on(
      [hex('n'), hex('v')],
      ['setDomain', 'example.com'],
      ['setPath', '/kept'],
      ['normalize', { qurl: 'http://www.example.com/a/b' }],
      ['domain'],
      ['path'],
    ),
    on([hex('n'), hex('v')], ['normalize', { whatwg: 'http://host.example/dir/file' }], ['domain'], ['path']),
  ],
  compared: [
    {
      objects: {
        a: ['QNetworkCookie', hex('n'), hex('v')],
        b: ['QNetworkCookie', hex('n'), hex('other')],
        c: ['QNetworkCookie', hex('m'), hex('v')],
        d: ['QNetworkCookie', { obj: 'a' }],
      },
      calls: [
        ['a', 'equals', { obj: 'b' }],
        ['a', 'equals', { obj: 'd' }],
        ['a', 'hasSameIdentifier', { obj: 'b' }],
        ['a', 'hasSameIdentifier', { obj: 'c' }],
        ['b', 'setPath', '/p'],
        ['a', 'hasSameIdentifier', { obj: 'b' }],
        ['d', 'setHttpOnly', true],
        ['a', 'equals', { obj: 'd' }],
        ['a', 'swap', { obj: 'c' }],
        ['a', 'name'],
        ['c', 'name'],
      ],
    },
  ],
};

describe('QNetworkCookie', () => {
  describeParity(cases, (answered) => {
    // Qt parses the full header into every field, and refuses what is not a cookie.
    const parsed = resultsOf(answered, 'parsed') as { bytes: string }[][];
    const full = Buffer.from(parsed[1][0].bytes, 'hex').toString('latin1');
    expect(full).toBe(
      'a=b; secure; HttpOnly; SameSite=Strict; expires=Wed, 21-Oct-2015 07:28:00 GMT; domain=example.com; path=/x',
    );
    expect(parsed[2]).toHaveLength(2);
    expect(parsed[6]).toEqual([]);
    const set = resultsOf(answered, 'set');
    expect(set).toContainEqual({ date: DATE });
    expect(set).toContain(null); // a session cookie's date
    expect(resultsOf(answered, 'normalized')).toEqual(
      expect.arrayContaining(['www.example.com', '/a/b/', '.example.com']),
    );
    expect(resultsOf(answered, 'compared').slice(0, 4)).toEqual([false, true, true, false]);
  });

  test('defaults, copies and bound methods', () => {
    const c = new QNetworkCookie('sid', Buffer.from('v'));
    expect(c.name()).toEqual(Buffer.from('sid'));
    const copy = new QNetworkCookie(c);
    copy.setValue('w');
    expect(c.value()).toEqual(Buffer.from('v'));
    expect(new QNetworkCookie().equals(new QNetworkCookie('', ''))).toBe(true);
    expect(c.equals('sid=v')).toBe(false);
    const { toRawForm } = c;
    expect(toRawForm(QNetworkCookie.RawForm.NameAndValueOnly)).toEqual(Buffer.from('sid=v'));
    expect(QNetworkCookie.SameSite.None_).toBe(1);
    const d = new Date(DATE);
    c.setExpirationDate(d);
    d.setTime(0); // a copy was taken
    expect(c.expirationDate()).toEqual(new Date(DATE));
    c.normalize('http://example.com/x/y');
    expect(c.path()).toBe('/x/');
    c.normalize(new QUrl('http://other.example/'));
    // Already set, so not taken from this URL; Qt marks a set domain as one for subdomains too.
    expect([c.domain(), c.path()]).toEqual(['.example.com', '/x/']);
  });

  test('bad arguments name the method, the argument and what was given', () => {
    const c = new QNetworkCookie();
    expect(() => new QNetworkCookie(5 as never)).toThrow(
      /QNetworkCookie: argument 'name' must be a Buffer.*got number/,
    );
    expect(() => new QNetworkCookie('a', {} as never)).toThrow(TypeError);
    expect(() => new QNetworkCookie(c as never, 'x')).toThrow(/QNetworkCookie: argument 'value'/);
    expect(() => c.setName(null as never)).toThrow(/QNetworkCookie.setName: argument 'cookieName'.*got null/);
    expect(() => c.setDomain(1 as never)).toThrow(/QNetworkCookie.setDomain: argument 'domain' must be a string/);
    expect(() => c.setSecure('yes' as never)).toThrow(/QNetworkCookie.setSecure: argument 'enable'/);
    expect(() => c.setExpirationDate(new Date(NaN))).toThrow(/setExpirationDate: argument 'date' must be a valid Date/);
    expect(() => c.setExpirationDate(0 as never)).toThrow(TypeError);
    expect(() => c.setSameSitePolicy(4 as never)).toThrow(/QNetworkCookie.setSameSitePolicy: argument 'sameSite'/);
    expect(() => c.toRawForm(2 as never)).toThrow(/QNetworkCookie.toRawForm: argument 'form'/);
    expect(() => c.normalize(5 as never)).toThrow(/QNetworkCookie.normalize: argument 'url'.*got number/);
    expect(() => c.hasSameIdentifier({} as never)).toThrow(
      /hasSameIdentifier: argument 'other' must be a QNetworkCookie/,
    );
    expect(() => c.swap(null as never)).toThrow(/QNetworkCookie.swap: argument 'other'/);
    expect(() => QNetworkCookie.parseCookies(undefined as never)).toThrow(/parseCookies: argument 'cookieString'/);
    expect(() => (c.name as (x: unknown) => Buffer)(1)).toThrow(TypeError);
  });
});
