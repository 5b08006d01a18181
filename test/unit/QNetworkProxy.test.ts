// QNetworkProxy against PyQt6, live: the same calls, the same answers (Qt's capabilities per type,
// which headers each type keeps, Qt's ==, the application proxy). test/fixtures/parity/value_calls.py
// computes PyQt6's side.
import { format, inspect } from 'node:util';
import { QNetworkProxy, QNetworkRequest } from '../../lib';
import { describeParity, resultsOf, type Arg, type Scenario } from '../fixtures/parity/value_calls';

const P = QNetworkProxy.ProxyType;
const C = QNetworkProxy.Capability;
const H = QNetworkRequest.KnownHeaders;
const types = [P.DefaultProxy, P.Socks5Proxy, P.NoProxy, P.HttpProxy, P.HttpCachingProxy, P.FtpCachingProxy];
const knownHeaders = Object.values(H).filter((v): v is QNetworkRequest.KnownHeaders => typeof v === 'number');
const pt = (v: number): Arg => ({ enum: 'ProxyType', v });
const caps = (v: number): Arg => ({ enum: 'Capability', v });
const kh = (v: number): Arg => ({ enum: 'KnownHeaders', v });
const bytes = (s: string): Arg => ({ bytes: Buffer.from(s, 'latin1').toString('hex') });
const one = (ctorArgs: Arg[], ...calls: [string, ...Arg[]][]): Scenario => ({
  objects: { a: ['QNetworkProxy', ...ctorArgs] },
  calls: calls.map(([m, ...args]) => ['a', m, ...args]),
});

const defaults: Scenario[] = [
  one([]),
  ...types.map((t) => one([pt(t)])),
  ...types.map((t) => one([pt(t), 'proxy.example.com', 1080, 'user', 'pw'])),
  one([pt(P.HttpProxy), '', 65535, '', '']),
  {
    objects: { a: ['QNetworkProxy', pt(P.Socks5Proxy), 'h', 1, 'u', 'p'], b: ['QNetworkProxy', { obj: 'a' }] },
    calls: [],
  },
];

// Every setter, on a proxy of every type; capabilities follow setType until setCapabilities.
const setters: Scenario[] = [
  ...types.flatMap((from) => types.map((to) => one([pt(from), 'h', 8080], ['setType', pt(to)], ['capabilities']))),
  ...['', 'proxy.example.com', 'Proxy.Example.COM', '10.0.0.1', '::1', 'h\u00e9\u4e2d', 'a\u0000b'].map((h) =>
    one([pt(P.Socks5Proxy)], ['setHostName', h], ['hostName']),
  ),
  ...[0, 1, 1080, 65535].map((port) => one([pt(P.HttpProxy)], ['setPort', port], ['port'])),
  ...['', 'user', 'us:er@x', '\u00fc\u00df'].map((u) => one([pt(P.Socks5Proxy)], ['setUser', u], ['user'])),
  ...['', 'p@ss:w/rd', '\u00fc\u00df', ' '].map((pw) => one([pt(P.Socks5Proxy)], ['setPassword', pw], ['password'])),
  ...[
    0,
    C.TunnelingCapability,
    C.CachingCapability,
    C.HostNameLookupCapability | C.UdpTunnelingCapability,
    0x7f,
  ].flatMap((c) =>
    [P.HttpProxy, P.Socks5Proxy].map((t) =>
      one(
        [pt(t)],
        ['setCapabilities', caps(c)],
        ['isCachingProxy'],
        ['isTransparentProxy'],
        ['setType', pt(P.FtpCachingProxy)],
        ['capabilities'],
      ),
    ),
  ),
  one(
    [],
    ['setHostName', 'h'],
    ['setPort', 3128],
    ['setUser', 'u'],
    ['setPassword', 'p'],
    ['setType', pt(P.HttpProxy)],
  ),
];

