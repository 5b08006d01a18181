// A Node Duplex view of a QSslSocket (the TCP view's behaviour, lib/interop/socketStream.ts, over
// the decrypted bytes) with the tls.TLSSocket members Qt can answer, and createSecureConnection:
// tls.connect's options, as far as they map to Qt, on a QSslSocket that Qt connects (through its
// proxy selection) and verifies.
//
// tls.TLSSocket members here: 'secureConnect' (client) / 'secure' (server mode), encrypted,
// authorized, authorizationError, alpnProtocol, getPeerCertificate(detailed), getCertificate(),
// getProtocol(), getCipher(); with net.Socket's of the TCP view. Not here: renegotiate,
// exportKeyingMaterial, getSession/setSession/isSessionReused, getFinished, getPeerX509Certificate,
// getEphemeralKeyInfo, setMaxSendFragment, enableTrace, the 'session', 'keylog' and 'OCSPResponse'
// events: Qt does not give them (the QSslSocket stays usable for what it does give).
import { createHash } from 'node:crypto';
import { describe } from '../core/args';
import { SocketError, SocketState } from '../core/socketEnums';
import { AlternativeNameEntryType, EncodingFormat, KeyAlgorithm, KeyType, SslProtocol } from '../QSsl';
import { QSslCertificate } from '../QSslCertificate';
import { NextProtocolNegotiationStatus, QSslConfiguration } from '../QSslConfiguration';
import { QSslError, SslError } from '../QSslError';
import { QSslKey } from '../QSslKey';
import { PeerVerifyMode, QSslSocket, SslMode } from '../QSslSocket';
import { connectTarget, QtConnectOptions, QTcpSocketStream } from './QTcpSocketStream';
import { SocketStreamOptions, streamError } from './socketStream';

export type QSslSocketStreamOptions = SocketStreamOptions;

// Node's codes (OpenSSL's X509_V_ERR_ names) for the Qt errors Qt makes from exactly one of them
// (Qt's openSSLErrorToQSslError), and Node's code for a name that does not match. Qt's other
// errors (UnspecifiedError: an OpenSSL code Qt does not name; NoPeerCertificate, blacklisting,
// OCSP) have no faithful Node code: QT_SSL_<SslError name>.
const CERT_CODES: Partial<Record<SslError, string>> = {
  [SslError.UnableToGetIssuerCertificate]: 'UNABLE_TO_GET_ISSUER_CERT',
  [SslError.UnableToDecryptCertificateSignature]: 'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  [SslError.UnableToDecodeIssuerPublicKey]: 'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
  [SslError.CertificateSignatureFailed]: 'CERT_SIGNATURE_FAILURE',
  [SslError.CertificateNotYetValid]: 'CERT_NOT_YET_VALID',
  [SslError.CertificateExpired]: 'CERT_HAS_EXPIRED',
  [SslError.InvalidNotBeforeField]: 'ERROR_IN_CERT_NOT_BEFORE_FIELD',
  [SslError.InvalidNotAfterField]: 'ERROR_IN_CERT_NOT_AFTER_FIELD',
  [SslError.SelfSignedCertificate]: 'DEPTH_ZERO_SELF_SIGNED_CERT',
  [SslError.SelfSignedCertificateInChain]: 'SELF_SIGNED_CERT_IN_CHAIN',
  [SslError.UnableToGetLocalIssuerCertificate]: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  [SslError.UnableToVerifyFirstCertificate]: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  [SslError.CertificateRevoked]: 'CERT_REVOKED',
  [SslError.InvalidCaCertificate]: 'INVALID_CA',
  [SslError.PathLengthExceeded]: 'PATH_LENGTH_EXCEEDED',
  [SslError.InvalidPurpose]: 'INVALID_PURPOSE',
  [SslError.CertificateUntrusted]: 'CERT_UNTRUSTED',
  [SslError.CertificateRejected]: 'CERT_REJECTED',
  [SslError.HostNameMismatch]: 'ERR_TLS_CERT_ALTNAME_INVALID',
};

const codeOf = (e: QSslError): string => CERT_CODES[e.error()] ?? `QT_SSL_${SslError[e.error()] ?? e.error()}`;

