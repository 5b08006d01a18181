// QSslSocket: a QTcpSocket whose bytes go through TLS. Reading, writing, flow control and the
// waits are QTcpSocket's (the Qt side reads the decrypted bytes); here are the handshake, its
// signals, the TLS settings and Qt's TLS backends (the statics).
import { AbortOptions, signalOf } from './core/node';
import {
  checkArity,
  checkEnum,
  checkFlags,
  checkInt,
  checkIterableOf,
  checkMsecs,
  checkString,
  describe,
  PORT_MAX,
  toBuffer,
} from './core/args';
import type { BytesInput } from './core/args';
import type { NativeAbstractSocket, NativeSslSocket } from './core/native';
import { SocketEvent as Ev, SocketWait as Wait } from './core/protocol';
import { OpenModeFlag } from './core/QIODevice';
import { native } from './core/runtime';
import { defineSignals, madeSignal, Signal, type StateSignal } from './core/signal';
import { NetworkLayerProtocol, SocketState } from './core/socketEnums';
import { isNews } from './core/stream';
import {
  AlertLevel,
  AlertType,
  EncodingFormat,
  ImplementedClass,
  KeyAlgorithm,
  SslProtocol,
  SupportedFeature,
} from './QSsl';
import {
  QSslCertificate,
  adopt as adoptCertificate,
  certificateList,
  nativeOf as nativeOfCertificate,
} from './QSslCertificate';
import { QSslError, adopt as adoptError, nativeOf as nativeOfError } from './QSslError';
import type { NativeSslCertificate, NativeSslError, NativeSslPreSharedKeyAuthenticator } from './core/native';
import { adopt as adoptCipher, QSslCipher } from './QSslCipher';
import { adopt as adoptConfiguration, nativeOf as nativeOfConfiguration, QSslConfiguration } from './QSslConfiguration';
import { keyArg, adopt as adoptKey, nativeOf as nativeOfKey, QSslKey } from './QSslKey';
import { adopt as adoptOcsp, type QOcspResponse } from './QOcspResponse';
import {
  fromNative as authenticatorFromNative,
  nativeOf as nativeOfAuthenticator,
  type QSslPreSharedKeyAuthenticator,
} from './QSslPreSharedKeyAuthenticator';
import { STATE_SIGNALS } from './QAbstractSocket';
import { QTcpSocket } from './QTcpSocket';

// Beside the value classes that use them too (QSslConfiguration.peerVerifyMode()).
import { PeerVerifyMode, SslMode } from './core/sslEnums';
export { PeerVerifyMode, SslMode };

// A certificate getter's answer: one certificate, or none once the Qt object is gone (a null one then).
const oneCertificate = ([n]: NativeSslCertificate[]): QSslCertificate =>
  n ? adoptCertificate(n) : new QSslCertificate();

// The TLS backends, asked on the JS thread (Qt locks what they share).
const backends = () => native.QSslSocket;

// QSslSocket's signals whose events carry only the socket's state (QAbstractSocket's stateSignals).
const SSL_STATE_SIGNALS: readonly StateSignal[] = [
  ['modeChanged', Ev.ModeChanged],
  ['encryptedBytesWritten', Ev.EncryptedBytesWritten],
  ['alertSent', Ev.AlertSent],
  ['alertReceived', Ev.AlertReceived],
];
const ALL_STATE_SIGNALS = [...STATE_SIGNALS, ...SSL_STATE_SIGNALS];

function backendArg(method: string, backendName: unknown): string {
  return checkString(`QSslSocket.${method}`, 'backendName', backendName);
}

export class QSslSocket extends QTcpSocket {
  static readonly PeerVerifyMode = PeerVerifyMode;
  static readonly SslMode = SslMode;