const pair = (a: Arg[], b: Arg[], ...bCalls: [string, ...Arg[]][]): Scenario => ({
  objects: { a: ['QNetworkProxy', ...a], b: ['QNetworkProxy', ...b] },
  calls: [
    ...bCalls.map(([m, ...args]): [string, string, ...Arg[]] => ['b', m, ...args]),
    ['a', 'equals', { obj: 'b' }],
    ['b', 'equals', { obj: 'a' }],
  ],
});
const full = [pt(P.Socks5Proxy), 'h', 1080, 'u', 'p'];
const equality: Scenario[] = [
  pair([], []),
  pair([], [pt(P.DefaultProxy)]),
  pair([pt(P.DefaultProxy)], [pt(P.DefaultProxy)]),
  pair(full, full),
  pair(full, [pt(P.HttpProxy), 'h', 1080, 'u', 'p']),
  pair(full, [pt(P.Socks5Proxy), 'H', 1080, 'u', 'p']),
  pair(full, [pt(P.Socks5Proxy), 'h', 1081, 'u', 'p']),
  pair(full, [pt(P.Socks5Proxy), 'h', 1080, 'U', 'p']),
  pair(full, [pt(P.Socks5Proxy), 'h', 1080, 'u', 'P']),
  pair(full, full, ['setCapabilities', caps(0)]),
  pair(full, full, [
    'setCapabilities',
    caps(C.TunnelingCapability | C.ListeningCapability | C.UdpTunnelingCapability | C.HostNameLookupCapability),
  ]),
  pair([pt(P.HttpProxy)], [pt(P.HttpProxy)], ['setRawHeader', bytes('X-A'), bytes('1')]),
  pair([pt(P.HttpProxy)], [pt(P.Socks5Proxy)], ['setType', pt(P.HttpProxy)]),
  pair([pt(P.NoProxy)], [], ['setType', pt(P.NoProxy)]),
];

// Raw headers on every type: Qt keeps them only for the HTTP types, and a header set while the
// type was HTTP is there again when it is HTTP again.
const raw: Scenario[] = [
  ...types.map((t) =>
    one(
      [pt(t)],
      ['setRawHeader', bytes('X-Foo'), bytes('bar')],
      ['hasRawHeader', bytes('x-foo')],
      ['rawHeader', bytes('X-FOO')],
      ['rawHeader', bytes('nope')],
      ['rawHeaderList'],
    ),
  ),
  one(
    [pt(P.HttpProxy)],
    ['setRawHeader', bytes('a'), bytes('1')],
    ['setRawHeader', bytes('B'), bytes('2')],
    ['setRawHeader', bytes('A'), bytes('3')],
    ['rawHeaderList'],
    ['rawHeader', bytes('a')],
    ['setRawHeader', bytes('b'), bytes('')],
    ['hasRawHeader', bytes('b')],
    ['rawHeaderList'],
    ['setRawHeader', bytes('b'), { null: 1 }],
    ['hasRawHeader', bytes('b')],
    ['setRawHeader', bytes(''), bytes('v')],
    ['rawHeaderList'],
    ['setRawHeader', bytes('X-Bin'), bytes('\u0000\u00ff\r\n')],
    ['rawHeader', bytes('x-bin')],
    ['setRawHeader', { utf8: 'X-\u00e9' }, { utf8: '\u4e2d' }],
    ['rawHeader', { utf8: 'x-\u00e9' }],
    ['rawHeaderList'],
  ),
  one(
    [pt(P.HttpProxy)],
    ['setRawHeader', bytes('X-A'), bytes('1')],
    ['setType', pt(P.Socks5Proxy)],
    ['rawHeaderList'],
    ['hasRawHeader', bytes('X-A')],
    ['setRawHeader', bytes('X-B'), bytes('2')],
    ['setType', pt(P.HttpCachingProxy)],
    ['rawHeaderList'],
  ),
];

