// QSslConfiguration against PyQt6, live (test/fixtures/parity/value_calls.py runs the same calls):
// defaults, setters, copies, ==, swap, the default configuration; then what PyQt6 has no parity
// for: our argument checks, the backend options as a Map or an object, inspect. Certificates and
// keys (made by openssl at test time) against a PyQt6 script run live.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { inspect } from 'node:util';
import {
  QCryptographicHash,
  QSsl,
  QSslCertificate,
  QSslCipher,
  QSslConfiguration,
  QSslDiffieHellmanParameters,
  QSslEllipticCurve,
  QSslKey,
} from '../../lib';
import { makeCertificates, type TestCertificates } from '../certificates';
import { describeParity, resultsOf, type Arg, type Scenario } from '../fixtures/parity/value_calls';

const bytes = (s: string): Arg => ({ bytes: Buffer.from(s).toString('hex') });
const protocol = (v: number): Arg => ({ enum: 'SslProtocol', v });
const option = (v: number): Arg => ({ enum: 'SslOption', v });

const cases: Record<string, Scenario[]> = {
  setters: [
    {
      objects: { a: ['QSslConfiguration'], b: ['QSslConfiguration'] },
      calls: [
        ['a', 'isNull'],
        ['a', 'equals', { obj: 'b' }],
        ['a', 'setProtocol', protocol(QSsl.SslProtocol.TlsV1_3OrLater)],
        ['a', 'protocol'],
        ['a', 'isNull'],
        ['a', 'equals', { obj: 'b' }],
        ['a', 'setPeerVerifyMode', { enum: 'PeerVerifyMode', v: 0 }],
        ['a', 'peerVerifyMode'],
        ['a', 'setPeerVerifyDepth', 3],
        ['a', 'peerVerifyDepth'],
        ['a', 'testSslOption', option(QSsl.SslOption.SslOptionDisableCompression)],
        ['a', 'testSslOption', option(QSsl.SslOption.SslOptionDisableServerNameIndication)],
        ['a', 'setSslOption', option(QSsl.SslOption.SslOptionDisableCompression), false],
        ['a', 'setSslOption', option(QSsl.SslOption.SslOptionDisableServerNameIndication), true],
        ['a', 'testSslOption', option(QSsl.SslOption.SslOptionDisableCompression)],
        ['a', 'testSslOption', option(QSsl.SslOption.SslOptionDisableServerNameIndication)],
        ['a', 'setAllowedNextProtocols', [bytes('h2'), bytes('http/1.1')]],
        ['a', 'allowedNextProtocols'],
        ['a', 'setSessionTicket', bytes('ticket-bytes')],
        ['a', 'setPreSharedKeyIdentityHint', bytes('hint')],
        ['a', 'setHandshakeMustInterruptOnError', true],
        ['a', 'setMissingCertificateIsFatal', true],
        ['a', 'setOcspStaplingEnabled', true],
        ['a', 'setDtlsCookieVerificationEnabled', false],
        ['a', 'setBackendConfigurationOption', bytes('MinProtocol'), 'TLSv1.2'],
        ['a', 'setBackendConfigurationOption', bytes('Options'), 'ServerPreference'],
        ['a', 'backendConfiguration'],
        ['a', 'sessionTicketLifeTimeHint'],
        ['a', 'nextNegotiatedProtocol'],
        ['a', 'nextProtocolNegotiationStatus'],
        ['b', 'swap', { obj: 'a' }],
        ['a', 'isNull'],
        ['b', 'setBackendConfiguration'],
        ['b', 'backendConfiguration'],
      ],
    },
    {
      // c is a copy of a made before a changes; QSslConfiguration.defaultConfiguration() is Qt's.
      objects: { a: ['QSslConfiguration'], c: ['QSslConfiguration', { obj: 'a' }] },
      calls: [
        ['a', 'setProtocol', protocol(QSsl.SslProtocol.TlsV1_2)],
        ['c', 'protocol'],
        ['a', 'equals', { obj: 'c' }],
        ['QSslConfiguration', 'defaultConfiguration'],
        ['QSslConfiguration', 'defaultDtlsConfiguration'],
      ],
    },
  ],
  refused: [
    {
      objects: { a: ['QSslConfiguration'] },
      calls: [
        ['a', 'setProtocol', 99],
        ['a', 'setProtocol', 'TlsV1_2'],
        ['a', 'setPeerVerifyDepth', 'x'],
        ['a', 'setPeerVerifyDepth', 2 ** 40],
        ['a', 'setSslOption', option(QSsl.SslOption.SslOptionDisableCompression)],
        ['a', 'setAllowedNextProtocols', 5],
        ['a', 'setHandshakeMustInterruptOnError', 'yes'],
        ['a', 'swap', 5],
        ['a', 'equals', 5],
      ],
    },
  ],
};

