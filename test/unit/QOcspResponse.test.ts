// QOcspResponse against PyQt6, live (test/fixtures/parity/value_calls.py runs the same calls): the
// response Qt makes outside a handshake (null certificates), its copies and equality. (A filled one only comes from a
// TLS handshake with a stapled OCSP response.)
import { inspect } from 'node:util';
import { QOcspCertificateStatus, QOcspResponse, QOcspRevocationReason, QSslCertificate } from '../../lib';
import { describeParity, resultsOf, type Scenario } from '../fixtures/parity/value_calls';

const cases: Record<string, Scenario[]> = {
  empty: [
    {
      objects: { a: ['QOcspResponse'], b: ['QOcspResponse', { obj: 'a' }] },
      calls: [
        ['a', 'equals', { obj: 'b' }],
        ['a', 'certificateStatus'],
        ['a', 'revocationReason'],
        ['a', 'responder'],
        ['a', 'subject'],
        ['a', 'swap', { obj: 'b' }],
        ['a', 'swap', 1],
      ],
    },
  ],
};

describeParity(cases, (answered) => {
  expect(resultsOf(answered, 'empty')).toEqual([
    true,
    QOcspCertificateStatus.Unknown,
    QOcspRevocationReason.None_,
    { isNull: true, toPem: { bytes: '' } },
    { isNull: true, toPem: { bytes: '' } },
    null,
    { raises: 'TypeError' },
  ]);
});

test('responder() and subject() are QSslCertificates, fresh copies each call', () => {
  const r = new QOcspResponse();
  expect(r.responder()).toBeInstanceOf(QSslCertificate);
  expect(r.subject().isNull()).toBe(true);
  expect(r.responder()).not.toBe(r.responder());
});

test('inspect names the status and the reason', () => {
  expect(inspect(new QOcspResponse())).toBe(
    "QOcspResponse { certificateStatus: 'Unknown', revocationReason: 'None_' }",
  );
});
