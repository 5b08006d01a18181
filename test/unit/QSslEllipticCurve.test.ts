// QSslEllipticCurve against PyQt6, live (test/fixtures/parity/value_calls.py runs the same calls):
// curves by short and long name, names the TLS backend does not know, which are TLS named curves.
import { inspect } from 'node:util';
import { QSslEllipticCurve } from '../../lib';
import { describeParity, resultsOf, type Scenario } from '../fixtures/parity/value_calls';

const byShort = [
  'prime256v1',
  'secp384r1',
  'secp521r1',
  'X25519',
  'brainpoolP256r1',
  'secp112r1',
  'x25519',
  'nope',
  '',
];
const byLong = ['prime256v1', 'ANSI X9.62 Prime 256v1', 'secp384r1', 'nope', ''];

const cases: Record<string, Scenario[]> = {
  names: [
    {
      objects: { none: ['QSslEllipticCurve'] },
      calls: [
        ...byShort.map((n): [string, string, string] => ['QSslEllipticCurve', 'fromShortName', n]),
        ...byLong.map((n): [string, string, string] => ['QSslEllipticCurve', 'fromLongName', n]),
      ],
    },
  ],
  equality: [
    {
      objects: { none: ['QSslEllipticCurve'], copy: ['QSslEllipticCurve', { obj: 'none' }] },
      calls: [
        ['none', 'equals', { obj: 'copy' }],
        ['QSslEllipticCurve', 'fromShortName', 1],
        ['QSslEllipticCurve', 'fromLongName', { raw: '00' }],
      ],
    },
  ],
};

describeParity(cases, (answered) => {
  const curves = resultsOf(answered, 'names') as { isValid: boolean; isTlsNamedCurve: boolean; shortName: string }[];
  expect(curves.filter((c) => c.isValid && c.isTlsNamedCurve).length).toBeGreaterThanOrEqual(4);
  expect(curves.filter((c) => c.isValid && !c.isTlsNamedCurve).length).toBeGreaterThanOrEqual(1);
  expect(curves.filter((c) => !c.isValid).length).toBeGreaterThanOrEqual(4);
  expect(resultsOf(answered, 'equality')).toEqual([true, { raises: 'TypeError' }, { raises: 'TypeError' }]);
});

describe('QSslEllipticCurve', () => {
  test('prime256v1 by short name: valid, a TLS named curve, equal to itself by either name', () => {
    const c = QSslEllipticCurve.fromShortName('prime256v1');
    expect([c.isValid(), c.isTlsNamedCurve(), c.shortName()]).toEqual([true, true, 'prime256v1']);
    expect(QSslEllipticCurve.fromLongName(c.longName()).equals(c)).toBe(true);
    expect(new QSslEllipticCurve(c).equals(c)).toBe(true);
    expect(c.equals(QSslEllipticCurve.fromShortName('secp384r1'))).toBe(false);
    expect(inspect(c)).toContain("shortName: 'prime256v1'");
  });

  test('an unknown name gives the invalid curve, equal to QSslEllipticCurve()', () => {
    const c = QSslEllipticCurve.fromShortName('no-such-curve');
    expect([c.isValid(), c.isTlsNamedCurve(), c.shortName(), c.longName()]).toEqual([false, false, '', '']);
    expect(c.equals(new QSslEllipticCurve())).toBe(true);
    expect(inspect(c)).toBe('QSslEllipticCurve()');
  });

  test('arguments are checked with the method and argument named', () => {
    expect(() => QSslEllipticCurve.fromShortName(undefined as never)).toThrow(
      /QSslEllipticCurve.fromShortName: argument 'name' must be a string/,
    );
    expect(() => new QSslEllipticCurve({} as never)).toThrow(/argument 'other' must be a QSslEllipticCurve/);
  });
});
