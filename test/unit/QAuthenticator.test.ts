// QAuthenticator against PyQt6, live: the same calls, the same answers (Qt's null state, its ==,
// how setOption compares QVariants). test/fixtures/parity/value_calls.py computes PyQt6's side.
import { format, inspect } from 'node:util';
import { QAuthenticator } from '../../lib';
import { fromNative, nativeOf } from '../../lib/QAuthenticator';
import { describeParity, resultsOf, type Arg, type Scenario } from '../fixtures/parity/value_calls';

const bytes = (s: string): Arg => ({ bytes: Buffer.from(s, 'latin1').toString('hex') });
const one = (...calls: [string, ...Arg[]][]): Scenario => ({
  objects: { a: ['QAuthenticator'] },
  calls: calls.map(([m, ...args]) => ['a', m, ...args]),
});
const pair = (aCalls: [string, ...Arg[]][], bCalls: [string, ...Arg[]][]): Scenario => ({
  objects: { a: ['QAuthenticator'], b: ['QAuthenticator'] },
  calls: [
    ...aCalls.map(([m, ...args]): [string, string, ...Arg[]] => ['a', m, ...args]),
    ...bCalls.map(([m, ...args]): [string, string, ...Arg[]] => ['b', m, ...args]),
    ['a', 'equals', { obj: 'b' }],
    ['b', 'equals', { obj: 'a' }],
  ],
});

const optionValues: Arg[] = [
  'text',
  '',
  1,
  -7,
  2 ** 40,
  2.5,
  true,
  false,
  bytes('\u0000\u00ff'),
  { date: Date.UTC(2021, 5, 7) },
  null,
];

const cases = {
  defaults: [
    one(['option', 'nope']),
    { objects: { a: ['QAuthenticator'], b: ['QAuthenticator', { obj: 'a' }] }, calls: [] },
  ] as Scenario[],
  setters: [
    ...['', 'user', 'DOMAIN\\user', '\u00fc\u00df\u4e2d', 'a\u0000b'].map((u) =>
      one(['setUser', u], ['user'], ['isNull']),
    ),
    ...['', 'p@ss:w/rd', '\u00fc\u00df'].map((pw) => one(['setPassword', pw], ['password'], ['isNull'])),
    ...optionValues.map((v) => one(['setOption', 'k', v], ['option', 'k'], ['option', 'other'], ['isNull'])),
    one(['setOption', 'k', 1], ['setOption', 'k', true], ['option', 'k']),
    one(['setOption', 'k', 1], ['setOption', 'k', 2.5], ['option', 'k']),
    one(['setOption', 'k', 1], ['setOption', 'k', null], ['option', 'k'], ['options']),
    one(
      ['setOption', 'k', 'x'],
      ['setOption', 'K', 'y'],
      ['setOption', '', 'z'],
      ['setOption', '__proto__', 'p'],
      ['options'],
    ),
    one(['setUser', 'u'], ['setPassword', 'p'], ['setOption', 'k', 'v'], ['realm']),
  ] as Scenario[],
  equality: [
    pair([], []),
    pair([['setUser', 'u']], []),
    pair([['setUser', '']], []),
    pair([['setUser', 'u']], [['setUser', 'u']]),
    pair([['setUser', 'u']], [['setUser', 'U']]),
    pair(
      [
        ['setUser', 'u'],
        ['setPassword', 'p'],
      ],
      [
        ['setUser', 'u'],
        ['setPassword', 'q'],
      ],
    ),
    pair(
      [
        ['setUser', 'u'],
        ['setPassword', 'p'],
      ],
      [
        ['setPassword', 'p'],
        ['setUser', 'u'],
      ],
    ),
    pair([['setOption', 'k', 1]], [['setOption', 'k', 1]]),
    pair([['setOption', 'k', 1]], [['setOption', 'k', 2]]),
    pair([['setOption', 'k', 1]], [['setOption', 'k', true]]),
    pair([['setOption', 'k', 1]], [['setOption', 'k', '1']]),
    pair([['setOption', 'k', 1]], []),
    pair([['setOption', 'k', null]], []),
  ],
  // A copy of a null one, then the original changes (a filled copy is below, in JS only: a
  // scenario constructs its objects before its calls).
  copies: [
    {
      objects: { a: ['QAuthenticator'], b: ['QAuthenticator', { obj: 'a' }] },
      calls: [
        ['a', 'setUser', 'u'],
        ['b', 'isNull'],
        ['a', 'equals', { obj: 'b' }],
      ],
    },
  ] as Scenario[],
};

