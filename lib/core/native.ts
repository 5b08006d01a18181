// The addon's typed declaration: every class, method, event record and snapshot the native side
// (native/) exports, so that tsc checks each call into it. `lib/core/runtime.ts` loads the addon
// as a `NativeModule`. Method names are the native wrappers' own (native/*.cc, DefineClass).

// ---- the runtime (native/addon.cc) ----

/** The batch dispatcher JS gives the runtime: `n` events of `kEventSlots` numbers each in `buf`
 * (undefined: the previous buffer is reused), their payloads apart (null when none has one). */
/** `insideCall`: Qt emitted the events inside a call from JS (the loop runtime). */
export type NativeDispatch = (
  n: number,
  buf: ArrayBuffer | undefined,
  payloads: unknown[] | null,
  insideCall?: boolean,
) => void;

export interface NativeRuntime {
  open(dispatch: NativeDispatch, schedule: () => void): void;
  setRef(ref: boolean): void;
  qtVersion(): string;
  shutdown(): void;
  drain(): void;
  endTask(): boolean;
  liveHandles(): number;
  liveObjects(): [number, number];
  trimHeap(): void;
  /** The runtime running Qt in this process: "loop" (Node's own event loop) or "thread" (a Qt thread). */
  runtime(): 'loop' | 'thread';
  /** Node's uncaught-exception path for `err`, now (a throwing slot in the loop runtime). */
  reportUncaught(err: unknown): void;
}

// ---- value classes (native/value_wrap.h and one file per class) ----
// Each is a class the addon defines (ValueWrap): instances hold a Qt value, and every method
// checks `this` by type tag, its arguments by type and range (a TypeError or RangeError otherwise).
// The TS classes (lib/Q*.ts) check arguments first, with PyQt6's messages; these types say what
// reaches the addon once they have. Enum results are typed as the TS enums: the addon returns Qt's
// values, which are theirs.

import type { QueryType } from '../QNetworkProxyQuery';
import type { ProxyType } from '../QNetworkProxy';
import type { DnsEligibilityStatus } from '../QNetworkAddressEntry';
import type { InterfaceType } from '../QNetworkInterface';
import type { NetworkLayerProtocol } from './socketEnums';
import type { DhError } from '../QSslDiffieHellmanParameters';
import type { QOcspCertificateStatus, QOcspRevocationReason } from '../QOcspResponse';
import type { AlternativeNameEntryType, KeyAlgorithm, KeyType, SslProtocol } from '../QSsl';
import type { SslError } from '../QSslError';

// A brand per class (types only): one native class's object is not another's, as the addon's
// type tags say at run time.
declare const brand: unique symbol;
interface Native<Name extends string> {
  readonly [brand]: Name;
}

/** Bytes as the addon takes them (BytesArg): a Buffer or Uint8Array, or a string as its UTF-8. */
export type NativeBytes = Uint8Array | string;
/** A QVariant argument (VariantArg): null/undefined is an invalid QVariant, a Date a UTC QDateTime. */
export type NativeVariantIn = string | number | boolean | Uint8Array | Date | null | undefined;
/** A QVariant result (FromVariant): a QUrl as its string, a QNetworkCookie list as their raw forms. */
export type NativeVariant = string | number | boolean | Buffer | Date | string[] | Buffer[] | null;

export interface NativeHostAddress extends Native<'QHostAddress'> {
  /** A string: whether Qt parsed it. An IPv4 address as uint32, or 16 IPv6 bytes: undefined. */
  setAddress(address: string): boolean;
  setAddress(address: number | Uint8Array): undefined;
  setSpecialAddress(address: number): undefined;
  clear(): undefined;
  swap(other: NativeHostAddress): undefined;
  /** Qt's operator==, with another address or a SpecialAddress. */
  equals(other: NativeHostAddress | number): boolean;
  isEqual(other: NativeHostAddress, mode: number): boolean;
  isInSubnet(subnet: NativeHostAddress, netmask: number): boolean;
  isBroadcast(): boolean;
  isGlobal(): boolean;
  isLinkLocal(): boolean;
  isLoopback(): boolean;
  isMulticast(): boolean;
  isNull(): boolean;
  isSiteLocal(): boolean;
  isUniqueLocalUnicast(): boolean;
  protocol(): NetworkLayerProtocol;
  scopeId(): string;
  setScopeId(id: string): undefined;
  /** PyQt6's (address, ok). */
  toIPv4Address(): [number, boolean];
  /** 16 bytes. */
  toIPv6Address(): number[];
  toString(): string;
}

export interface NativeHostAddressClass {
  /** Null, or a copy of `other`. */
  new (other?: NativeHostAddress): NativeHostAddress;
  readonly prototype: NativeHostAddress;
  /** [address, prefix length]; [null address, -1] when `subnet` does not parse. */
  parseSubnet(subnet: string): [NativeHostAddress, number];
}

export interface NativeNetworkProxy extends Native<'QNetworkProxy'> {
  type(): ProxyType;
  setType(type: number): undefined;
  hostName(): string;
  setHostName(hostName: string): undefined;
  port(): number;
  setPort(port: number): undefined;
  user(): string;
  setUser(user: string): undefined;
  password(): string;
  setPassword(password: string): undefined;
  /** QNetworkProxy.Capability flags. */
  capabilities(): number;
  setCapabilities(capabilities: number): undefined;
  isCachingProxy(): boolean;
  isTransparentProxy(): boolean;
  hasRawHeader(headerName: NativeBytes): boolean;
  rawHeader(headerName: NativeBytes): Buffer;
  rawHeaderList(): Buffer[];
  /** null removes the header. */
  setRawHeader(headerName: NativeBytes, value: NativeBytes | null): undefined;
  /** header and setHeader take a QNetworkRequest.KnownHeaders value. */
  header(header: number): NativeVariant;
  setHeader(header: number, value: NativeVariantIn): undefined;
  swap(other: NativeNetworkProxy): undefined;
  equals(other: NativeNetworkProxy): boolean;
}

export interface NativeNetworkProxyClass {
  /** Qt's default-constructed proxy; a copy of `other`; Qt's (type, hostName, port, user, password). */
  new (): NativeNetworkProxy;
  new (other: NativeNetworkProxy): NativeNetworkProxy;
  new (type: number, hostName: string, port: number, user: string, password: string): NativeNetworkProxy;
  readonly prototype: NativeNetworkProxy;
  applicationProxy(): NativeNetworkProxy;
  setApplicationProxy(proxy: NativeNetworkProxy): undefined;
}

export interface NativeNetworkProxyQuery extends Native<'QNetworkProxyQuery'> {
  queryType(): QueryType;
  setQueryType(type: number): undefined;
  peerHostName(): string;
  setPeerHostName(hostname: string): undefined;
  /** -1 for none. */
  peerPort(): number;
  setPeerPort(port: number): undefined;
  localPort(): number;
  setLocalPort(port: number): undefined;
  protocolTag(): string;
  setProtocolTag(protocolTag: string): undefined;
  /** Qt's QUrl.toString(). */
  url(): NativeUrl;
  /** A string: Qt's QUrl of it, in tolerant mode. */
  setUrl(url: string | NativeUrl): undefined;
  /** The URL without its password, for inspect and toJSON. */
  urlWithoutPassword(): string;
  swap(other: NativeNetworkProxyQuery): undefined;
  equals(other: NativeNetworkProxyQuery): boolean;
}