  declare readonly encrypted: Signal<[]>;
  declare readonly modeChanged: Signal<[SslMode]>;
  declare readonly encryptedBytesWritten: Signal<[number]>;
  /**
   * One verification error as Qt finds it. ignoreSslErrors() in the slot counts for this handshake,
   * as in PyQt6: Qt reads it at the end of the verification (the Qt thread waits for the slots).
   */
  declare readonly peerVerifyError: Signal<[QSslError]>;
  /**
   * Call ignoreSslErrors() in the slot, synchronously, as in PyQt6: Qt reads whether it was called
   * (and with which errors) when the slots return (the Qt thread waits for them).
   */
  declare readonly sslErrors: Signal<[QSslError[]]>;
  declare readonly alertSent: Signal<[AlertLevel, AlertType, string]>;
  declare readonly alertReceived: Signal<[AlertLevel, AlertType, string]>;
  /**
   * With QSslConfiguration.setHandshakeMustInterruptOnError(true): a verification error, from
   * inside the verification. Call continueInterruptedHandshake() in the slot, synchronously, to go
   * on (and ignoreSslErrors() for the sslErrors that follow); otherwise the handshake fails.
   */
  declare readonly handshakeInterruptedOnError: Signal<[QSslError]>;
  /**
   * A TLS 1.3 session ticket came (with SslOptionDisableSessionPersistence off): the session is
   * in sslConfiguration().sessionTicket(), for setSessionTicket on a later connection.
   */
  declare readonly newSessionTicketReceived: Signal<[]>;
  /**
   * A TLS-PSK handshake asks for the identity (a client) and the key: set them on the
   * authenticator in the slot, synchronously, as in PyQt6 (no key set: the handshake fails).
   */
  declare readonly preSharedKeyAuthenticationRequired: Signal<[QSslPreSharedKeyAuthenticator]>;

  // Set while the slots of a signal whose answer Qt reads run: what their calls asked for.
  private answering: { all: boolean; errors: QSslError[] | null; continued: boolean } | undefined = undefined;

  // The handshake ended before a wait asked for it (see StreamSocket's Fresh): waitForEncrypted
  // answers true, as PyQt6's blocking wait would have found it still to do.
  private encryptedNews = false;
  // Qt's autoStartHandshake: connectToHostEncrypted starts the handshake once connected (the mode
  // stays UnencryptedMode until then); a plain connectToHost or setSocketDescriptor does not.
  private autoStart = false;
  // The mode the last modeChanged said (the handshake started), for bytesToWrite.
  private modeSeen = SslMode.UnencryptedMode;

  /** @internal */
  protected override stateSignals(): readonly StateSignal[] {
    return ALL_STATE_SIGNALS;
  }

  /** @internal */
  protected static override _newNative(): NativeAbstractSocket {
    return new native.QSslSocket();
  }

  /** @internal */
  protected override qtClass(): string {
    return 'QSslSocket';
  }

  private get ssl(): NativeSslSocket {
    return this.h.native as NativeSslSocket;
  }

