// QHstsPolicy against PyQt6, live: the same calls, the same answers (how Qt parses and shows the
// host, expiry and isExpired, ==). test/fixtures/parity/value_calls.py computes PyQt6's side.
import { inspect } from 'node:util';
import { QHstsPolicy, QUrl } from '../../lib';
import { describeParity, resultsOf, type Arg, type Scenario } from '../fixtures/parity/value_calls';

const flag = (v: number): Arg => ({ enum: 'PolicyFlag', v });
const mode = (v: number): Arg => ({ enum: 'ParsingMode', v });
const opts = (v: number): Arg => ({ enum: 'ComponentFormattingOption', v });
type When = number | null | 'nan';
const PAST = Date.UTC(2001, 0, 2, 3, 4, 5, 6);
const FUTURE = Date.UTC(2999, 11, 31);
const one = (init: Arg[] | null, ...calls: [string, ...Arg[]][]): Scenario => ({
  objects: { a: init === null ? ['QHstsPolicy'] : ['QHstsPolicy', ...init] },
  calls: calls.map(([m, ...args]) => ['a', m, ...args]),
});
const pair = (a: Arg[], b: Arg[]): Scenario => ({
  objects: { a: ['QHstsPolicy', ...a], b: ['QHstsPolicy', ...b] },
  calls: [
    ['a', 'equals', { obj: 'b' }],
    ['b', 'equals', { obj: 'a' }],
  ],
});
const hosts = [
  'example.com',
  '',
  'EXAMPLE.com',
  'b\u00fccher.de',
  'xn--bcher-kva.de',
  '%65x.com',
  'a b',
  '[::1]',
  '1.2.3.4',
];

const cases: Record<string, Scenario[]> = {
  defaults: [one(null, ['host'], ['expiry'], ['includesSubDomains'], ['isExpired'])],
  constructed: [
    ...([null, 'nan', PAST, FUTURE, 0, -1, 8.64e15] as When[]).map((d) =>
      one([{ date: d }, flag(1), 'example.com'], ['expiry'], ['isExpired'], ['includesSubDomains']),
    ),
    one([{ date: FUTURE }, flag(0), 'h.example'], ['includesSubDomains'], ['host']),
    ...hosts.flatMap((h) =>
      [0, 1, 2].map((m) => one([{ date: FUTURE }, flag(0), h, mode(m)], ['host'], ['host', opts(0x7f00000)])),
    ),
  ],
  setters: [
    ...hosts.flatMap((h) =>
      [0, 1, 2].map((m) =>
        one(
          null,
          ['setHost', h, mode(m)],
          ['host'],
          ['host', opts(0)],
          ['host', opts(0x100000)],
          ['host', opts(0x1000000)],
        ),
      ),
    ),
    one(null, ['setHost', 'x.org'], ['host'], ['setHost', ''], ['host']),
    ...([null, 'nan', PAST, FUTURE, -8.64e15] as When[]).map((d) =>
      one(null, ['setExpiry', { date: d }], ['expiry'], ['isExpired']),
    ),
    one(null, ['setExpiry', { date: FUTURE }], ['setExpiry', { date: null }], ['expiry'], ['isExpired']),
    one(
      null,
      ['setIncludesSubDomains', true],
      ['includesSubDomains'],
      ['setIncludesSubDomains', false],
      ['includesSubDomains'],
    ),
  ],
  equality: [
    pair([], []),
    pair([{ date: PAST }, flag(1), 'a.com'], [{ date: PAST }, flag(1), 'a.com']),
    pair([{ date: PAST }, flag(1), 'a.com'], [{ date: PAST + 1 }, flag(1), 'a.com']),
    pair([{ date: PAST }, flag(1), 'a.com'], [{ date: PAST }, flag(0), 'a.com']),
    pair([{ date: PAST }, flag(1), 'a.com'], [{ date: PAST }, flag(1), 'A.com']),
    pair([{ date: PAST }, flag(1), 'a.com'], [{ date: PAST }, flag(1), 'b.com']),
    pair([{ date: null }, flag(0), ''], []),
    pair([{ date: 'nan' }, flag(0), ''], [{ date: null }, flag(0), '']),
  ],
  // swap, and a copy that does not follow its original.
  copies: [
    {
      objects: { a: ['QHstsPolicy', { date: PAST }, flag(1), 'a.com'], b: ['QHstsPolicy'] },
      calls: [
        ['a', 'swap', { obj: 'b' }],
        ['a', 'host'],
        ['b', 'host'],
        ['b', 'includesSubDomains'],
      ],
    },
    {
      objects: { a: ['QHstsPolicy', { date: PAST }, flag(1), 'a.com'], b: ['QHstsPolicy', { obj: 'a' }] },
      calls: [
        ['b', 'equals', { obj: 'a' }],
        ['a', 'setHost', 'c.com'],
        ['b', 'host'],
        ['b', 'equals', { obj: 'a' }],
      ],
    },
  ],
  // What PyQt6 refuses, ours refuses with the same kind of error.
  refused: [
    one(null, ['setHost', 5], ['setExpiry', 'tomorrow'], ['setIncludesSubDomains', 'yes'], ['swap', 'a']),
    one(null, ['setHost', 'a.com', 7], ['host', opts(0)], ['equals', 'a.com']),
  ],
};