export interface NativeNetworkProxyQueryClass {
  /** Qt's constructors, told apart by arity (ports: -1 for none, a bind port 0..65535). */
  new (): NativeNetworkProxyQuery;
  new (other: NativeNetworkProxyQuery): NativeNetworkProxyQuery;
  new (requestUrl: string | NativeUrl, type: number): NativeNetworkProxyQuery;
  new (bindPort: number, protocolTag: string, type: number): NativeNetworkProxyQuery;
  new (hostname: string, port: number, protocolTag: string, type: number): NativeNetworkProxyQuery;
  readonly prototype: NativeNetworkProxyQuery;
}

export interface NativeAuthenticator extends Native<'QAuthenticator'> {
  isNull(): boolean;
  user(): string;
  setUser(user: string): undefined;
  password(): string;
  setPassword(password: string): undefined;
  realm(): string;
  /** null for no such option. */
  option(opt: string): NativeVariant;
  /** [name, value] pairs (the TS side makes the object, so that "__proto__" stays a name). */
  options(): [string, NativeVariant][];
  setOption(opt: string, value: NativeVariantIn): undefined;
  equals(other: NativeAuthenticator): boolean;
}

export interface NativeAuthenticatorClass {
  /** Null, or a copy of `other`. */
  new (other?: NativeAuthenticator): NativeAuthenticator;
  readonly prototype: NativeAuthenticator;
}

export interface NativeNetworkDatagram extends Native<'QNetworkDatagram'> {
  clear(): undefined;
  data(): Buffer;
  setData(data: NativeBytes): undefined;
  destinationAddress(): NativeHostAddress;
  /** -1 when unset. */
  destinationPort(): number;
  setDestination(address: NativeHostAddress, port: number): undefined;
  senderAddress(): NativeHostAddress;
  senderPort(): number;
  setSender(address: NativeHostAddress, port: number): undefined;
  hopLimit(): number;
  setHopLimit(count: number): undefined;
  interfaceIndex(): number;
  setInterfaceIndex(index: number): undefined;
  isNull(): boolean;
  isValid(): boolean;
  makeReply(payload: NativeBytes): NativeNetworkDatagram;
  swap(other: NativeNetworkDatagram): undefined;
}

export interface NativeNetworkDatagramClass {
  /** Null; a copy of `other`; Qt's (data, destinationAddress, port). */
  new (): NativeNetworkDatagram;
  new (other: NativeNetworkDatagram): NativeNetworkDatagram;
  new (data: NativeBytes, destinationAddress: NativeHostAddress, port: number): NativeNetworkDatagram;
  readonly prototype: NativeNetworkDatagram;
}

export interface NativeNetworkInterface extends Native<'QNetworkInterface'> {
  addressEntries(): NativeNetworkAddressEntry[];
  /** QNetworkInterface.InterfaceFlag flags. */
  flags(): number;
  hardwareAddress(): string;
  humanReadableName(): string;
  index(): number;
  isValid(): boolean;
  maximumTransmissionUnit(): number;
  name(): string;
  type(): InterfaceType;
  swap(other: NativeNetworkInterface): undefined;
}

export interface NativeNetworkInterfaceClass {
  /** Invalid, or a copy of `other`. */
  new (): NativeNetworkInterface;
  new (other: NativeNetworkInterface): NativeNetworkInterface;
  readonly prototype: NativeNetworkInterface;
  allAddresses(): NativeHostAddress[];
  allInterfaces(): NativeNetworkInterface[];
  /** Invalid when there is no such interface. */
  interfaceFromIndex(index: number): NativeNetworkInterface;
  interfaceFromName(name: string): NativeNetworkInterface;
  /** 0 when there is none. */
  interfaceIndexFromName(name: string): number;
  /** '' when there is none. */
  interfaceNameFromIndex(index: number): string;
}

export interface NativeNetworkAddressEntry extends Native<'QNetworkAddressEntry'> {
  ip(): NativeHostAddress;
  setIp(newIp: NativeHostAddress): undefined;
  netmask(): NativeHostAddress;
  setNetmask(newNetmask: NativeHostAddress): undefined;
  broadcast(): NativeHostAddress;
  setBroadcast(newBroadcast: NativeHostAddress): undefined;
  prefixLength(): number;
  setPrefixLength(length: number): undefined;
  dnsEligibility(): DnsEligibilityStatus;
  setDnsEligibility(status: number): undefined;
  isLifetimeKnown(): boolean;
  isPermanent(): boolean;
  isTemporary(): boolean;
  clearAddressLifetime(): undefined;
  swap(other: NativeNetworkAddressEntry): undefined;
  equals(other: NativeNetworkAddressEntry): boolean;
}

export interface NativeNetworkAddressEntryClass {
  /** Empty, or a copy of `other`. */
  new (): NativeNetworkAddressEntry;
  new (other: NativeNetworkAddressEntry): NativeNetworkAddressEntry;
  readonly prototype: NativeNetworkAddressEntry;
}

/**
 * Qt's application proxy factory (native/network_proxy_factory.cc): not a class but functions. A JS
 * factory is consulted on the JS thread; Qt holds a stand-in that answers with what JS decided.
 */
export interface NativeProxyFactory {
  /** Makes Qt hold a new stand-in; its generation, which installedGeneration() reports while Qt holds it. */
  /** ask: the loop runtime's JS factory, asked by Qt itself (native/network_proxy_factory.cc). */
  install(ask?: (query: NativeNetworkProxyQuery) => NativeNetworkProxy[] | undefined): number;
  /** The JS factory's answer to the query that holds only `type` (a QueryType); undefined: none. */
  setEmptyAnswer(type: number, proxies: NativeNetworkProxy[] | undefined): undefined;
  uninstall(): undefined;
  /** 0 when Qt holds none of ours (the application proxy or another factory replaced it). */
  installedGeneration(): number;
  /** Qt's own answer (application proxy or system configuration). */
  proxyForQuery(query: NativeNetworkProxyQuery): NativeNetworkProxy[];
  systemProxyForQuery(query: NativeNetworkProxyQuery): NativeNetworkProxy[];
  setUseSystemConfiguration(enable: boolean): undefined;
  usesSystemConfiguration(): boolean;
}

export interface NativeUrl extends Native<'QUrl'> {
  setUrl(url: string, mode: number): undefined;
  adjusted(options: number): NativeUrl;
  authority(options: number): string;
  fileName(options: number): string;
  fragment(options: number): string;
  host(options: number): string;
  password(options: number): string;
  path(options: number): string;
  query(options: number): string;
  userInfo(options: number): string;
  userName(options: number): string;
  /** null: Qt's null QString (PyQt6's None). */
  setAuthority(v: string | null, mode: number): undefined;
  setFragment(v: string | null, mode: number): undefined;
  setHost(v: string | null, mode: number): undefined;
  setPassword(v: string | null, mode: number): undefined;
  setPath(v: string | null, mode: number): undefined;
  setQuery(v: string | null, mode: number): undefined;
  setUserInfo(v: string | null, mode: number): undefined;
  setUserName(v: string | null, mode: number): undefined;
  setScheme(scheme: string): undefined;
  setPort(port: number): undefined;
  port(defaultPort: number): number;
  clear(): undefined;
  detach(): undefined;
  isDetached(): boolean;
  errorString(): string;
  hasFragment(): boolean;
  hasQuery(): boolean;
  isEmpty(): boolean;
  isLocalFile(): boolean;
  isRelative(): boolean;
  isValid(): boolean;
  scheme(): string;
  toLocalFile(): string;
  isParentOf(url: NativeUrl): boolean;
  matches(url: NativeUrl, options: number): boolean;
  resolved(relative: NativeUrl): NativeUrl;
  toString(options: number): string;
  toDisplayString(options: number): string;
  url(options: number): string;
  toEncoded(options: number): Buffer;
  swap(other: NativeUrl): undefined;
  equals(other: NativeUrl): boolean;
  /** Qt's operator< both ways: -1, 0, 1. */
  compare(other: NativeUrl): number;
}