// Known headers: setHeader with each kind of JS value, then what Qt reads back and the raw text it
// made; and setRawHeader, then what Qt parsed for every known header.
const setHeaderCases: [number, Arg][] = [
  [H.ContentTypeHeader, 'text/html; charset=utf-8'],
  [H.ContentLengthHeader, 5],
  [H.ContentLengthHeader, '7'],
  [H.ContentLengthHeader, 2.5],
  [H.ContentLengthHeader, true],
  [H.ContentLengthHeader, 2 ** 40],
  [H.ContentLengthHeader, -3],
  [H.ContentLengthHeader, ''],
  [H.LocationHeader, 'http://a/b c'],
  [H.LastModifiedHeader, { date: Date.UTC(2020, 0, 2, 3, 4, 5) }],
  [H.IfModifiedSinceHeader, { date: 0 }],
  [H.IfModifiedSinceHeader, 'yesterday'],
  [H.CookieHeader, 'a=b'],
  [H.SetCookieHeader, 'a=b'],
  [H.ContentDispositionHeader, 'attachment'],
  [H.UserAgentHeader, 'ua/1.0'],
  [H.UserAgentHeader, bytes('bytes-ua')],
  [H.ServerHeader, 'srv'],
  [H.ETagHeader, '"abc"'],
  [H.IfMatchHeader, '"a", "b"'],
  [H.IfNoneMatchHeader, '*'],
  [H.ContentTypeHeader, null],
];
const headerNames = [
  'content-type',
  'content-length',
  'location',
  'last-modified',
  'cookie',
  'set-cookie',
  'content-disposition',
  'user-agent',
  'server',
  'if-modified-since',
  'etag',
  'if-match',
  'if-none-match',
];
const rawHeaderCases: [string, string][] = [
  ['Content-Type', 'text/html'],
  ['Content-Length', ' 12 '],
  ['Content-Length', 'x'],
  ['Location', 'http://x/y'],
  ['Location', 'http://x/y z'],
  ['Location', 'rel'],
  ['Last-Modified', 'Sun, 06 Nov 1994 08:49:37 GMT'],
  ['Last-Modified', 'Sunday, 06-Nov-94 08:49:37 GMT'],
  ['Last-Modified', 'bad'],
  ['If-Modified-Since', 'Sun Nov  6 08:49:37 1994'],
  ['ETag', '"abc"'],
  ['ETag', 'W/"abc"'],
  ['If-Match', '"a", "b"'],
  ['If-None-Match', '*'],
  ['Cookie', 'a=b; c=d'],
  ['Set-Cookie', 'a=b; Path=/; HttpOnly'],
  ['Content-Disposition', 'attachment'],
  ['User-Agent', 'ua'],
  ['Server', 'srv'],
];
const headers: Scenario[] = [
  ...[P.HttpProxy, P.HttpCachingProxy, P.Socks5Proxy, P.FtpCachingProxy].flatMap((t) =>
    setHeaderCases.map(([h, v]) =>
      one([pt(t)], ['setHeader', kh(h), v], ['header', kh(h)], ['rawHeader', bytes(headerNames[h])], ['rawHeaderList']),
    ),
  ),
  one(
    [pt(P.HttpProxy)],
    ['setHeader', kh(H.ContentLengthHeader), 5],
    ['setHeader', kh(H.ContentLengthHeader), null],
    ['header', kh(H.ContentLengthHeader)],
    ['rawHeaderList'],
  ),
  ...[P.HttpProxy, P.NoProxy].flatMap((t) =>
    rawHeaderCases.map(([name, value]) =>
      one(
        [pt(t)],
        ['setRawHeader', bytes(name), bytes(value)],
        ...knownHeaders.map((h): [string, Arg] => ['header', kh(h)]),
      ),
    ),
  ),
];

const swaps: Scenario[] = [
  {
    objects: { a: ['QNetworkProxy', pt(P.HttpProxy), 'a', 1, 'ua', 'pa'], b: ['QNetworkProxy', ...full] },
    calls: [
      ['a', 'setRawHeader', bytes('X-A'), bytes('1')],
      ['a', 'setCapabilities', caps(C.CachingCapability)],
      ['a', 'swap', { obj: 'b' }],
      ['a', 'setType', pt(P.HttpProxy)],
      ['b', 'header', kh(H.UserAgentHeader)],
    ],
  },
  { objects: { a: ['QNetworkProxy'], b: ['QNetworkProxy', ...full] }, calls: [['b', 'swap', { obj: 'a' }]] },
  // Copies are independent values.
  {
    objects: { a: ['QNetworkProxy', pt(P.HttpProxy), 'a', 1, 'u', 'p'], b: ['QNetworkProxy', { obj: 'a' }] },
    calls: [
      ['a', 'setRawHeader', bytes('X-A'), bytes('1')],
      ['b', 'setHostName', 'b'],
      ['b', 'setPassword', 'q'],
      ['b', 'setCapabilities', caps(0)],
      ['a', 'equals', { obj: 'b' }],
    ],
  },
];