  /** @internal */
  protected override otherEvent(kind: number, seq: number, arg: number, payload: unknown): void {
    switch (kind) {
      case Ev.Encrypted:
        if (!this.h.settle(Wait.Encrypted, true, seq) && isNews()) this.encryptedNews = true;
        madeSignal(this, 'encrypted')?.emit();
        break;
      case Ev.ModeChanged:
        this.modeSeen = arg as SslMode;
        madeSignal(this, 'modeChanged')?.emit(arg as SslMode);
        break;
      case Ev.EncryptedBytesWritten:
        madeSignal(this, 'encryptedBytesWritten')?.emit(arg);
        break;
      case Ev.PeerVerifyError:
      case Ev.HandshakeInterruptedOnError: {
        const [[error], serial] = payload as [NativeSslError[], number];
        const signal = kind === Ev.PeerVerifyError ? 'peerVerifyError' : 'handshakeInterruptedOnError';
        this.answer(serial, () => madeSignal(this, signal)?.emit(adoptError(error)));
        break;
      }
      case Ev.SslErrors: {
        const [errors, serial] = payload as [NativeSslError[], number];
        this.answer(serial, () => madeSignal(this, 'sslErrors')?.emit(errors.map(adoptError)));
        break;
      }
      case Ev.PreSharedKeyAuthenticationRequired: {
        const [n, serial] = payload as [NativeSslPreSharedKeyAuthenticator, number];
        const authenticator = authenticatorFromNative(n);
        this.answer(
          serial,
          () => madeSignal(this, 'preSharedKeyAuthenticationRequired')?.emit(authenticator),
          authenticator,
        );
        break;
      }
      case Ev.NewSessionTicketReceived:
        madeSignal(this, 'newSessionTicketReceived')?.emit();
        break;
      case Ev.AlertSent:
      case Ev.AlertReceived: {
        if (payload === null) break; // no slot watched it: its state only (native/ssl_socket.cc)
        const [type, description] = payload as [string, string];
        const signal = kind === Ev.AlertSent ? 'alertSent' : 'alertReceived';
        madeSignal(this, signal)?.emit(arg as AlertLevel, Number(type) as AlertType, description);
        break;
      }
      default:
        super.otherEvent(kind, seq, arg, payload);
    }
  }

  /** @internal */
  protected override carriesEndpoint(kind: number): boolean {
    return super.carriesEndpoint(kind) && kind < Ev.Encrypted;
  }

  // A question Qt waits on (serial 0: it does not): the slots run in `emit` with `answering` set;
  // what they asked for, and the authenticator they filled, is Qt's answer.
  private answer(serial: number, emit: () => void, authenticator?: QSslPreSharedKeyAuthenticator): void {
    const outer = this.answering;
    const asked = (this.answering = { all: false, errors: null as QSslError[] | null, continued: false });
    try {
      emit();
    } finally {
      this.answering = outer;
      if (serial !== 0)
        this.ssl.answerSlot(
          serial,
          asked.all,
          asked.errors ? asked.errors.map(nativeOfError) : null,
          asked.continued,
          authenticator ? nativeOfAuthenticator(authenticator) : null,
        );
    }
  }

  /**
   * @internal An abort() (or a new connect) in a slot Qt waits for (sslErrors and the like): under the thread runtime Qt runs
   * it once out of the emission (SlotWait), after it has gone on without an answer (the handshake
   * failed, the socket closed). What Qt did meanwhile came after the call, not before it: its
   * signals run after the call, as any call's do there, instead of being dropped as the old
   * connection's (disconnected would never reach the slots). Under the loop runtime it runs inside
   * the emission, with nothing left undelivered.
   */
  protected override endedConnection(before: unknown): void {
    if (!this.answering) super.endedConnection(before);
  }

  /**
   * ignoreSslErrors(): go on with the handshake despite the errors; ignoreSslErrors(errors): only
   * if the errors are these. In an sslErrors, peerVerifyError or handshakeInterruptedOnError slot
   * it answers Qt's question; elsewhere it is for the next handshake (after
   * connectToHostEncrypted, before the errors).
   */
  ignoreSslErrors(errors?: Iterable<QSslError>): void {
    const name = this.m('ignoreSslErrors');
    checkArity(name, arguments, 0, 1);
    let list: QSslError[] | null = null;
    if (arguments.length === 1) {
      list = checkIterableOf(name, 'errors', errors, QSslError);
    }
    if (this.answering) {
      if (list) this.answering.errors = list;
      else this.answering.all = true;
      return;
    }
    if (list) this.ssl.ignoreSslErrors(list.map(nativeOfError));
    else this.ssl.ignoreSslErrors();
  }

  /**
   * In a handshakeInterruptedOnError slot: the handshake goes on. Elsewhere it does nothing, as in
   * PyQt6 (Qt reads it only inside the slot; once the slot has returned, the handshake has failed).
   */
  continueInterruptedHandshake(): void {
    checkArity(this.m('continueInterruptedHandshake'), arguments, 0, 0);
    if (this.answering) this.answering.continued = true;
    else this.ssl.continueInterruptedHandshake();
  }

