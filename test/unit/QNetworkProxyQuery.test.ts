// QNetworkProxyQuery against PyQt6, live: the same calls, the same answers (Qt keeps the peer as a
// QUrl, so host, port and protocol tag are read back through Qt's URL parsing). URLs cross as
// strings. test/fixtures/parity/value_calls.py computes PyQt6's side.
import { inspect } from 'node:util';
import { QNetworkProxyQuery } from '../../lib';
import { describeParity, resultsOf, type Arg, type Scenario } from '../fixtures/parity/value_calls';

const Q = QNetworkProxyQuery.QueryType;
const queryTypes = [Q.TcpSocket, Q.UdpSocket, Q.SctpSocket, Q.TcpServer, Q.UrlRequest, Q.SctpServer];
const qt = (v: number): Arg => ({ enum: 'QueryType', v });
const one = (ctorArgs: Arg[], ...calls: [string, ...Arg[]][]): Scenario => ({
  objects: { a: ['QNetworkProxyQuery', ...ctorArgs] },
  calls: calls.map(([m, ...args]) => ['a', m, ...args]),
});

const urls = [
  'http://user:pw@Example.com:8080/a b?q=1#f',
  'ftp://x/',
  'http://x',
  '',
  'not a url',
  'https://[::1]:443/',
  'http://h:99999/',
  'mailto:a@b',
  'http://ex ample.com/',
  'HTTP://EXAMPLE.COM',
  'socks5://proxy:1080',
  '//host:1/',
  'http://%41/',
];
const constructors: Scenario[] = [
  one([]),
  one(['example.com', 80]),
  one(['Example.COM', -1]),
  one(['example.com', 443, 'https']),
  one(['::1', 65535, 'http']),
  one(['', 0, '']),
  ...queryTypes.map((t) => one(['example.com', 80, 'http', qt(t)])),
  one([8080]),
  one([0, 'ftp']),
  ...queryTypes.map((t) => one([65535, 'tag', qt(t)])),
  ...urls.map((u) => one([{ url: u }])),
  ...queryTypes.map((t) => one([{ whatwg: 'http://example.com:8080/p' }, qt(t)])),
  {
    objects: { a: ['QNetworkProxyQuery', 'h', 1, 'http', qt(Q.UdpSocket)], b: ['QNetworkProxyQuery', { obj: 'a' }] },
    calls: [],
  },
];

const bases: Arg[][] = [[], ['example.com', 80, 'http'], [8080, 'ftp'], [{ url: 'https://user:pw@h:1/p?q' }]];
const setters: Scenario[] = bases.flatMap((base) => [
  ...['', 'Example.COM', '::1', '10.0.0.1', 'ex ample', '\u00e9.example'].map((h) => one(base, ['setPeerHostName', h])),
  ...[-1, 0, 80, 65535].map((p) => one(base, ['setPeerPort', p])),
  ...[-1, 0, 8080, 65535].map((p) => one(base, ['setLocalPort', p])),
  ...['', 'http', 'HTTPS', 'x-y', 'bad tag'].map((t) => one(base, ['setProtocolTag', t])),
  ...queryTypes.map((t) => one(base, ['setQueryType', qt(t)])),
  ...urls.map((u) => one(base, ['setUrl', { url: u }])),
  one(base, ['setUrl', { whatwg: 'https://example.org/x' }]),
]);

const pair = (a: Arg[], b: Arg[], ...bCalls: [string, ...Arg[]][]): Scenario => ({
  objects: { a: ['QNetworkProxyQuery', ...a], b: ['QNetworkProxyQuery', ...b] },
  calls: [
    ...bCalls.map(([m, ...args]): [string, string, ...Arg[]] => ['b', m, ...args]),
    ['a', 'equals', { obj: 'b' }],
    ['b', 'equals', { obj: 'a' }],
  ],
});
const equality: Scenario[] = [
  pair([], []),
  pair(['a', 1], ['a', 1]),
  pair(['a', 1], ['A', 1]),
  pair(['a', 1], ['a', 2]),
  pair(['a', 1], ['a', 1, 'http']),
  pair(['a', 1], ['a', 1, '', qt(Q.UdpSocket)]),
  pair([1], [1]),
  pair([1], [2]),
  pair([{ url: 'http://a:1' }], ['a', 1, 'http']),
  pair([{ url: 'http://a:1' }], ['a', 1, 'http'], ['setQueryType', qt(Q.UrlRequest)]),
  pair([], [], ['setLocalPort', -1]),
  pair([], [], ['setPeerPort', -1]),
  pair([], [], ['setUrl', { url: '' }]),
];

const swaps: Scenario[] = [
  {
    objects: { a: ['QNetworkProxyQuery', 'a', 1, 'http'], b: ['QNetworkProxyQuery', 8080, 'ftp'] },
    calls: [
      ['a', 'swap', { obj: 'b' }],
      ['a', 'setLocalPort', 1],
      ['b', 'setPeerPort', 2],
    ],
  },
  // A copy is an independent value.
  {
    objects: { a: ['QNetworkProxyQuery', 'a', 1, 'http'], b: ['QNetworkProxyQuery', { obj: 'a' }] },
    calls: [
      ['b', 'setPeerHostName', 'b'],
      ['b', 'setQueryType', qt(Q.UdpSocket)],
      ['a', 'equals', { obj: 'b' }],
    ],
  },
];

