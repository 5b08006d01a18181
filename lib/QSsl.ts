// PyQt6's QSsl namespace: the enums Qt's SSL classes share (QSsl.SslProtocol.TlsV1_2OrLater, …).

export enum AlertLevel {
  Warning = 0,
  Fatal = 1,
  Unknown = 2,
}

export enum AlertType {
  CloseNotify = 0,
  UnexpectedMessage = 10,
  BadRecordMac = 20,
  RecordOverflow = 22,
  DecompressionFailure = 30,
  HandshakeFailure = 40,
  NoCertificate = 41,
  BadCertificate = 42,
  UnsupportedCertificate = 43,
  CertificateRevoked = 44,
  CertificateExpired = 45,
  CertificateUnknown = 46,
  IllegalParameter = 47,
  UnknownCa = 48,
  AccessDenied = 49,
  DecodeError = 50,
  DecryptError = 51,
  ExportRestriction = 60,
  ProtocolVersion = 70,
  InsufficientSecurity = 71,
  InternalError = 80,
  InappropriateFallback = 86,
  UserCancelled = 90,
  NoRenegotiation = 100,
  MissingExtension = 109,
  UnsupportedExtension = 110,
  CertificateUnobtainable = 111,
  UnrecognizedName = 112,
  BadCertificateStatusResponse = 113,
  BadCertificateHashValue = 114,
  UnknownPskIdentity = 115,
  CertificateRequired = 116,
  NoApplicationProtocol = 120,
  UnknownAlertMessage = 255,
}

export enum AlternativeNameEntryType {
  EmailEntry = 0,
  DnsEntry = 1,
  IpAddressEntry = 2,
}

export enum EncodingFormat {
  Pem = 0,
  Der = 1,
}

export enum ImplementedClass {
  Key = 0,
  Certificate = 1,
  Socket = 2,
  DiffieHellman = 3,
  EllipticCurve = 4,
  Dtls = 5,
  DtlsCookie = 6,
}

export enum KeyAlgorithm {
  Opaque = 0,
  Rsa = 1,
  Dsa = 2,
  Ec = 3,
  Dh = 4,
}

export enum KeyType {
  PrivateKey = 0,
  PublicKey = 1,
}

/** Flags: combine with `|`. */
export enum SslOption {
  SslOptionDisableEmptyFragments = 0x1,
  SslOptionDisableSessionTickets = 0x2,
  SslOptionDisableCompression = 0x4,
  SslOptionDisableServerNameIndication = 0x8,
  SslOptionDisableLegacyRenegotiation = 0x10,
  SslOptionDisableSessionSharing = 0x20,
  SslOptionDisableSessionPersistence = 0x40,
  SslOptionDisableServerCipherPreference = 0x80,
}

export enum SslProtocol {
  UnknownProtocol = -1,
  TlsV1_0 = 0,
  TlsV1_0OrLater = 5,
  TlsV1_1 = 1,
  TlsV1_1OrLater = 6,
  TlsV1_2 = 2,
  TlsV1_2OrLater = 7,
  AnyProtocol = 3,
  SecureProtocols = 4,
  DtlsV1_0 = 8,
  DtlsV1_0OrLater = 9,
  DtlsV1_2 = 10,
  DtlsV1_2OrLater = 11,
  TlsV1_3 = 12,
  TlsV1_3OrLater = 13,
}

export enum SupportedFeature {
  CertificateVerification = 0,
  ClientSideAlpn = 1,
  ServerSideAlpn = 2,
  Ocsp = 3,
  Psk = 4,
  SessionTicket = 5,
  Alerts = 6,
}

/** PyQt6's `QSsl` namespace: `QSsl.EncodingFormat.Pem`. */
export const QSsl = {
  AlertLevel,
  AlertType,
  AlternativeNameEntryType,
  EncodingFormat,
  ImplementedClass,
  KeyAlgorithm,
  KeyType,
  SslOption,
  SslProtocol,
  SupportedFeature,
} as const;

// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace QSsl {
  type AlertLevel = import('./QSsl').AlertLevel;
  type AlertType = import('./QSsl').AlertType;
  type AlternativeNameEntryType = import('./QSsl').AlternativeNameEntryType;
  type EncodingFormat = import('./QSsl').EncodingFormat;
  type ImplementedClass = import('./QSsl').ImplementedClass;
  type KeyAlgorithm = import('./QSsl').KeyAlgorithm;
  type KeyType = import('./QSsl').KeyType;
  type SslOption = import('./QSsl').SslOption;
  type SslProtocol = import('./QSsl').SslProtocol;
  type SupportedFeature = import('./QSsl').SupportedFeature;
}
