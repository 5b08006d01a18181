// QOcspResponse: PyQt6's API over Qt's own QOcspResponse, used on the JS thread directly (a
// reentrant value type). Only the TLS backend fills one in (a socket's ocspResponses()); one made
// here is the empty response Qt makes.
import { inspect, type InspectOptionsStylized } from 'node:util';
import { checkArity, describe } from './core/args';
import type { NativeOcspResponse } from './core/native';
import { native } from './core/runtime';
import { holdsNative, Value, valueKit } from './core/value';
import { adopt as adoptCertificate, type QSslCertificate } from './QSslCertificate';

/** PyQt6's top-level QOcspCertificateStatus. */
export enum QOcspCertificateStatus {
  Good = 0,
  Revoked = 1,
  Unknown = 2,
}

/** PyQt6's top-level QOcspRevocationReason (RFC 5280's CRLReason; None_ as PyQt6 spells None). */
export enum QOcspRevocationReason {
  None_ = -1,
  Unspecified = 0,
  KeyCompromise = 1,
  CACompromise = 2,
  AffiliationChanged = 3,
  Superseded = 4,
  CessationOfOperation = 5,
  CertificateHold = 6,
  RemoveFromCRL = 7,
}

/**
 * An OCSP responder's answer about one certificate (subject()), signed by responder(), as a TLS
 * handshake received it (stapled).
 */
export class QOcspResponse extends Value<NativeOcspResponse> {
  constructor();
  constructor(other: QOcspResponse);
  constructor(other?: QOcspResponse) {
    checkArity('QOcspResponse', arguments, 0, 1);
    if (arguments.length === 1 && !(other instanceof QOcspResponse))
      throw new TypeError(`QOcspResponse: argument 'other' must be a QOcspResponse, got ${describe(other)}`);
    super(other === undefined ? new native.QOcspResponse() : new native.QOcspResponse(nativeOf(other)));
  }

  certificateStatus(): QOcspCertificateStatus {
    checkArity('QOcspResponse.certificateStatus', arguments, 0, 0);
    return nativeOf(this).certificateStatus();
  }

  /** None_ unless certificateStatus() is Revoked. */
  revocationReason(): QOcspRevocationReason {
    checkArity('QOcspResponse.revocationReason', arguments, 0, 0);
    return nativeOf(this).revocationReason();
  }

  /** The certificate of the responder that signed the response (a null certificate when empty). */
  responder(): QSslCertificate {
    checkArity('QOcspResponse.responder', arguments, 0, 0);
    return adoptCertificate(nativeOf(this).responder());
  }

  /** The certificate the response is about (a null certificate when empty). */
  subject(): QSslCertificate {
    checkArity('QOcspResponse.subject', arguments, 0, 0);
    return adoptCertificate(nativeOf(this).subject());
  }

  swap(other: QOcspResponse): void {
    checkArity('QOcspResponse.swap', arguments, 1, 1);
    if (!(other instanceof QOcspResponse))
      throw new TypeError(`QOcspResponse.swap: argument 'other' must be a QOcspResponse, got ${describe(other)}`);
    nativeOf(this).swap(nativeOf(other));
  }

  /** Python's `==` (Qt's operator==); false for anything that is not a QOcspResponse. */
  equals(other: unknown): boolean {
    checkArity('QOcspResponse.equals', arguments, 1, 1);
    return other instanceof QOcspResponse && nativeOf(this).equals(nativeOf(other));
  }

  [inspect.custom](depth: number, options: InspectOptionsStylized, show: typeof inspect): string {
    if (!holdsNative(this)) return 'QOcspResponse {}';
    const n = nativeOf(this);
    const shown = {
      certificateStatus: QOcspCertificateStatus[n.certificateStatus()],
      revocationReason: QOcspRevocationReason[n.revocationReason()],
    };
    return `QOcspResponse ${show(shown, options)}`;
  }
}

// @internal nativeOf: the native response inside one (read it, don't keep it); fromNative: a
// QOcspResponse holding a copy of a native one.
const { nativeOf, fromNative, adopt } = valueKit<QOcspResponse, NativeOcspResponse>(
  QOcspResponse,
  native.QOcspResponse,
);
export { nativeOf, fromNative, adopt };
