// qtnetwork: Qt 6 Network for Node.js with PyQt6's names.
export { QIODeviceBase, QIODevice } from './core/QIODevice';
export { QObject } from './core/QObject';
export { Signal } from './core/signal';
export { runtime } from './core/runtime';
export { QByteArray } from './QByteArray';
export { QBuffer } from './QBuffer';
export { QDataStream } from './QDataStream';
export type { VariantValue } from './QDataStream';
export { Qt } from './core/Qt';
export { QTimer } from './QTimer';
export { QUrl } from './QUrl';
export { QSsl } from './QSsl';
export { QSslConfiguration } from './QSslConfiguration';
export { QSslCipher } from './QSslCipher';
export { QSslEllipticCurve } from './QSslEllipticCurve';
export { QSslDiffieHellmanParameters } from './QSslDiffieHellmanParameters';
export { QSslPreSharedKeyAuthenticator } from './QSslPreSharedKeyAuthenticator';
export { QOcspResponse, QOcspCertificateStatus, QOcspRevocationReason } from './QOcspResponse';
export { QPasswordDigestor } from './QPasswordDigestor';
export { QSslServer } from './QSslServer';
export { QSslSocket } from './QSslSocket';
export { QCryptographicHash } from './QCryptographicHash';
export { QSslError } from './QSslError';
export { QSslCertificate } from './QSslCertificate';
export { QSslCertificateExtension } from './QSslCertificateExtension';
export type { ExtensionValue } from './QSslCertificateExtension';
export { QSslKey } from './QSslKey';
export { QHostInfo } from './QHostInfo';
export { QHostAddress } from './QHostAddress';
export { QNetworkProxy } from './QNetworkProxy';
export { QNetworkProxyQuery } from './QNetworkProxyQuery';
export { QNetworkProxyFactory } from './QNetworkProxyFactory';
export { QAuthenticator } from './QAuthenticator';
export { QNetworkRequest } from './QNetworkRequest';
export { QNetworkCookie } from './QNetworkCookie';
export { QNetworkCookieJar } from './QNetworkCookieJar';
export { QHstsPolicy } from './QHstsPolicy';
export { QHttp2Configuration } from './QHttp2Configuration';
export { QHttpMultiPart } from './QHttpMultiPart';
export { QHttpPart } from './QHttpPart';
export { QNetworkCacheMetaData } from './QNetworkCacheMetaData';
export { QAbstractNetworkCache } from './QAbstractNetworkCache';
export { QNetworkDiskCache } from './QNetworkDiskCache';
export { QNetworkAccessManager } from './QNetworkAccessManager';
export { QNetworkReply } from './QNetworkReply';
export { QAbstractSocket } from './QAbstractSocket';
export { QTcpSocket } from './QTcpSocket';
export { QTcpServer } from './QTcpServer';
export { QLocalSocket } from './QLocalSocket';
export { QLocalServer } from './QLocalServer';
export { QUdpSocket, UDP_DATAGRAM_OVERHEAD, UDP_RECEIVE_CAP } from './QUdpSocket';
export { QNetworkDatagram } from './QNetworkDatagram';
export { QNetworkInterface } from './QNetworkInterface';
export { QNetworkAddressEntry } from './QNetworkAddressEntry';
// Node interop, beyond PyQt6.
export { QTcpSocketStream, createConnection } from './interop/QTcpSocketStream';
export type { QTcpSocketStreamOptions, QtConnectOptions } from './interop/QTcpSocketStream';
export { QSslSocketStream, createSecureConnection } from './interop/QSslSocketStream';
export type {
  CertificateError,
  QSslSocketStreamOptions,
  QtPeerCertificate,
  QtSecureConnectOptions,
} from './interop/QSslSocketStream';
export { QLocalSocketStream } from './interop/QLocalSocketStream';
export type { QLocalSocketStreamOptions } from './interop/QLocalSocketStream';
export { QNetworkReplyStream } from './interop/QNetworkReplyStream';
export type { QNetworkReplyStreamOptions } from './interop/QNetworkReplyStream';
export { QtHttpAgent, QtHttpsAgent } from './interop/agent';
export type { QtAgentOptions, QtHttpsAgentOptions } from './interop/agent';
export { fetch } from './interop/fetch';
export type { QtFetchInit } from './interop/fetch';
export type { AbortOptions } from './core/node';
export { AbortError } from './core/node';

