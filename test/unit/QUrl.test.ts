// QUrl against PyQt6, live: the same URLs parsed the same way (tolerant and strict, IPv6 hosts,
// IDN, user info, percent-encoding, relative resolution, user input, local files, invalid ones
// with their errorString) give the same answers. test/fixtures/parity/value_calls.py computes
// PyQt6's side. Then what is ours alone: bytes as Buffers, WHATWG URLs, inspect, bad input.
import { inspect } from 'node:util';
import { QNetworkProxyQuery, QUrl } from '../../lib';
import { describeParity, resultsOf, type Arg, type Scenario } from '../fixtures/parity/value_calls';

const U = QUrl.UrlFormattingOption;
const C = QUrl.ComponentFormattingOption;
const e = (enumName: 'ParsingMode' | 'UrlFormattingOption' | 'ComponentFormattingOption', v: number): Arg => ({
  enum: enumName,
  v,
});
const strict = e('ParsingMode', QUrl.ParsingMode.StrictMode);

// Every getter, with defaults and with a fully encoded form.
const getters: [string, ...Arg[]][] = [
  ['isValid'],
  ['errorString'],
  ['isEmpty'],
  ['toString'],
  ['toString', e('UrlFormattingOption', U.RemovePassword | U.RemovePort)],
  ['toString', e('ComponentFormattingOption', C.FullyEncoded)],
  ['toDisplayString'],
  ['url'],
  ['toEncoded'],
  ['scheme'],
  ['authority'],
  ['userInfo'],
  ['userName'],
  ['password'],
  ['host'],
  ['host', e('ComponentFormattingOption', C.FullyEncoded)],
  ['port'],
  ['port', 21],
  ['path'],
  ['path', e('ComponentFormattingOption', C.FullyEncoded)],
  ['fileName'],
  ['query'],
  ['hasQuery'],
  ['fragment'],
  ['hasFragment'],
  ['isRelative'],
  ['isLocalFile'],
  ['toLocalFile'],
  ['adjusted', e('UrlFormattingOption', U.RemoveQuery | U.RemoveFragment | U.StripTrailingSlash)],
  ['adjusted', e('UrlFormattingOption', U.NormalizePathSegments)],
];
const parse = (ctorArgs: Arg[]): Scenario => ({
  objects: { a: ['QUrl', ...ctorArgs] },
  calls: getters.map(([m, ...args]) => ['a', m, ...args]),
});

const tolerant = [
  'http://user:pw@Example.com:8080/a b?q=1#f',
  'https://[::1]:443/p',
  'http://[fe80::1%25eth0]:80/',
  'http://[::ffff:10.0.0.1]/',
  'http://b\u00fccher.example/stra\u00dfe',
  'http://xn--bcher-kva.example/',
  'ftp://ftp.example.com/pub/file.txt',
  'mailto:user@example.com',
  'file:///tmp/a%20b.txt',
  'relative/path?x=1',
  '//host:1/',
  'http://%41/',
  'http://h:99999/',
  'http://ex ample.com/',
  'http://[::1/',
  '',
  'HTTP://EXAMPLE.COM',
  'http://a/b/c/../d/./e',
  'http://example.com/%7Euser/%zz',
  'data:text/plain,hello%20world',
  'http://user@host',
  'http://:pw@host/',
  'urn:isbn:0451450523',
  'http://example.com:/',
  'http://127.0.0.1:80',
  ':foo',
  '1http://x/',
];
const strictOnes = [
  'http://ex ample.com/',
  'http://example.com/a b',
  'http://example.com/%zz',
  'http://example.com/ok',
];

const base = 'http://a/b/c/d;p?q';
const relatives = [
  'g:h',
  'g',
  './g',
  'g/',
  '/g',
  '//g',
  '?y',
  'g?y',
  '#s',
  'g#s',
  ';x',
  '',
  '..',
  '../g',
  '../..',
  '../../../g',
];