describeParity(cases, (answered) => {
  const r = resultsOf(answered, 'setters');
  // A default-constructed configuration is null, and setting anything makes it not.
  expect(r[0]).toBe(true);
  expect(r[4]).toBe(false);
  expect(r).toContainEqual([{ bytes: '6832' }, { bytes: '687474702f312e31' }]);
  expect(r).toContainEqual({
    map: [
      ['MinProtocol', 'TLSv1.2'],
      ['Options', 'ServerPreference'],
    ],
  });
  expect(resultsOf(answered, 'refused').filter((x) => JSON.stringify(x).includes('raises')).length).toBeGreaterThan(5);
});

describe('beyond the parity cases', () => {
  test('backend options from a Map or a plain object; none clears them', () => {
    const c = new QSslConfiguration();
    c.setBackendConfiguration({ MinProtocol: 'TLSv1.2', Curves: 'P-256' });
    expect(c.backendConfiguration()).toEqual(
      new Map([
        ['Curves', 'P-256'],
        ['MinProtocol', 'TLSv1.2'],
      ]),
    );
    c.setBackendConfiguration(new Map([[Buffer.from('Options'), 'ServerPreference']]));
    expect([...c.backendConfiguration()]).toEqual([['Options', 'ServerPreference']]);
    c.setBackendConfiguration();
    expect(c.backendConfiguration().size).toBe(0);
  });

  test('setDefaultConfiguration changes what defaultConfiguration() gives; a copy, not a reference', () => {
    const saved = QSslConfiguration.defaultConfiguration();
    try {
      const mine = QSslConfiguration.defaultConfiguration();
      mine.setPeerVerifyDepth(7);
      expect(QSslConfiguration.defaultConfiguration().peerVerifyDepth()).toBe(saved.peerVerifyDepth());
      QSslConfiguration.setDefaultConfiguration(mine);
      mine.setPeerVerifyDepth(8);
      expect(QSslConfiguration.defaultConfiguration().peerVerifyDepth()).toBe(7);
    } finally {
      QSslConfiguration.setDefaultConfiguration(saved);
    }
    expect(QSslConfiguration.defaultConfiguration().equals(saved)).toBe(true);
  });

  test('bad input is a TypeError naming the method and the argument', () => {
    const c = new QSslConfiguration();
    expect(() => c.setProtocol(99 as QSsl.SslProtocol)).toThrow(
      new TypeError(
        "QSslConfiguration.setProtocol: argument 'protocol' must be a QSsl.SslProtocol member, got number 99",
      ),
    );
    expect(() => c.setAllowedNextProtocols('h2' as never)).toThrow(/argument 'protocols' must be an iterable/);
    expect(() => c.setBackendConfiguration(null as never)).toThrow(/argument 'backendConfiguration'/);
    expect(() => c.setCiphers([new QSslCipher('AES128-SHA'), 5] as never)).toThrow(
      new TypeError("QSslConfiguration.setCiphers: argument 'ciphers' item 1 must be a QSslCipher, got number 5"),
    );
    expect(() => c.setEllipticCurves(new Set(['prime256v1']) as never)).toThrow(
      /setEllipticCurves: argument 'curves' item 0 must be a QSslEllipticCurve, got string "prime256v1"/,
    );
    expect(() => c.setCaCertificates({} as never)).toThrow(
      /setCaCertificates: argument 'certificates' must be an iterable of QSslCertificate, got Object object/,
    );
    expect(() => QSslConfiguration.setDefaultConfiguration({} as never)).toThrow(
      /setDefaultConfiguration: argument 'configuration' must be a QSslConfiguration/,
    );
    expect(() => new QSslConfiguration(5 as never)).toThrow(TypeError);
  });

  test('the NextProtocolHttp1_1 constant and the negotiation enum are PyQt6s', () => {
    expect(QSslConfiguration.NextProtocolHttp1_1).toEqual(Buffer.from('http/1.1'));
    expect(QSslConfiguration.NextProtocolNegotiationStatus.NextProtocolNegotiationUnsupported).toBe(2);
  });

  test('inspect shows the settings', () => {
    const c = new QSslConfiguration();
    c.setProtocol(QSsl.SslProtocol.TlsV1_2OrLater);
    c.setAllowedNextProtocols(['h2']);
    expect(inspect(c)).toMatch(/^QSslConfiguration \{.*protocol: 'TlsV1_2OrLater'.*allowedNextProtocols: \[ 'h2' \]/s);
  });
});

describe('certificates and keys', () => {
  let certs: TestCertificates;
  beforeAll(() => {
    certs = makeCertificates('sslconf');
  });
  afterAll(() => certs.remove());

  // The same calls on PyQt6 and on ours, described by what a porter compares: digests and subjects.
  function run(side: 'ours' | 'pyqt'): unknown {
    const input = { ca: certs.ca.cert, server: certs.server.cert, key: certs.server.key, dir: certs.dir };
    if (side === 'pyqt')
      return JSON.parse(
        execFileSync('/usr/bin/python3', ['-c', PYQT], { input: JSON.stringify(input), encoding: 'utf8' }),
      );
    const c = new QSslConfiguration();
    const sha = (x: QSslCertificate): string => x.digest(QCryptographicHash.Algorithm.Sha256).toString('hex');
    const fromPath = c.addCaCertificates(input.ca);
    const missing = c.addCaCertificates(`${input.dir}/none.pem`);
    const byPattern = c.addCaCertificates(
      `${input.dir}/*er.pem`,
      QSsl.EncodingFormat.Pem,
      QSslCertificate.PatternSyntax.Wildcard,
    );
    const cas = c.caCertificates().map(sha);
    const [server] = QSslCertificate.fromPath(input.server);
    c.setCaCertificates([server]);
    c.addCaCertificate(server);
    const afterSet = c.caCertificates().map(sha);
    c.setLocalCertificate(server);
    c.setLocalCertificateChain([server, ...QSslCertificate.fromPath(input.ca)]);
    c.setPrivateKey(new QSslKey(fs.readFileSync(input.key), QSsl.KeyAlgorithm.Rsa));
    return {
      fromPath,
      missing,
      byPattern,
      cas,
      afterSet,
      local: c.localCertificate().subjectInfo(QSslCertificate.SubjectInfo.CommonName),
      chain: c.localCertificateChain().map(sha),
      key: [c.privateKey().algorithm(), c.privateKey().length(), c.privateKey().isNull()],
      peer: [c.peerCertificate().isNull(), c.peerCertificateChain().length, c.ephemeralServerKey().isNull()],
      nullAgain: c.isNull(),
      ...suites(),
    };
  }

  // Ciphers, curves, DH parameters: Qt's lists, set from a string and from objects.
  function suites(): Record<string, unknown> {
    const c = new QSslConfiguration();
    const supported = QSslConfiguration.supportedCiphers().map((x) => x.name());
    const defaults = [c.ciphers().length > 0, c.sessionCipher().isNull(), c.ellipticCurves().length];
    c.setCiphers('ECDHE-RSA-AES128-GCM-SHA256:AES256-SHA:NO-SUCH-CIPHER');
    const fromString = c.ciphers().map((x) => x.name());
    c.setCiphers([new QSslCipher('AES128-SHA'), new QSslCipher('ECDHE-RSA-AES256-GCM-SHA384')]);
    const fromObjects = c.ciphers().map((x) => x.name());
    const curves = QSslConfiguration.supportedEllipticCurves().map((x) => x.shortName());
    c.setEllipticCurves([QSslEllipticCurve.fromShortName('prime256v1'), QSslEllipticCurve.fromShortName('secp384r1')]);
    const dh = c.diffieHellmanParameters();
    const dhBefore = [dh.isEmpty(), dh.isValid()];
    c.setDiffieHellmanParameters(QSslDiffieHellmanParameters.defaultParameters());
    return {
      supported,
      defaults,
      fromString,
      fromObjects,
      curves,
      set: c.ellipticCurves().map((x) => x.shortName()),
      dhBefore,
      dhAfter: c.diffieHellmanParameters().equals(QSslDiffieHellmanParameters.defaultParameters()),
    };
  }

  test('the same as PyQt6: CA certificates from files and patterns, set and added; local certificate, chain and key; ciphers, curves, DH parameters', () => {
    const ours = run('ours');
    expect(ours).toEqual(run('pyqt'));
    // Not vacuous: the CA was read, the pattern matched the server's certificate only.
    expect(ours).toMatchObject({ fromPath: true, missing: false, byPattern: true, local: ['localhost'] });
    expect((ours as { cas: string[] }).cas).toHaveLength(2);
    expect(ours).toMatchObject({
      fromString: ['ECDHE-RSA-AES128-GCM-SHA256', 'AES256-SHA'],
      set: ['prime256v1', 'secp384r1'],
      dhAfter: true,
    });
  });

  test('systemCaCertificates is a list of certificates; bad input is a TypeError', () => {
    for (const c of QSslConfiguration.systemCaCertificates()) expect(c).toBeInstanceOf(QSslCertificate);
    const c = new QSslConfiguration();
    expect(() => c.setCaCertificates([{} as QSslCertificate])).toThrow(TypeError);
    expect(() => c.addCaCertificate('x' as never)).toThrow(/argument 'certificate' must be a QSslCertificate/);
    expect(() => c.setPrivateKey(new QSslCertificate() as never)).toThrow(/argument 'key' must be a QSslKey/);
    expect(() => c.addCaCertificates('x', 7 as QSsl.EncodingFormat)).toThrow(/argument 'format'/);
  });
});

const PYQT = String.raw`
import json, sys
from PyQt6.QtCore import QByteArray, QCryptographicHash, QFile, QIODevice
from PyQt6.QtNetwork import (QSsl, QSslCertificate, QSslCipher, QSslConfiguration, QSslDiffieHellmanParameters,
                             QSslEllipticCurve, QSslKey)
i = json.load(sys.stdin)

def suites():
    c = QSslConfiguration()
    supported = [x.name() for x in QSslConfiguration.supportedCiphers()]
    defaults = [len(c.ciphers()) > 0, c.sessionCipher().isNull(), len(c.ellipticCurves())]
    c.setCiphers('ECDHE-RSA-AES128-GCM-SHA256:AES256-SHA:NO-SUCH-CIPHER')
    fromString = [x.name() for x in c.ciphers()]
    c.setCiphers([QSslCipher('AES128-SHA'), QSslCipher('ECDHE-RSA-AES256-GCM-SHA384')])
    fromObjects = [x.name() for x in c.ciphers()]
    curves = [x.shortName() for x in QSslConfiguration.supportedEllipticCurves()]
    c.setEllipticCurves([QSslEllipticCurve.fromShortName('prime256v1'), QSslEllipticCurve.fromShortName('secp384r1')])
    dh = c.diffieHellmanParameters()
    dhBefore = [dh.isEmpty(), dh.isValid()]
    c.setDiffieHellmanParameters(QSslDiffieHellmanParameters.defaultParameters())
    return {'supported': supported, 'defaults': defaults, 'fromString': fromString, 'fromObjects': fromObjects,
            'curves': curves, 'set': [x.shortName() for x in c.ellipticCurves()], 'dhBefore': dhBefore,
            'dhAfter': c.diffieHellmanParameters() == QSslDiffieHellmanParameters.defaultParameters()}

c = QSslConfiguration()
sha = lambda x: bytes(x.digest(QCryptographicHash.Algorithm.Sha256)).hex()
fromPath = c.addCaCertificates(i['ca'])
missing = c.addCaCertificates(i['dir'] + '/none.pem')
byPattern = c.addCaCertificates(i['dir'] + '/*er.pem', QSsl.EncodingFormat.Pem, QSslCertificate.PatternSyntax.Wildcard)
cas = [sha(x) for x in c.caCertificates()]
server = QSslCertificate.fromPath(i['server'])[0]
c.setCaCertificates([server])
c.addCaCertificate(server)
afterSet = [sha(x) for x in c.caCertificates()]
c.setLocalCertificate(server)
c.setLocalCertificateChain([server] + QSslCertificate.fromPath(i['ca']))
f = QFile(i['key']); f.open(QIODevice.OpenModeFlag.ReadOnly)
c.setPrivateKey(QSslKey(f.readAll(), QSsl.KeyAlgorithm.Rsa))
print(json.dumps({
  'fromPath': fromPath, 'missing': missing, 'byPattern': byPattern, 'cas': cas, 'afterSet': afterSet,
  'local': c.localCertificate().subjectInfo(QSslCertificate.SubjectInfo.CommonName),
  'chain': [sha(x) for x in c.localCertificateChain()],
  'key': [c.privateKey().algorithm().value, c.privateKey().length(), c.privateKey().isNull()],
  'peer': [c.peerCertificate().isNull(), len(c.peerCertificateChain()), c.ephemeralServerKey().isNull()],
  'nullAgain': c.isNull(),
  **suites(),
}))
`;
