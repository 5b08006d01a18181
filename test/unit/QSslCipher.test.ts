// QSslCipher against PyQt6, live (test/fixtures/parity/value_calls.py runs the same calls): the
// fields Qt reads from a name of the TLS backend's, with and without a protocol, and the null
// cipher an unknown name (or a name with another protocol) makes.
import { inspect } from 'node:util';
import { QSsl, QSslCipher } from '../../lib';
import { describeParity, resultsOf, type Scenario } from '../fixtures/parity/value_calls';

const TLS12 = 'ECDHE-RSA-AES128-GCM-SHA256';
const proto = (v: QSsl.SslProtocol) => ({ enum: 'SslProtocol' as const, v });

const cases: Record<string, Scenario[]> = {
  names: [
    {
      objects: {
        none: ['QSslCipher'],
        tls12: ['QSslCipher', TLS12],
        tls13: ['QSslCipher', 'TLS_AES_256_GCM_SHA384'],
        legacy: ['QSslCipher', 'AES128-SHA'],
        chacha: ['QSslCipher', 'ECDHE-ECDSA-CHACHA20-POLY1305'],
        unknown: ['QSslCipher', 'NOT-A-CIPHER'],
        empty: ['QSslCipher', ''],
        lower: ['QSslCipher', TLS12.toLowerCase()],
      },
      calls: [],
    },
    {
      objects: {
        right: ['QSslCipher', TLS12, proto(QSsl.SslProtocol.TlsV1_2)],
        wrong: ['QSslCipher', TLS12, proto(QSsl.SslProtocol.TlsV1_3)],
        any: ['QSslCipher', TLS12, proto(QSsl.SslProtocol.AnyProtocol)],
        unknownProto: ['QSslCipher', TLS12, proto(QSsl.SslProtocol.UnknownProtocol)],
        tls13: ['QSslCipher', 'TLS_AES_128_GCM_SHA256', proto(QSsl.SslProtocol.TlsV1_3)],
        copy: ['QSslCipher', { obj: 'right' }],
        plain: ['QSslCipher', TLS12],
      },
      calls: [
        ['right', 'equals', { obj: 'copy' }],
        ['right', 'equals', { obj: 'plain' }],
        ['wrong', 'equals', { obj: 'unknownProto' }],
        ['right', 'equals', { obj: 'tls13' }],
        ['right', 'swap', { obj: 'tls13' }],
        ['right', 'name'],
        ['copy', 'name'],
      ],
    },
  ],
};

describeParity(cases, (answered) => {
  const objects = answered.flatMap(([, , a]) => Object.values(a.objects)) as { isNull: boolean; name: string }[];
  // Both kinds: ciphers Qt found and null ones.
  expect(objects.filter((o) => !o.isNull).length).toBeGreaterThanOrEqual(6);
  expect(objects.filter((o) => o.isNull).length).toBeGreaterThanOrEqual(4);
  expect(objects.map((o) => o.name)).toContain(TLS12);
  const r = resultsOf(answered, 'names');
  expect(r.slice(0, 4)).toEqual([true, true, true, false]);
  expect(r.slice(5)).toEqual(['TLS_AES_128_GCM_SHA256', TLS12]);
});

describe('QSslCipher', () => {
  test("a TLS 1.2 cipher's fields, as Qt reads them from OpenSSL's description", () => {
    const c = new QSslCipher(TLS12);
    expect(c.isNull()).toBe(false);
    expect([c.name(), c.protocol(), c.protocolString()]).toEqual([TLS12, QSsl.SslProtocol.TlsV1_2, 'TLSv1.2']);
    expect([c.keyExchangeMethod(), c.authenticationMethod(), c.encryptionMethod()]).toEqual([
      'ECDH',
      'RSA',
      'AESGCM(128)',
    ]);
    expect([c.supportedBits(), c.usedBits()]).toEqual([128, 128]);
  });

  test('an unknown name is a null cipher: empty fields, UnknownProtocol, equal to QSslCipher()', () => {
    const c = new QSslCipher('NOT-A-CIPHER');
    expect(c.isNull()).toBe(true);
    expect([c.name(), c.protocol(), c.supportedBits()]).toEqual(['', QSsl.SslProtocol.UnknownProtocol, 0]);
    expect(c.equals(new QSslCipher())).toBe(true);
    expect(c.equals('NOT-A-CIPHER')).toBe(false);
  });

  test('arguments are checked with the method and argument named', () => {
    expect(() => new QSslCipher(1 as never)).toThrow(/QSslCipher: argument 'name' must be a string or a QSslCipher/);
    expect(() => new QSslCipher(TLS12, 99 as never)).toThrow(/argument 'protocol' must be a QSsl.SslProtocol member/);
    expect(() => new QSslCipher(new QSslCipher() as never, 2 as never)).toThrow(TypeError);
    expect(() => new QSslCipher().swap({} as never)).toThrow(/QSslCipher.swap: argument 'other' must be a QSslCipher/);
  });

  test('inspect shows the name and protocol, or QSslCipher() when null', () => {
    expect(inspect(new QSslCipher(TLS12))).toContain(`name: '${TLS12}'`);
    expect(inspect(new QSslCipher())).toBe('QSslCipher()');
  });
});