export interface NativeUrlClass {
  new (): NativeUrl;
  new (other: NativeUrl): NativeUrl;
  new (url: string, mode: number): NativeUrl;
  readonly prototype: NativeUrl;
  fromAce(domain: NativeBytes, options: number): string;
  toAce(domain: string, options: number): Buffer;
  fromEncoded(input: NativeBytes, mode: number): NativeUrl;
  fromLocalFile(localFile: string): NativeUrl;
  fromPercentEncoding(input: NativeBytes): string;
  toPercentEncoding(input: string, exclude: NativeBytes, include: NativeBytes): Buffer;
  fromStringList(uris: string[], mode: number): NativeUrl[];
  toStringList(urls: NativeUrl[], options: number): string[];
  fromUserInput(userInput: string, workingDirectory: string, options: number): NativeUrl;
  idnWhitelist(): string[];
  setIdnWhitelist(list: string[]): undefined;
}

export interface NativeHostInfo extends Native<'QHostInfo'> {
  hostName(): string;
  setHostName(name: string): undefined;
  addresses(): NativeHostAddress[];
  setAddresses(addresses: NativeHostAddress[]): undefined;
  error(): number;
  setError(error: number): undefined;
  errorString(): string;
  setErrorString(s: string): undefined;
  lookupId(): number;
  setLookupId(id: number): undefined;
  swap(other: NativeHostInfo): undefined;
}

export interface NativeHostInfoClass {
  new (id?: number): NativeHostInfo;
  new (other: NativeHostInfo): NativeHostInfo;
  readonly prototype: NativeHostInfo;
  abortHostLookup(id: number): undefined;
  localHostName(): string;
  localDomainName(): string;
  /** Qt's blocking fromName, on libuv's thread pool. */
  fromName(name: string): Promise<NativeHostInfo>;
}

export interface NativeNetworkRequest extends Native<'QNetworkRequest'> {
  url(): NativeUrl;
  setUrl(url: NativeUrl): undefined;
  hasRawHeader(headerName: NativeBytes): boolean;
  rawHeader(headerName: NativeBytes): Buffer;
  rawHeaderList(): Buffer[];
  /** null removes the header. */
  setRawHeader(headerName: NativeBytes, value: NativeBytes | null): undefined;
  header(header: number): NativeVariant;
  setHeader(header: number, value: NativeVariantIn): undefined;
  attribute(code: number): NativeVariant;
  setAttribute(code: number, value: NativeVariantIn): undefined;
  priority(): number;
  setPriority(priority: number): undefined;
  decompressedSafetyCheckThreshold(): number;
  setDecompressedSafetyCheckThreshold(threshold: number): void;
  maximumRedirectsAllowed(): number;
  setMaximumRedirectsAllowed(n: number): undefined;
  transferTimeout(): number;
  setTransferTimeout(timeout: number): undefined;
  http2Configuration(): NativeHttp2Configuration;
  setHttp2Configuration(configuration: NativeHttp2Configuration): undefined;
  sslConfiguration(): NativeSslConfiguration;
  setSslConfiguration(configuration: NativeSslConfiguration): undefined;
  peerVerifyName(): string;
  setPeerVerifyName(peerName: string): undefined;
  swap(other: NativeNetworkRequest): undefined;
  equals(other: NativeNetworkRequest): boolean;
}

export interface NativeNetworkRequestClass {
  new (): NativeNetworkRequest;
  new (urlOrOther: NativeUrl | NativeNetworkRequest | string): NativeNetworkRequest;
  readonly prototype: NativeNetworkRequest;
}

export interface NativeNetworkCookie extends Native<'QNetworkCookie'> {
  name(): Buffer;
  setName(name: NativeBytes): undefined;
  value(): Buffer;
  setValue(value: NativeBytes): undefined;
  domain(): string;
  setDomain(domain: string): undefined;
  path(): string;
  setPath(path: string): undefined;
  /** null: a session cookie (Qt's invalid QDateTime). */
  expirationDate(): Date | null;
  setExpirationDate(date: Date | null): undefined;
  isSecure(): boolean;
  setSecure(enable: boolean): undefined;
  isHttpOnly(): boolean;
  setHttpOnly(enable: boolean): undefined;
  isSessionCookie(): boolean;
  sameSitePolicy(): number;
  setSameSitePolicy(sameSite: number): undefined;
  toRawForm(form: number): Buffer;
  normalize(url: NativeUrl): undefined;
  hasSameIdentifier(other: NativeNetworkCookie): boolean;
  swap(other: NativeNetworkCookie): undefined;
  equals(other: NativeNetworkCookie): boolean;
}

export interface NativeNetworkCookieClass {
  new (): NativeNetworkCookie;
  new (other: NativeNetworkCookie): NativeNetworkCookie;
  new (name: NativeBytes, value: NativeBytes): NativeNetworkCookie;
  parseCookies(cookieString: NativeBytes): NativeNetworkCookie[];
  readonly prototype: NativeNetworkCookie;
}

export interface NativeSslError extends Native<'QSslError'> {
  error(): SslError;
  errorString(): string;
  certificate(): NativeSslCertificate;
  swap(other: NativeSslError): undefined;
  equals(other: NativeSslError): boolean;
}

export interface NativeSslErrorClass {
  new (): NativeSslError;
  new (other: NativeSslError): NativeSslError;
  new (error: number, certificate?: NativeSslCertificate): NativeSslError;
  readonly prototype: NativeSslError;
}

export interface NativeSslCertificate extends Native<'QSslCertificate'> {
  clear(): undefined;
  digest(algorithm: number): Buffer;
  /** null for a null certificate (an invalid QDateTime). */
  effectiveDate(): Date | null;
  expiryDate(): Date | null;
  isBlacklisted(): boolean;
  isNull(): boolean;
  isSelfSigned(): boolean;
  issuerDisplayName(): string;
  subjectDisplayName(): string;
  /** A SubjectInfo, or an attribute's name as bytes. */
  issuerInfo(info: number | NativeBytes): string[];
  subjectInfo(info: number | NativeBytes): string[];
  issuerInfoAttributes(): Buffer[];
  subjectInfoAttributes(): Buffer[];
  /** [type, name] pairs in Qt's multimap order. */
  subjectAlternativeNames(): [AlternativeNameEntryType, string][];
  extensions(): NativeSslCertificateExtension[];
  publicKey(): NativeSslKey;
  serialNumber(): Buffer;
  version(): Buffer;
  toDer(): Buffer;
  toPem(): Buffer;
  toText(): string;
  swap(other: NativeSslCertificate): undefined;
  equals(other: NativeSslCertificate): boolean;
}

