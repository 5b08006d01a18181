// The TLS value classes against PyQt6, live: what each reads from the test certificates
// (test/certificates.ts) and keys; test/fixtures/parity/ssl_values.py computes PyQt6's side.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import {
  QCryptographicHash,
  QSsl,
  QSslCertificate,
  QSslCertificateExtension,
  QSslError,
  type ExtensionValue,
} from '../../lib';
import { makeCertificates, type TestCertificates } from '../certificates';

type Profile = Record<string, unknown>;
const hex = (b: Buffer): string => b.toString('hex');
const ms = (d: Date | null): number | null => (d === null ? null : d.getTime());
const numbers = (e: object): number[] => Object.values(e).filter((v): v is number => typeof v === 'number');

function error(e: QSslError): unknown[] {
  return [e.error(), e.errorString(), hex(e.certificate().digest(QCryptographicHash.Algorithm.Sha256))];
}

/** An extension's value as the python side shows it: bytes as { bytes: hex }. */
function plain(v: ExtensionValue): unknown {
  if (Buffer.isBuffer(v)) return { bytes: hex(v) };
  if (Array.isArray(v)) return v.map(plain);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, plain(x)]));
  return v;
}

function extension(e: QSslCertificateExtension): unknown[] {
  return [e.name(), e.oid(), e.isCritical(), e.isSupported(), plain(e.value())];
}

function cert(c: QSslCertificate): Profile {
  const infos = numbers(QSslCertificate.SubjectInfo);
  return {
    isNull: c.isNull(),
    subjectInfo: infos.map((i) => c.subjectInfo(i)),
    issuerInfo: infos.map((i) => c.issuerInfo(i)),
    subjectInfoByAttribute: c.subjectInfoAttributes().map((a) => c.subjectInfo(a)),
    issuerInfoByAttribute: c.issuerInfoAttributes().map((a) => c.issuerInfo(a)),
    subjectInfoAttributes: c.subjectInfoAttributes().map(String),
    issuerInfoAttributes: c.issuerInfoAttributes().map(String),
    subjectDisplayName: c.subjectDisplayName(),
    issuerDisplayName: c.issuerDisplayName(),
    effectiveDate: ms(c.effectiveDate()),
    expiryDate: ms(c.expiryDate()),
    digests: numbers(QCryptographicHash.Algorithm)
      .sort((a, b) => a - b)
      .map((a) => hex(c.digest(a))),
    defaultDigest: hex(c.digest()),
    toPem: c.toPem().toString(),
    toDer: hex(c.toDer()),
    toText: c.toText(),
    serialNumber: c.serialNumber().toString(),
    version: c.version().toString(),
    isSelfSigned: c.isSelfSigned(),
    isBlacklisted: c.isBlacklisted(),
    subjectAlternativeNames: [...c.subjectAlternativeNames()],
    extensions: c.extensions().map(extension),
    verify: QSslCertificate.verify([c]).map(error),
    verifyLocalhost: QSslCertificate.verify([c], 'localhost').map(error),
  };
}
let certs: TestCertificates;
let pyqt: { [k: string]: unknown; certs: Record<string, Profile> };
let files: Record<string, string>;
let junk: Buffer[];
beforeAll(() => {
  certs = makeCertificates('sslparity');
  const { ca, server, client, expired, otherName, ec, selfSigned } = certs;
  files = Object.fromEntries(
    Object.entries({ ca, server, client, expired, otherName, ec, selfSigned }).map(([k, v]) => [k, v.cert]),
  );
  const pem = certs.read(server.cert);
  junk = [
    Buffer.from('garbage'),
    pem.subarray(0, 300),
    Buffer.from(pem.toString().replace(/A/g, 'B')),
    Buffer.alloc(0),
  ];
  const script = path.join(__dirname, '..', 'fixtures', 'parity', 'ssl_values.py');
  pyqt = JSON.parse(
    execFileSync('/usr/bin/python3', [script], {
      input: JSON.stringify({ certs: files, junk: junk.map(hex) }),
      encoding: 'utf8',
      timeout: 60000,
    }),
  );
});
afterAll(() => certs.remove());

test.each(['ca', 'server', 'client', 'expired', 'otherName', 'ec', 'selfSigned'])('certificate %s', (name) => {
  expect(cert(QSslCertificate.fromPath(files[name])[0])).toEqual(pyqt.certs[name]);
});

test('verify of a chain with its CA', () => {
  const [server, ca] = [files.server, files.ca].map((f) => QSslCertificate.fromPath(f)[0]);
  expect(QSslCertificate.verify([server, ca], 'localhost').map(error)).toEqual(pyqt.chain);
});

test("QSslError: each value's errorString", () => {
  expect(
    numbers(QSslError.SslError)
      .sort((a, b) => a - b)
      .map((e) => [e, new QSslError(e).errorString()]),
  ).toEqual(pyqt.errorStrings);
});

test('data Qt cannot parse: the null certificate, none from fromData', () => {
  const formats = [QSsl.EncodingFormat.Pem, QSsl.EncodingFormat.Der];
  const ours = junk.flatMap((d) =>
    formats.map((f) => [new QSslCertificate(d, f).isNull(), QSslCertificate.fromData(d, f).length]),
  );
  expect(ours).toEqual(pyqt.junk);
});