const statics: Scenario[] = [
  ...['example.com', '/tmp/x y', '::1', '127.0.0.1:8080', 'ftp.example.com', 'http://x/%zz', ''].map(
    (input): Scenario => ({ objects: {}, calls: [['QUrl', 'fromUserInput', input]] }),
  ),
  {
    objects: {},
    calls: [['QUrl', 'fromUserInput', 'notes.txt', '/tmp', { enum: 'UserInputResolutionOption', v: 1 }]],
  },
  { objects: {}, calls: [['QUrl', 'fromUserInput', 'notes.txt', '/tmp']] },
  { objects: {}, calls: [['QUrl', 'fromLocalFile', '/tmp/a b#c?.txt']] },
  { objects: {}, calls: [['QUrl', 'fromLocalFile', 'relative.txt']] },
  { objects: {}, calls: [['QUrl', 'fromEncoded', { utf8: 'http://ex.com/a%20b?x=%C3%BC' }]] },
  { objects: {}, calls: [['QUrl', 'fromEncoded', { utf8: 'http://ex.com/a b' }, strict]] },
  { objects: {}, calls: [['QUrl', 'fromPercentEncoding', { utf8: 'a%20b%C3%BC%zz' }]] },
  { objects: {}, calls: [['QUrl', 'toPercentEncoding', 'a b/\u00fc~?']] },
  { objects: {}, calls: [['QUrl', 'toPercentEncoding', 'a b/\u00fc~?', { utf8: '/' }, { utf8: 'a' }]] },
  { objects: {}, calls: [['QUrl', 'toAce', 'b\u00fccher.de']] },
  { objects: {}, calls: [['QUrl', 'toAce', 'a..b']] },
  { objects: {}, calls: [['QUrl', 'fromAce', { utf8: 'xn--bcher-kva.de' }]] },
  { objects: {}, calls: [['QUrl', 'fromStringList', ['http://a/', 'b c', 'http://[::1']]] },
  {
    objects: { a: ['QUrl', 'http://u:p@a/x'], b: ['QUrl', 'ftp://b:21/'] },
    calls: [['QUrl', 'toStringList', [{ obj: 'a' }, { obj: 'b' }], e('UrlFormattingOption', U.RemovePassword)]],
  },
];

const resolution: Scenario[] = relatives.map((r) => ({
  objects: { a: ['QUrl', base], b: ['QUrl', r] },
  calls: [
    ['a', 'resolved', { obj: 'b' }],
    ['a', 'isParentOf', { obj: 'b' }],
  ],
}));

const setters: Scenario[] = [
  ['setHost', 'B\u00fccher.EXAMPLE'],
  ['setHost', '::1'],
  ['setHost', 'bad host'],
  ['setPort', 70000],
  ['setPort', -1],
  ['setPath', 'a b/%41', e('ParsingMode', QUrl.ParsingMode.TolerantMode)],
  ['setPath', 'no-slash'],
  ['setQuery', null],
  ['setQuery', 'x=1&y=%zz', strict],
  ['setFragment', null],
  ['setUserInfo', 'me:s3cret'],
  ['setUserName', 'us er'],
  ['setPassword', 'p@ss'],
  ['setAuthority', 'u@h:1'],
  ['setScheme', '1http'],
  ['setScheme', 'HTTPS'],
  ['setUrl', 'http://other/', strict],
  ['clear'],
].map(([m, ...args]) => ({
  objects: { a: ['QUrl', 'http://user:pw@host:8080/p?q#f'] },
  calls: [
    ['a', m as string, ...(args as Arg[])],
    ...getters.map(([g, ...ga]): [string, string, ...Arg[]] => ['a', g, ...ga]),
  ],
}));

const comparisons: Scenario[] = [
  ['http://a/', 'http://a/'],
  ['http://a/', 'HTTP://A/'],
  ['http://a/', 'http://b/'],
  ['http://a/x', 'http://a/'],
  ['', 'http://a/'],
].map(([x, y]) => ({
  objects: { a: ['QUrl', x], b: ['QUrl', y] },
  calls: [
    ['a', 'equals', { obj: 'b' }],
    ['a', 'compare', { obj: 'b' }],
    ['a', 'matches', { obj: 'b' }, e('UrlFormattingOption', U.None_)],
    ['a', 'matches', { obj: 'b' }, e('UrlFormattingOption', U.RemovePath)],
  ],
}));

const cases = {
  tolerant: tolerant.map((u) => parse([u])),
  strict: strictOnes.map((u) => parse([u, strict])),
  statics,
  resolution,
  setters,
  comparisons,
};

describeParity(cases, (answered) => {
  // Valid and invalid URLs both, an IDN host (in its ACE form: .example is not on Qt's IDN
  // whitelist), an error string Qt wrote.
  const validity = resultsOf(answered, 'tolerant').filter((r) => typeof r === 'boolean');
  expect(validity).toContain(true);
  expect(validity).toContain(false);
  expect(resultsOf(answered, 'tolerant')).toContain('xn--bcher-kva.example');
  expect(resultsOf(answered, 'strict').some((r) => typeof r === 'string' && /Invalid/.test(r))).toBe(true);
  expect(resultsOf(answered, 'resolution')).toContain('http://a/b/c/g');
});

