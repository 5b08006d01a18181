// QSslDiffieHellmanParameters against PyQt6, live (test/fixtures/parity/value_calls.py runs the
// same calls): RFC 7919's ffdhe2048 made by openssl at test time, in PEM and DER, given as bytes
// and through a QBuffer; garbage; unsafe parameters (a composite "prime", a tiny prime) encoded
// here; the defaults and the empty parameters. Error codes, messages and equality are Qt's.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { inspect } from 'node:util';
import { QBuffer, QSsl, QSslDiffieHellmanParameters } from '../../lib';
import { describeParity, resultsOf, type Arg, type Scenario } from '../fixtures/parity/value_calls';
import { makeTempDir } from '../helpers';

// DER: an INTEGER, a SEQUENCE (PKCS#3 DHParameter is SEQUENCE { prime, base }).
function derLength(n: number): Buffer {
  if (n < 128) return Buffer.from([n]);
  const b = Buffer.from(n.toString(16).padStart(n > 255 ? 4 : 2, '0'), 'hex');
  return Buffer.concat([Buffer.from([0x80 | b.length]), b]);
}
function derInt(n: bigint): Buffer {
  let hex = n.toString(16);
  if (hex.length % 2) hex = '0' + hex;
  if (parseInt(hex[0], 16) >= 8) hex = '00' + hex; // positive
  const b = Buffer.from(hex, 'hex');
  return Buffer.concat([Buffer.from([0x02]), derLength(b.length), b]);
}
const dhParams = (p: bigint, g: bigint): Buffer => {
  const body = Buffer.concat([derInt(p), derInt(g)]);
  return Buffer.concat([Buffer.from([0x30]), derLength(body.length), body]);
};

const tmp = makeTempDir('dhparams');
afterAll(() => tmp.remove());
const openssl = (...args: string[]): void => {
  execFileSync('openssl', args, { cwd: tmp.dir, stdio: ['ignore', 'ignore', 'pipe'], timeout: 30000 });
};
openssl('genpkey', '-genparam', '-algorithm', 'DH', '-pkeyopt', 'group:ffdhe2048', '-out', 'ff.pem');
openssl('dhparam', '-in', 'ff.pem', '-outform', 'DER', '-out', 'ff.der');
const pem = fs.readFileSync(path.join(tmp.dir, 'ff.pem'));
const der = fs.readFileSync(path.join(tmp.dir, 'ff.der'));
// 2^2048 - 1 is not prime; 23 is, but far too small: both fail the backend's check.
const composite = dhParams(2n ** 2048n - 1n, 2n);
const tiny = dhParams(23n, 5n);

const fmt = (v: QSsl.EncodingFormat): Arg => ({ enum: 'EncodingFormat', v });
const hex = (b: Buffer): Arg => ({ raw: b.toString('hex') });
const DH = 'QSslDiffieHellmanParameters';

const cases: Record<string, Scenario[]> = {
  decode: [
    {
      objects: { empty: [DH] },
      calls: [
        [DH, 'fromEncoded', hex(pem)],
        [DH, 'fromEncoded', hex(pem), fmt(QSsl.EncodingFormat.Pem)],
        [DH, 'fromEncoded', hex(der), fmt(QSsl.EncodingFormat.Der)],
        [DH, 'fromEncoded', hex(der)], // DER read as PEM
        [DH, 'fromEncoded', hex(pem), fmt(QSsl.EncodingFormat.Der)],
        [DH, 'fromEncoded', { buffer: pem.toString('hex') }],
        [DH, 'fromEncoded', { buffer: der.toString('hex') }, fmt(QSsl.EncodingFormat.Der)],
        [DH, 'fromEncoded', { raw: Buffer.from('garbage').toString('hex') }],
        [DH, 'fromEncoded', { raw: '' }],
        [DH, 'fromEncoded', hex(composite), fmt(QSsl.EncodingFormat.Der)],
        [DH, 'fromEncoded', hex(tiny), fmt(QSsl.EncodingFormat.Der)],
        [DH, 'fromEncoded', { buffer: tiny.toString('hex') }, fmt(QSsl.EncodingFormat.Der)],
        [DH, 'defaultParameters'],
        [DH, 'fromEncoded', hex(pem), 7],
        [DH, 'fromEncoded', 12],
      ],
    },
  ],
  equality: [
    {
      objects: { a: [DH], b: [DH, { obj: 'a' }] },
      calls: [
        ['a', 'equals', { obj: 'b' }],
        ['a', 'isEmpty'],
        ['a', 'error'],
        ['a', 'errorString'],
      ],
    },
  ],
};