describeParity(cases, (answered) => {
  const flat = JSON.stringify(resultsOf(answered, 'constructed').concat(resultsOf(answered, 'setters')));
  for (const needle of [`{"date":${PAST}}`, `{"date":${FUTURE}}`, '"ex.com"', 'b\u00fccher.de', '"example.com"'])
    expect(flat).toContain(needle);
  expect(resultsOf(answered, 'setters')).toContain(null); // an unset expiry
  const eq = resultsOf(answered, 'equality');
  expect(eq.filter((v) => v === true).length).toBeGreaterThan(2);
  expect(eq.filter((v) => v === false).length).toBeGreaterThan(2);
  const refused = JSON.stringify(resultsOf(answered, 'refused'));
  expect(refused).toContain('"raises":"TypeError"');
});

describe('our side', () => {
  test('expiry is a Date in UTC or null; an invalid Date is no expiry', () => {
    const p = new QHstsPolicy(new Date(PAST), QHstsPolicy.PolicyFlag.IncludeSubDomains, 'a.com');
    expect(p.expiry()).toEqual(new Date(PAST));
    expect(p.isExpired()).toBe(true);
    p.setExpiry(new Date(NaN));
    expect(p.expiry()).toBeNull();
    p.setExpiry(new Date(FUTURE));
    expect(p.isExpired()).toBe(false);
    expect(new QHstsPolicy(null, 0, 'a.com').equals(new QHstsPolicy(new Date(NaN), 0, 'a.com'))).toBe(true);
  });

  test('copies are values: the getter returns a new Date each time', () => {
    const p = new QHstsPolicy(new Date(FUTURE), 1, 'a.com');
    const d = p.expiry() as Date;
    d.setTime(0);
    expect(p.expiry()).toEqual(new Date(FUTURE));
    const q = new QHstsPolicy(p);
    p.setHost('b.com');
    expect(q.host()).toBe('a.com');
    expect(p.equals('a.com')).toBe(false);
  });

  test('bad arguments name the method, the argument and what was given', () => {
    const p = new QHstsPolicy();
    expect(() => p.setExpiry(12 as never)).toThrow(
      new TypeError("QHstsPolicy.setExpiry: argument 'expiry' must be a Date or null, got number 12"),
    );
    expect(() => p.setHost(null as never)).toThrow(
      new TypeError("QHstsPolicy.setHost: argument 'host' must be a string, got null"),
    );
    expect(() => p.setHost('a', 9 as never)).toThrow(
      /QHstsPolicy.setHost: argument 'mode' must be a QUrl.ParsingMode member, got number 9/,
    );
    expect(() => p.host(-1)).toThrow(/QHstsPolicy.host: argument 'options'.*got number -1/);
    expect(() => new QHstsPolicy(null, 2, 'a')).toThrow(/QHstsPolicy: argument 'flags'.*got number 2/);
    expect(() => new QHstsPolicy('x' as never)).toThrow(
      /QHstsPolicy: argument 'rhs' must be a QHstsPolicy, got string "x"/,
    );
    expect(() => new (QHstsPolicy as unknown as new (...a: unknown[]) => QHstsPolicy)(null, 0)).toThrow(
      /QHstsPolicy: expected 3 to 4 argument/,
    );
    expect(() => p.setIncludesSubDomains(1 as never)).toThrow(/argument 'include' must be a boolean, got number 1/);
    expect(() => p.swap(new QUrl() as never)).toThrow(
      /QHstsPolicy.swap: argument 'other' must be a QHstsPolicy, got QUrl object/,
    );
    expect(() => (p as unknown as { isExpired(x: number): boolean }).isExpired(1)).toThrow(
      /QHstsPolicy.isExpired: expected 0 argument/,
    );
  });

  test('inspect shows host, expiry and includesSubDomains', () => {
    expect(inspect(new QHstsPolicy(null, 1, 'a.com'))).toBe(
      "QHstsPolicy { host: 'a.com', expiry: null, includesSubDomains: true }",
    );
  });
});
