// QSslKey: decoding the test keys (plain, encrypted, EC, a certificate's public key), encoding them
// back (checked with Node's crypto, in a process of its own: nodeCryptoView), and that key material and passphrases stay out of inspect,
// JSON and error messages. PyQt6's answers are compared in test/parity/ssl_values.test.ts.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { format, inspect } from 'node:util';
import { QBuffer, QByteArray, QSsl, QSslCertificate, QSslKey } from '../../lib';
import { makeCertificates, nodeCryptoView, type TestCertificates } from '../certificates';

const { Rsa, Ec } = QSsl.KeyAlgorithm;
const { Pem, Der } = QSsl.EncodingFormat;
const { PrivateKey, PublicKey } = QSsl.KeyType;

let certs: TestCertificates;
let serverKey: QSslKey;
beforeAll(() => {
  certs = makeCertificates('sslkey');
  serverKey = new QSslKey(certs.read(certs.server.key), Rsa);
});
afterAll(() => certs.remove());

const pkcs1 = (pem: Buffer | string): Buffer => nodeCryptoView(pem).pkcs1!;

test('a PEM private key: what it is, and its PEM and DER forms are the key Node reads', () => {
  expect([serverKey.isNull(), serverKey.algorithm(), serverKey.type(), serverKey.length()]).toEqual([
    false,
    Rsa,
    PrivateKey,
    2048,
  ]);
  const der = pkcs1(certs.read(certs.server.key));
  expect(pkcs1(serverKey.toPem())).toEqual(der);
  expect(serverKey.toDer()).toEqual(der);
  expect(new QSslKey(serverKey.toDer(), Rsa, Der).equals(serverKey)).toBe(true);
});

test('an encrypted key: the right passphrase decrypts it, a wrong one or none gives the null key', () => {
  const encrypted = certs.read(certs.encryptedServerKey);
  expect(new QSslKey(encrypted, Rsa, Pem, PrivateKey, certs.passphrase).equals(serverKey)).toBe(true);
  expect(new QSslKey(encrypted, Rsa, Pem, PrivateKey, new QByteArray(certs.passphrase)).equals(serverKey)).toBe(true);
  for (const wrong of [new QSslKey(encrypted, Rsa, Pem, PrivateKey, 'wrong'), new QSslKey(encrypted, Rsa)]) {
    expect([wrong.isNull(), wrong.length()]).toEqual([true, -1]);
  }
});

test('toPem with a passphrase encrypts; toDer with one gives nothing (DER has no encryption)', () => {
  const pem = serverKey.toPem('s3cret');
  expect(pem.toString()).toContain('ENCRYPTED');
  // Qt encrypts with DES-EDE3-CBC, which Node's crypto fails to decrypt here: the system's openssl reads it.
  const decrypted = execFileSync('openssl', ['rsa', '-passin', 'pass:s3cret', '-outform', 'DER', '-traditional'], {
    input: pem,
    stdio: ['pipe', 'pipe', 'ignore'],
    timeout: 30000,
  });
  expect(decrypted).toEqual(serverKey.toDer());
  expect(new QSslKey(pem, Rsa, Pem, PrivateKey, 's3cret').equals(serverKey)).toBe(true);
  expect(serverKey.toDer('s3cret').length).toBe(0);
});

test("a certificate's public key, an EC key, a key read from a device", () => {
  const pub = new QSslCertificate(certs.read(certs.server.cert)).publicKey();
  expect([pub.algorithm(), pub.type(), pub.length()]).toEqual([Rsa, PublicKey, 2048]);
  const spki = (pem: Buffer): Buffer => nodeCryptoView(pem).spki;
  expect(spki(pub.toPem())).toEqual(spki(certs.read(certs.server.cert)));
  expect(spki(pub.toPem())).toEqual(spki(certs.read(certs.server.key)));
  expect(new QSslKey(pub.toPem(), Rsa, Pem, PublicKey).equals(pub)).toBe(true);

  const ec = new QSslKey(certs.read(certs.ec.key), Ec);
  expect([ec.isNull(), ec.algorithm(), ec.length()]).toEqual([false, Ec, 256]);
  expect(new QSslCertificate(certs.read(certs.ec.cert)).publicKey().algorithm()).toBe(Ec);

  const device = new QBuffer();
  device.setData(certs.read(certs.server.key));
  device.open(QBuffer.OpenModeFlag.ReadOnly);
  expect(new QSslKey(device, Rsa).equals(serverKey)).toBe(true);
  expect(device.atEnd()).toBe(true);
});

test('bad input, or the wrong algorithm, gives the null key, never a crash', () => {
  const inputs = [
    Buffer.alloc(0),
    Buffer.from('garbage'),
    certs.read(certs.server.cert),
    serverKey.toDer().subarray(0, 50),
  ];
  for (const data of inputs)
    for (const enc of [Pem, Der])
      for (const type of [PrivateKey, PublicKey]) expect(new QSslKey(data, Rsa, enc, type).isNull()).toBe(true);
  expect(new QSslKey(certs.read(certs.ec.key), Rsa).isNull()).toBe(true);
  const none = new QSslKey();
  expect([none.isNull(), none.length(), none.toPem().length, none.toDer().length]).toEqual([true, -1, 0, 0]);
  expect(inspect(none)).toBe('QSslKey (null)');
});