// Qt stores a DefaultProxy as NoProxy; the last call puts Qt's default back.
const application: Scenario[] = [
  {
    objects: {
      a: ['QNetworkProxy', ...full],
      d: ['QNetworkProxy', pt(P.DefaultProxy), 'h', 1],
      n: ['QNetworkProxy', pt(P.NoProxy)],
    },
    calls: [
      ['QNetworkProxy', 'setApplicationProxy', { obj: 'a' }],
      ['QNetworkProxy', 'applicationProxy'],
      ['a', 'setHostName', 'changed'],
      ['QNetworkProxy', 'applicationProxy'],
      ['QNetworkProxy', 'setApplicationProxy', { obj: 'd' }],
      ['QNetworkProxy', 'applicationProxy'],
      ['QNetworkProxy', 'setApplicationProxy', { obj: 'n' }],
      ['QNetworkProxy', 'applicationProxy'],
    ],
  },
];

const cases = { defaults, setters, equality, raw, headers, swaps, application };

// The application scenario changes Qt's global: put it back for the other tests and files.
let savedApplicationProxy: QNetworkProxy;
beforeAll(() => {
  savedApplicationProxy = QNetworkProxy.applicationProxy();
});
afterAll(() => {
  QNetworkProxy.setApplicationProxy(savedApplicationProxy);
});

describeParity(cases, (answered) => {
  const defaultCaps = answered
    .filter(([c]) => c === 'defaults')
    .map(([, , a]) => (a.objects.a as { capabilities: number }).capabilities);
  expect(new Set(defaultCaps).size).toBeGreaterThanOrEqual(4);
  const eq = resultsOf(answered, 'equality');
  expect(eq.filter((v) => v === true).length).toBeGreaterThan(5);
  expect(eq.filter((v) => v === false).length).toBeGreaterThan(5);
  const headerValues = answered.filter(([c]) => c === 'headers').map(([, , a]) => a.results[1]);
  expect(headerValues.filter((v) => v !== null).length).toBeGreaterThan(20);
  expect(headerValues.filter((v) => v === null).length).toBeGreaterThan(20);
  // What header() gave for a Date, a QUrl, a string list and cookies, not just strings.
  const flat = JSON.stringify(resultsOf(answered, 'headers'));
  for (const needle of ['"date":784111777000', '"http://x/y"', '["\\"a\\"","\\"b\\""]', '{"bytes":"613d62"}'])
    expect(flat).toContain(needle);
});

test('ProxyType and Capability are PyQt6 enums on the class', () => {
  expect(QNetworkProxy.ProxyType.Socks5Proxy).toBe(1);
  expect(QNetworkProxy.Capability.HostNameLookupCapability).toBe(0x10);
  expect(QNetworkRequest.KnownHeaders.IfNoneMatchHeader).toBe(12);
});

test('constructors, getters and setters, copies and swap are values', () => {
  const p = new QNetworkProxy(P.Socks5Proxy, 'proxy.example.com', 1080, 'user', 'pw');
  expect([p.type(), p.hostName(), p.port(), p.user(), p.password()]).toEqual([
    P.Socks5Proxy,
    'proxy.example.com',
    1080,
    'user',
    'pw',
  ]);
  const q = new QNetworkProxy(p);
  q.setPort(1081);
  expect(p.port()).toBe(1080);
  expect(p.equals(q)).toBe(false);
  p.swap(q);
  expect([p.port(), q.port()]).toEqual([1081, 1080]);
  expect(p.equals('x')).toBe(false);
  const got = QNetworkProxy.applicationProxy();
  got.setHostName('not applied');
  expect(QNetworkProxy.applicationProxy().hostName()).not.toBe('not applied');
});