  sslHandshakeErrors(): QSslError[] {
    checkArity(this.m('sslHandshakeErrors'), arguments, 0, 0);
    return this.ssl.sslHandshakeErrors().map(adoptError);
  }

  peerCertificate(): QSslCertificate {
    checkArity(this.m('peerCertificate'), arguments, 0, 0);
    return oneCertificate(this.ssl.peerCertificate());
  }

  peerCertificateChain(): QSslCertificate[] {
    checkArity(this.m('peerCertificateChain'), arguments, 0, 0);
    return this.ssl.peerCertificateChain().map(adoptCertificate);
  }

  localCertificate(): QSslCertificate {
    checkArity(this.m('localCertificate'), arguments, 0, 0);
    return oneCertificate(this.ssl.localCertificate());
  }

  localCertificateChain(): QSslCertificate[] {
    checkArity(this.m('localCertificateChain'), arguments, 0, 0);
    return this.ssl.localCertificateChain().map(adoptCertificate);
  }

  setLocalCertificateChain(localChain: Iterable<QSslCertificate>): void {
    const name = this.m('setLocalCertificateChain');
    checkArity(name, arguments, 1, 1);
    this.ssl.setLocalCertificateChain(certificateList(name, 'localChain', localChain).map(nativeOfCertificate));
  }

  /** The private key set (a null key when none, or once the Qt object is gone). */
  privateKey(): QSslKey {
    checkArity(this.m('privateKey'), arguments, 0, 0);
    const [n] = this.ssl.privateKey();
    return n ? adoptKey(n) : new QSslKey();
  }

  /** The session's cipher (a null cipher before a handshake). */
  sessionCipher(): QSslCipher {
    checkArity(this.m('sessionCipher'), arguments, 0, 0);
    const [n] = this.ssl.sessionCipher();
    return n ? adoptCipher(n) : new QSslCipher();
  }

  /** A copy of the socket's configuration, with what the handshake negotiated once it ran. */
  sslConfiguration(): QSslConfiguration {
    checkArity(this.m('sslConfiguration'), arguments, 0, 0);
    const [n] = this.ssl.sslConfiguration();
    return n ? adoptConfiguration(n) : new QSslConfiguration();
  }

  /** Replaces the socket's TLS settings (CA certificates, protocol, verification, ALPN...) with a copy. */
  setSslConfiguration(config: QSslConfiguration): void {
    const name = this.m('setSslConfiguration');
    checkArity(name, arguments, 1, 1);
    if (!(config instanceof QSslConfiguration))
      throw new TypeError(`${name}: argument 'config' must be a QSslConfiguration, got ${describe(config)}`);
    this.ssl.setSslConfiguration(nativeOfConfiguration(config));
  }

  /** The OCSP responses the server stapled (with OCSP stapling enabled on the configuration). */
  ocspResponses(): QOcspResponse[] {
    checkArity(this.m('ocspResponses'), arguments, 0, 0);
    return this.ssl.ocspResponses().map(adoptOcsp);
  }

  /** @internal a new connection: nothing of the last one is news for a wait. */
  protected override forgetFresh(): void {
    super.forgetFresh();
    this.encryptedNews = false;
    this.modeSeen = SslMode.UnencryptedMode;
  }

  // ---- the handshake ----