// Every method read from an object of these classes comes bound to it, as in Python (lib/core/bound.ts).
import { bindMethods } from './core/bound';
import { QIODevice as IODevice } from './core/QIODevice';
import { QObject as QtObject } from './core/QObject';
import { Signal as QtSignal } from './core/signal';
import { QAbstractSocket as AbstractSocket } from './QAbstractSocket';
import { QAuthenticator as Authenticator } from './QAuthenticator';
import { QBuffer as Buffer_ } from './QBuffer';
import { QByteArray as ByteArray } from './QByteArray';
import { QDataStream as DataStream } from './QDataStream';
import { QHostAddress as HostAddress } from './QHostAddress';
import { QHostInfo as HostInfo } from './QHostInfo';
import { QHstsPolicy as HstsPolicy } from './QHstsPolicy';
import { QHttp2Configuration as Http2Configuration } from './QHttp2Configuration';
import { QHttpMultiPart as HttpMultiPart } from './QHttpMultiPart';
import { QHttpPart as HttpPart } from './QHttpPart';
import { QLocalServer as LocalServer } from './QLocalServer';
import { QLocalSocket as LocalSocket } from './QLocalSocket';
import { QNetworkCookie as NetworkCookie } from './QNetworkCookie';
import { QNetworkCookieJar as NetworkCookieJar } from './QNetworkCookieJar';
import { QNetworkAddressEntry as NetworkAddressEntry } from './QNetworkAddressEntry';
import { QNetworkDatagram as NetworkDatagram } from './QNetworkDatagram';
import { QNetworkInterface as NetworkInterface } from './QNetworkInterface';
import { QNetworkAccessManager as NetworkAccessManager } from './QNetworkAccessManager';
import { QNetworkCacheMetaData as NetworkCacheMetaData } from './QNetworkCacheMetaData';
import { QNetworkDiskCache as NetworkDiskCache } from './QNetworkDiskCache';
import { QNetworkProxy as NetworkProxy } from './QNetworkProxy';
import { QNetworkReply as NetworkReply } from './QNetworkReply';
import { QNetworkRequest as NetworkRequest } from './QNetworkRequest';
import { QNetworkProxyFactory as NetworkProxyFactory } from './QNetworkProxyFactory';
import { QNetworkProxyQuery as NetworkProxyQuery } from './QNetworkProxyQuery';
import { QSslConfiguration as SslConfiguration } from './QSslConfiguration';
import { QOcspResponse as OcspResponse } from './QOcspResponse';
import { QSslCipher as SslCipher } from './QSslCipher';
import { QSslDiffieHellmanParameters as SslDiffieHellmanParameters } from './QSslDiffieHellmanParameters';
import { QSslEllipticCurve as SslEllipticCurve } from './QSslEllipticCurve';
import { QSslPreSharedKeyAuthenticator as SslPreSharedKeyAuthenticator } from './QSslPreSharedKeyAuthenticator';
import { QSslServer as SslServer } from './QSslServer';
import { QSslSocket as SslSocket } from './QSslSocket';
import { QSslCertificate as SslCertificate } from './QSslCertificate';
import { QSslCertificateExtension as SslCertificateExtension } from './QSslCertificateExtension';
import { QSslError as SslError } from './QSslError';
import { QSslKey as SslKey } from './QSslKey';
import { QTcpServer as TcpServer } from './QTcpServer';
import { QTcpSocket as TcpSocket } from './QTcpSocket';
import { QTimer as Timer } from './QTimer';
import { QUdpSocket as UdpSocket } from './QUdpSocket';
import { QUrl as Url } from './QUrl';
for (const cls of [
  QtObject,
  IODevice,
  QtSignal,
  AbstractSocket,
  Authenticator,
  Buffer_,
  ByteArray,
  DataStream,
  HostAddress,
  HostInfo,
  HstsPolicy,
  Http2Configuration,
  HttpMultiPart,
  HttpPart,
  LocalServer,
  LocalSocket,
  NetworkAddressEntry,
  NetworkCookie,
  NetworkCookieJar,
  NetworkDatagram,
  NetworkInterface,
  NetworkAccessManager,
  NetworkCacheMetaData,
  NetworkDiskCache,
  NetworkProxy,
  NetworkProxyFactory,
  NetworkProxyQuery,
  NetworkReply,
  NetworkRequest,
  SslConfiguration,
  OcspResponse,
  SslCipher,
  SslDiffieHellmanParameters,
  SslEllipticCurve,
  SslPreSharedKeyAuthenticator,
  SslServer,
  SslSocket,
  SslCertificate,
  SslCertificateExtension,
  SslError,
  SslKey,
  TcpServer,
  TcpSocket,
  Timer,
  UdpSocket,
  Url,
])
  bindMethods(cls);

// QTNETWORK_TRACE=file.jsonl records a trace from the start (lib/trace.ts, which starts itself).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only when asked for
if (process.env.QTNETWORK_TRACE) require('./trace');