describeParity(cases, (answered) => {
  const r = resultsOf(answered, 'decode') as ({ error: number } | { raises: string })[];
  const errors = r.map((x) => ('error' in x ? x.error : x.raises));
  const E = QSslDiffieHellmanParameters.Error;
  expect(errors.filter((e) => e === E.NoError).length).toBeGreaterThanOrEqual(5);
  expect(errors.filter((e) => e === E.InvalidInputDataError).length).toBeGreaterThanOrEqual(3);
  expect(errors.filter((e) => e === E.UnsafeParametersError).length).toBe(3);
  expect(errors.filter((e) => e === 'TypeError').length).toBe(2);
  expect(resultsOf(answered, 'equality')[0]).toBe(true);
});

describe('QSslDiffieHellmanParameters', () => {
  test('the same parameters in PEM, DER and through a QBuffer are equal; the defaults are others', () => {
    const fromPem = QSslDiffieHellmanParameters.fromEncoded(pem);
    expect([fromPem.isValid(), fromPem.isEmpty(), fromPem.error()]).toEqual([
      true,
      false,
      QSslDiffieHellmanParameters.Error.NoError,
    ]);
    expect(fromPem.equals(QSslDiffieHellmanParameters.fromEncoded(der, QSsl.EncodingFormat.Der))).toBe(true);
    const buf = new QBuffer();
    buf.setData(pem);
    buf.open(QBuffer.OpenModeFlag.ReadOnly);
    expect(QSslDiffieHellmanParameters.fromEncoded(buf).equals(fromPem)).toBe(true);
    expect(buf.atEnd()).toBe(true); // read to the end, as Qt's readAll()
    const defaults = QSslDiffieHellmanParameters.defaultParameters();
    expect([defaults.isValid(), defaults.isEmpty()]).toEqual([true, false]);
    expect(defaults.equals(fromPem)).toBe(false);
  });

  test('garbage and unsafe parameters: not valid, with Qt error and message, no exception', () => {
    const bad = QSslDiffieHellmanParameters.fromEncoded('garbage');
    expect([bad.isValid(), bad.error(), bad.errorString()]).toEqual([
      false,
      QSslDiffieHellmanParameters.Error.InvalidInputDataError,
      'Invalid input data',
    ]);
    const unsafe = QSslDiffieHellmanParameters.fromEncoded(composite, QSsl.EncodingFormat.Der);
    expect([unsafe.isValid(), unsafe.error()]).toEqual([
      false,
      QSslDiffieHellmanParameters.Error.UnsafeParametersError,
    ]);
    expect(unsafe.errorString()).toMatch(/unsafe/);
    expect(inspect(unsafe)).toContain('isValid: false');
  });

  test('swap exchanges; a copy is equal; empty parameters are valid and empty', () => {
    const a = QSslDiffieHellmanParameters.fromEncoded(pem);
    const b = new QSslDiffieHellmanParameters();
    expect([b.isEmpty(), b.isValid()]).toEqual([true, true]);
    a.swap(b);
    expect([a.isEmpty(), b.isEmpty()]).toEqual([true, false]);
    expect(new QSslDiffieHellmanParameters(b).equals(b)).toBe(true);
    expect(inspect(a)).toBe('QSslDiffieHellmanParameters()');
  });

  test('null is PyQt6 None as the device: the empty parameters', () => {
    expect(QSslDiffieHellmanParameters.fromEncoded(null).isEmpty()).toBe(true);
  });

  test('arguments are checked with the method and argument named', () => {
    expect(() => QSslDiffieHellmanParameters.fromEncoded(pem, 5 as never)).toThrow(
      /QSslDiffieHellmanParameters.fromEncoded: argument 'encoding' must be a QSsl.EncodingFormat member/,
    );
    expect(() => QSslDiffieHellmanParameters.fromEncoded({} as never)).toThrow(/argument 'encoded' must be/);
    expect(() => new QSslDiffieHellmanParameters().swap({} as never)).toThrow(TypeError);
  });
});