export interface NativeSslCertificateClass {
  new (): NativeSslCertificate;
  new (other: NativeSslCertificate): NativeSslCertificate;
  new (data: NativeBytes, format: number): NativeSslCertificate;
  fromData(data: NativeBytes, format: number): NativeSslCertificate[];
  fromPath(path: string, format: number, syntax: number): NativeSslCertificate[];
  verify(chain: NativeSslCertificate[], hostName: string): NativeSslError[];
  /** [key, certificate, caCertificates], or null when Qt cannot read it. */
  importPkcs12(
    data: NativeBytes,
    passPhrase: NativeBytes | null,
  ): [NativeSslKey, NativeSslCertificate, NativeSslCertificate[]] | null;
  readonly prototype: NativeSslCertificate;
}

/** A certificate extension's value (FromVariant of Qt's QVariant: maps as objects, lists as arrays). */
export type NativeExtensionValue =
  string | number | boolean | Buffer | null | NativeExtensionValue[] | { [field: string]: NativeExtensionValue };

export interface NativeSslCertificateExtension extends Native<'QSslCertificateExtension'> {
  isCritical(): boolean;
  isSupported(): boolean;
  name(): string;
  oid(): string;
  value(): NativeExtensionValue;
  swap(other: NativeSslCertificateExtension): undefined;
}

export interface NativeSslCertificateExtensionClass {
  new (): NativeSslCertificateExtension;
  new (other: NativeSslCertificateExtension): NativeSslCertificateExtension;
  readonly prototype: NativeSslCertificateExtension;
}

export interface NativeSslKey extends Native<'QSslKey'> {
  algorithm(): KeyAlgorithm;
  clear(): undefined;
  isNull(): boolean;
  length(): number;
  type(): KeyType;
  /** passPhrase null: PyQt6's QByteArray() (none). */
  toDer(passPhrase: NativeBytes | null): Buffer;
  toPem(passPhrase: NativeBytes | null): Buffer;
  swap(other: NativeSslKey): undefined;
  equals(other: NativeSslKey): boolean;
}

export interface NativeSslKeyClass {
  new (): NativeSslKey;
  new (other: NativeSslKey): NativeSslKey;
  new (
    encoded: NativeBytes,
    algorithm: number,
    encoding: number,
    type: number,
    passPhrase: NativeBytes | null,
  ): NativeSslKey;
  readonly prototype: NativeSslKey;
}

export interface NativeHstsPolicy extends Native<'QHstsPolicy'> {
  host(options: number): string;
  setHost(host: string, mode: number): undefined;
  /** null: Qt's invalid QDateTime. */
  expiry(): Date | null;
  setExpiry(expiry: Date | null): undefined;
  includesSubDomains(): boolean;
  setIncludesSubDomains(include: boolean): undefined;
  isExpired(): boolean;
  swap(other: NativeHstsPolicy): undefined;
  equals(other: NativeHstsPolicy): boolean;
}

export interface NativeHstsPolicyClass {
  new (): NativeHstsPolicy;
  new (other: NativeHstsPolicy): NativeHstsPolicy;
  new (expiry: Date | null, flags: number, host: string, mode: number): NativeHstsPolicy;
  readonly prototype: NativeHstsPolicy;
}

export interface NativeHttp2Configuration extends Native<'QHttp2Configuration'> {
  serverPushEnabled(): boolean;
  setServerPushEnabled(enable: boolean): undefined;
  huffmanCompressionEnabled(): boolean;
  setHuffmanCompressionEnabled(enable: boolean): undefined;
  sessionReceiveWindowSize(): number;
  setSessionReceiveWindowSize(size: number): boolean;
  streamReceiveWindowSize(): number;
  setStreamReceiveWindowSize(size: number): boolean;
  maxFrameSize(): number;
  setMaxFrameSize(size: number): boolean;
  swap(other: NativeHttp2Configuration): undefined;
  equals(other: NativeHttp2Configuration): boolean;
}

export interface NativeHttp2ConfigurationClass {
  new (): NativeHttp2Configuration;
  new (other: NativeHttp2Configuration): NativeHttp2Configuration;
  readonly prototype: NativeHttp2Configuration;
}

export interface NativeSslConfiguration extends Native<'QSslConfiguration'> {
  isNull(): boolean;
  protocol(): number;
  setProtocol(protocol: number): undefined;
  sessionProtocol(): number;
  peerVerifyMode(): number;
  setPeerVerifyMode(mode: number): undefined;
  peerVerifyDepth(): number;
  setPeerVerifyDepth(depth: number): undefined;
  testSslOption(option: number): boolean;
  setSslOption(option: number, on: boolean): undefined;
  allowedNextProtocols(): Buffer[];
  setAllowedNextProtocols(protocols: Buffer[]): undefined;
  nextNegotiatedProtocol(): Buffer;
  nextProtocolNegotiationStatus(): number;
  sessionTicket(): Buffer;
  setSessionTicket(ticket: NativeBytes): undefined;
  sessionTicketLifeTimeHint(): number;
  preSharedKeyIdentityHint(): Buffer;
  setPreSharedKeyIdentityHint(hint: NativeBytes): undefined;
  handshakeMustInterruptOnError(): boolean;
  setHandshakeMustInterruptOnError(interrupt: boolean): undefined;
  missingCertificateIsFatal(): boolean;
  setMissingCertificateIsFatal(cannotRecover: boolean): undefined;
  ocspStaplingEnabled(): boolean;
  setOcspStaplingEnabled(enable: boolean): undefined;
  dtlsCookieVerificationEnabled(): boolean;
  setDtlsCookieVerificationEnabled(enable: boolean): undefined;
  /** [name, value] pairs. */
  backendConfiguration(): [Buffer, NativeVariant][];
  setBackendConfiguration(pairs: [Buffer, NativeVariantIn][]): undefined;
  setBackendConfigurationOption(name: NativeBytes, value: NativeVariantIn): undefined;
  caCertificates(): NativeSslCertificate[];
  setCaCertificates(certificates: NativeSslCertificate[]): undefined;
  addCaCertificate(certificate: NativeSslCertificate): undefined;
  addCaCertificates(certificates: NativeSslCertificate[]): undefined;
  addCaCertificatesFromPath(path: string, format: number, syntax: number): boolean;
  localCertificate(): NativeSslCertificate;
  setLocalCertificate(certificate: NativeSslCertificate): undefined;
  localCertificateChain(): NativeSslCertificate[];
  setLocalCertificateChain(chain: NativeSslCertificate[]): undefined;
  peerCertificate(): NativeSslCertificate;
  peerCertificateChain(): NativeSslCertificate[];
  privateKey(): NativeSslKey;
  setPrivateKey(key: NativeSslKey): undefined;
  ephemeralServerKey(): NativeSslKey;
  ciphers(): NativeSslCipher[];
  setCiphers(ciphers: NativeSslCipher[]): undefined;
  setCipherString(ciphers: string): undefined;
  sessionCipher(): NativeSslCipher;
  ellipticCurves(): NativeSslEllipticCurve[];
  setEllipticCurves(curves: NativeSslEllipticCurve[]): undefined;
  diffieHellmanParameters(): NativeSslDiffieHellmanParameters;
  setDiffieHellmanParameters(dhparams: NativeSslDiffieHellmanParameters): undefined;
  swap(other: NativeSslConfiguration): undefined;
  equals(other: NativeSslConfiguration): boolean;
}

