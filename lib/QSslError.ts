// QSslError: PyQt6's API over Qt's own QSslError (the error, the text Qt gives it, the certificate
// it is about), used on the JS thread directly: it is a reentrant value type.
// QSslCertificate.verify() and the TLS sockets' sslErrors give lists of them.
import { inspect, type InspectOptionsStylized } from 'node:util';
import { checkArity, checkEnum, describe } from './core/args';
import type { NativeSslError } from './core/native';
import { native } from './core/runtime';
import { holdsNative, Value, valueKit } from './core/value';
import {
  adopt as adoptCertificate,
  certificateArg,
  nativeOf as nativeOfCertificate,
  type QSslCertificate,
} from './QSslCertificate';

export enum SslError {
  UnspecifiedError = -1,
  NoError = 0,
  UnableToGetIssuerCertificate = 1,
  UnableToDecryptCertificateSignature = 2,
  UnableToDecodeIssuerPublicKey = 3,
  CertificateSignatureFailed = 4,
  CertificateNotYetValid = 5,
  CertificateExpired = 6,
  InvalidNotBeforeField = 7,
  InvalidNotAfterField = 8,
  SelfSignedCertificate = 9,
  SelfSignedCertificateInChain = 10,
  UnableToGetLocalIssuerCertificate = 11,
  UnableToVerifyFirstCertificate = 12,
  CertificateRevoked = 13,
  InvalidCaCertificate = 14,
  PathLengthExceeded = 15,
  InvalidPurpose = 16,
  CertificateUntrusted = 17,
  CertificateRejected = 18,
  SubjectIssuerMismatch = 19,
  AuthorityIssuerSerialNumberMismatch = 20,
  NoPeerCertificate = 21,
  HostNameMismatch = 22,
  NoSslSupport = 23,
  CertificateBlacklisted = 24,
  CertificateStatusUnknown = 25,
  OcspNoResponseFound = 26,
  OcspMalformedRequest = 27,
  OcspMalformedResponse = 28,
  OcspInternalError = 29,
  OcspTryLater = 30,
  OcspSigRequred = 31,
  OcspUnauthorized = 32,
  OcspResponseCannotBeTrusted = 33,
  OcspResponseCertIdUnknown = 34,
  OcspResponseExpired = 35,
  OcspStatusUnknown = 36,
}

/** One error of a TLS handshake or of QSslCertificate.verify(), with the certificate it is about. */
export class QSslError extends Value<NativeSslError> {
  static readonly SslError = SslError;

  constructor();
  constructor(error: QSslError.SslError, certificate?: QSslCertificate);
  constructor(other: QSslError);
  constructor(error?: QSslError.SslError | QSslError, certificate?: QSslCertificate) {
    const method = 'QSslError';
    checkArity(method, arguments, 0, 2);
    if (error instanceof QSslError) {
      if (arguments.length !== 1)
        throw new TypeError(`${method}: argument 'certificate' is not taken with a QSslError to copy`);
      super(new native.QSslError(nativeOf(error)));
      return;
    }
    if (arguments.length === 0) {
      super(new native.QSslError());
      return;
    }
    const e = checkEnum(method, 'error', error, SslError, 'QSslError.SslError');
    if (arguments.length === 1) super(new native.QSslError(e));
    else super(new native.QSslError(e, nativeOfCertificate(certificateArg(method, 'certificate', certificate))));
  }

  error(): SslError {
    checkArity('QSslError.error', arguments, 0, 0);
    return nativeOf(this).error();
  }

  /** Qt's text for the error (English). */
  errorString(): string {
    checkArity('QSslError.errorString', arguments, 0, 0);
    return nativeOf(this).errorString();
  }

  /** The certificate the error is about: a null QSslCertificate when there is none. */
  certificate(): QSslCertificate {
    checkArity('QSslError.certificate', arguments, 0, 0);
    return adoptCertificate(nativeOf(this).certificate());
  }

  swap(other: QSslError): void {
    checkArity('QSslError.swap', arguments, 1, 1);
    if (!(other instanceof QSslError))
      throw new TypeError(`QSslError.swap: argument 'other' must be a QSslError, got ${describe(other)}`);
    nativeOf(this).swap(nativeOf(other));
  }

  /** Python's `==` (Qt's operator==: the same error about the same certificate); false for a non-error. */
  equals(other: unknown): boolean {
    checkArity('QSslError.equals', arguments, 1, 1);
    return other instanceof QSslError && nativeOf(this).equals(nativeOf(other));
  }

  [inspect.custom](depth: number, options: InspectOptionsStylized, show: typeof inspect): string {
    if (!holdsNative(this)) return 'QSslError {}';
    const n = nativeOf(this);
    const shown: Record<string, unknown> = { error: SslError[n.error()], errorString: n.errorString() };
    const cert = adoptCertificate(n.certificate());
    if (!cert.isNull()) shown.certificate = cert.subjectDisplayName();
    return `QSslError ${show(shown, options)}`;
  }
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace QSslError {
  type SslError = import('./QSslError').SslError;
}

// @internal nativeOf: the native error inside one (read it, don't keep it); adopt: a QSslError
// around a native one the addon just made; fromNative: around a copy.
const { nativeOf, adopt, fromNative } = valueKit<QSslError, NativeSslError>(QSslError, native.QSslError);
export { nativeOf, adopt, fromNative };
