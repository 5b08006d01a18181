// QSslCertificate: PyQt6's API over Qt's own QSslCertificate (parsing, the fields, digests,
// verification and equality are Qt's, through its OpenSSL backend), used on the JS thread
// directly: it is a reentrant value type. A QIODevice argument is read to its end here, in JS (Qt
// reads it all too), and its bytes parsed as data.
import { inspect, type InspectOptionsStylized } from 'node:util';
import {
  checkArity,
  checkEnum,
  checkIterableOf,
  checkString,
  describe,
  toBuffer,
  toSecretBuffer,
  type BytesInput,
} from './core/args';
import type { NativeSslCertificate } from './core/native';
import { QIODevice } from './core/QIODevice';
import { native } from './core/runtime';
import { holdsNative, Value, valueKit } from './core/value';
import { Algorithm, type QCryptographicHash } from './QCryptographicHash';
import { AlternativeNameEntryType, EncodingFormat, type QSsl } from './QSsl';
import { adopt as adoptExtension, type QSslCertificateExtension } from './QSslCertificateExtension';
import { adopt as adoptError, type QSslError } from './QSslError';
import { adopt as adoptKey, nativeOf as nativeOfKey, QSslKey } from './QSslKey';

export enum PatternSyntax {
  RegularExpression = 0,
  Wildcard = 1,
  FixedString = 2,
}

export enum SubjectInfo {
  Organization = 0,
  CommonName = 1,
  LocalityName = 2,
  OrganizationalUnitName = 3,
  CountryName = 4,
  StateOrProvinceName = 5,
  DistinguishedNameQualifier = 6,
  SerialNumber = 7,
  EmailAddress = 8,
}

function checkFormat(method: string, v: unknown): EncodingFormat {
  return checkEnum(method, 'format', v, EncodingFormat, 'QSsl.EncodingFormat');
}

/** @internal The bytes of a data-or-device argument: a QIODevice is read to its end, as Qt reads it. */
export function dataOrDevice(method: string, arg: string, v: unknown): Buffer {
  return v instanceof QIODevice ? v.readAll() : toBuffer(method, arg, v);
}

/** An X.509 certificate: its subject, issuer, dates, extensions and public key, as Qt reads them. */
export class QSslCertificate extends Value<NativeSslCertificate> {
  static readonly PatternSyntax = PatternSyntax;
  static readonly SubjectInfo = SubjectInfo;

  /** Data Qt cannot parse (or none) gives the null certificate: isNull() is true. */
  constructor(data?: BytesInput, format?: QSsl.EncodingFormat);
  /** Reads the device to its end. */
  constructor(device: QIODevice, format?: QSsl.EncodingFormat);
  constructor(other: QSslCertificate);
  constructor(data?: BytesInput | QIODevice | QSslCertificate, format: QSsl.EncodingFormat = EncodingFormat.Pem) {
    const method = 'QSslCertificate';
    checkArity(method, arguments, 0, 2);
    if (data instanceof QSslCertificate) {
      if (arguments.length !== 1)
        throw new TypeError(`${method}: argument 'format' is not taken with a QSslCertificate to copy`);
      super(new native.QSslCertificate(nativeOf(data)));
      return;
    }
    const f = checkFormat(method, format);
    const bytes = data === undefined ? Buffer.alloc(0) : dataOrDevice(method, 'data', data);
    super(new native.QSslCertificate(bytes, f));
  }

  /** Every certificate in `data` (PEM: each block; DER: one); none where Qt cannot parse it. */
  static fromData(data: BytesInput, format: QSsl.EncodingFormat = EncodingFormat.Pem): QSslCertificate[] {
    const method = 'QSslCertificate.fromData';
    checkArity(method, arguments, 1, 2);
    return native.QSslCertificate.fromData(toBuffer(method, 'data', data), checkFormat(method, format)).map(adopt);
  }

