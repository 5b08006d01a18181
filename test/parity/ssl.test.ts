// QSslSocket parity: each scenario runs live in PyQt6 (/usr/bin/python3) and in qtnetwork, each in a
// fresh process, against the same TLS peers (test/fixtures/parity/tls_peer.js: a self-signed echo
// server, one for another name under an untrusted CA, a STARTTLS server); the traces must match
// (test/parity/tcp.test.ts says what they hold).
import { makeCertificates, TestCertificates } from '../certificates';
import { loadScenarios, runBothSides, Scenario, startFixtureServer } from '../helpers';

// Under AddressSanitizer Qt loses the verification errors (test/net/sslSocket.test.ts says why):
// the scenarios that verify a certificate are left out there.
const underAsan = (process.env.LD_PRELOAD ?? '').includes('libasan');
const scenarios = loadScenarios<Scenario & { verifies?: boolean }>('ssl_scenarios.json').filter(
  (s) => !(underAsan && s.verifies),
);
let certs: TestCertificates;
const peers: { stop(): void }[] = [];
const ports: Record<string, number> = {};

beforeAll(async () => {
  certs = makeCertificates('sslparity');
  for (const name of ['selfSigned', 'otherName', 'starttls']) {
    const peer = await startFixtureServer('tls_peer.js', { QTN_TLS_CERTS: certs.dir, QTN_TLS_PEER: name });
    peers.push(peer);
    ports[name] = peer.port;
  }
});

afterAll(() => {
  for (const p of peers) p.stop();
  certs.remove();
});

test.each(scenarios.map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
  const [ours, pyqt] = runBothSides('ssl_runner', scenario, ports);
  expect(ours).toEqual(pyqt);
});
