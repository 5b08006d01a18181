// QSslCertificate: what a program reads from a certificate, checked against Node's own X.509
// parser (crypto.X509Certificate, in a process of its own: nodeCryptoView) on certificates openssl
// makes for the test; PyQt6's answers are compared in test/parity/ssl_values.test.ts.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inspect } from 'node:util';
import { QBuffer, QByteArray, QCryptographicHash, QSsl, QSslCertificate, QSslError } from '../../lib';
import { makeCertificates, nodeCryptoView, type NodeCryptoView, type TestCertificates } from '../certificates';

let certs: TestCertificates;
let server: QSslCertificate;
let x509: NonNullable<NodeCryptoView['x509']>;
beforeAll(() => {
  certs = makeCertificates('sslcert');
  server = new QSslCertificate(certs.read(certs.server.cert));
  x509 = nodeCryptoView(certs.read(certs.server.cert)).x509!;
});
afterAll(() => certs.remove());

test('a PEM certificate: its DER form, digests, serial number and dates are those Node reads', () => {
  expect(server.isNull()).toBe(false);
  expect(server.toDer()).toEqual(x509.raw);
  expect(server.digest(QCryptographicHash.Algorithm.Sha256)).toEqual(x509.sha256);
  expect(server.digest()).toEqual(x509.md5);
  expect(server.serialNumber().toString().replace(/:/g, '').toUpperCase()).toBe(x509.serialNumber.toUpperCase());
  expect(server.effectiveDate()).toEqual(new Date(x509.validFrom));
  expect(server.expiryDate()).toEqual(new Date(x509.validTo));
  expect(server.version().toString()).toBe('3');
  expect(nodeCryptoView(server.toPem()).x509!.raw).toEqual(x509.raw);
  expect(server.toText()).toContain('Subject: CN=localhost\n');
});

test('subject and issuer: by SubjectInfo, by attribute name, the attribute lists and display names', () => {
  expect(server.subjectInfo(QSslCertificate.SubjectInfo.CommonName)).toEqual(['localhost']);
  // The test CA's policy keeps only the CN of a request's subject.
  expect(server.subjectInfo(QSslCertificate.SubjectInfo.Organization)).toEqual([]);
  expect(server.subjectInfo('CN')).toEqual(['localhost']);
  expect(server.subjectInfo(new QByteArray('CN'))).toEqual(['localhost']);
  expect(server.subjectInfo('O')).toEqual([]);
  expect(server.subjectInfo(QSslCertificate.SubjectInfo.EmailAddress)).toEqual([]);
  expect(server.issuerInfo(QSslCertificate.SubjectInfo.CommonName)).toEqual(['qtnetwork test CA']);
  expect(server.issuerInfo(Buffer.from('CN'))).toEqual(['qtnetwork test CA']);
  expect(server.subjectInfoAttributes().map(String)).toEqual(['CN']);
  expect(server.issuerInfoAttributes().map(String)).toEqual(['CN']);
  expect(server.subjectDisplayName()).toBe('localhost');
  expect(server.issuerDisplayName()).toBe('qtnetwork test CA');
});