test('headers: Buffers in, Buffers out; strings as UTF-8', () => {
  const p = new QNetworkProxy(P.HttpProxy);
  p.setRawHeader('X-Str', 'é');
  p.setRawHeader(Buffer.from('X-Buf'), new Uint8Array([0, 255]));
  expect(p.rawHeader('x-str')).toEqual(Buffer.from('é'));
  expect(p.rawHeader('x-buf')).toEqual(Buffer.from([0, 255]));
  expect(p.rawHeaderList()).toEqual([Buffer.from('X-Str'), Buffer.from('X-Buf')]);
  p.setHeader(H.LastModifiedHeader, new Date(Date.UTC(2001, 1, 3, 4, 5, 6)));
  expect(p.rawHeader('Last-Modified').toString()).toBe('Sat, 03 Feb 2001 04:05:06 GMT');
  expect(p.header(H.LastModifiedHeader)).toEqual(new Date(Date.UTC(2001, 1, 3, 4, 5, 6)));
  p.setRawHeader('Location', 'http://example.com/a');
  expect(p.header(H.LocationHeader)).toBe('http://example.com/a');
});

test('a default-constructed proxy reads as having no headers (Qt 6.4 itself would crash there)', () => {
  for (const p of [new QNetworkProxy(), new QNetworkProxy(new QNetworkProxy())]) {
    expect(p.rawHeaderList()).toEqual([]);
    expect(p.hasRawHeader('a')).toBe(false);
    expect(p.rawHeader('a')).toEqual(Buffer.alloc(0));
    expect(p.header(H.UserAgentHeader)).toBeNull();
  }
  // A setter gives it Qt's private part, as in PyQt6: it is then no longer == QNetworkProxy().
  const p = new QNetworkProxy();
  p.setRawHeader('a', 'b');
  expect(p.equals(new QNetworkProxy())).toBe(false);
  expect(p.rawHeaderList()).toEqual([]);
});

test("the application proxy is Qt's own global, set and read back", () => {
  const saved = QNetworkProxy.applicationProxy();
  try {
    QNetworkProxy.setApplicationProxy(new QNetworkProxy(P.HttpProxy, '10.9.8.7', 3128));
    expect(QNetworkProxy.applicationProxy().hostName()).toBe('10.9.8.7');
    QNetworkProxy.setApplicationProxy(P.Socks5Proxy); // a ProxyType, as C++'s implicit conversion allows
    expect(QNetworkProxy.applicationProxy().type()).toBe(P.Socks5Proxy);
    QNetworkProxy.setApplicationProxy(new QNetworkProxy(P.DefaultProxy));
    expect(QNetworkProxy.applicationProxy().type()).toBe(P.NoProxy);
  } finally {
    QNetworkProxy.setApplicationProxy(saved);
  }
  expect(QNetworkProxy.applicationProxy().equals(saved)).toBe(true);
});

