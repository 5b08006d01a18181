// QSslError: what a program reads from the errors of a handshake or of QSslCertificate.verify();
// each enum value's text is compared with PyQt6's in test/parity/ssl_values.test.ts.
import { inspect } from 'node:util';
import { QSslCertificate, QSslError } from '../../lib';
import { makeCertificates, type TestCertificates } from '../certificates';

let certs: TestCertificates;
let cert: QSslCertificate;
beforeAll(() => {
  certs = makeCertificates('sslerror');
  cert = new QSslCertificate(certs.read(certs.server.cert));
});
afterAll(() => certs.remove());

test('the default error is NoError, about the null certificate', () => {
  const e = new QSslError();
  expect(e.error()).toBe(QSslError.SslError.NoError);
  expect(e.errorString()).toBe('No error');
  expect(e.certificate().isNull()).toBe(true);
});

test('an error with and without a certificate; each value has a text of its own', () => {
  const e = new QSslError(QSslError.SslError.CertificateExpired, cert);
  expect(e.error()).toBe(QSslError.SslError.CertificateExpired);
  expect(e.certificate().equals(cert)).toBe(true);
  expect(new QSslError(QSslError.SslError.HostNameMismatch).certificate().isNull()).toBe(true);
  const values = Object.values(QSslError.SslError).filter((v): v is number => typeof v === 'number');
  const texts = values.map((v) => new QSslError(v).errorString());
  // Qt 6.4 has no text for NoSslSupport (PyQt6 gives '' too).
  expect(texts.filter((t) => t === '')).toEqual(['']);
  expect(new QSslError(QSslError.SslError.NoSslSupport).errorString()).toBe('');
  expect(new Set(texts).size).toBeGreaterThan(30);
});

test('equals: the same error about the same certificate; copy and swap', () => {
  const a = new QSslError(QSslError.SslError.CertificateExpired, cert);
  expect(a.equals(new QSslError(QSslError.SslError.CertificateExpired, new QSslCertificate(cert)))).toBe(true);
  expect(a.equals(new QSslError(QSslError.SslError.CertificateExpired))).toBe(false);
  expect(a.equals(new QSslError(QSslError.SslError.CertificateRevoked, cert))).toBe(false);
  expect(a.equals(QSslError.SslError.CertificateExpired as unknown)).toBe(false);
  const copy = new QSslError(a);
  expect(copy.equals(a)).toBe(true);
  const b = new QSslError(QSslError.SslError.NoPeerCertificate);
  copy.swap(b);
  expect([copy.error(), b.error()]).toEqual([
    QSslError.SslError.NoPeerCertificate,
    QSslError.SslError.CertificateExpired,
  ]);
  expect(b.certificate().equals(cert)).toBe(true);
});

test('wrong arguments are TypeErrors', () => {
  expect(() => new QSslError(99 as never)).toThrow("QSslError: argument 'error' must be a QSslError.SslError member");
  expect(() => new QSslError(QSslError.SslError.NoError, 'x' as never)).toThrow(
    "QSslError: argument 'certificate' must be a QSslCertificate",
  );
  expect(() => new QSslError(new QSslError() as never, cert)).toThrow(TypeError);
  expect(() => new QSslError().swap(cert as never)).toThrow("QSslError.swap: argument 'other'");
});

test('inspect names the error and the certificate', () => {
  expect(inspect(new QSslError(QSslError.SslError.CertificateExpired, cert), { breakLength: Infinity })).toBe(
    "QSslError { error: 'CertificateExpired', errorString: 'The certificate has expired', certificate: 'localhost' }",
  );
  expect(inspect(Object.create(QSslError.prototype))).toBe('QSslError {}');
});
