// QSslServer parity: each scenario runs live in PyQt6 (/usr/bin/python3) and in qtnetwork, each in a
// fresh process with its own server and client (test/fixtures/parity/ssl_server_runner.*); the
// server's signals (naming each socket by identity), what it hands out and that socket's state
// must match.
import { makeCertificates, TestCertificates } from '../certificates';
import { loadScenarios, runBothSides, Scenario } from '../helpers';

// Under AddressSanitizer Qt loses the verification errors (test/net/sslSocket.test.ts says why).
const underAsan = (process.env.LD_PRELOAD ?? '').includes('libasan');
const scenarios = loadScenarios<Scenario & { verifies?: boolean }>('ssl_server_scenarios.json').filter(
  (s) => !(underAsan && s.verifies),
);
let certs: TestCertificates;
beforeAll(() => (certs = makeCertificates('sslserverparity')));
afterAll(() => certs.remove());

test.each(scenarios.map((s) => [s.name, s] as const))('%s', (_name, scenario) => {
  const [ours, pyqt] = runBothSides('ssl_server_runner', scenario, {}, () => ({ QTN_TLS_CERTS: certs.dir }));
  expect(ours).toEqual(pyqt);
});
