// QSslConfiguration: PyQt6's API over Qt's own QSslConfiguration (every default, and what a
// finished handshake negotiated, is Qt's), used on the JS thread directly: it is a reentrant value
// type. Sockets, servers and requests take copies of one (setSslConfiguration) and give copies.
import { inspect, type InspectOptionsStylized } from 'node:util';
import {
  checkArity,
  checkBool,
  checkEnum,
  checkInt,
  checkIterable,
  checkIterableOf,
  checkVariant,
  describe,
  toBuffer,
  type BytesInput,
} from './core/args';
import type { NativeSslConfiguration, NativeVariant } from './core/native';
import { native } from './core/runtime';
import { PeerVerifyMode } from './core/sslEnums';
import { holdsNative, Value, valueKit } from './core/value';
import { EncodingFormat, SslOption, SslProtocol } from './QSsl';
import {
  adopt as adoptCertificate,
  certificateArg,
  certificateList,
  nativeOf as certificateOf,
  PatternSyntax,
  type QSslCertificate,
} from './QSslCertificate';
import { adopt as adoptKey, keyArg, nativeOf as keyOf, type QSslKey } from './QSslKey';
import { adopt as adoptCipher, nativeOf as cipherOf, QSslCipher } from './QSslCipher';
import { adopt as adoptCurve, nativeOf as curveOf, QSslEllipticCurve } from './QSslEllipticCurve';
import { adopt as adoptDh, nativeOf as dhOf, QSslDiffieHellmanParameters } from './QSslDiffieHellmanParameters';
import type { VariantInput } from './core/args';

export enum NextProtocolNegotiationStatus {
  NextProtocolNegotiationNone = 0,
  NextProtocolNegotiationNegotiated = 1,
  NextProtocolNegotiationUnsupported = 2,
}

/** How a TLS session is set up (protocols, verification, options, ALPN) and, after a handshake, what it negotiated. */
export class QSslConfiguration extends Value<NativeSslConfiguration> {
  static readonly NextProtocolNegotiationStatus = NextProtocolNegotiationStatus;
  /** The ALPN name of HTTP/1.1 (PyQt6's bytes). */
  static readonly NextProtocolHttp1_1: Buffer = Buffer.from('http/1.1');

  constructor();
  constructor(other: QSslConfiguration);
  constructor(other?: QSslConfiguration) {
    const method = 'QSslConfiguration';
    checkArity(method, arguments, 0, 1);
    if (arguments.length === 1 && !(other instanceof QSslConfiguration))
      throw new TypeError(`${method}: argument 'other' must be a QSslConfiguration, got ${describe(other)}`);
    super(other === undefined ? new native.QSslConfiguration() : new native.QSslConfiguration(nativeOf(other)));
  }

  /** A copy of the configuration new sockets start from (Qt's, or what setDefaultConfiguration set). */
  static defaultConfiguration(): QSslConfiguration {
    checkArity('QSslConfiguration.defaultConfiguration', arguments, 0, 0);
    return adopt(native.QSslConfiguration.defaultConfiguration());
  }

  static setDefaultConfiguration(configuration: QSslConfiguration): void {
    const method = 'QSslConfiguration.setDefaultConfiguration';
    checkArity(method, arguments, 1, 1);
    native.QSslConfiguration.setDefaultConfiguration(configurationArg(method, 'configuration', configuration));
  }

  static defaultDtlsConfiguration(): QSslConfiguration {
    checkArity('QSslConfiguration.defaultDtlsConfiguration', arguments, 0, 0);
    return adopt(native.QSslConfiguration.defaultDtlsConfiguration());
  }

  static setDefaultDtlsConfiguration(configuration: QSslConfiguration): void {
    const method = 'QSslConfiguration.setDefaultDtlsConfiguration';
    checkArity(method, arguments, 1, 1);
    native.QSslConfiguration.setDefaultDtlsConfiguration(configurationArg(method, 'configuration', configuration));
  }

  isNull(): boolean {
    checkArity('QSslConfiguration.isNull', arguments, 0, 0);
    return nativeOf(this).isNull();
  }

  protocol(): SslProtocol {
    checkArity('QSslConfiguration.protocol', arguments, 0, 0);
    return nativeOf(this).protocol();
  }