  /**
   * connectToHostEncrypted(hostName, port, mode = ReadWrite, protocol = AnyIPProtocol)
   * connectToHostEncrypted(hostName, port, sslPeerName, mode = ReadWrite, protocol = AnyIPProtocol)
   */
  connectToHostEncrypted(
    hostName: string,
    port: number,
    ...rest: [string?, OpenModeFlag?, NetworkLayerProtocol?] | [OpenModeFlag?, NetworkLayerProtocol?]
  ): void {
    const name = this.m('connectToHostEncrypted');
    checkArity(name, arguments, 2, 5);
    checkString(name, 'hostName', hostName);
    checkInt(name, 'port', port, 0, PORT_MAX);
    let sslPeerName: string | null = null;
    let tail: unknown[] = rest;
    if (typeof rest[0] === 'string') {
      sslPeerName = rest[0];
      tail = rest.slice(1);
    } else if (arguments.length > 4) {
      throw new TypeError(
        `${name}: takes (hostName, port, sslPeerName, mode, protocol) or (hostName, port, mode, protocol)`,
      );
    }
    const mode = (tail[0] as OpenModeFlag | undefined) ?? OpenModeFlag.ReadWrite;
    const protocol = (tail[1] as NetworkLayerProtocol | undefined) ?? NetworkLayerProtocol.AnyIPProtocol;
    checkFlags(name, 'mode', mode, OpenModeFlag, 'QIODeviceBase.OpenModeFlag');
    checkEnum(name, 'protocol', protocol, NetworkLayerProtocol, 'QAbstractSocket.NetworkLayerProtocol');
    this.catchUp();
    this.forgetFresh();
    this.autoStart = true;
    const snap = this.ssl.connectToHostEncrypted(
      hostName,
      port,
      sslPeerName,
      mode,
      protocol,
      this.decideProxies(hostName, port),
    );
    this.endedConnection(this.applySnapshot(snap));
    this.dropReceived();
  }

  override connectToHost(...args: Parameters<QTcpSocket['connectToHost']>): void {
    super.connectToHost(...args);
    this.autoStart = false;
  }

  override setSocketDescriptor(...args: Parameters<QTcpSocket['setSocketDescriptor']>): boolean {
    const ok = super.setSocketDescriptor(...args);
    this.autoStart = false;
    return ok;
  }

  /** Starts the client's handshake on a connected socket (STARTTLS). */
  startClientEncryption(): void {
    checkArity(this.m('startClientEncryption'), arguments, 0, 0);
    this.applySnapshot(this.ssl.startClientEncryption());
  }

  /** Starts the server's handshake on a connected socket (set a certificate and key first). */
  startServerEncryption(): void {
    checkArity(this.m('startServerEncryption'), arguments, 0, 0);
    this.applySnapshot(this.ssl.startServerEncryption());
  }

  /**
   * As PyQt6's waitForEncrypted: true once the handshake is done; false at once when the socket is
   * already encrypted, not encrypting, or unconnected; false when the handshake fails or the time
   * runs out (then Qt decides, with its own side effects).
   */
  waitForEncrypted(msecs = 30000, options?: AbortOptions): Promise<boolean> {
    const name = this.m('waitForEncrypted');
    checkMsecs(name, msecs);
    const signal = signalOf(name, options);
    if (signal?.aborted) return this.wait(name, Wait.Encrypted, msecs, signal);
    this.catchUp();
    if (this.encryptedNews) {
      this.encryptedNews = false;
      return Promise.resolve(true);
    }
    if (
      this.state() === SocketState.UnconnectedState ||
      this.isEncrypted() ||
      (this.mode() === SslMode.UnencryptedMode && !this.autoStart)
    )
      return Promise.resolve(false);
    return this.wait(name, Wait.Encrypted, msecs, signal);
  }

  /**
   * As Qt answers: until connectToHostEncrypted's handshake starts, QSslSocket holds what is
   * written in a buffer of its own and counts only its plain socket's, so bytes written then do
   * not count (PyQt6 says 0). Our count of bytes Qt has not taken yet would count them: a call
   * (mode()) first brings Qt's state after our writes.
   */
  override bytesToWrite(): number {
    const n = super.bytesToWrite();
    if (n === 0 || !this.autoStart || this.modeSeen !== SslMode.UnencryptedMode) return n;
    this.mode();
    return super.bytesToWrite();
  }