  /** fromData() of what the device holds (read to its end). */
  static fromDevice(device: QIODevice, format: QSsl.EncodingFormat = EncodingFormat.Pem): QSslCertificate[] {
    const method = 'QSslCertificate.fromDevice';
    checkArity(method, arguments, 1, 2);
    if (!(device instanceof QIODevice))
      throw new TypeError(`${method}: argument 'device' must be a QIODevice, got ${describe(device)}`);
    return native.QSslCertificate.fromData(device.readAll(), checkFormat(method, format)).map(adopt);
  }

  /**
   * The certificates of the files `path` names, read by Qt, synchronously. With Wildcard or
   * RegularExpression syntax Qt walks every directory below the pattern's fixed prefix (following
   * symbolic links) and matches each file's path: keep that prefix narrow.
   */
  static fromPath(
    path: string,
    format: QSsl.EncodingFormat = EncodingFormat.Pem,
    syntax: QSslCertificate.PatternSyntax = PatternSyntax.FixedString,
  ): QSslCertificate[] {
    const method = 'QSslCertificate.fromPath';
    checkArity(method, arguments, 1, 3);
    return native.QSslCertificate.fromPath(
      checkString(method, 'path', path),
      checkFormat(method, format),
      checkEnum(method, 'syntax', syntax, PatternSyntax, 'QSslCertificate.PatternSyntax'),
    ).map(adopt);
  }

  /**
   * Qt's verification of a chain (the leaf first) against the system's CA certificates, and of
   * `hostName` against the leaf when given: the errors, none when it is valid.
   */
  static verify(certificateChain: Iterable<QSslCertificate>, hostName = ''): QSslError[] {
    const method = 'QSslCertificate.verify';
    checkArity(method, arguments, 1, 2);
    const chain = certificateList(method, 'certificateChain', certificateChain);
    return native.QSslCertificate.verify(chain.map(nativeOf), checkString(method, 'hostName', hostName)).map(
      adoptError,
    );
  }

  /**
   * Reads a PKCS#12 bundle from the device (to its end) and, when Qt can decrypt it with
   * passPhrase, puts its key into `key` and its certificate into `certificate`, as PyQt6 does,
   * and returns true; false leaves both as they were. Beyond PyQt6 (whose list stays as given), an
   * array given as caCertificates is filled with the bundle's other certificates, as in Qt's C++.
   * A null key or certificate returns false without reading, as in Qt.
   */
  static importPkcs12(
    device: QIODevice,
    key: QSslKey | null,
    certificate: QSslCertificate | null,
    caCertificates: QSslCertificate[] | null = [],
    passPhrase?: BytesInput,
  ): boolean {
    const method = 'QSslCertificate.importPkcs12';
    checkArity(method, arguments, 3, 5);
    if (!(device instanceof QIODevice))
      throw new TypeError(`${method}: argument 'device' must be a QIODevice, got ${describe(device)}`);
    if (key !== null && !(key instanceof QSslKey))
      throw new TypeError(`${method}: argument 'key' must be a QSslKey or null, got ${describe(key)}`);
    if (certificate !== null) certificateArg(method, 'certificate', certificate);
    if (caCertificates !== null && !Array.isArray(caCertificates))
      throw new TypeError(
        `${method}: argument 'caCertificates' must be an array or null, got ${describe(caCertificates)}`,
      );
    const pass = passPhrase === undefined ? null : toSecretBuffer(method, 'passPhrase', passPhrase);
    if (key === null || certificate === null) return false;
    const imported = native.QSslCertificate.importPkcs12(device.readAll(), pass);
    if (imported === null) return false;
    nativeOfKey(key).swap(imported[0]);
    nativeOf(certificate).swap(imported[1]);
    if (caCertificates !== null) caCertificates.splice(0, caCertificates.length, ...imported[2].map(adopt));
    return true;
  }

  clear(): void {
    checkArity('QSslCertificate.clear', arguments, 0, 0);
    nativeOf(this).clear();
  }