/**
 * The error Node would give first: the chain's verdict before the name's (Node checks the name only
 * of a chain it trusts); of the chain's, the last Qt lists, as OpenSSL keeps the last one.
 */
function verdict(errors: QSslError[]): QSslError | undefined {
  const chain = errors.filter((e) => e.error() !== SslError.HostNameMismatch);
  return chain.length > 0 ? chain[chain.length - 1] : errors[0];
}

/** The error a refused certificate gives: Qt's message, the code as above, Qt's errors beside. */
export interface CertificateError extends NodeJS.ErrnoException {
  qtError: number;
  sslErrors: QSslError[];
}

const PROTOCOLS: Partial<Record<SslProtocol, string>> = {
  [SslProtocol.TlsV1_0]: 'TLSv1',
  [SslProtocol.TlsV1_1]: 'TLSv1.1',
  [SslProtocol.TlsV1_2]: 'TLSv1.2',
  [SslProtocol.TlsV1_3]: 'TLSv1.3',
};

/** tls.PeerCertificate's shape, from what QSslCertificate gives. */
export interface QtPeerCertificate {
  subject: Record<string, string | string[]>;
  issuer: Record<string, string | string[]>;
  /** Grouped by type (DNS, IP Address, email), not in the certificate's order. */
  subjectaltname?: string;
  ca: boolean;
  bits?: number;
  /** The public key, SubjectPublicKeyInfo DER. */
  pubkey?: Buffer;
  valid_from: string;
  valid_to: string;
  fingerprint: string;
  fingerprint256: string;
  fingerprint512: string;
  serialNumber: string;
  raw: Buffer;
  issuerCertificate?: QtPeerCertificate;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => String(n).padStart(2, '0');

// OpenSSL's ASN1_TIME_print, as Node prints valid_from: "Jan  1 00:00:00 2020 GMT".
function asn1Time(d: Date | null): string {
  if (d === null) return '';
  const day = String(d.getUTCDate()).padStart(2, ' ');
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  return `${MONTHS[d.getUTCMonth()]} ${day} ${time} ${d.getUTCFullYear()} GMT`;
}

const fingerprint = (der: Buffer, algorithm: string): string =>
  (createHash(algorithm).update(der).digest('hex').toUpperCase().match(/../g) ?? []).join(':');

function nameObject(attributes: Buffer[], values: (attribute: Buffer) => string[]): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  for (const a of attributes) {
    const v = values(a);
    out[a.toString('latin1')] = v.length === 1 ? v[0] : v;
  }
  return out;
}

const SAN_PREFIX: [AlternativeNameEntryType, string][] = [
  [AlternativeNameEntryType.DnsEntry, 'DNS'],
  [AlternativeNameEntryType.IpAddressEntry, 'IP Address'],
  [AlternativeNameEntryType.EmailEntry, 'email'],
];

function peerCertificate(c: QSslCertificate): QtPeerCertificate {
  const raw = c.toDer();
  const sans = c.subjectAlternativeNames();
  const san = SAN_PREFIX.flatMap(([type, prefix]) => (sans.get(type) ?? []).map((n) => `${prefix}:${n}`));
  const basic = c.extensions().find((e) => e.name() === 'basicConstraints');
  const key = c.publicKey();
  return {
    subject: nameObject(c.subjectInfoAttributes(), (a) => c.subjectInfo(a)),
    issuer: nameObject(c.issuerInfoAttributes(), (a) => c.issuerInfo(a)),
    ...(san.length > 0 ? { subjectaltname: san.join(', ') } : {}),
    ca: (basic?.value() as { ca?: boolean } | undefined)?.ca === true,
    ...(key.isNull() ? {} : { bits: key.length(), pubkey: key.toDer() }),
    valid_from: asn1Time(c.effectiveDate()),
    valid_to: asn1Time(c.expiryDate()),
    fingerprint: fingerprint(raw, 'sha1'),
    fingerprint256: fingerprint(raw, 'sha256'),
    fingerprint512: fingerprint(raw, 'sha512'),
    serialNumber: c.serialNumber().toString('latin1').replace(/:/g, '').toUpperCase(),
    raw,
  };
}