export interface NativeSslConfigurationClass {
  new (): NativeSslConfiguration;
  new (other: NativeSslConfiguration): NativeSslConfiguration;
  readonly prototype: NativeSslConfiguration;
  defaultConfiguration(): NativeSslConfiguration;
  setDefaultConfiguration(configuration: NativeSslConfiguration): undefined;
  defaultDtlsConfiguration(): NativeSslConfiguration;
  setDefaultDtlsConfiguration(configuration: NativeSslConfiguration): undefined;
  systemCaCertificates(): NativeSslCertificate[];
  supportedCiphers(): NativeSslCipher[];
  supportedEllipticCurves(): NativeSslEllipticCurve[];
}

export interface NativeNetworkCacheMetaData extends Native<'QNetworkCacheMetaData'> {
  isValid(): boolean;
  url(): NativeUrl;
  setUrl(url: NativeUrl): undefined;
  rawHeaders(): [Buffer, Buffer][];
  setRawHeaders(headers: [Buffer, Buffer][]): undefined;
  /** null: Qt's invalid QDateTime. */
  lastModified(): Date | null;
  setLastModified(dateTime: Date | null): undefined;
  expirationDate(): Date | null;
  setExpirationDate(dateTime: Date | null): undefined;
  saveToDisk(): boolean;
  setSaveToDisk(allow: boolean): undefined;
  /** [attribute, value] pairs in Qt's hash order. */
  attributes(): [number, NativeVariant][];
  setAttributes(attributes: [number, NativeVariantIn][]): undefined;
  swap(other: NativeNetworkCacheMetaData): undefined;
  equals(other: NativeNetworkCacheMetaData): boolean;
}

export interface NativeNetworkCacheMetaDataClass {
  new (): NativeNetworkCacheMetaData;
  new (other: NativeNetworkCacheMetaData): NativeNetworkCacheMetaData;
  readonly prototype: NativeNetworkCacheMetaData;
}

export interface NativeHttpPart extends Native<'QHttpPart'> {
  setBody(body: NativeBytes): undefined;
  setHeader(header: number, value: NativeVariantIn): undefined;
  setRawHeader(headerName: NativeBytes, headerValue: NativeBytes): undefined;
  swap(other: NativeHttpPart): undefined;
  equals(other: NativeHttpPart): boolean;
}

export interface NativeHttpPartClass {
  new (): NativeHttpPart;
  new (other: NativeHttpPart): NativeHttpPart;
  readonly prototype: NativeHttpPart;
}

export interface NativeSslCipher extends Native<'QSslCipher'> {
  name(): string;
  protocol(): SslProtocol;
  protocolString(): string;
  keyExchangeMethod(): string;
  authenticationMethod(): string;
  encryptionMethod(): string;
  supportedBits(): number;
  usedBits(): number;
  isNull(): boolean;
  swap(other: NativeSslCipher): undefined;
  equals(other: NativeSslCipher): boolean;
}

export interface NativeSslCipherClass {
  new (): NativeSslCipher;
  new (other: NativeSslCipher): NativeSslCipher;
  new (name: string): NativeSslCipher;
  new (name: string, protocol: number): NativeSslCipher;
  readonly prototype: NativeSslCipher;
}

export interface NativeSslEllipticCurve extends Native<'QSslEllipticCurve'> {
  shortName(): string;
  longName(): string;
  isValid(): boolean;
  isTlsNamedCurve(): boolean;
  equals(other: NativeSslEllipticCurve): boolean;
}

export interface NativeSslEllipticCurveClass {
  new (): NativeSslEllipticCurve;
  new (other: NativeSslEllipticCurve): NativeSslEllipticCurve;
  fromShortName(name: string): NativeSslEllipticCurve;
  fromLongName(name: string): NativeSslEllipticCurve;
  readonly prototype: NativeSslEllipticCurve;
}

export interface NativeSslDiffieHellmanParameters extends Native<'QSslDiffieHellmanParameters'> {
  error(): DhError;
  errorString(): string;
  isEmpty(): boolean;
  isValid(): boolean;
  swap(other: NativeSslDiffieHellmanParameters): undefined;
  equals(other: NativeSslDiffieHellmanParameters): boolean;
}

export interface NativeSslDiffieHellmanParametersClass {
  new (): NativeSslDiffieHellmanParameters;
  new (other: NativeSslDiffieHellmanParameters): NativeSslDiffieHellmanParameters;
  defaultParameters(): NativeSslDiffieHellmanParameters;
  /** format: QSsl.EncodingFormat. */
  fromEncoded(encoded: NativeBytes, format: number): NativeSslDiffieHellmanParameters;
  readonly prototype: NativeSslDiffieHellmanParameters;
}

export interface NativeSslPreSharedKeyAuthenticator extends Native<'QSslPreSharedKeyAuthenticator'> {
  identity(): Buffer;
  setIdentity(identity: NativeBytes): undefined;
  identityHint(): Buffer;
  maximumIdentityLength(): number;
  preSharedKey(): Buffer;
  setPreSharedKey(preSharedKey: NativeBytes): undefined;
  maximumPreSharedKeyLength(): number;
  swap(other: NativeSslPreSharedKeyAuthenticator): undefined;
  equals(other: NativeSslPreSharedKeyAuthenticator): boolean;
}

export interface NativeSslPreSharedKeyAuthenticatorClass {
  new (): NativeSslPreSharedKeyAuthenticator;
  new (other: NativeSslPreSharedKeyAuthenticator): NativeSslPreSharedKeyAuthenticator;
  readonly prototype: NativeSslPreSharedKeyAuthenticator;
}

export interface NativeOcspResponse extends Native<'QOcspResponse'> {
  certificateStatus(): QOcspCertificateStatus;
  revocationReason(): QOcspRevocationReason;
  responder(): NativeSslCertificate;
  subject(): NativeSslCertificate;
  swap(other: NativeOcspResponse): undefined;
  equals(other: NativeOcspResponse): boolean;
}

export interface NativeOcspResponseClass {
  new (): NativeOcspResponse;
  new (other: NativeOcspResponse): NativeOcspResponse;
  readonly prototype: NativeOcspResponse;
}

/** A QPasswordDigestor function: algorithm is QCryptographicHash.Algorithm; the derived key. */
export type NativeDeriveKey = (
  algorithm: number,
  password: NativeBytes,
  salt: NativeBytes,
  iterations: number,
  dkLen: number,
) => Buffer;

/** QPasswordDigestor's functions (native/password_digestor.cc). */
export interface NativePasswordDigestor {
  deriveKeyPbkdf1: NativeDeriveKey;
  deriveKeyPbkdf2: NativeDeriveKey;
}

/** A QBuffer as Qt will read it (native/http_multi_part.h): its bytes, open mode and position. */
export type NativeDeviceBody = [data: Buffer, openMode: number, pos: number];
/** A QHttpMultiPart as Qt will send it: each part with its body device's state, or null. */
export interface NativeMultiPartBody {
  contentType: number;
  boundary: Buffer;
  parts: NativeHttpPart[];
  devices: (NativeDeviceBody | null)[];
}
/** true: a body JS streams (bodyWrite, bodyEnd on the reply). */
export type NativeRequestBody = Buffer | NativeDeviceBody | NativeMultiPartBody | true;