  /** The digest of the DER form (empty data for a null certificate). */
  digest(algorithm: QCryptographicHash.Algorithm = Algorithm.Md5): Buffer {
    const method = 'QSslCertificate.digest';
    checkArity(method, arguments, 0, 1);
    return nativeOf(this).digest(checkEnum(method, 'algorithm', algorithm, Algorithm, 'QCryptographicHash.Algorithm'));
  }

  /** The X.509v3 extensions, in the certificate's order. */
  extensions(): QSslCertificateExtension[] {
    checkArity('QSslCertificate.extensions', arguments, 0, 0);
    return nativeOf(this).extensions().map(adoptExtension);
  }

  /** notBefore; null for a null certificate (PyQt6: an invalid QDateTime). */
  effectiveDate(): Date | null {
    checkArity('QSslCertificate.effectiveDate', arguments, 0, 0);
    return nativeOf(this).effectiveDate();
  }

  /** notAfter; null for a null certificate (PyQt6: an invalid QDateTime). */
  expiryDate(): Date | null {
    checkArity('QSslCertificate.expiryDate', arguments, 0, 0);
    return nativeOf(this).expiryDate();
  }

  /** Whether Qt's built-in list of known-bad certificates has it. */
  isBlacklisted(): boolean {
    checkArity('QSslCertificate.isBlacklisted', arguments, 0, 0);
    return nativeOf(this).isBlacklisted();
  }

  isNull(): boolean {
    checkArity('QSslCertificate.isNull', arguments, 0, 0);
    return nativeOf(this).isNull();
  }

  isSelfSigned(): boolean {
    checkArity('QSslCertificate.isSelfSigned', arguments, 0, 0);
    return nativeOf(this).isSelfSigned();
  }

  issuerDisplayName(): string {
    checkArity('QSslCertificate.issuerDisplayName', arguments, 0, 0);
    return nativeOf(this).issuerDisplayName();
  }

  subjectDisplayName(): string {
    checkArity('QSslCertificate.subjectDisplayName', arguments, 0, 0);
    return nativeOf(this).subjectDisplayName();
  }

  /** The issuer's values of a field: a SubjectInfo, or an attribute's short name or OID as bytes (b'CN'). */
  issuerInfo(info: QSslCertificate.SubjectInfo): string[];
  issuerInfo(attribute: BytesInput): string[];
  issuerInfo(info: QSslCertificate.SubjectInfo | BytesInput): string[] {
    const method = 'QSslCertificate.issuerInfo';
    checkArity(method, arguments, 1, 1);
    return nativeOf(this).issuerInfo(infoArg(method, info));
  }

  /** The subject's values of a field: a SubjectInfo, or an attribute's short name or OID as bytes (b'CN'). */
  subjectInfo(info: QSslCertificate.SubjectInfo): string[];
  subjectInfo(attribute: BytesInput): string[];
  subjectInfo(info: QSslCertificate.SubjectInfo | BytesInput): string[] {
    const method = 'QSslCertificate.subjectInfo';
    checkArity(method, arguments, 1, 1);
    return nativeOf(this).subjectInfo(infoArg(method, info));
  }

  issuerInfoAttributes(): Buffer[] {
    checkArity('QSslCertificate.issuerInfoAttributes', arguments, 0, 0);
    return nativeOf(this).issuerInfoAttributes();
  }

  subjectInfoAttributes(): Buffer[] {
    checkArity('QSslCertificate.subjectInfoAttributes', arguments, 0, 0);
    return nativeOf(this).subjectInfoAttributes();
  }

  /**
   * PyQt6's dict as a Map: the names of each type present (a type with none is absent), in Qt's
   * order: `names.get(QSsl.AlternativeNameEntryType.DnsEntry)`.
   */
  subjectAlternativeNames(): Map<QSsl.AlternativeNameEntryType, string[]> {
    checkArity('QSslCertificate.subjectAlternativeNames', arguments, 0, 0);
    const names = new Map<AlternativeNameEntryType, string[]>();
    for (const [type, name] of nativeOf(this).subjectAlternativeNames()) {
      const list = names.get(type);
      if (list) list.push(name);
      else names.set(type, [name]);
    }
    return names;
  }