test('copy, equals, swap and clear', () => {
  const copy = new QSslKey(serverKey);
  expect(copy.equals(serverKey)).toBe(true);
  const ec = new QSslKey(certs.read(certs.ec.key), Ec);
  expect(ec.equals(serverKey)).toBe(false);
  expect(serverKey.equals(serverKey.toPem())).toBe(false);
  copy.swap(ec);
  expect([copy.algorithm(), ec.algorithm()]).toEqual([Ec, Rsa]);
  copy.clear();
  expect(copy.isNull()).toBe(true);
});

test('a private key and a passphrase never show: inspect, console formatting, JSON, errors', () => {
  const material = [
    serverKey.toPem().toString().split('\n')[1],
    serverKey.toDer().toString('hex').slice(40, 80),
    serverKey.toDer().toString('base64').slice(40, 80),
  ];
  const shown = [
    inspect(serverKey),
    inspect(serverKey, { showHidden: true, depth: 10 }),
    inspect(serverKey, { customInspect: false, showHidden: true }),
    format('%o %O %s %j', serverKey, serverKey, serverKey, serverKey),
    JSON.stringify({ serverKey }),
  ].join('\n');
  for (const m of material) expect(shown).not.toContain(m);
  expect(inspect(serverKey)).toBe("QSslKey { algorithm: 'Rsa', type: 'PrivateKey', length: 2048 }");
  expect(JSON.stringify(serverKey)).toBe('{"algorithm":"Rsa","type":"PrivateKey","length":2048,"isNull":false}');

  // A passphrase of the wrong type: the message names its type only.
  const messages: string[] = [];
  for (const pass of [123456, 98765.4321, true, { secret: 'hunter2' }, ['hunter2'], Symbol('hunter2')]) {
    for (const call of [
      () => new QSslKey(certs.read(certs.encryptedServerKey), Rsa, Pem, PrivateKey, pass as never),
      () => serverKey.toPem(pass as never),
      () => serverKey.toDer(pass as never),
      () => QSslCertificate.importPkcs12(new QBuffer(), new QSslKey(), new QSslCertificate(), [], pass as never),
    ]) {
      try {
        call();
        messages.push('no error');
      } catch (e) {
        messages.push(`${(e as Error).name}: ${(e as Error).message}`);
      }
    }
  }
  expect(messages.every((m) => m.startsWith('TypeError: ') && m.includes("argument 'passPhrase'"))).toBe(true);
  for (const secret of ['123456', '98765', 'hunter2', 'true']) expect(messages.join('\n')).not.toContain(secret);
});

test('importPkcs12: fills the key and certificate given (and an array of CA certificates), as PyQt6 does', () => {
  const p12 = path.join(certs.dir, 'server.p12');
  execFileSync('openssl', ['pkcs12', '-export', '-in', certs.server.cert, '-inkey', certs.server.key,
    '-certfile', certs.ca.cert, '-out', p12, '-passout', 'pass:p12-pass'], { stdio: 'ignore', timeout: 30000 }); // prettier-ignore
  const device = (): QBuffer => {
    const b = new QBuffer();
    b.setData(certs.read(p12));
    b.open(QBuffer.OpenModeFlag.ReadOnly);
    return b;
  };
  const key = new QSslKey();
  const cert = new QSslCertificate();
  const cas = [new QSslCertificate()];
  expect(QSslCertificate.importPkcs12(device(), key, cert, cas, 'p12-pass')).toBe(true);
  expect(key.equals(serverKey)).toBe(true);
  expect(cert.equals(new QSslCertificate(certs.read(certs.server.cert)))).toBe(true);
  expect(cas.map((c) => c.subjectDisplayName())).toEqual(['qtnetwork test CA']);

  const before = [new QSslKey(key), new QSslCertificate(cert)];
  expect(QSslCertificate.importPkcs12(device(), key, cert, null, 'wrong')).toBe(false);
  expect(QSslCertificate.importPkcs12(device(), key, cert)).toBe(false);
  expect([key.equals(before[0]), cert.equals(before[1])]).toEqual([true, true]);
  const junk = new QBuffer();
  junk.setData('junk');
  junk.open(QBuffer.OpenModeFlag.ReadOnly);
  expect(QSslCertificate.importPkcs12(junk, key, cert, [], 'p12-pass')).toBe(false);
  // A null key or certificate: false, as in Qt, without reading the device.
  const unread = device();
  expect(QSslCertificate.importPkcs12(unread, null, cert, [], 'p12-pass')).toBe(false);
  expect(unread.atEnd()).toBe(false);
  expect(() => QSslCertificate.importPkcs12(device(), 'k' as never, cert)).toThrow("argument 'key' must be a QSslKey");
});

test('wrong arguments are TypeErrors', () => {
  expect(() => new QSslKey('x' as never)).toThrow('QSslKey: expected 2 to 5 argument(s), got 1');
  expect(() => new QSslKey('x', 9 as never)).toThrow("argument 'algorithm' must be a QSsl.KeyAlgorithm member");
  expect(() => new QSslKey(42 as never, Rsa)).toThrow("QSslKey: argument 'encoded' must be");
  expect(() => new QSslKey(serverKey as never, Rsa)).toThrow(TypeError);
  expect(() => serverKey.swap(null as never)).toThrow("QSslKey.swap: argument 'other'");
});
