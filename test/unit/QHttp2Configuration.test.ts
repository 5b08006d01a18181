// QHttp2Configuration against PyQt6, live: the same calls, the same answers (which sizes Qt
// accepts, its defaults, ==), and QNetworkRequest's copy of one. test/fixtures/parity/value_calls.py
// computes PyQt6's side.
import { inspect } from 'node:util';
import { QHttp2Configuration, QNetworkRequest } from '../../lib';
import { describeParity, resultsOf, type Arg, type Scenario } from '../fixtures/parity/value_calls';

const one = (...calls: [string, ...Arg[]][]): Scenario => ({
  objects: { a: ['QHttp2Configuration'] },
  calls: calls.map(([m, ...args]) => ['a', m, ...args]),
});
const pair = (aCalls: [string, ...Arg[]][], bCalls: [string, ...Arg[]][]): Scenario => ({
  objects: { a: ['QHttp2Configuration'], b: ['QHttp2Configuration'] },
  calls: [
    ...aCalls.map(([m, ...args]): [string, string, ...Arg[]] => ['a', m, ...args]),
    ...bCalls.map(([m, ...args]): [string, string, ...Arg[]] => ['b', m, ...args]),
    ['a', 'equals', { obj: 'b' }],
    ['b', 'equals', { obj: 'a' }],
  ],
});

// Around each bound HTTP/2 sets (RFC 7540: windows up to 2**31-1, frames 2**14..2**24-1), and
// past what an unsigned int holds (PyQt6's OverflowError, our RangeError).
const sizes = [
  -1,
  0,
  1,
  16383,
  16384,
  65535,
  65536,
  2 ** 24 - 1,
  2 ** 24,
  2 ** 31 - 1,
  2 ** 31,
  2 ** 32 - 1,
  2 ** 32,
  2 ** 53,
];
const sizeSetters = ['setSessionReceiveWindowSize', 'setStreamReceiveWindowSize', 'setMaxFrameSize'];
const getterOf: Record<string, string> = {
  setSessionReceiveWindowSize: 'sessionReceiveWindowSize',
  setStreamReceiveWindowSize: 'streamReceiveWindowSize',
  setMaxFrameSize: 'maxFrameSize',
};

const cases: Record<string, Scenario[]> = {
  defaults: [
    one(
      ['serverPushEnabled'],
      ['huffmanCompressionEnabled'],
      ['sessionReceiveWindowSize'],
      ['streamReceiveWindowSize'],
      ['maxFrameSize'],
    ),
  ],
  flags: [
    one(['setServerPushEnabled', true], ['serverPushEnabled'], ['setServerPushEnabled', false], ['serverPushEnabled']),
    one(
      ['setHuffmanCompressionEnabled', false],
      ['huffmanCompressionEnabled'],
      ['setHuffmanCompressionEnabled', true],
      ['huffmanCompressionEnabled'],
    ),
  ],
  sizes: sizeSetters.flatMap((s) => sizes.map((n) => one([s, n], [getterOf[s]]))),
  // A refused size leaves the one set before.
  kept: sizeSetters.map((s) => one([s, 100000], [s, 0], [getterOf[s]], [s, 2 ** 32], [getterOf[s]])),
  equality: [
    pair([], []),
    pair([['setServerPushEnabled', true]], []),
    pair([['setHuffmanCompressionEnabled', false]], []),
    pair([['setMaxFrameSize', 20000]], [['setMaxFrameSize', 20000]]),
    pair([['setMaxFrameSize', 20000]], [['setMaxFrameSize', 20001]]),
    pair([['setSessionReceiveWindowSize', 70000]], []),
    pair([['setStreamReceiveWindowSize', 70000]], [['setSessionReceiveWindowSize', 70000]]),
    pair([['setMaxFrameSize', 0]], []),
  ],
  copies: [
    {
      objects: { a: ['QHttp2Configuration'], b: ['QHttp2Configuration'] },
      calls: [
        ['a', 'setServerPushEnabled', true],
        ['a', 'setMaxFrameSize', 32768],
        ['a', 'swap', { obj: 'b' }],
        ['a', 'serverPushEnabled'],
        ['b', 'serverPushEnabled'],
        ['b', 'maxFrameSize'],
        ['a', 'maxFrameSize'],
      ],
    },
    {
      objects: { a: ['QHttp2Configuration'], b: ['QHttp2Configuration', { obj: 'a' }] },
      calls: [
        ['a', 'equals', { obj: 'b' }],
        ['a', 'setServerPushEnabled', true],
        ['b', 'serverPushEnabled'],
        ['a', 'equals', { obj: 'b' }],
      ],
    },
  ],
  // A request's own (Qt's QNetworkRequest starts with other window and frame sizes than a
  // default QHttp2Configuration), a copy in and out.
  request: [
    {
      objects: { r: ['QNetworkRequest'], c: ['QHttp2Configuration'], d: ['QHttp2Configuration'] },
      calls: [
        ['r', 'http2Configuration'],
        ['c', 'setServerPushEnabled', true],
        ['c', 'setMaxFrameSize', 40000],
        ['r', 'setHttp2Configuration', { obj: 'c' }],
        ['c', 'setMaxFrameSize', 50000],
        ['r', 'http2Configuration'],
        ['r', 'setHttp2Configuration', { obj: 'd' }],
        ['r', 'http2Configuration'],
        ['r', 'setHttp2Configuration', 'x'],
      ],
    },
  ],
  refused: [one(['setMaxFrameSize', 'big'], ['setMaxFrameSize', 1.5], ['swap', 'x'])],
};

