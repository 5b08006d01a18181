// The TLS workloads' certificates, made by the system's openssl at bench time in a temp dir: a CA
// and under it a server certificate for 127.0.0.1 and localhost (RSA 2048, the common default).
// Nothing is checked in: a key in the repo would be a key anyone has. (test/certificates.ts makes
// the tests' larger set the same way; the bench is plain JS and takes only what it needs.)
'use strict';
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/** { dir, ca, cert, key } (PEM file paths); remove() deletes the dir. */
function makeBenchCertificates() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qtn-bench-tls-'));
  const run = (...args) =>
    execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], timeout: 30000 });
  run('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2',
    '-subj', '/CN=qtnetwork bench CA'); // prettier-ignore
  run('req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr',
    '-subj', '/CN=localhost'); // prettier-ignore
  fs.writeFileSync(
    path.join(dir, 'server.ext'),
    'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n',
  );
  run('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial',
    '-out', 'server.pem', '-days', '2', '-extfile', 'server.ext'); // prettier-ignore
  return {
    dir,
    ca: path.join(dir, 'ca.pem'),
    cert: path.join(dir, 'server.pem'),
    key: path.join(dir, 'server.key'),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

module.exports = { makeBenchCertificates };