  isEncrypted(): boolean {
    return this.applySnapshot(this.ssl.isEncrypted()) === true;
  }

  mode(): SslMode {
    // An unwatched modeChanged may not have come (QAbstractSocket's stateSignals): Qt's answer is newer.
    return (this.modeSeen = (this.applySnapshot(this.ssl.mode()) as SslMode | null) ?? SslMode.UnencryptedMode);
  }

  encryptedBytesAvailable(): number {
    return (this.applySnapshot(this.ssl.encryptedBytesAvailable()) as number | null) ?? 0;
  }

  encryptedBytesToWrite(): number {
    return (this.applySnapshot(this.ssl.encryptedBytesToWrite()) as number | null) ?? 0;
  }

  sessionProtocol(): SslProtocol {
    return (this.applySnapshot(this.ssl.sessionProtocol()) as number | null) ?? SslProtocol.UnknownProtocol;
  }

  // ---- settings: read by Qt at the next handshake ----

  peerVerifyMode(): PeerVerifyMode {
    return (this.applySnapshot(this.ssl.peerVerifyMode()) as number | null) ?? PeerVerifyMode.AutoVerifyPeer;
  }

  setPeerVerifyMode(mode: PeerVerifyMode): void {
    const name = this.m('setPeerVerifyMode');
    checkArity(name, arguments, 1, 1);
    checkEnum(name, 'mode', mode, PeerVerifyMode, 'QSslSocket.PeerVerifyMode');
    this.ssl.setPeerVerifyMode(mode);
  }

  peerVerifyDepth(): number {
    return (this.applySnapshot(this.ssl.peerVerifyDepth()) as number | null) ?? 0;
  }

  setPeerVerifyDepth(depth: number): void {
    const name = this.m('setPeerVerifyDepth');
    checkArity(name, arguments, 1, 1);
    this.ssl.setPeerVerifyDepth(checkInt(name, 'depth', depth, -(2 ** 31), 2 ** 31 - 1));
  }

  peerVerifyName(): string {
    checkArity(this.m('peerVerifyName'), arguments, 0, 0);
    return this.ssl.peerVerifyName();
  }

  setPeerVerifyName(hostName: string): void {
    const name = this.m('setPeerVerifyName');
    checkArity(name, arguments, 1, 1);
    this.ssl.setPeerVerifyName(checkString(name, 'hostName', hostName));
  }

  protocol(): SslProtocol {
    return (this.applySnapshot(this.ssl.protocol()) as number | null) ?? SslProtocol.SecureProtocols;
  }

  setProtocol(protocol: SslProtocol): void {
    const name = this.m('setProtocol');
    checkArity(name, arguments, 1, 1);
    checkEnum(name, 'protocol', protocol, SslProtocol, 'QSsl.SslProtocol');
    this.ssl.setProtocol(protocol);
  }

  /**
   * setLocalCertificate(certificate) / setLocalCertificate(path, format = Pem): from a file, Qt
   * reads it (silently nothing if it cannot).
   */
  setLocalCertificate(certificate: QSslCertificate | string, format: EncodingFormat = EncodingFormat.Pem): void {
    const name = this.m('setLocalCertificate');
    if (certificate instanceof QSslCertificate) {
      checkArity(name, arguments, 1, 1);
      this.ssl.setLocalCertificate(nativeOfCertificate(certificate));
      return;
    }
    checkArity(name, arguments, 1, 2);
    checkString(name, 'path', certificate);
    checkEnum(name, 'format', format, EncodingFormat, 'QSsl.EncodingFormat');
    this.ssl.setLocalCertificateFile(certificate, format);
  }