export class QSslSocketStream extends QTcpSocketStream {
  declare readonly socket: QSslSocket;
  /** As tls.TLSSocket: a TLS stream. */
  readonly encrypted = true;
  /** Whether Qt verified the peer's certificate without an error (set at the handshake's end). */
  authorized = false;
  /** Why not (a code as the error's, see CertificateError; QT_SSL_VerifyNone), or null. */
  authorizationError: string | null = null;
  /** The ALPN protocol negotiated; false when none; null before the handshake. */
  alpnProtocol: string | false | null = null;

  constructor(socket: QSslSocket, options: QSslSocketStreamOptions = {}) {
    if (!(socket instanceof QSslSocket))
      throw new TypeError(`QSslSocketStream: argument 'socket' must be a QSslSocket, got ${describe(socket)}`);
    super(socket, options);
    this.on$(socket.encrypted, () => {
      this.handshakeDone();
      this.emit(socket.mode() === SslMode.SslServerMode ? 'secure' : 'secureConnect');
    });
    if (socket.isEncrypted()) this.handshakeDone();
    // Qt encrypts what it is given at once (bytesWritten then) into its plain socket's buffer,
    // which bytesToWrite() does not count: the room comes when that goes out.
    this.on$(socket.encryptedBytesWritten, () => this.writeDrained());
  }

  /** @internal Not yet encrypted, and encrypted not yet sent: a peer that does not read holds both back. */
  protected override unsent(): number {
    const plain = this.socket.bytesToWrite();
    return this.socket.mode() === SslMode.UnencryptedMode ? plain : plain + this.socket.encryptedBytesToWrite();
  }

  private handshakeDone(): void {
    const error = verdict(this.socket.sslHandshakeErrors());
    // As Node's: not authorized either when nothing was verified: with VerifyNone (Qt looked at
    // no chain: a code of ours says so) or without a peer certificate (a server that asked for
    // none: no code, as Node's server without requestCert).
    const unverified = this.socket.peerVerifyMode() === PeerVerifyMode.VerifyNone;
    this.authorized = error === undefined && !unverified && !this.socket.peerCertificate().isNull();
    this.authorizationError = error ? codeOf(error) : unverified ? 'QT_SSL_VerifyNone' : null;
    const config = this.socket.sslConfiguration();
    this.alpnProtocol =
      config.nextProtocolNegotiationStatus() === NextProtocolNegotiationStatus.NextProtocolNegotiationNegotiated
        ? config.nextNegotiatedProtocol().toString('latin1')
        : false;
  }

  /**
   * As tls.TLSSocket's end(): during the handshake the end waits for it (Qt would cut the
   * handshake short when nothing is left to send), then is Qt's graceful disconnect.
   */
  _final(callback: (err?: Error | null) => void): void {
    const state = this.socket.state();
    const handshaking =
      !this.socket.isEncrypted() &&
      (state === SocketState.HostLookupState ||
        state === SocketState.ConnectingState ||
        (state === SocketState.ConnectedState && this.socket.mode() !== SslMode.UnencryptedMode));
    if (!handshaking) {
      super._final(callback);
      return;
    }
    // Connected: asked again (a socket that does not encrypt ends at once); encrypted: ends.
    const again = (): void => {
      for (const e of ['connect', 'secureConnect', 'secure']) this.off(e, again);
      this._final(callback);
    };
    for (const e of ['connect', 'secureConnect', 'secure']) this.once(e, again);
  }

  /** @internal a refused certificate gives its own error; the others are the TCP view's. */
  protected errorFor(error: SocketError): Error {
    const errors = error === SocketError.SslHandshakeFailedError ? this.socket.sslHandshakeErrors() : [];
    const first = verdict(errors);
    if (first === undefined) return super.errorFor(error);
    const err = streamError(
      first.errorString(),
      error,
      `QSslError.SslError.${SslError[first.error()] ?? first.error()}`,
      codeOf(first),
    ) as CertificateError;
    err.sslErrors = errors;
    return err;
  }