describeParity(cases, (answered) => {
  const sized = resultsOf(answered, 'sizes');
  expect(sized.filter((v) => v === true).length).toBeGreaterThan(10);
  expect(sized.filter((v) => v === false).length).toBeGreaterThan(5);
  expect(sized).toContainEqual({ raises: 'RangeError' });
  expect(sized).toContain(2 ** 31 - 1);
  expect(sized).toContain(2 ** 24 - 1);
  const eq = resultsOf(answered, 'equality');
  expect(eq.filter((v) => v === true).length).toBeGreaterThan(2);
  expect(eq.filter((v) => v === false).length).toBeGreaterThan(2);
  expect(resultsOf(answered, 'refused')).toContainEqual({ raises: 'TypeError' });
  const req = resultsOf(answered, 'request') as { maxFrameSize?: number }[];
  expect(req.map((r) => r?.maxFrameSize)).toContain(40000);
});

describe('our side', () => {
  test("QNetworkRequest holds a copy: changing one after setHttp2Configuration or from http2Configuration() doesn't change the request's", () => {
    const r = new QNetworkRequest();
    const c = new QHttp2Configuration();
    c.setServerPushEnabled(true);
    c.setMaxFrameSize(40000);
    r.setHttp2Configuration(c);
    c.setMaxFrameSize(50000);
    const got = r.http2Configuration();
    expect(got.maxFrameSize()).toBe(40000);
    expect(got.serverPushEnabled()).toBe(true);
    got.setServerPushEnabled(false);
    expect(r.http2Configuration().serverPushEnabled()).toBe(true);
    // A copied request carries it; == compares it (Qt's QNetworkRequest::operator==).
    const r2 = new QNetworkRequest(r);
    expect(r2.http2Configuration().maxFrameSize()).toBe(40000);
    expect(r2.equals(r)).toBe(true);
    r2.setHttp2Configuration(new QHttp2Configuration());
    expect(r2.equals(r)).toBe(false);
  });

  test('bad arguments name the method, the argument and what was given', () => {
    const c = new QHttp2Configuration();
    expect(() => c.setMaxFrameSize(-1)).toThrow(
      new RangeError("QHttp2Configuration.setMaxFrameSize: argument 'size' must be in 0..4294967295, got -1"),
    );
    expect(() => c.setSessionReceiveWindowSize(2 ** 32)).toThrow(RangeError);
    expect(() => c.setStreamReceiveWindowSize(NaN)).toThrow(
      /QHttp2Configuration.setStreamReceiveWindowSize: argument 'size' must be an integer, got number NaN/,
    );
    expect(() => c.setHuffmanCompressionEnabled('no' as never)).toThrow(
      /setHuffmanCompressionEnabled: argument 'enable' must be a boolean, got string "no"/,
    );
    expect(() => new QHttp2Configuration({} as never)).toThrow(
      /QHttp2Configuration: argument 'other' must be a QHttp2Configuration, got Object object/,
    );
    expect(() => new QNetworkRequest().setHttp2Configuration(null as never)).toThrow(
      /QNetworkRequest.setHttp2Configuration: argument 'configuration' must be a QHttp2Configuration, got null/,
    );
    expect(() => (c as unknown as { maxFrameSize(x: number): number }).maxFrameSize(1)).toThrow(/expected 0 argument/);
    expect(c.equals(null)).toBe(false);
  });

  test('inspect shows every setting', () => {
    expect(inspect(new QHttp2Configuration())).toMatch(
      /^QHttp2Configuration \{\s+serverPushEnabled: false,.*maxFrameSize: 16384\s+\}$/s,
    );
  });
});