  /** setPrivateKey(key) / setPrivateKey(fileName, algorithm = Rsa, format = Pem, passPhrase = QByteArray()). */
  setPrivateKey(key: QSslKey): void;
  setPrivateKey(fileName: string, algorithm?: KeyAlgorithm, format?: EncodingFormat, passPhrase?: BytesInput): void;
  setPrivateKey(
    fileName: string | QSslKey,
    algorithm: KeyAlgorithm = KeyAlgorithm.Rsa,
    format: EncodingFormat = EncodingFormat.Pem,
    passPhrase: BytesInput = Buffer.alloc(0),
  ): void {
    const name = this.m('setPrivateKey');
    if (fileName instanceof QSslKey) {
      checkArity(name, arguments, 1, 1);
      this.ssl.setPrivateKey(nativeOfKey(keyArg(name, 'key', fileName)));
      return;
    }
    checkArity(name, arguments, 1, 4);
    checkString(name, 'fileName', fileName);
    checkEnum(name, 'algorithm', algorithm, KeyAlgorithm, 'QSsl.KeyAlgorithm');
    checkEnum(name, 'format', format, EncodingFormat, 'QSsl.EncodingFormat');
    this.ssl.setPrivateKeyFile(fileName, algorithm, format, toBuffer(name, 'passPhrase', passPhrase));
  }

  // ---- Qt's TLS backends ----

  static supportsSsl(): boolean {
    return backends().supportsSsl();
  }

  static sslLibraryVersionNumber(): number {
    return backends().sslLibraryVersionNumber();
  }

  static sslLibraryVersionString(): string {
    return backends().sslLibraryVersionString();
  }

  static sslLibraryBuildVersionNumber(): number {
    return backends().sslLibraryBuildVersionNumber();
  }

  static sslLibraryBuildVersionString(): string {
    return backends().sslLibraryBuildVersionString();
  }

  static activeBackend(): string {
    return backends().activeBackend();
  }

  static availableBackends(): string[] {
    return backends().availableBackends();
  }

  static setActiveBackend(backendName: string): boolean {
    checkArity('QSslSocket.setActiveBackend', arguments, 1, 1);
    return backends().setActiveBackend(backendArg('setActiveBackend', backendName));
  }

  static implementedClasses(backendName = ''): ImplementedClass[] {
    return backends().implementedClasses(backendArg('implementedClasses', backendName));
  }

  static isClassImplemented(cl: ImplementedClass, backendName = ''): boolean {
    checkEnum('QSslSocket.isClassImplemented', 'cl', cl, ImplementedClass, 'QSsl.ImplementedClass');
    return backends().isClassImplemented(cl, backendArg('isClassImplemented', backendName));
  }

  static supportedFeatures(backendName = ''): SupportedFeature[] {
    return backends().supportedFeatures(backendArg('supportedFeatures', backendName));
  }

  static isFeatureSupported(feat: SupportedFeature, backendName = ''): boolean {
    checkEnum('QSslSocket.isFeatureSupported', 'feat', feat, SupportedFeature, 'QSsl.SupportedFeature');
    return backends().isFeatureSupported(feat, backendArg('isFeatureSupported', backendName));
  }

  static supportedProtocols(backendName = ''): SslProtocol[] {
    return backends().supportedProtocols(backendArg('supportedProtocols', backendName));
  }

  static isProtocolSupported(protocol: SslProtocol, backendName = ''): boolean {
    checkEnum('QSslSocket.isProtocolSupported', 'protocol', protocol, SslProtocol, 'QSsl.SslProtocol');
    return backends().isProtocolSupported(protocol, backendArg('isProtocolSupported', backendName));
  }
}
defineSignals(QSslSocket, [
  'encrypted',
  'peerVerifyError',
  'sslErrors',
  'handshakeInterruptedOnError',
  'newSessionTicketReceived',
  'preSharedKeyAuthenticationRequired',
]);
defineSignals(
  QSslSocket,
  SSL_STATE_SIGNALS.map(([name]) => name),
  (s: QSslSocket) => s.watchSignals(),
);

// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace QSslSocket {
  type PeerVerifyMode = import('./QSslSocket').PeerVerifyMode;
  type SslMode = import('./QSslSocket').SslMode;
}
