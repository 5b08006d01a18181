// Certificates for TLS tests, made by the system's openssl at test time in a temp dir of the test's
// own: a CA, and under it a server (localhost, 127.0.0.1), a client, an expired server certificate, one
// for another name, an EC server; beside them a self-signed server and the server key encrypted with
// a passphrase. Nothing is checked in: a key in the repo would be a key anyone has.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { makeTempDir } from './helpers';

export interface CertAndKey {
  /** PEM files. */
  readonly cert: string;
  readonly key: string;
}

export interface TestCertificates {
  readonly dir: string;
  readonly ca: CertAndKey;
  /** CN and SAN localhost, SAN IP 127.0.0.1, serverAuth; signed by the CA. */
  readonly server: CertAndKey;
  /** CN "qtnetwork test client", clientAuth; signed by the CA. */
  readonly client: CertAndKey;
  /** As the server's, but valid only from 2020-01-01 to 2021-01-01. */
  readonly expired: CertAndKey;
  /** CN and SAN other.example: right CA, wrong name for localhost. */
  readonly otherName: CertAndKey;
  /** An EC (prime256v1) key and a localhost certificate for it; signed by the CA. */
  readonly ec: CertAndKey;
  /** localhost, signed by its own key. */
  readonly selfSigned: CertAndKey;
  /** The server's key, PEM encrypted (AES-256-CBC) with `passphrase`. */
  readonly encryptedServerKey: string;
  readonly passphrase: string;
  read(file: string): Buffer;
  remove(): void;
}

// `openssl ca` signs with dates of our choosing (x509 -req has no start date in OpenSSL 3.0) and
// copies the request's subjectAltName and key usages into the certificate; its policy keeps only the
// CN of a request's subject.
const CA_CONFIG = `[ca]
default_ca = ca_default
[ca_default]
dir = .
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = policy_any
copy_extensions = copy
unique_subject = no
[policy_any]
commonName = supplied
`;

export function makeCertificates(label = 'tls'): TestCertificates {
  const { dir, remove } = makeTempDir(label);
  const run = (...args: string[]): void => {
    execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], timeout: 30000 });
  };
  fs.writeFileSync(path.join(dir, 'ca.cnf'), CA_CONFIG);
  fs.writeFileSync(path.join(dir, 'index.txt'), '');
  fs.writeFileSync(path.join(dir, 'serial'), '1000\n');
  const at = (name: string): CertAndKey => ({
    cert: path.join(dir, `${name}.pem`),
    key: path.join(dir, `${name}.key`),
  });

  run(
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '30',
    '-subj', '/CN=qtnetwork test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign',
  ); // prettier-ignore
  const signed = (
    name: string,
    subject: string,
    extensions: string[],
    newkey = 'rsa:2048',
    dates = ['-days', '30'],
  ): void => {
    run('req', '-newkey', newkey, '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', subject,
      ...extensions.flatMap((e) => ['-addext', e])); // prettier-ignore
    run('ca', '-batch', '-config', 'ca.cnf', '-cert', 'ca.pem', '-keyfile', 'ca.key', '-in', `${name}.csr`,
      '-out', `${name}.pem`, '-notext', ...dates); // prettier-ignore
  };
  const serverExt = ['subjectAltName=DNS:localhost,IP:127.0.0.1', 'extendedKeyUsage=serverAuth'];
  signed('server', '/CN=localhost/O=qtnetwork tests', serverExt);
  signed('client', '/CN=qtnetwork test client', ['extendedKeyUsage=clientAuth']);
  signed('expired', '/CN=localhost', serverExt, 'rsa:2048', [
    '-startdate',
    '20200101000000Z',
    '-enddate',
    '20210101000000Z',
  ]);
  signed('otherName', '/CN=other.example', ['subjectAltName=DNS:other.example', 'extendedKeyUsage=serverAuth']);
  run('ecparam', '-name', 'prime256v1', '-out', 'ec.params');
  signed('ec', '/CN=localhost', serverExt, 'ec:ec.params');
  run('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'selfSigned.key', '-out', 'selfSigned.pem',
    '-days', '30', '-subj', '/CN=localhost', '-addext', serverExt[0]); // prettier-ignore
  const passphrase = 'Tls-pass-phrase';
  run('pkey', '-in', 'server.key', '-out', 'server.encrypted.key', '-aes-256-cbc', '-passout', `pass:${passphrase}`);

  return {
    dir,
    ca: at('ca'),
    server: at('server'),
    client: at('client'),
    expired: at('expired'),
    otherName: at('otherName'),
    ec: at('ec'),
    selfSigned: at('selfSigned'),
    encryptedServerKey: path.join(dir, 'server.encrypted.key'),
    passphrase,
    read: (file) => fs.readFileSync(file),
    remove,
  };
}

/**
 * What Node's own crypto reads of a certificate or key, asked of a process of its own: in the
 * test's process Qt's TLS backend has loaded the system's OpenSSL beside the one Node is built
 * with, and where the two cannot be kept apart (the sanitizer build, see native/ssl_socket.cc)
 * Node's X.509 and key decoding there fails now and then.
 */
export interface NodeCryptoView {
  /** For a certificate: its DER, digests, serial number, dates, and its public key as SPKI DER. */
  x509?: {
    raw: Buffer;
    sha256: Buffer;
    md5: Buffer;
    serialNumber: string;
    validFrom: string;
    validTo: string;
    subjectAltName?: string;
  };
  /** For a key (private or public), or a certificate's: SPKI DER. */
  spki: Buffer;
  /** For an RSA private key: PKCS#1 DER. */
  pkcs1?: Buffer;
}

const NODE_CRYPTO_CHILD = String.raw`
const c = require('node:crypto');
const pem = require('node:fs').readFileSync(0);
const hex = (b) => Buffer.from(b).toString('hex');
const out = {};
if (pem.includes('CERTIFICATE')) {
  const x = new c.X509Certificate(pem);
  out.x509 = { raw: hex(x.raw), sha256: c.createHash('sha256').update(x.raw).digest('hex'),
    md5: c.createHash('md5').update(x.raw).digest('hex'), serialNumber: x.serialNumber,
    validFrom: x.validFrom, validTo: x.validTo, subjectAltName: x.subjectAltName };
  out.spki = hex(x.publicKey.export({ type: 'spki', format: 'der' }));
} else if (pem.includes('PRIVATE KEY')) {
  const k = c.createPrivateKey(pem);
  out.spki = hex(c.createPublicKey(k).export({ type: 'spki', format: 'der' }));
  if (k.asymmetricKeyType === 'rsa') out.pkcs1 = hex(k.export({ type: 'pkcs1', format: 'der' }));
} else {
  out.spki = hex(c.createPublicKey(pem).export({ type: 'spki', format: 'der' }));
}
process.stdout.write(JSON.stringify(out));
`;

export function nodeCryptoView(pem: Buffer | string): NodeCryptoView {
  const out = JSON.parse(
    execFileSync(process.execPath, ['-e', NODE_CRYPTO_CHILD], { input: pem, encoding: 'utf8', timeout: 30000 }),
  );
  const buf = (h: string): Buffer => Buffer.from(h, 'hex');
  return {
    spki: buf(out.spki),
    ...(out.pkcs1 ? { pkcs1: buf(out.pkcs1) } : {}),
    ...(out.x509
      ? { x509: { ...out.x509, raw: buf(out.x509.raw), sha256: buf(out.x509.sha256), md5: buf(out.x509.md5) } }
      : {}),
  };
}