export interface NativeValues {
  QSslEllipticCurve: NativeSslEllipticCurveClass;
  QSslDiffieHellmanParameters: NativeSslDiffieHellmanParametersClass;
  QSslPreSharedKeyAuthenticator: NativeSslPreSharedKeyAuthenticatorClass;
  QOcspResponse: NativeOcspResponseClass;
  QPasswordDigestor: NativePasswordDigestor;
  QSslCipher: NativeSslCipherClass;
  QSslError: NativeSslErrorClass;
  QSslCertificate: NativeSslCertificateClass;
  QSslCertificateExtension: NativeSslCertificateExtensionClass;
  QSslKey: NativeSslKeyClass;
  QHttpPart: NativeHttpPartClass;
  QNetworkCacheMetaData: NativeNetworkCacheMetaDataClass;
  QHttp2Configuration: NativeHttp2ConfigurationClass;
  QSslConfiguration: NativeSslConfigurationClass;
  QHstsPolicy: NativeHstsPolicyClass;
  QUrl: NativeUrlClass;
  QNetworkRequest: NativeNetworkRequestClass;
  QNetworkCookie: NativeNetworkCookieClass;
  QHostInfo: NativeHostInfoClass;
  QHostAddress: NativeHostAddressClass;
  QNetworkProxy: NativeNetworkProxyClass;
  QNetworkProxyQuery: NativeNetworkProxyQueryClass;
  QAuthenticator: NativeAuthenticatorClass;
  QNetworkDatagram: NativeNetworkDatagramClass;
  QNetworkInterface: NativeNetworkInterfaceClass;
  QNetworkAddressEntry: NativeNetworkAddressEntryClass;
  QNetworkProxyFactory: NativeProxyFactory;
}

// ---- handles: sockets and servers (native/handle_wrap.h and one file per class) ----

/** What a JS proxy factory decided for a connection (lib/QNetworkProxyFactory.ts decideProxies). */
export type DecidedProxies = unknown[] | undefined;

/** A sync call's answer of a socket, laid out as native/protocol.h's SocketSnapshot. */
export type SocketSnapshot = [
  seq: number,
  state: number,
  openMode: number,
  error: number,
  errorString: string,
  bytesToWrite: number,
  taken: number,
  localAddress: string,
  localPort: string,
  peerAddress: string,
  peerPort: string,
  peerName: string,
  result: boolean | number | null,
];

/** A sync call's answer of a server, laid out as native/protocol.h's ServerSnapshot. */
export type ServerSnapshot = [
  seq: number,
  listening: number,
  error: number,
  port: number,
  backlog: number,
  maxPending: number,
  address: string,
  errorString: string,
  result: boolean | number | null,
];

/** Every handle's JS object (HandleWrap). */
export interface NativeHandle {
  /** Events for this handle carry this number. */
  readonly id: number;
  deleteLater(): void;
}

/** A stream's (io_device.h StreamWrap). */
export interface NativeStream extends NativeHandle {
  write(data: Buffer): void;
  /** A write Qt answers at once: what Qt's write returned (-1: refused), in the snapshot. */
  writeNow(data: Buffer): StreamSnapshot;
  /** JS read `n` bytes of what the Qt side sent: room for more. */
  ack(n: number): void;
  setReadLimit(size: number): void;
  watchBytesWritten(watched: boolean): void;
  /** The state-only event kinds (a bit each) whose signals slots or waits watch now (the loop runtime). */
  watch(kinds: number): void;
}

/**
 * A stream socket's sync-call answer: SocketSnapshot's first positions (Seq .. Taken, the same in
 * every stream socket's snapshot), the class's strings from SocketSnapshot.LocalAddress on, the
 * result last.
 */
export type StreamSnapshot = readonly [number, number, number, number, string, number, number, ...unknown[]];

/** What every stream socket's has (QAbstractSocket's, QLocalSocket's). */
export interface NativeStreamSocket extends NativeStream {
  abort(): StreamSnapshot;
  close(): StreamSnapshot;
  flush(): StreamSnapshot;
  /** Qt's own zero-timeout wait of kind `wait` (protocol SocketWait). */
  waitNow(wait: number): StreamSnapshot;
}

/** QAbstractSocket's (native/abstract_socket.cc). */
export interface NativeAbstractSocket extends NativeStreamSocket {
  connectToHost(host: string, port: number, mode: number, protocol: number, decided: DecidedProxies): SocketSnapshot;
  connectToAddress(address: NativeHostAddress, port: number, mode: number, decided: DecidedProxies): SocketSnapshot;
  disconnectFromHost(): SocketSnapshot;
  close(): SocketSnapshot;
  abort(): SocketSnapshot;
  flush(): SocketSnapshot;
  /** Qt's own zero-timeout wait of kind `wait` (protocol SocketWait). */
  waitNow(wait: number): SocketSnapshot;
  bind(address: NativeHostAddress, port: number, mode: number, decided: DecidedProxies): SocketSnapshot;
  setSocketOption(option: number, value: number): void;
  socketOption(option: number): SocketSnapshot;
  setSocketDescriptor(fd: number, state: number, mode: number): SocketSnapshot;
  socketDescriptor(): SocketSnapshot;
  setPauseMode(mode: number): void;
  resume(): void;
  snapshot(): SocketSnapshot;
  setProxy(proxy: NativeNetworkProxy): void;
  setProtocolTag(tag: string): void;
  /** The authenticator the proxyAuthenticationRequired slots filled, for the wait numbered `serial`. */
  answerProxyAuth(serial: number, authenticator: NativeAuthenticator): void;
}

/** QSslSocket's (native/ssl_socket.cc): a QTcpSocket's, and its TLS calls (a getter's result last in its snapshot). */
export interface NativeSslSocket extends NativeAbstractSocket {
  connectToHostEncrypted(
    host: string,
    port: number,
    sslPeerName: string | null,
    mode: number,
    protocol: number,
    decided: DecidedProxies,
  ): SocketSnapshot;
  startClientEncryption(): SocketSnapshot;
  startServerEncryption(): SocketSnapshot;
  isEncrypted(): SocketSnapshot;
  mode(): SocketSnapshot;
  encryptedBytesAvailable(): SocketSnapshot;
  encryptedBytesToWrite(): SocketSnapshot;
  peerVerifyMode(): SocketSnapshot;
  peerVerifyDepth(): SocketSnapshot;
  peerVerifyName(): string;
  protocol(): SocketSnapshot;
  sessionProtocol(): SocketSnapshot;
  setPeerVerifyMode(mode: number): void;
  setPeerVerifyDepth(depth: number): void;
  setPeerVerifyName(name: string): void;
  setProtocol(protocol: number): void;
  setLocalCertificateFile(path: string, format: number): void;
  setPrivateKeyFile(fileName: string, algorithm: number, format: number, passPhrase: Buffer): void;
  setLocalCertificate(certificate: NativeSslCertificate): void;
  /**
   * What the slots of the question numbered `serial` (sslErrors, peerVerifyError,
   * handshakeInterruptedOnError, preSharedKeyAuthenticationRequired) asked for: ignoreSslErrors()
   * (all), ignoreSslErrors(errors), continueInterruptedHandshake(), the authenticator they filled.
   */
  answerSlot(
    serial: number,
    all: boolean,
    errors: NativeSslError[] | null,
    continueHandshake: boolean,
    authenticator: NativeSslPreSharedKeyAuthenticator | null,
  ): void;
  /** Outside a handshakeInterruptedOnError slot. */
  continueInterruptedHandshake(): void;
  /** Outside an sslErrors slot: no argument ignores all. */
  ignoreSslErrors(errors?: NativeSslError[]): void;
  sslHandshakeErrors(): NativeSslError[];
  peerCertificateChain(): NativeSslCertificate[];
  /** One certificate (a null one when there is none). */
  peerCertificate(): NativeSslCertificate[];
  localCertificate(): NativeSslCertificate[];
  setLocalCertificateChain(chain: NativeSslCertificate[]): void;
  localCertificateChain(): NativeSslCertificate[];
  setPrivateKey(key: NativeSslKey): void;
  /** One each (none once the Qt object is gone). */
  privateKey(): NativeSslKey[];
  sessionCipher(): NativeSslCipher[];
  sslConfiguration(): NativeSslConfiguration[];
  setSslConfiguration(configuration: NativeSslConfiguration): void;
  ocspResponses(): NativeOcspResponse[];
}