test('bad input is a TypeError or RangeError naming the method and argument', () => {
  const p = new QNetworkProxy(P.HttpProxy);
  expect(() => new QNetworkProxy(99 as never)).toThrow(/^QNetworkProxy: argument 'type'/);
  expect(() => new QNetworkProxy(99 as never)).toThrow(TypeError);
  expect(() => new QNetworkProxy(P.HttpProxy, 'h', 70000)).toThrow(RangeError);
  expect(() => new QNetworkProxy(P.HttpProxy, 'h', 70000)).toThrow(/argument 'port'/);
  expect(() => new QNetworkProxy(P.HttpProxy, 5 as never)).toThrow(/argument 'hostName'/);
  // @ts-expect-error: one argument too many, on purpose
  expect(() => new QNetworkProxy(P.HttpProxy, 'h', 1, 'u', 'p', 'x')).toThrow(TypeError);
  // @ts-expect-error: the copy constructor takes one argument
  expect(() => new QNetworkProxy(p, 'x')).toThrow(TypeError);
  expect(() => p.setPort(70000)).toThrow(RangeError);
  expect(() => p.setPort(-1)).toThrow(/QNetworkProxy.setPort: argument 'port'/);
  expect(() => p.setPort(1.5)).toThrow(TypeError);
  expect(() => p.setType(99 as never)).toThrow(/QNetworkProxy.setType: argument 'type'/);
  expect(() => p.setCapabilities(0x80)).toThrow(/QNetworkProxy.setCapabilities: argument 'capab'/);
  expect(() => p.setCapabilities(-1)).toThrow(TypeError);
  expect(() => p.setHostName(5 as never)).toThrow(/QNetworkProxy.setHostName: argument 'hostName'/);
  expect(() => p.setUser(null as never)).toThrow(/argument 'userName'/);
  expect(() => p.setHeader(99 as never, 'x')).toThrow(/QNetworkProxy.setHeader: argument 'header'/);
  expect(() => p.setHeader(H.UserAgentHeader, {} as never)).toThrow(/QNetworkProxy.setHeader: argument 'value'/);
  expect(() => p.setHeader(H.UserAgentHeader, new Date(NaN))).toThrow(/argument 'value'/);
  expect(() => p.header(-1 as never)).toThrow(/QNetworkProxy.header: argument 'header'/);
  expect(() => p.setRawHeader(5 as never, 'x')).toThrow(/QNetworkProxy.setRawHeader: argument 'headerName'/);
  expect(() => p.setRawHeader('x', 5 as never)).toThrow(/argument 'value'/);
  expect(() => p.hasRawHeader(undefined as never)).toThrow(/QNetworkProxy.hasRawHeader: argument 'headerName'/);
  expect(() => p.swap('x' as never)).toThrow(/QNetworkProxy.swap: argument 'other'/);
  expect(() => QNetworkProxy.setApplicationProxy('x' as never)).toThrow(
    /QNetworkProxy.setApplicationProxy: argument 'proxy'/,
  );
  expect(() => QNetworkProxy.setApplicationProxy(99 as never)).toThrow(TypeError);
  expect(() => (p as unknown as { port(x: number): number }).port(1)).toThrow(
    /QNetworkProxy.port: expected 0 argument/,
  );
  expect(() => QNetworkProxy.prototype.port.call({})).toThrow(TypeError);
});

test('the password is never shown: inspect, console.log, JSON, errors', () => {
  const secret = 'S3cr3t-pw';
  const p = new QNetworkProxy(P.Socks5Proxy, 'proxy.example.com', 1080, 'alice', secret);
  const shown = [
    inspect(p),
    inspect(p, { showHidden: true, depth: 10 }),
    inspect(p, { customInspect: false, showHidden: true }),
    inspect({ nested: [p] }, { depth: 10 }),
    format('%s %o %O %j', p, p, p, p),
    String(p),
    JSON.stringify(p),
    JSON.stringify({ p }),
  ];
  for (const s of shown) expect(s).not.toContain(secret);
  expect(inspect(p)).toContain("password: '<hidden>'");
  expect(inspect(p)).toContain("user: 'alice'");
  expect(inspect(new QNetworkProxy())).toContain("password: ''");
  expect(JSON.parse(JSON.stringify(p))).toEqual({
    type: 'Socks5Proxy',
    hostName: 'proxy.example.com',
    port: 1080,
    user: 'alice',
    capabilities: 23,
  });
  expect(Object.keys(p)).toEqual([]);
  const messages: string[] = [];
  const attempt = (f: () => unknown): void => {
    try {
      f();
    } catch (e) {
      messages.push(String((e as Error).message));
    }
  };
  attempt(() => new QNetworkProxy(P.Socks5Proxy, 'h', secret as never));
  attempt(() => new QNetworkProxy(secret as never));
  attempt(() => new QNetworkProxy(P.Socks5Proxy, 'h', 1, 'u', 4242 as never));
  attempt(() => p.setPassword(4242 as never));
  attempt(() => p.setPassword(Buffer.from(secret) as never));
  attempt(() => (p.setPassword as (a: string, b: string) => void)(secret, secret));
  expect(messages.length).toBe(6);
  for (const m of messages) {
    expect(m).not.toContain(secret);
    expect(m).not.toContain('4242');
  }
});