test('bytes are Buffers, and are taken as Buffer, Uint8Array or string', () => {
  expect(QUrl.toAce('b\u00fccher.de')).toEqual(Buffer.from('xn--bcher-kva.de'));
  expect(new QUrl('http://x/a b').toEncoded()).toEqual(Buffer.from('http://x/a%20b'));
  expect(QUrl.fromAce(new Uint8Array(Buffer.from('xn--bcher-kva.de')))).toBe('b\u00fccher.de');
  expect(QUrl.fromPercentEncoding('a%20b')).toBe('a b');
  expect(QUrl.toPercentEncoding('a b', Buffer.alloc(0), 'a')).toEqual(Buffer.from('%61%20b'));
});

test('a WHATWG URL is taken where a QUrl is; template strings give toString()', () => {
  const base = new QUrl('http://a/b/c');
  expect(base.resolved(new URL('http://x/y')).toString()).toBe('http://x/y');
  expect(base.equals(new URL('http://a/b/c'))).toBe(true);
  expect(new QUrl(new URL('https://h/p?q')).toString()).toBe('https://h/p?q');
  expect(`${base}`).toBe('http://a/b/c');
  expect(base.equals('http://a/b/c')).toBe(false); // as Python's == with a str
  const sorted = [new QUrl('http://b/'), new QUrl('http://a/')].sort((x, y) => x.compare(y));
  expect(sorted.map(String)).toEqual(['http://a/', 'http://b/']);
});

test('inspect and JSON leave the password out', () => {
  const u = new QUrl('http://me:s3cret@host/');
  expect(inspect(u)).not.toContain('s3cret');
  expect(inspect(u)).toContain('QUrl("http://me@host/"');
  expect(JSON.stringify({ u })).toBe('{"u":"http://me@host/"}');
  expect(inspect(new QUrl())).toBe('QUrl()');
  expect(String(u)).toBe('http://me:s3cret@host/'); // Qt's toString, as PyQt6's
});

test('bad input is a TypeError naming the method and the argument', () => {
  expect(() => new QUrl(42 as never)).toThrow(/QUrl: argument 'url'/);
  expect(() => new QUrl('x', 7 as never)).toThrow(/QUrl: argument 'mode' must be a QUrl.ParsingMode/);
  expect(() => new QUrl('x').host(3 as never)).toThrow(/QUrl.host: argument 'options'/);
  expect(() => new QUrl('x').toString(-1)).toThrow(TypeError);
  expect(() => new QUrl('x').setHost(5 as never)).toThrow(
    /QUrl.setHost: argument 'host' must be a string, got number 5/,
  );
  expect(() => new QUrl('x').setPassword(1234 as never)).toThrow(
    /QUrl.setPassword: argument 'password' must be a string, got number$/,
  );
  expect(() => new QUrl('x').resolved('y' as never)).toThrow(
    /QUrl.resolved: argument 'relative' must be a QUrl or a URL/,
  );
  expect(() => QUrl.toAce(Buffer.from('x') as never)).toThrow(/QUrl.toAce: argument 'domain'/);
  expect(() => QUrl.fromAce(5 as never)).toThrow(/QUrl.fromAce: argument 'domain' must be a Buffer/);
  expect(() => QUrl.fromStringList('abc' as never)).toThrow(/QUrl.fromStringList: argument 'uris'/);
  expect(() => new QUrl('x').port(1.5)).toThrow(/QUrl.port: argument 'defaultPort' must be an integer/);
  const matches = new QUrl('x').matches as (...args: unknown[]) => boolean;
  expect(() => matches.call(new QUrl('x'), new QUrl('y'))).toThrow(/QUrl.matches: expected 2 argument/);
});

test('QNetworkProxyQuery takes a QUrl and returns one, as PyQt6', () => {
  const q = new QNetworkProxyQuery(new QUrl('https://user:pw@example.com:8443/x'));
  expect(q.url()).toBeInstanceOf(QUrl);
  expect(q.url().host()).toBe('example.com');
  expect(q.peerPort()).toBe(8443);
  q.setUrl(new QUrl('ftp://files.example/'));
  expect(q.url().toString()).toBe('ftp://files.example/');
  expect(q.protocolTag()).toBe('ftp');
  const typed = new QNetworkProxyQuery(new QUrl('http://h/'), QNetworkProxyQuery.QueryType.TcpSocket);
  expect(typed.queryType()).toBe(QNetworkProxyQuery.QueryType.TcpSocket);
});