describeParity(cases, (answered) => {
  const eq = resultsOf(answered, 'equality');
  expect(eq.filter((v) => v === true).length).toBeGreaterThan(5);
  expect(eq.filter((v) => v === false).length).toBeGreaterThan(5);
  const flat = JSON.stringify(resultsOf(answered, 'setters'));
  for (const needle of ['1099511627776', '2.5', '{"bytes":"00ff"}', '{"date":1623024000000}', '"__proto__":"p"'])
    expect(flat).toContain(needle);
});

test('copies are independent values; options() is a fresh object', () => {
  const a = new QAuthenticator();
  expect(a.isNull()).toBe(true);
  a.setUser('u');
  a.setPassword('p');
  a.setOption('k', Buffer.from([1, 2]));
  const b = new QAuthenticator(a);
  expect(b.equals(a)).toBe(true);
  b.setPassword('q');
  expect([a.password(), b.password(), a.equals(b)]).toEqual(['p', 'q', false]);
  expect(a.option('k')).toEqual(Buffer.from([1, 2]));
  const opts = a.options();
  opts.k = 'changed';
  expect(a.option('k')).toEqual(Buffer.from([1, 2]));
  a.setOption('__proto__', 'x');
  expect(Object.getPrototypeOf(a.options())).toBe(Object.prototype);
  expect(Object.keys(a.options()).sort()).toEqual(['__proto__', 'k']);
  expect(a.equals({})).toBe(false);
});

test('the internal helpers: nativeOf reads the native object, fromNative copies it', () => {
  const a = new QAuthenticator();
  a.setUser('u');
  const c = fromNative(nativeOf(a));
  expect(c).toBeInstanceOf(QAuthenticator);
  expect(c.equals(a)).toBe(true);
  c.setUser('v');
  expect(a.user()).toBe('u');
});

test('bad input is a TypeError naming the method and argument', () => {
  const a = new QAuthenticator();
  expect(() => new QAuthenticator('x' as never)).toThrow(/^QAuthenticator: argument 'other'/);
  // @ts-expect-error: one argument too many, on purpose
  expect(() => new QAuthenticator(a, a)).toThrow(TypeError);
  expect(() => a.setUser(5 as never)).toThrow(/QAuthenticator.setUser: argument 'user'/);
  expect(() => a.setPassword(undefined as never)).toThrow(/QAuthenticator.setPassword: argument 'password'/);
  expect(() => a.option(1 as never)).toThrow(/QAuthenticator.option: argument 'opt'/);
  expect(() => a.setOption(1 as never, 'x')).toThrow(/QAuthenticator.setOption: argument 'opt'/);
  expect(() => a.setOption('k', {} as never)).toThrow(/QAuthenticator.setOption: argument 'value'/);
  expect(() => a.setOption('k', [1] as never)).toThrow(TypeError);
  expect(() => (a as unknown as { user(x: number): string }).user(1)).toThrow(
    /QAuthenticator.user: expected 0 argument/,
  );
  // @ts-expect-error: no argument, on purpose
  expect(() => a.equals()).toThrow(TypeError);
  expect(() => QAuthenticator.prototype.user.call({})).toThrow(TypeError);
});

test('the password is never shown: inspect, console.log, JSON, errors', () => {
  const secret = 'S3cr3t-pw';
  const a = new QAuthenticator();
  a.setUser('alice');
  a.setPassword(secret);
  a.setOption('realmHint', 'x');
  const shown = [
    inspect(a),
    inspect(a, { showHidden: true, depth: 10 }),
    inspect(a, { customInspect: false, showHidden: true }),
    inspect({ nested: [a] }),
    format('%s %o %O %j', a, a, a, a),
    String(a),
    JSON.stringify(a),
    JSON.stringify({ a }),
  ];
  for (const s of shown) expect(s).not.toContain(secret);
  expect(inspect(a)).toContain("password: '<hidden>'");
  expect(inspect(new QAuthenticator())).toBe('QAuthenticator()');
  expect(JSON.parse(JSON.stringify(a))).toEqual({ user: 'alice', realm: '', options: { realmHint: 'x' } });
  const messages: string[] = [];
  for (const f of [
    () => a.setPassword(4242 as never),
    () => a.setPassword(Buffer.from(secret) as never),
    () => (a.setPassword as (x: string, y: string) => void)(secret, secret),
  ]) {
    try {
      f();
    } catch (e) {
      messages.push((e as Error).message);
    }
  }
  expect(messages.length).toBe(3);
  for (const m of messages) {
    expect(m).not.toContain(secret);
    expect(m).not.toContain('4242');
  }
});
