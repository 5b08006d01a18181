// QSslCertificateExtension: a certificate's X.509v3 extensions as a program reads them, the values
// as PyQt6 converts Qt's QVariant (compared with PyQt6 in test/parity/ssl_values.test.ts).
import { inspect } from 'node:util';
import { QSslCertificate, QSslCertificateExtension } from '../../lib';
import { makeCertificates, type TestCertificates } from '../certificates';

let certs: TestCertificates;
beforeAll(() => {
  certs = makeCertificates('sslext');
});
afterAll(() => certs.remove());

const byName = (file: string): Map<string, QSslCertificateExtension> =>
  new Map(new QSslCertificate(certs.read(file)).extensions().map((e) => [e.name(), e]));

test("the CA's basicConstraints and keyUsage: critical, decoded into fields", () => {
  const ext = byName(certs.ca.cert);
  const basic = ext.get('basicConstraints')!;
  expect([basic.oid(), basic.isCritical(), basic.isSupported()]).toEqual(['2.5.29.19', true, true]);
  expect(basic.value()).toEqual({ ca: true });
  expect(ext.get('keyUsage')!.isCritical()).toBe(true);
});

test("the server's extensions: names, OIDs, and the values Qt gives", () => {
  const ext = byName(certs.server.cert);
  expect([...ext.keys()].sort()).toEqual(
    ['authorityKeyIdentifier', 'extendedKeyUsage', 'subjectAltName', 'subjectKeyIdentifier'],
  ); // prettier-ignore
  expect(ext.get('subjectAltName')!.oid()).toBe('2.5.29.17');
  expect(ext.get('subjectAltName')!.value()).toEqual({ DNS: 'localhost', 'IP Address': '127.0.0.1' });
  expect(ext.get('extendedKeyUsage')!.value()).toEqual(['TLS Web Server Authentication']);
  // The key identifiers: the subject's as a hex string with colons; the issuer's under 'keyid' as
  // bytes holding hex text (Qt's form, PyQt6's too).
  const subjectKeyId = ext.get('subjectKeyIdentifier')!.value() as string;
  expect(subjectKeyId).toMatch(/^([0-9A-F]{2}:){19}[0-9A-F]{2}$/);
  const caKeyId = byName(certs.ca.cert).get('subjectKeyIdentifier')!.value() as string;
  const authority = ext.get('authorityKeyIdentifier')!.value() as { keyid: Buffer };
  expect(authority.keyid.toString('latin1').toUpperCase()).toBe(caKeyId.replace(/:/g, ''));
  expect(ext.get('subjectAltName')!.isCritical()).toBe(false);
});

test('a default extension is empty; copy and swap', () => {
  const none = new QSslCertificateExtension();
  expect([none.name(), none.oid(), none.isCritical(), none.isSupported(), none.value()]).toEqual([
    '',
    '',
    false,
    false,
    null,
  ]);
  const basic = byName(certs.ca.cert).get('basicConstraints')!;
  const copy = new QSslCertificateExtension(basic);
  expect(copy.value()).toEqual({ ca: true });
  copy.swap(none);
  expect([copy.name(), none.name()]).toEqual(['', 'basicConstraints']);
  expect(() => copy.swap({} as never)).toThrow("QSslCertificateExtension.swap: argument 'other'");
  expect(() => new QSslCertificateExtension('x' as never)).toThrow(TypeError);
});

test('inspect shows name, OID, criticality and value', () => {
  const shown = inspect(byName(certs.ca.cert).get('basicConstraints'), { breakLength: Infinity });
  expect(shown).toBe(
    "QSslCertificateExtension { name: 'basicConstraints', oid: '2.5.29.19', critical: true, value: { ca: true } }",
  );
  expect(inspect(Object.create(QSslCertificateExtension.prototype))).toBe('QSslCertificateExtension {}');
});