  /**
   * As tls.TLSSocket's: the peer's certificate in Node's shape ({} when there is none); with
   * `detailed`, each issuerCertificate from the chain the peer sent (a self-signed root is its own).
   */
  getPeerCertificate(detailed = false): QtPeerCertificate | Record<string, never> {
    const chain = this.socket.peerCertificateChain();
    const leaf = chain[0] ?? this.socket.peerCertificate();
    if (leaf.isNull()) return {};
    const first = peerCertificate(leaf);
    if (!detailed) return first;
    let at = first;
    for (const c of chain.slice(1)) at = at.issuerCertificate = peerCertificate(c);
    if (chain.length > 0 && chain[chain.length - 1].isSelfSigned()) at.issuerCertificate = at;
    return first;
  }

  /** As tls.TLSSocket's: the local certificate in Node's shape ({} when there is none). */
  getCertificate(): QtPeerCertificate | Record<string, never> {
    const c = this.socket.localCertificate();
    return c.isNull() ? {} : peerCertificate(c);
  }

  /** As tls.TLSSocket's: 'TLSv1.3', 'TLSv1.2'...; null before the handshake. */
  getProtocol(): string | null {
    return this.socket.isEncrypted() ? (PROTOCOLS[this.socket.sessionProtocol()] ?? 'unknown') : null;
  }

  /** As tls.TLSSocket's: the session's cipher (OpenSSL's name) and its protocol; null before the handshake. */
  getCipher(): { name: string; version: string } | null {
    const c = this.socket.sessionCipher();
    return c.isNull() ? null : { name: c.name(), version: c.protocolString() };
  }
}

type Pem = string | Buffer;

export interface QtSecureConnectOptions extends QtConnectOptions {
  /**
   * The name Qt verifies and sends (SNI); default, or '': `host` (Qt sends no SNI for an IP address,
   * and sends a host name even when this is '', unlike Node).
   */
  servername?: string;
  /** PEM certificates to trust instead of the system's (Qt's setCaCertificates). */
  ca?: Pem | Pem[];
  /** The client certificate (PEM; more than one: the chain, the client's first). */
  cert?: Pem | Pem[];
  /** The client certificate's private key (PEM: RSA, EC, DSA or DH). */
  key?: Pem;
  passphrase?: string;
  /**
   * false: the handshake goes on whatever Qt's verification finds (ignoreSslErrors); as Node's,
   * `authorized` and `authorizationError` still tell what it found. Default true.
   */
  rejectUnauthorized?: boolean;
  /** ALPN protocols to offer, in order (Qt's setAllowedNextProtocols). */
  ALPNProtocols?: (string | Uint8Array)[];
}

// tls.connect options that would change what is trusted or sent, which this path does not do:
// refused rather than ignored.
const UNSUPPORTED = [
  'pfx',
  'secureContext',
  'checkServerIdentity',
  'ciphers',
  'minVersion',
  'maxVersion',
  'secureProtocol',
  'secureOptions',
  'crl',
  'sigalgs',
  'ecdhCurve',
  'session',
  'pskCallback',
  'requestOCSP',
  'privateKeyEngine',
  'privateKeyIdentifier',
];

/** @internal checks createSecureConnection's TLS options; for QtHttpsAgent too. */
export function checkTlsOptions(fn: string, options: Record<string, unknown>): void {
  for (const name of UNSUPPORTED)
    if (options[name] !== undefined) throw new TypeError(`${fn}: option '${name}' is not supported with Qt's TLS`);
  const pems = (name: string): void => {
    const v = options[name];
    if (v === undefined) return;
    const list = Array.isArray(v) ? v : [v];
    if (!list.every((p) => typeof p === 'string' || Buffer.isBuffer(p)))
      throw new TypeError(
        `${fn}: argument 'options.${name}' must be PEM (a string or a Buffer) or an array of PEM, got ${describe(v)}`,
      );
  };
  pems('ca');
  pems('cert');
  const { key, passphrase, servername, rejectUnauthorized, ALPNProtocols } = options;
  if (key !== undefined && typeof key !== 'string' && !Buffer.isBuffer(key))
    throw new TypeError(`${fn}: argument 'options.key' must be PEM (a string or a Buffer), got ${describe(key)}`);
  if ((key === undefined) !== (options.cert === undefined))
    throw new TypeError(`${fn}: options 'cert' and 'key' go together`);
  if (passphrase !== undefined && typeof passphrase !== 'string')
    throw new TypeError(`${fn}: argument 'options.passphrase' must be a string`);
  if (servername !== undefined && typeof servername !== 'string')
    throw new TypeError(`${fn}: argument 'options.servername' must be a string, got ${describe(servername)}`);
  if (rejectUnauthorized !== undefined && typeof rejectUnauthorized !== 'boolean')
    throw new TypeError(
      `${fn}: argument 'options.rejectUnauthorized' must be a boolean, got ${describe(rejectUnauthorized)}`,
    );
  if (
    ALPNProtocols !== undefined &&
    !(Array.isArray(ALPNProtocols) && ALPNProtocols.every((p) => typeof p === 'string' || p instanceof Uint8Array))
  )
    throw new TypeError(
      `${fn}: argument 'options.ALPNProtocols' must be an array of strings or Buffers, got ${describe(ALPNProtocols)}`,
    );
}