  /** The certificate's public key (a null QSslKey for a null certificate). */
  publicKey(): QSslKey {
    checkArity('QSslCertificate.publicKey', arguments, 0, 0);
    return adoptKey(nativeOf(this).publicKey());
  }

  /** As Qt shows it: hex bytes separated by colons (b'10:00'). */
  serialNumber(): Buffer {
    checkArity('QSslCertificate.serialNumber', arguments, 0, 0);
    return nativeOf(this).serialNumber();
  }

  /** The X.509 version as Qt gives it (b'3'). */
  version(): Buffer {
    checkArity('QSslCertificate.version', arguments, 0, 0);
    return nativeOf(this).version();
  }

  toDer(): Buffer {
    checkArity('QSslCertificate.toDer', arguments, 0, 0);
    return nativeOf(this).toDer();
  }

  toPem(): Buffer {
    checkArity('QSslCertificate.toPem', arguments, 0, 0);
    return nativeOf(this).toPem();
  }

  /** OpenSSL's human-readable dump of the certificate. */
  toText(): string {
    checkArity('QSslCertificate.toText', arguments, 0, 0);
    return nativeOf(this).toText();
  }

  swap(other: QSslCertificate): void {
    const method = 'QSslCertificate.swap';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).swap(nativeOf(certificateArg(method, 'other', other)));
  }

  /** Python's `==` (Qt's operator==: the same DER form); false for a non-certificate. */
  equals(other: unknown): boolean {
    checkArity('QSslCertificate.equals', arguments, 1, 1);
    return other instanceof QSslCertificate && nativeOf(this).equals(nativeOf(other));
  }

  [inspect.custom](depth: number, options: InspectOptionsStylized, show: typeof inspect): string {
    if (!holdsNative(this)) return 'QSslCertificate {}';
    const n = nativeOf(this);
    if (n.isNull()) return 'QSslCertificate (null)';
    const shown = {
      subject: n.subjectDisplayName(),
      issuer: n.issuerDisplayName(),
      serialNumber: n.serialNumber().toString('latin1'),
      effectiveDate: n.effectiveDate(),
      expiryDate: n.expiryDate(),
    };
    return `QSslCertificate ${show(shown, options)}`;
  }
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace QSslCertificate {
  type PatternSyntax = import('./QSslCertificate').PatternSyntax;
  type SubjectInfo = import('./QSslCertificate').SubjectInfo;
}

function infoArg(method: string, v: unknown): number | Buffer {
  if (typeof v === 'number') return checkEnum(method, 'info', v, SubjectInfo, 'QSslCertificate.SubjectInfo');
  return toBuffer(method, 'attribute', v);
}

/** @internal A QSslCertificate argument, or a TypeError naming the method and the argument. */
export function certificateArg(method: string, arg: string, v: unknown): QSslCertificate {
  if (v instanceof QSslCertificate) return v;
  throw new TypeError(`${method}: argument '${arg}' must be a QSslCertificate, got ${describe(v)}`);
}

/** @internal An iterable of QSslCertificates as an array, or a TypeError. */
export function certificateList(method: string, arg: string, v: unknown): QSslCertificate[] {
  return checkIterableOf(method, arg, v, QSslCertificate);
}

// @internal nativeOf: the native certificate inside one (read it, don't keep it); adopt: a
// QSslCertificate around a native one the addon just made; fromNative: around a copy.
const { nativeOf, adopt, fromNative } = valueKit<QSslCertificate, NativeSslCertificate>(
  QSslCertificate,
  native.QSslCertificate,
);
export { nativeOf, adopt, fromNative };
