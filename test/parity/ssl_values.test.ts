// The TLS value classes against PyQt6, live: what each reads from the test certificates
// (test/certificates.ts) and keys; test/fixtures/parity/ssl_values.py computes PyQt6's side.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  QCryptographicHash,
  QSsl,
  QSslCertificate,
  QSslCertificateExtension,
  QSslError,
  QSslKey,
  QBuffer,
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

function key(k: QSslKey): unknown[] {
  return [k.isNull(), k.algorithm(), k.type(), k.length(), hex(k.toDer()), k.toPem().toString()];
}

function pkcs12(file: string, passphrase?: string): unknown[] {
  const device = new QBuffer();
  device.setData(fs.readFileSync(file));
  device.open(QBuffer.OpenModeFlag.ReadOnly);
  const [k, c] = [new QSslKey(), new QSslCertificate()];
  const ok = QSslCertificate.importPkcs12(device, k, c, [], passphrase);
  return [ok, key(k), hex(c.digest(QCryptographicHash.Algorithm.Sha256)), device.atEnd()];
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
    publicKey: key(c.publicKey()),
    verify: QSslCertificate.verify([c]).map(error),
    verifyLocalhost: QSslCertificate.verify([c], 'localhost').map(error),
  };
}
let certs: TestCertificates;
let pyqt: { [k: string]: unknown; certs: Record<string, Profile> };
let files: Record<string, string>;
let junk: Buffer[];
let keys: Record<string, [string, QSsl.KeyAlgorithm]>;
let p12: string;
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
  keys = { server: [server.key, QSsl.KeyAlgorithm.Rsa], ec: [ec.key, QSsl.KeyAlgorithm.Ec] };
  p12 = path.join(certs.dir, 'server.p12');
  execFileSync('openssl', ['pkcs12', '-export', '-in', server.cert, '-inkey', server.key, '-certfile', ca.cert,
    '-out', p12, '-passout', 'pass:p12-pass'], { stdio: 'ignore', timeout: 30000 }); // prettier-ignore
  const script = path.join(__dirname, '..', 'fixtures', 'parity', 'ssl_values.py');
  pyqt = JSON.parse(
    execFileSync('/usr/bin/python3', [script], {
      input: JSON.stringify({
        certs: files,
        junk: junk.map(hex),
        keys,
        encrypted: certs.encryptedServerKey,
        passphrase: certs.passphrase,
        p12,
        p12pass: 'p12-pass',
      }),
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

test('QSslKey: the test keys, and each with the wrong algorithm', () => {
  const read = ([file, alg]: [string, QSsl.KeyAlgorithm]): QSslKey => new QSslKey(fs.readFileSync(file), alg);
  expect(Object.fromEntries(Object.entries(keys).map(([name, k]) => [name, key(read(k))]))).toEqual(pyqt.keys);
  const { Rsa, Ec } = QSsl.KeyAlgorithm;
  const wrong = Object.values(keys).map(([file, alg]): [string, QSsl.KeyAlgorithm] => [file, alg === Rsa ? Ec : Rsa]);
  expect(wrong.map((k) => key(read(k)))).toEqual(pyqt.keysWrongAlgorithm);
});

test('QSslKey: an encrypted key with the right passphrase, a wrong one and none; toPem/toDer with one', () => {
  const enc = certs.read(certs.encryptedServerKey);
  const { Rsa } = QSsl.KeyAlgorithm;
  const [pem, priv] = [QSsl.EncodingFormat.Pem, QSsl.KeyType.PrivateKey];
  expect([
    key(new QSslKey(enc, Rsa, pem, priv, certs.passphrase)),
    key(new QSslKey(enc, Rsa, pem, priv, 'wrong')),
    key(new QSslKey(enc, Rsa)),
  ]).toEqual(pyqt.encrypted);
  const server = new QSslKey(certs.read(certs.server.key), Rsa);
  const encrypted = server.toPem('other pass');
  expect([
    encrypted.includes('ENCRYPTED'),
    new QSslKey(encrypted, Rsa, pem, priv, 'other pass').equals(server),
    server.toDer('other pass').length,
  ]).toEqual(pyqt.reencrypted);
});

test('importPkcs12 with the right passphrase, a wrong one and none', () => {
  expect([pkcs12(p12, 'p12-pass'), pkcs12(p12, 'wrong'), pkcs12(p12)]).toEqual(pyqt.pkcs12);
});