/** QSslSocket's statics (Qt's TLS backends), called on the JS thread. */
export interface NativeSslStatics {
  supportsSsl(): boolean;
  sslLibraryVersionNumber(): number;
  sslLibraryVersionString(): string;
  sslLibraryBuildVersionNumber(): number;
  sslLibraryBuildVersionString(): string;
  activeBackend(): string;
  availableBackends(): string[];
  setActiveBackend(name: string): boolean;
  implementedClasses(backend?: string): number[];
  supportedFeatures(backend?: string): number[];
  supportedProtocols(backend?: string): number[];
  isClassImplemented(cl: number, backend?: string): boolean;
  isFeatureSupported(feature: number, backend?: string): boolean;
  isProtocolSupported(protocol: number, backend?: string): boolean;
}

/** QUdpSocket's (native/udp_socket.cc). A bare number: sent from the JS thread, nothing changed in Qt. */
export interface NativeUdpSocket extends NativeAbstractSocket {
  writeDatagramTo(data: Buffer, address: NativeHostAddress, port: number): number | SocketSnapshot;
  writeDatagram(datagram: NativeNetworkDatagram): number | SocketSnapshot;
  joinMulticastGroup(group: NativeHostAddress, iface?: NativeNetworkInterface): SocketSnapshot;
  leaveMulticastGroup(group: NativeHostAddress, iface?: NativeNetworkInterface): SocketSnapshot;
  multicastInterface(): [SocketSnapshot, NativeNetworkInterface];
  setMulticastInterface(iface: NativeNetworkInterface): SocketSnapshot;
  /** readDatagram with nothing held in JS: Qt's own read reports it (TemporaryError). */
  readNothing(): SocketSnapshot;
  droppedDatagrams(): number;
}

/**
 * A server's sync-call answer: Seq, Listening, Error, the class's number (Port, SocketOptions),
 * Backlog, MaxPending, the class's strings, errorString, the result last.
 */
export type ServerSnapshotOf = readonly [number, number, number, number, number, number, ...unknown[]];

/** What every server's has (QTcpServer's, QLocalServer's). */
export interface NativeServer extends NativeHandle {
  close(): ServerSnapshotOf;
  /** JS took the oldest pending connection. */
  take(): void;
  setMaxPendingConnections(n: number): ServerSnapshotOf;
  setListenBacklogSize(n: number): ServerSnapshotOf;
  socketDescriptor(): ServerSnapshotOf;
  snapshot(): ServerSnapshotOf;
  /** Qt's zero-timeout waitForNewConnection: the result is ok + 2 * timedOut. */
  waitNow(): ServerSnapshotOf;
}

/** QTcpServer's (native/tcp_server.cc). */
export interface NativeTcpServer extends NativeServer {
  listen(address: NativeHostAddress, port: number, decided: DecidedProxies): ServerSnapshot;
  pauseAccepting(): void;
  resumeAccepting(): void;
  setSocketDescriptor(fd: number): ServerSnapshot;
  setProxy(proxy: NativeNetworkProxy): void;
  /** The JS class overrides incomingConnection: Qt's accepts come as IncomingConnection events. */
  overrideIncoming(): void;
  /** JS takes the descriptor an IncomingConnection event offered; false if it is not on offer. */
  claim(fd: number): boolean;
  /** A socket JS made joins Qt's pending queue (pendingConnectionAvailable). */
  addPending(socket: NativeAbstractSocket): void;
  /** Qt's incomingConnection: a pending QTcpSocket on fd (null: the server is gone; undefined: a
   * QSslServer's socket, which reaches JS by an event of its own). */
  adoptDescriptor(fd: number): NativeAbstractSocket | null | undefined;
}

/** QSslServer's (native/ssl_server.cc): a QTcpServer's, and its TLS settings. */
export interface NativeSslServer extends NativeTcpServer {
  setSslConfiguration(configuration: NativeSslConfiguration): void;
  sslConfiguration(): NativeSslConfiguration;
  setHandshakeTimeout(timeout: number): void;
  handshakeTimeout(): ServerSnapshot;
}

/** A QLocalSocket's sync-call answer, laid out as native/protocol.h's LocalSocketSnapshot. */
export type LocalSocketSnapshot = [
  seq: number,
  state: number,
  openMode: number,
  error: number,
  errorString: string,
  bytesToWrite: number,
  taken: number,
  serverName: string,
  fullServerName: string,
  socketOptions: string,
  result: boolean | number | null,
];

/** QLocalSocket's (native/local_socket.cc). */
export interface NativeLocalSocket extends NativeStreamSocket {
  /** `name` null: the name setServerName set. */
  connectToServer(name: string | null, mode: number): LocalSocketSnapshot;
  setServerName(name: string): LocalSocketSnapshot;
  setSocketOptions(options: number): LocalSocketSnapshot;
  disconnectFromServer(): LocalSocketSnapshot;
  setSocketDescriptor(fd: number, state: number, mode: number): LocalSocketSnapshot;
  socketDescriptor(): LocalSocketSnapshot;
  snapshot(): LocalSocketSnapshot;
}

/** QLocalServer's (native/local_server.cc). */
export interface NativeLocalServer extends NativeServer {
  listen(name: string): ServerSnapshotOf;
  /** listen(socketDescriptor): a descriptor already listening. */
  listenDescriptor(fd: number): ServerSnapshotOf;
  setSocketOptions(options: number): ServerSnapshotOf;
}

/** A QTimer's sync-call answer, laid out as native/protocol.h's TimerSnapshot. */
export type TimerSnapshot = [
  seq: number,
  active: number,
  interval: number,
  singleShot: number,
  timerType: number,
  timerId: number,
  result: boolean | number | null,
];

/** QTimer's (native/timer.cc). */
export interface NativeTimer extends NativeHandle {
  /** msec undefined: start() with the interval set. */
  start(msec?: number): TimerSnapshot;
  stop(): TimerSnapshot;
  setInterval(msec: number): TimerSnapshot;
  setSingleShot(singleShot: boolean): TimerSnapshot;
  setTimerType(type: number): TimerSnapshot;
  /** Result: Qt's remainingTime(). */
  remainingTime(): TimerSnapshot;
  snapshot(): TimerSnapshot;
  /** Qt's static singleShot with this timer as the context: a SingleShot event when it fires. */
  singleShot(msec: number, timerType: number): TimerSnapshot;
}

/** The host-lookup handle's (native/host_info.cc): Qt's lookupHost, its results as events. */
export interface NativeHostLookup extends NativeHandle {
  /** Qt's lookupHost(name): the lookup id; the Result event carries it and a QHostInfo. */
  lookupHost(name: string): number;
}