const cases = { constructors, setters, equality, swaps };

describeParity(cases, (answered) => {
  const profiles = answered.map(([, , a]) => a.objects.a as { url: string; queryType: number });
  expect(new Set(profiles.map((p) => p.url)).size).toBeGreaterThan(15);
  expect(profiles.filter((p) => p.url === '').length).toBeGreaterThan(3);
  expect(new Set(profiles.map((p) => p.queryType)).size).toBe(queryTypes.length);
  const eq = resultsOf(answered, 'equality');
  expect(eq.filter((v) => v === true).length).toBeGreaterThan(5);
  expect(eq.filter((v) => v === false).length).toBeGreaterThan(5);
});

test('a lone string is a URL; a string and a port, a host name; a URL object takes a type', () => {
  const u = new QNetworkProxyQuery('http://example.com:8080/');
  expect([u.queryType(), u.peerHostName(), u.peerPort(), u.protocolTag()]).toEqual([
    Q.UrlRequest,
    'example.com',
    8080,
    'http',
  ]);
  const h = new QNetworkProxyQuery('example.com', 8080);
  expect([h.queryType(), h.peerHostName(), h.peerPort(), h.protocolTag()]).toEqual([
    Q.TcpSocket,
    'example.com',
    8080,
    '',
  ]);
  const w = new QNetworkProxyQuery(new URL('https://example.com/'), Q.TcpSocket);
  expect([w.queryType(), w.url().toString()]).toEqual([Q.TcpSocket, 'https://example.com/']);
  const b = new QNetworkProxyQuery(1080);
  expect([b.queryType(), b.localPort(), b.peerPort()]).toEqual([Q.TcpServer, 1080, -1]);
  b.setUrl(new URL('ftp://files.example/'));
  expect(b.url().toString()).toBe('ftp://files.example/');
});

test('copies and swap are values; inspect and JSON leave out a password in the URL', () => {
  const a = new QNetworkProxyQuery('http://user:S3cret@example.com/');
  const c = new QNetworkProxyQuery(a);
  c.setPeerPort(81);
  expect([a.peerPort(), c.peerPort(), a.equals(c)]).toEqual([-1, 81, false]);
  a.swap(c);
  expect([a.peerPort(), c.peerPort()]).toEqual([81, -1]);
  expect(a.url().toString()).toBe('http://user:S3cret@example.com:81/');
  expect(inspect(a)).not.toContain('S3cret');
  expect(JSON.stringify(a)).not.toContain('S3cret');
  expect(JSON.parse(JSON.stringify(a))).toEqual({
    queryType: 'UrlRequest',
    url: 'http://user@example.com:81/',
    localPort: -1,
  });
  expect(a.equals('x')).toBe(false);
});

test('bad input is a TypeError or RangeError naming the method and argument', () => {
  const q = new QNetworkProxyQuery();
  expect(() => new QNetworkProxyQuery('h', 70000)).toThrow(RangeError);
  expect(() => new QNetworkProxyQuery('h', 70000)).toThrow(/^QNetworkProxyQuery: argument 'port'/);
  expect(() => new QNetworkProxyQuery('h', -2)).toThrow(RangeError);
  expect(() => new QNetworkProxyQuery('h', 1, 5 as never)).toThrow(/argument 'protocolTag'/);
  expect(() => new QNetworkProxyQuery('h', 1, '', 99 as never)).toThrow(/argument 'type'/);
  expect(() => new QNetworkProxyQuery(70000)).toThrow(/argument 'bindPort'/);
  expect(() => new QNetworkProxyQuery(-1)).toThrow(RangeError);
  expect(() => new QNetworkProxyQuery(new URL('http://x/'), 50 as never)).toThrow(TypeError);
  expect(() => new QNetworkProxyQuery({} as never)).toThrow(TypeError);
  // @ts-expect-error: the copy constructor takes one argument
  expect(() => new QNetworkProxyQuery(q, 1)).toThrow(TypeError);
  // @ts-expect-error: the bind-port constructor takes three at most
  expect(() => new QNetworkProxyQuery(1, 'a', Q.TcpServer, 4)).toThrow(TypeError);
  expect(() => q.setPeerPort(70000)).toThrow(/QNetworkProxyQuery.setPeerPort: argument 'port'/);
  expect(() => q.setPeerPort(1.5)).toThrow(TypeError);
  expect(() => q.setLocalPort(-2)).toThrow(RangeError);
  expect(() => q.setQueryType(3 as never)).toThrow(/QNetworkProxyQuery.setQueryType: argument 'type'/);
  expect(() => q.setUrl(5 as never)).toThrow(/QNetworkProxyQuery.setUrl: argument 'url'/);
  expect(() => q.setPeerHostName(null as never)).toThrow(/argument 'hostname'/);
  expect(() => q.setProtocolTag(1 as never)).toThrow(/argument 'protocolTag'/);
  expect(() => q.swap({} as never)).toThrow(/QNetworkProxyQuery.swap: argument 'other'/);
  expect(() => (q as unknown as { url(x: number): string }).url(1)).toThrow(
    /QNetworkProxyQuery.url: expected 0 argument/,
  );
});