test('subjectAlternativeNames: a Map from QSsl.AlternativeNameEntryType to the names of that type', () => {
  const names = server.subjectAlternativeNames();
  expect(names).toBeInstanceOf(Map);
  expect([...names.keys()]).toEqual([
    QSsl.AlternativeNameEntryType.DnsEntry,
    QSsl.AlternativeNameEntryType.IpAddressEntry,
  ]);
  expect(names.get(QSsl.AlternativeNameEntryType.DnsEntry)).toEqual(['localhost']);
  expect(names.get(QSsl.AlternativeNameEntryType.IpAddressEntry)).toEqual(['127.0.0.1']);
  expect(x509.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1');
  expect(new QSslCertificate(certs.read(certs.client.cert)).subjectAlternativeNames().size).toBe(0);
});

test('fromData, fromDevice, the device constructor and fromPath read the same certificates', () => {
  const pem = Buffer.concat([certs.read(certs.server.cert), certs.read(certs.ca.cert)]);
  const both = QSslCertificate.fromData(pem);
  expect(both.map((c) => c.subjectDisplayName())).toEqual(['localhost', 'qtnetwork test CA']);
  expect(QSslCertificate.fromData(x509.raw, QSsl.EncodingFormat.Der).map((c) => c.equals(server))).toEqual([true]);
  expect(QSslCertificate.fromData(pem.toString())[1].equals(both[1])).toBe(true);

  const device = new QBuffer();
  device.setData(pem);
  device.open(QBuffer.OpenModeFlag.ReadOnly);
  expect(QSslCertificate.fromDevice(device).length).toBe(2);
  expect(device.atEnd()).toBe(true);
  device.seek(0);
  expect(new QSslCertificate(device).equals(server)).toBe(true);
  expect(device.atEnd()).toBe(true);

  expect(QSslCertificate.fromPath(certs.server.cert)[0].equals(server)).toBe(true);
  const der = path.join(certs.dir, 'server.der');
  fs.writeFileSync(der, x509.raw);
  expect(QSslCertificate.fromPath(der, QSsl.EncodingFormat.Der)[0].equals(server)).toBe(true);
  const wild = QSslCertificate.fromPath(path.join(certs.dir, 's*.pem'), QSsl.EncodingFormat.Pem,
    QSslCertificate.PatternSyntax.Wildcard); // prettier-ignore
  expect(wild.map((c) => c.subjectDisplayName()).sort()).toEqual(['localhost', 'localhost']);
  expect(QSslCertificate.fromPath(path.join(certs.dir, 's*.pem'))).toEqual([]);
  expect(QSslCertificate.fromPath(path.join(certs.dir, 'missing.pem'))).toEqual([]);
});

test('bad input gives the null certificate (or none), never a crash', () => {
  const junk = [Buffer.alloc(0), Buffer.from('garbage'), Buffer.alloc(5000, 0x30), x509.raw.subarray(0, 100)];
  const pem = certs.read(certs.server.cert).toString();
  junk.push(Buffer.from(pem.slice(0, 200) + pem.slice(300)));
  for (const data of junk) {
    for (const format of [QSsl.EncodingFormat.Pem, QSsl.EncodingFormat.Der]) {
      const c = new QSslCertificate(data, format);
      expect(c.isNull()).toBe(true);
      expect(QSslCertificate.fromData(data, format)).toEqual([]);
    }
  }
  const none = new QSslCertificate();
  expect(none.isNull()).toBe(true);
  expect([none.effectiveDate(), none.expiryDate()]).toEqual([null, null]);
  expect([none.toDer().length, none.toPem().length, none.toText()]).toEqual([0, 0, '']);
  expect(none.subjectAlternativeNames().size).toBe(0);
  expect(none.subjectInfo(QSslCertificate.SubjectInfo.CommonName)).toEqual([]);
  expect(inspect(none)).toBe('QSslCertificate (null)');
});

test('copy, equals, swap and clear', () => {
  const copy = new QSslCertificate(server);
  expect(copy.equals(server)).toBe(true);
  const ca = new QSslCertificate(certs.read(certs.ca.cert));
  expect(ca.equals(server)).toBe(false);
  expect(server.equals('x')).toBe(false);
  copy.swap(ca);
  expect([copy.subjectDisplayName(), ca.subjectDisplayName()]).toEqual(['qtnetwork test CA', 'localhost']);
  copy.clear();
  expect(copy.isNull()).toBe(true);
  expect(ca.isNull()).toBe(false);
});

test('isSelfSigned and isBlacklisted', () => {
  expect(new QSslCertificate(certs.read(certs.selfSigned.cert)).isSelfSigned()).toBe(true);
  expect(new QSslCertificate(certs.read(certs.ca.cert)).isSelfSigned()).toBe(true);
  expect(server.isSelfSigned()).toBe(false);
  expect(server.isBlacklisted()).toBe(false);
});

test('verify: the errors of each chain, with the certificate each is about', () => {
  const errorsOf = (file: string, hostName?: string): QSslError.SslError[] => {
    const chain = QSslCertificate.fromPath(file);
    const errors = hostName === undefined ? QSslCertificate.verify(chain) : QSslCertificate.verify(chain, hostName);
    return errors.map((e) => e.error());
  };
  expect(errorsOf(certs.expired.cert)).toContain(QSslError.SslError.CertificateExpired);
  expect(errorsOf(certs.selfSigned.cert, 'localhost')).toEqual([QSslError.SslError.SelfSignedCertificate]);
  expect(errorsOf(certs.otherName.cert, 'localhost')).toContain(QSslError.SslError.HostNameMismatch);
  expect(errorsOf(certs.otherName.cert)).not.toContain(QSslError.SslError.HostNameMismatch);
  const [e] = QSslCertificate.verify(new Set([new QSslCertificate(certs.read(certs.selfSigned.cert))]));
  expect(e.certificate().subjectDisplayName()).toBe('localhost');
  // An empty chain: one UnspecifiedError, as in PyQt6.
  expect(QSslCertificate.verify([]).map((e) => e.error())).toEqual([QSslError.SslError.UnspecifiedError]);
});

test('wrong arguments are TypeErrors naming the method and argument', () => {
  expect(() => new QSslCertificate(42 as never)).toThrow("QSslCertificate: argument 'data' must be");
  expect(() => new QSslCertificate('', 7 as never)).toThrow("argument 'format' must be a QSsl.EncodingFormat member");
  expect(() => server.digest(99 as never)).toThrow("argument 'algorithm' must be a QCryptographicHash.Algorithm");
  expect(() => server.subjectInfo(42 as never)).toThrow("argument 'info' must be a QSslCertificate.SubjectInfo");
  expect(() => QSslCertificate.verify([server, 'x'] as never)).toThrow(
    "argument 'certificateChain' item 1 must be a QSslCertificate, got string",
  );
  expect(() => QSslCertificate.verify(server as never)).toThrow('must be an iterable of QSslCertificate');
  expect(() => QSslCertificate.fromDevice(Buffer.alloc(1) as never)).toThrow("argument 'device' must be a QIODevice");
  expect(() => server.swap({} as never)).toThrow("QSslCertificate.swap: argument 'other'");
});

test('inspect shows the subject, issuer, serial number and dates', () => {
  const shown = inspect(server);
  expect(shown).toMatch(/^QSslCertificate \{/);
  expect(shown).toContain("subject: 'localhost'");
  expect(shown).toContain("issuer: 'qtnetwork test CA'");
  expect(inspect(Object.create(QSslCertificate.prototype))).toBe('QSslCertificate {}');
});

test('QCryptographicHash is its Algorithm enum only: constructing one says so', () => {
  expect(() => new (QCryptographicHash as unknown as new () => object)()).toThrow(
    'QCryptographicHash: only its Algorithm enum is here',
  );
});
