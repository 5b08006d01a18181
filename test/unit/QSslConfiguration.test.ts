// QSslConfiguration against PyQt6, live (test/fixtures/parity/value_calls.py runs the same calls):
// defaults, setters, copies, ==, swap, the default configuration; then what PyQt6 has no parity
// for: our argument checks, the backend options as a Map or an object, inspect.
import { inspect } from 'node:util';
import { QSsl, QSslConfiguration } from '../../lib';
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