function certificates(fn: string, name: string, v: Pem | Pem[]): QSslCertificate[] {
  return (Array.isArray(v) ? v : [v]).flatMap((pem, i) => {
    const list = QSslCertificate.fromData(Buffer.from(pem), EncodingFormat.Pem);
    if (list.length === 0) throw new TypeError(`${fn}: argument 'options.${name}' item ${i} holds no PEM certificate`);
    return list;
  });
}

// QSslKey needs the algorithm: PKCS#8 PEM does not say it in its header, so each is tried.
function privateKey(fn: string, pem: Pem, passphrase: string | undefined): QSslKey {
  for (const algorithm of [KeyAlgorithm.Rsa, KeyAlgorithm.Ec, KeyAlgorithm.Dsa, KeyAlgorithm.Dh]) {
    const key = new QSslKey(Buffer.from(pem), algorithm, EncodingFormat.Pem, KeyType.PrivateKey, passphrase);
    if (!key.isNull()) return key;
  }
  throw new TypeError(`${fn}: argument 'options.key' is no private key Qt can read (or the passphrase is wrong)`);
}

const isIp = (host: string): boolean => /^[\d.]+$/.test(host) || host.includes(':');

/**
 * As tls.connect, through Qt: a QSslSocket connected with Qt's proxy selection (the application
 * proxy or factory, or `options.proxy`) and encrypted and verified by Qt, seen as a Duplex.
 * 'connect' when Qt connects, then 'secureConnect' when the handshake is done; a certificate Qt
 * refuses is an 'error' (CertificateError).
 */
export function createSecureConnection(
  options: QtSecureConnectOptions,
  secureConnectListener?: () => void,
): QSslSocketStream {
  const fn = 'createSecureConnection';
  const { host, port } = connectTarget(fn, options);
  checkTlsOptions(fn, options as unknown as Record<string, unknown>);
  // Made before the socket, which a bad option then does not leave behind.
  const config = QSslConfiguration.defaultConfiguration();
  if (options.ca !== undefined) config.setCaCertificates(certificates(fn, 'ca', options.ca));
  if (options.cert !== undefined && options.key !== undefined) {
    config.setLocalCertificateChain(certificates(fn, 'cert', options.cert));
    config.setPrivateKey(privateKey(fn, options.key, options.passphrase));
  }
  if (options.ALPNProtocols !== undefined)
    config.setAllowedNextProtocols(options.ALPNProtocols.map((p) => Buffer.from(p)));
  const socket = new QSslSocket();
  socket.setSslConfiguration(config);
  if (options.proxy !== undefined) socket.setProxy(options.proxy);
  const stream = new QSslSocketStream(socket);
  if (options.timeout !== undefined) stream.setTimeout(options.timeout);
  if (secureConnectListener) stream.once('secureConnect', secureConnectListener);
  const servername = options.servername ?? (isIp(host) ? '' : host);
  if (servername !== '') socket.connectToHostEncrypted(host, port, servername);
  else socket.connectToHostEncrypted(host, port);
  // After connectToHostEncrypted, which forgets an earlier ignoreSslErrors().
  if (options.rejectUnauthorized === false) socket.ignoreSslErrors();
  return stream;
}