  setProtocol(protocol: SslProtocol): void {
    const method = 'QSslConfiguration.setProtocol';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).setProtocol(checkEnum(method, 'protocol', protocol, SslProtocol, 'QSsl.SslProtocol'));
  }

  /** What the handshake negotiated (UnknownProtocol before one). */
  sessionProtocol(): SslProtocol {
    checkArity('QSslConfiguration.sessionProtocol', arguments, 0, 0);
    return nativeOf(this).sessionProtocol();
  }

  peerVerifyMode(): PeerVerifyMode {
    checkArity('QSslConfiguration.peerVerifyMode', arguments, 0, 0);
    return nativeOf(this).peerVerifyMode();
  }

  setPeerVerifyMode(mode: PeerVerifyMode): void {
    const method = 'QSslConfiguration.setPeerVerifyMode';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).setPeerVerifyMode(checkEnum(method, 'mode', mode, PeerVerifyMode, 'QSslSocket.PeerVerifyMode'));
  }

  /** 0: the whole chain is checked. */
  peerVerifyDepth(): number {
    checkArity('QSslConfiguration.peerVerifyDepth', arguments, 0, 0);
    return nativeOf(this).peerVerifyDepth();
  }

  setPeerVerifyDepth(depth: number): void {
    const method = 'QSslConfiguration.setPeerVerifyDepth';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).setPeerVerifyDepth(checkInt(method, 'depth', depth, -(2 ** 31), 2 ** 31 - 1));
  }

  testSslOption(option: SslOption): boolean {
    const method = 'QSslConfiguration.testSslOption';
    checkArity(method, arguments, 1, 1);
    return nativeOf(this).testSslOption(checkEnum(method, 'option', option, SslOption, 'QSsl.SslOption'));
  }

  setSslOption(option: SslOption, on: boolean): void {
    const method = 'QSslConfiguration.setSslOption';
    checkArity(method, arguments, 2, 2);
    const o = checkEnum(method, 'option', option, SslOption, 'QSsl.SslOption');
    nativeOf(this).setSslOption(o, checkBool(method, 'on', on));
  }

  /** The ALPN names offered, in order (PyQt6's list of QByteArray, as Buffers). */
  allowedNextProtocols(): Buffer[] {
    checkArity('QSslConfiguration.allowedNextProtocols', arguments, 0, 0);
    return nativeOf(this).allowedNextProtocols();
  }

  setAllowedNextProtocols(protocols: Iterable<BytesInput>): void {
    const method = 'QSslConfiguration.setAllowedNextProtocols';
    checkArity(method, arguments, 1, 1);
    const list = checkIterable(method, 'protocols', protocols).map((p) =>
      Buffer.from(toBuffer(method, 'protocols', p)),
    );
    nativeOf(this).setAllowedNextProtocols(list);
  }

  /** The ALPN name the handshake agreed on (empty before one, or without ALPN). */
  nextNegotiatedProtocol(): Buffer {
    checkArity('QSslConfiguration.nextNegotiatedProtocol', arguments, 0, 0);
    return nativeOf(this).nextNegotiatedProtocol();
  }

  nextProtocolNegotiationStatus(): NextProtocolNegotiationStatus {
    checkArity('QSslConfiguration.nextProtocolNegotiationStatus', arguments, 0, 0);
    return nativeOf(this).nextProtocolNegotiationStatus();
  }

  sessionTicket(): Buffer {
    checkArity('QSslConfiguration.sessionTicket', arguments, 0, 0);
    return nativeOf(this).sessionTicket();
  }

  setSessionTicket(sessionTicket: BytesInput): void {
    const method = 'QSslConfiguration.setSessionTicket';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).setSessionTicket(toBuffer(method, 'sessionTicket', sessionTicket));
  }

  /** Seconds, as the server hinted; -1 without a ticket. */
  sessionTicketLifeTimeHint(): number {
    checkArity('QSslConfiguration.sessionTicketLifeTimeHint', arguments, 0, 0);
    return nativeOf(this).sessionTicketLifeTimeHint();
  }

  preSharedKeyIdentityHint(): Buffer {
    checkArity('QSslConfiguration.preSharedKeyIdentityHint', arguments, 0, 0);
    return nativeOf(this).preSharedKeyIdentityHint();
  }

  setPreSharedKeyIdentityHint(hint: BytesInput): void {
    const method = 'QSslConfiguration.setPreSharedKeyIdentityHint';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).setPreSharedKeyIdentityHint(toBuffer(method, 'hint', hint));
  }

  handshakeMustInterruptOnError(): boolean {
    checkArity('QSslConfiguration.handshakeMustInterruptOnError', arguments, 0, 0);
    return nativeOf(this).handshakeMustInterruptOnError();
  }

  setHandshakeMustInterruptOnError(interrupt: boolean): void {
    const method = 'QSslConfiguration.setHandshakeMustInterruptOnError';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).setHandshakeMustInterruptOnError(checkBool(method, 'interrupt', interrupt));
  }

  missingCertificateIsFatal(): boolean {
    checkArity('QSslConfiguration.missingCertificateIsFatal', arguments, 0, 0);
    return nativeOf(this).missingCertificateIsFatal();
  }

  setMissingCertificateIsFatal(cannotRecover: boolean): void {
    const method = 'QSslConfiguration.setMissingCertificateIsFatal';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).setMissingCertificateIsFatal(checkBool(method, 'cannotRecover', cannotRecover));
  }

  ocspStaplingEnabled(): boolean {
    checkArity('QSslConfiguration.ocspStaplingEnabled', arguments, 0, 0);
    return nativeOf(this).ocspStaplingEnabled();
  }

  setOcspStaplingEnabled(enable: boolean): void {
    const method = 'QSslConfiguration.setOcspStaplingEnabled';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).setOcspStaplingEnabled(checkBool(method, 'enable', enable));
  }

  dtlsCookieVerificationEnabled(): boolean {
    checkArity('QSslConfiguration.dtlsCookieVerificationEnabled', arguments, 0, 0);
    return nativeOf(this).dtlsCookieVerificationEnabled();
  }

  setDtlsCookieVerificationEnabled(enable: boolean): void {
    const method = 'QSslConfiguration.setDtlsCookieVerificationEnabled';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).setDtlsCookieVerificationEnabled(checkBool(method, 'enable', enable));
  }

  /**
   * The backend's own options (PyQt6's dict keyed by QByteArray): a Map from each name, as a
   * latin1 string, to its value.
   */
  backendConfiguration(): Map<string, NativeVariant> {
    checkArity('QSslConfiguration.backendConfiguration', arguments, 0, 0);
    return new Map(
      nativeOf(this)
        .backendConfiguration()
        .map(([k, v]) => [k.toString('latin1'), v]),
    );
  }

  /** Replaces them all: a Map or a plain object of name → value; none (the default) clears them. */
  setBackendConfiguration(
    backendConfiguration: Map<BytesInput, VariantInput> | Record<string, VariantInput> = {},
  ): void {
    const method = 'QSslConfiguration.setBackendConfiguration';
    checkArity(method, arguments, 0, 1);
    const arg = 'backendConfiguration';
    if (backendConfiguration === null || typeof backendConfiguration !== 'object')
      throw new TypeError(
        `${method}: argument '${arg}' must be a Map or an object, got ${describe(backendConfiguration)}`,
      );
    const entries =
      backendConfiguration instanceof Map ? [...backendConfiguration] : Object.entries(backendConfiguration);
    const pairs = entries.map(([k, v]): [Buffer, ReturnType<typeof checkVariant>] => [
      Buffer.from(typeof k === 'string' ? Buffer.from(k, 'latin1') : toBuffer(method, arg, k)),
      checkVariant(method, arg, v),
    ]);
    nativeOf(this).setBackendConfiguration(pairs);
  }

  setBackendConfigurationOption(name: BytesInput, value: VariantInput): void {
    const method = 'QSslConfiguration.setBackendConfigurationOption';
    checkArity(method, arguments, 2, 2);
    nativeOf(this).setBackendConfigurationOption(toBuffer(method, 'name', name), checkVariant(method, 'value', value));
  }

  /** The certificates that verify a peer: Qt's system ones unless set (they load on first use). */
  caCertificates(): QSslCertificate[] {
    checkArity('QSslConfiguration.caCertificates', arguments, 0, 0);
    return nativeOf(this).caCertificates().map(adoptCertificate);
  }

  setCaCertificates(certificates: Iterable<QSslCertificate>): void {
    const method = 'QSslConfiguration.setCaCertificates';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).setCaCertificates(certificateList(method, 'certificates', certificates).map(certificateOf));
  }

  addCaCertificate(certificate: QSslCertificate): void {
    const method = 'QSslConfiguration.addCaCertificate';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).addCaCertificate(certificateOf(certificateArg(method, 'certificate', certificate)));
  }

  /**
   * From files (a path, or a pattern of `syntax`): whether any certificate was read. Or from an
   * iterable of certificates.
   */
  addCaCertificates(path: string, format?: EncodingFormat, syntax?: PatternSyntax): boolean;
  addCaCertificates(certificates: Iterable<QSslCertificate>): void;
  addCaCertificates(
    pathOrCertificates: string | Iterable<QSslCertificate>,
    format: EncodingFormat = EncodingFormat.Pem,
    syntax: PatternSyntax = PatternSyntax.FixedString,
  ): boolean | void {
    const method = 'QSslConfiguration.addCaCertificates';
    if (typeof pathOrCertificates === 'string') {
      checkArity(method, arguments, 1, 3);
      return nativeOf(this).addCaCertificatesFromPath(
        pathOrCertificates,
        checkEnum(method, 'format', format, EncodingFormat, 'QSsl.EncodingFormat'),
        checkEnum(method, 'syntax', syntax, PatternSyntax, 'QSslCertificate.PatternSyntax'),
      );
    }
    checkArity(method, arguments, 1, 1);
    nativeOf(this).addCaCertificates(certificateList(method, 'certificates', pathOrCertificates).map(certificateOf));
  }

  /** Qt's CA certificates from the system's store. */
  static systemCaCertificates(): QSslCertificate[] {
    checkArity('QSslConfiguration.systemCaCertificates', arguments, 0, 0);
    return native.QSslConfiguration.systemCaCertificates().map(adoptCertificate);
  }

  localCertificate(): QSslCertificate {
    checkArity('QSslConfiguration.localCertificate', arguments, 0, 0);
    return adoptCertificate(nativeOf(this).localCertificate());
  }

  setLocalCertificate(certificate: QSslCertificate): void {
    const method = 'QSslConfiguration.setLocalCertificate';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).setLocalCertificate(certificateOf(certificateArg(method, 'certificate', certificate)));
  }

  localCertificateChain(): QSslCertificate[] {
    checkArity('QSslConfiguration.localCertificateChain', arguments, 0, 0);
    return nativeOf(this).localCertificateChain().map(adoptCertificate);
  }

  setLocalCertificateChain(localChain: Iterable<QSslCertificate>): void {
    const method = 'QSslConfiguration.setLocalCertificateChain';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).setLocalCertificateChain(certificateList(method, 'localChain', localChain).map(certificateOf));
  }

  /** The peer's certificate after a handshake (a null certificate before one). */
  peerCertificate(): QSslCertificate {
    checkArity('QSslConfiguration.peerCertificate', arguments, 0, 0);
    return adoptCertificate(nativeOf(this).peerCertificate());
  }

  peerCertificateChain(): QSslCertificate[] {
    checkArity('QSslConfiguration.peerCertificateChain', arguments, 0, 0);
    return nativeOf(this).peerCertificateChain().map(adoptCertificate);
  }

  privateKey(): QSslKey {
    checkArity('QSslConfiguration.privateKey', arguments, 0, 0);
    return adoptKey(nativeOf(this).privateKey());
  }

  setPrivateKey(key: QSslKey): void {
    const method = 'QSslConfiguration.setPrivateKey';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).setPrivateKey(keyOf(keyArg(method, 'key', key)));
  }

  /** The server's ephemeral key of the session (a null key before a handshake, and on a server). */
  ephemeralServerKey(): QSslKey {
    checkArity('QSslConfiguration.ephemeralServerKey', arguments, 0, 0);
    return adoptKey(nativeOf(this).ephemeralServerKey());
  }

  /** The ciphers offered, in order (Qt's default list unless set). */
  ciphers(): QSslCipher[] {
    checkArity('QSslConfiguration.ciphers', arguments, 0, 0);
    return nativeOf(this).ciphers().map(adoptCipher);
  }

  /** An iterable of QSslCipher, or a string in OpenSSL's cipher list syntax ("ECDHE-RSA-AES128-GCM-SHA256:..."). */
  setCiphers(ciphers: string | Iterable<QSslCipher>): void {
    const method = 'QSslConfiguration.setCiphers';
    checkArity(method, arguments, 1, 1);
    if (typeof ciphers === 'string') return void nativeOf(this).setCipherString(ciphers);
    const list = checkIterableOf(method, 'ciphers', ciphers, QSslCipher).map(cipherOf);
    nativeOf(this).setCiphers(list);
  }

  /** Every cipher the TLS backend offers. */
  static supportedCiphers(): QSslCipher[] {
    checkArity('QSslConfiguration.supportedCiphers', arguments, 0, 0);
    return native.QSslConfiguration.supportedCiphers().map(adoptCipher);
  }

  /** The cipher of the session (a null cipher before a handshake). */
  sessionCipher(): QSslCipher {
    checkArity('QSslConfiguration.sessionCipher', arguments, 0, 0);
    return adoptCipher(nativeOf(this).sessionCipher());
  }

  ellipticCurves(): QSslEllipticCurve[] {
    checkArity('QSslConfiguration.ellipticCurves', arguments, 0, 0);
    return nativeOf(this).ellipticCurves().map(adoptCurve);
  }

  setEllipticCurves(curves: Iterable<QSslEllipticCurve>): void {
    const method = 'QSslConfiguration.setEllipticCurves';
    checkArity(method, arguments, 1, 1);
    const list = checkIterableOf(method, 'curves', curves, QSslEllipticCurve).map(curveOf);
    nativeOf(this).setEllipticCurves(list);
  }

  static supportedEllipticCurves(): QSslEllipticCurve[] {
    checkArity('QSslConfiguration.supportedEllipticCurves', arguments, 0, 0);
    return native.QSslConfiguration.supportedEllipticCurves().map(adoptCurve);
  }

  diffieHellmanParameters(): QSslDiffieHellmanParameters {
    checkArity('QSslConfiguration.diffieHellmanParameters', arguments, 0, 0);
    return adoptDh(nativeOf(this).diffieHellmanParameters());
  }

  setDiffieHellmanParameters(dhparams: QSslDiffieHellmanParameters): void {
    const method = 'QSslConfiguration.setDiffieHellmanParameters';
    checkArity(method, arguments, 1, 1);
    if (!(dhparams instanceof QSslDiffieHellmanParameters))
      throw new TypeError(
        `${method}: argument 'dhparams' must be a QSslDiffieHellmanParameters, got ${describe(dhparams)}`,
      );
    nativeOf(this).setDiffieHellmanParameters(dhOf(dhparams));
  }

  swap(other: QSslConfiguration): void {
    const method = 'QSslConfiguration.swap';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).swap(configurationArg(method, 'other', other));
  }

  /** Python's `==` (Qt's operator==); false for anything that is not a QSslConfiguration. */
  equals(other: unknown): boolean {
    checkArity('QSslConfiguration.equals', arguments, 1, 1);
    return other instanceof QSslConfiguration && nativeOf(this).equals(nativeOf(other));
  }

  [inspect.custom](depth: number, options: InspectOptionsStylized, show: typeof inspect): string {
    if (!holdsNative(this)) return 'QSslConfiguration {}';
    const n = nativeOf(this);
    const shown = {
      isNull: n.isNull(),
      protocol: SslProtocol[n.protocol()],
      peerVerifyMode: PeerVerifyMode[n.peerVerifyMode()],
      peerVerifyDepth: n.peerVerifyDepth(),
      allowedNextProtocols: n.allowedNextProtocols().map((p) => p.toString('latin1')),
      sessionProtocol: SslProtocol[n.sessionProtocol()],
    };
    return `QSslConfiguration ${show(shown, options)}`;
  }
}

export function configurationArg(method: string, arg: string, v: unknown): NativeSslConfiguration {
  if (!(v instanceof QSslConfiguration))
    throw new TypeError(`${method}: argument '${arg}' must be a QSslConfiguration, got ${describe(v)}`);
  return nativeOf(v);
}

// @internal nativeOf: the native configuration inside one (read it, don't keep it); adopt: one
// around a native the addon just made; fromNative: one holding a copy of a native one.
const { nativeOf, adopt, fromNative } = valueKit<QSslConfiguration, NativeSslConfiguration>(
  QSslConfiguration,
  native.QSslConfiguration,
);
export { nativeOf, fromNative, adopt };