/** QNetworkAccessManager's (native/network_access_manager.cc): setters answer Qt's new value. */
export interface NativeNetworkAccessManager extends NativeHandle {
  setProxy(proxy: NativeNetworkProxy): null;
  /** Qt holds a factory that asks the JS one (QueryProxy events), or none; the proxy goes back to DefaultProxy. */
  setProxyFactory(on: boolean): null;
  /** The JS factory's list for the QueryProxy wait numbered `serial` (undefined: it threw). */
  answerQueryProxy(serial: number, proxies: NativeNetworkProxy[] | undefined): void;
  setTransferTimeout(timeout: number): number;
  setRedirectPolicy(policy: number): number;
  setAutoDeleteReplies(on: boolean): boolean;
  /** The authenticator the authenticationRequired or proxyAuthenticationRequired slots filled, for the wait numbered `serial`. */
  answerAuth(serial: number, authenticator: NativeAuthenticator): void;
  setStrictTransportSecurityEnabled(enabled: boolean): boolean;
  /** Answers isStrictTransportSecurityStoreEnabled(). */
  enableStrictTransportSecurityStore(enabled: boolean, storeDir: string): boolean;
  addStrictTransportSecurityHosts(knownHosts: NativeHstsPolicy[]): null;
  strictTransportSecurityHosts(): NativeHstsPolicy[];
  /** false: the jar was deleted. keepCookies: the jar gets the cookies of the manager's jar so far. */
  setCookieJar(jar: NativeCookieJar, keepCookies: boolean): boolean | null;
  clearAccessCache(): null;
  clearConnectionCache(): null;
  connectToHost(hostName: string, port: number): null;
  /** What a reply's sslErrors slots asked to ignore, for the manager's wait numbered `serial`. */
  answerSslErrors(serial: number, all: boolean, errors: NativeSslError[] | null): void;
  /** What a reply's preSharedKeyAuthenticationRequired slots filled, for the manager's wait numbered `serial`. */
  answerPreSharedKey(serial: number, authenticator: NativeSslPreSharedKeyAuthenticator): void;
  connectToHostEncrypted(
    hostName: string,
    port: number,
    sslConfiguration: NativeSslConfiguration,
    peerName: string | null,
  ): null;
  supportedSchemes(): string[];
  /** false: the cache was deleted; null: no cache. */
  setCache(cache: NativeDiskCache | null): boolean | null;
}

/** A disk cache's methods: sync calls on the Qt side (null once the cache is deleted). */
export interface NativeDiskCache extends NativeHandle {
  cacheDirectory(): string;
  setCacheDirectory(dir: string): null;
  maximumCacheSize(): number | null;
  setMaximumCacheSize(size: number): null;
  cacheSize(): number | null;
  expire(): number | null;
  clear(): null;
  metaData(url: NativeUrl): NativeNetworkCacheMetaData;
  fileMetaData(fileName: string): NativeNetworkCacheMetaData;
  updateMetaData(metaData: NativeNetworkCacheMetaData): null;
  remove(url: NativeUrl): boolean | null;
  /** The cached bytes, or null. */
  data(url: NativeUrl): Buffer | null;
  /** The number of the device Qt prepared, or null if Qt refused. */
  prepare(metaData: NativeNetworkCacheMetaData): number | null;
  insert(prepared: number, bytes: Buffer): null;
}

/** A cookie jar's methods: sync calls on the Qt side (null or empty once the jar is deleted). */
export interface NativeCookieJar extends NativeHandle {
  allCookies(): NativeNetworkCookie[];
  setAllCookies(cookies: NativeNetworkCookie[]): null;
  cookiesForUrl(url: NativeUrl): NativeNetworkCookie[];
  setCookiesFromUrl(cookies: NativeNetworkCookie[], url: NativeUrl): boolean | null;
  insertCookie(cookie: NativeNetworkCookie): boolean | null;
  updateCookie(cookie: NativeNetworkCookie): boolean | null;
  deleteCookie(cookie: NativeNetworkCookie): boolean | null;
  validateCookie(cookie: NativeNetworkCookie, url: NativeUrl): boolean | null;
}

/**
 * A reply's sync-call answer: its metadata, packed (native/network_reply.cc pack); the numbers of
 * native/protocol.h's ReplySnapshot are in QNetworkReply.snapshotSlots, to be read at once.
 */
export type ReplySnapshot = string;

/** QNetworkReply's (native/network_reply.cc). */
export interface NativeNetworkReply extends NativeHandle {
  /** The manager's request of `operation` (verb: CustomOperation's; body: null for none). */
  start(
    manager: NativeNetworkAccessManager,
    operation: number,
    /** A URL string: a request made from it, as new QNetworkRequest(url) makes one. */
    request: NativeNetworkRequest | string,
    verb: Buffer | null,
    body: NativeRequestBody | null,
    /** A JS factory's list for the request's URL, which Qt asks for inside the call (the thread runtime). */
    decided?: NativeNetworkProxy[],
  ): ReplySnapshot;
  abort(): ReplySnapshot;
  close(): ReplySnapshot;
  /** Emits Qt's redirectAllowed() on the reply (UserVerifiedRedirectPolicy). */
  redirectAllowed(): ReplySnapshot;
  /** Qt's reply->request(). */
  request(): NativeNetworkRequest;
  snapshot(): ReplySnapshot;
  /** JS read n bytes of what it holds: the Qt side hands over as much more. */
  ack(n: number): void;
  /** setReadBufferSize: how much JS may hold (0: the default window). */
  setReadLimit(size: number): void;
  /** The event kinds (a bit each, ReplyEvent) whose signals have slots: the others, when they carry no new state, are not sent. */
  watch(kinds: number): void;
  /** The code that made the reply has had its turn: watch(kinds), and the default read window if `window`. */
  begin(kinds: number, window: boolean): void;
  /** The next chunk of a streamed body (start's body `true`); Qt's reads come back as BodyRead events. */
  bodyWrite(chunk: Buffer): void;
  /** The streamed body's end. */
  bodyEnd(): void;
  /** Outside an sslErrors slot: no argument ignores all. */
  ignoreSslErrors(errors?: NativeSslError[]): void;
  sslConfiguration(): NativeSslConfiguration;
  setSslConfiguration(configuration: NativeSslConfiguration): void;
}

export interface NativeHandles {
  QNetworkAccessManager: new () => NativeNetworkAccessManager;
  QNetworkCookieJar: new () => NativeCookieJar;
  QNetworkDiskCache: new () => NativeDiskCache;
  QNetworkReply: (new () => NativeNetworkReply) & { readonly snapshotSlots: Float64Array };
  QTcpSocket: new () => NativeAbstractSocket;
  QAbstractSocket: new (socketType: number) => NativeAbstractSocket;
  QSslSocket: (new () => NativeSslSocket) & NativeSslStatics;
  QUdpSocket: (new () => NativeUdpSocket) & {
    /** Debug counter: datagrams this process sent from the JS thread. */
    directSends(): number;
  };
  QTcpServer: new () => NativeTcpServer;
  QSslServer: new () => NativeSslServer;
  QLocalSocket: new () => NativeLocalSocket;
  QLocalServer: (new () => NativeLocalServer) & { removeServer(name: string): boolean };
  QTimer: new () => NativeTimer;
  QHostLookup: new () => NativeHostLookup;
  /** native/protocol.h's lists, for the test that compares them with lib/core/protocol.ts. */
  protocol: Record<string, Record<string, number>>;
}

export interface NativeModule extends NativeRuntime, NativeValues, NativeHandles {}
