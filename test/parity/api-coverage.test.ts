// Every public name PyQt6 gives a class we cover must exist on ours, with the same enum values;
// PyQt6 is introspected live. Each exclusion says why.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import {
  QAbstractSocket,
  QAuthenticator,
  QBuffer,
  QByteArray,
  QDataStream,
  QHostAddress,
  QLocalServer,
  QLocalSocket,
  QNetworkAddressEntry,
  QNetworkDatagram,
  QNetworkInterface,
  QNetworkProxy,
  QNetworkProxyFactory,
  QNetworkProxyQuery,
  QNetworkAccessManager,
  QNetworkCookie,
  QNetworkCookieJar,
  QNetworkReply,
  QNetworkRequest,
  QTcpServer,
  QTcpSocket,
  QUdpSocket,
  QTimer,
  QUrl,
  QHostInfo,
  QHstsPolicy,
  QHttp2Configuration,
  QHttpMultiPart,
  QHttpPart,
  QNetworkCacheMetaData,
  QAbstractNetworkCache,
  QNetworkDiskCache,
  Qt,
  QSsl,
  QSslConfiguration,
  QSslCipher,
  QSslEllipticCurve,
  QSslDiffieHellmanParameters,
  QSslPreSharedKeyAuthenticator,
  QOcspResponse,
  QOcspCertificateStatus,
  QOcspRevocationReason,
  QPasswordDigestor,
  QSslServer,
  QSslSocket,
  QSslCertificate,
  QSslCertificateExtension,
  QSslError,
  QSslKey,
  QCryptographicHash,
} from '../../lib';

const QOBJECT_MACHINERY =
  "QObject's object tree, events, timers, dynamic properties and meta-object: QtCore machinery with no " +
  'network meaning; JS has its own timers and properties, and signals disconnect with signal.disconnect()';
const PROTECTED =
  'C++ protected: hooks for subclasses that reimplement the I/O or accepting; the Qt object lives on the Qt ' +
  'thread, which never calls into JS';
const OPEN =
  "QIODevice.open() on a socket only sets Qt's open mode without a connection; connectToHost() and " +
  'setSocketDescriptor() open it';

const qobjectNames = [
  'childEvent',
  'children',
  'connectNotify',
  'customEvent',
  'disconnect',
  'disconnectNotify',
  'dumpObjectInfo',
  'dumpObjectTree',
  'dynamicPropertyNames',
  'event',
  'eventFilter',
  'findChild',
  'findChildren',
  'installEventFilter',
  'isQuickItemType',
  'isSignalConnected',
  'isWidgetType',
  'isWindowType',
  'killTimer',
  'metaObject',
  'moveToThread',
  'parent',
  'property',
  'pyqtConfigure',
  'receivers',
  'removeEventFilter',
  'sender',
  'senderSignalIndex',
  'setParent',
  'setProperty',
  'startTimer',
  'staticMetaObject',
  'thread',
  'timerEvent',
  'tr',
];
const socketProtected = [
  'readData',
  'readLineData',
  'writeData',
  'skipData',
  'setErrorString',
  'setOpenMode',
  'setLocalAddress',
  'setLocalPort',
  'setPeerAddress',
  'setPeerName',
  'setPeerPort',
  'setSocketError',
  'setSocketState',
];

const exclusions: Record<string, Record<string, string>> = {
  QTcpSocket: {
    ...Object.fromEntries(qobjectNames.map((n) => [n, QOBJECT_MACHINERY])),
    ...Object.fromEntries(socketProtected.map((n) => [n, PROTECTED])),
    open: OPEN,
  },
  QTcpServer: {
    ...Object.fromEntries(qobjectNames.map((n) => [n, QOBJECT_MACHINERY])),
  },
  QHostAddress: {},
  QNetworkProxy: {},
  QNetworkProxyQuery: {},
  QAuthenticator: {},
  QNetworkProxyFactory: {},
};
exclusions.QAbstractSocket = exclusions.QTcpSocket;
exclusions.QUdpSocket = exclusions.QTcpSocket;
// (open() is there: Qt's QLocalSocket.open connects to serverName(), and ours does.)
exclusions.QLocalSocket = {
  ...Object.fromEntries(qobjectNames.map((n) => [n, QOBJECT_MACHINERY])),
  ...Object.fromEntries(
    ['readData', 'readLineData', 'writeData', 'skipData', 'setErrorString', 'setOpenMode'].map((n) => [n, PROTECTED]),
  ),
};
exclusions.QLocalServer = {
  ...Object.fromEntries(qobjectNames.map((n) => [n, QOBJECT_MACHINERY])),
  incomingConnection: PROTECTED,
};
exclusions.QNetworkDatagram = {};
// QtCore classes network programs frame messages with.
exclusions.QByteArray = {
  FromBase64Result: 'fromBase64Encoding() returns a plain object { decoded, decodingStatus } (typed FromBase64Result)',
};
exclusions.QDataStream = {};
exclusions.QBuffer = {
  ...Object.fromEntries(qobjectNames.map((n) => [n, QOBJECT_MACHINERY])),
  ...Object.fromEntries(
    ['readData', 'readLineData', 'writeData', 'skipData', 'setErrorString', 'setOpenMode'].map((n) => [
      n,
      'C++ protected: hooks for a subclass that reimplements the I/O; QBuffer here is JS, with no Qt object to call them',
    ]),
  ),
};
exclusions.QNetworkInterface = {};
const DEADLINE = "Qt's address lifetimes are QDeadlineTimer values, a QtCore class this package does not wrap";
exclusions.QNetworkAddressEntry = {
  preferredLifetime: DEADLINE,
  validityLifetime: DEADLINE,
  setAddressLifetime: DEADLINE,
};

exclusions.QTimer = Object.fromEntries(qobjectNames.map((n) => [n, QOBJECT_MACHINERY]));
exclusions.QUrl = {};
// QNetworkAccessManager's first slice (issue 18): requests, replies, proxies, redirects, timeouts.
const names = (list: string, why: string): Record<string, string> =>
  Object.fromEntries(list.split(' ').map((n) => [n, why]));
exclusions.QNetworkRequest = {};
exclusions.QNetworkAccessManager = {
  ...Object.fromEntries(qobjectNames.map((n) => [n, QOBJECT_MACHINERY])),
  ...names('createRequest supportedSchemesImplementation', PROTECTED),
};
exclusions.QNetworkReply = {
  ...exclusions.QLocalSocket,
  ...names(
    'setAttribute setError setFinished setHeader setOperation setRawHeader setRequest setUrl ' +
      'setSslConfigurationImplementation sslConfigurationImplementation ignoreSslErrorsImplementation',
    PROTECTED,
  ),
  open: "a reply is opened by its manager (Qt's open() on one only sets the open mode)",
};
exclusions.QHostInfo = {};
exclusions.QNetworkCookie = {};
exclusions.QNetworkCookieJar = Object.fromEntries(qobjectNames.map((n) => [n, QOBJECT_MACHINERY]));
exclusions.QHstsPolicy = {};
exclusions.QHttp2Configuration = {};
exclusions.QNetworkCacheMetaData = {};
exclusions.QNetworkDiskCache = Object.fromEntries(qobjectNames.map((n) => [n, QOBJECT_MACHINERY]));
exclusions.QAbstractNetworkCache = exclusions.QNetworkDiskCache;
exclusions.QHttpMultiPart = Object.fromEntries(qobjectNames.map((n) => [n, QOBJECT_MACHINERY]));
exclusions.QHttpPart = {};
exclusions.QSsl = {};
exclusions.QSslConfiguration = {};
exclusions.QSslCipher = {};
exclusions.QSslEllipticCurve = {};
exclusions.QSslDiffieHellmanParameters = {};
exclusions.QSslPreSharedKeyAuthenticator = {};
exclusions.QOcspResponse = {};
exclusions.QOcspCertificateStatus = {};
exclusions.QOcspRevocationReason = {};
exclusions.QPasswordDigestor = {};
exclusions.QSslSocket = { ...exclusions.QTcpSocket };
// QSslServer is a QTcpServer.
exclusions.QSslServer = exclusions.QTcpServer;
// Issue 15, the TLS value classes.
const HANDLE =
  "Qt's handle to the backend's own object (an OpenSSL X509 or EVP_PKEY pointer): PyQt6 gives a sip.voidptr, " +
  'which has no use in JS';
exclusions.QSslError = {};
exclusions.QSslCertificateExtension = {};
exclusions.QSslCertificate = { handle: HANDLE };
// (Its constructor from a handle is left out for the same reason.)
exclusions.QSslKey = { handle: HANDLE };
exclusions.QCryptographicHash = names(
  'addData hash hashLength reset result resultView',
  "only the Algorithm enum is here, for QSslCertificate.digest(); Node's crypto.createHash hashes",
);

type PyClass = {
  names: string[];
  enums: Record<string, Record<string, number>>;
  /** A top-level enum's own members. */
  members?: Record<string, number>;
};
const script = path.join(__dirname, '..', 'fixtures', 'parity', 'api_names.py');
const pyqt: Record<string, PyClass> = JSON.parse(
  execFileSync('/usr/bin/python3', [script, ...Object.keys(exclusions), 'Qt'], { encoding: 'utf8' }),
);

const manager = new QNetworkAccessManager();
const ours: Record<string, [{ prototype: object }, object]> = {
  QTcpSocket: [QTcpSocket, new QTcpSocket()],
  QTcpServer: [QTcpServer, new QTcpServer()],
  QHostAddress: [QHostAddress, new QHostAddress()],
  QAbstractSocket: [QAbstractSocket, new QAbstractSocket(QAbstractSocket.SocketType.TcpSocket, null)],
  QUdpSocket: [QUdpSocket, new QUdpSocket()],
  QLocalSocket: [QLocalSocket, new QLocalSocket()],
  QLocalServer: [QLocalServer, new QLocalServer()],
  QNetworkDatagram: [QNetworkDatagram, new QNetworkDatagram()],
  QNetworkInterface: [QNetworkInterface, new QNetworkInterface()],
  QNetworkAddressEntry: [QNetworkAddressEntry, new QNetworkAddressEntry()],
  QNetworkProxy: [QNetworkProxy, new QNetworkProxy()],
  QNetworkProxyQuery: [QNetworkProxyQuery, new QNetworkProxyQuery()],
  QAuthenticator: [QAuthenticator, new QAuthenticator()],
  QByteArray: [QByteArray, new QByteArray()],
  QDataStream: [QDataStream, new QDataStream()],
  QBuffer: [QBuffer, new QBuffer()],
  QTimer: [QTimer, new QTimer()],
  QUrl: [QUrl, new QUrl()],
  QNetworkRequest: [QNetworkRequest, new QNetworkRequest()],
  QNetworkAccessManager: [QNetworkAccessManager, manager],
  QNetworkReply: [QNetworkReply, manager.get(new QNetworkRequest('http://127.0.0.1:1/'))],
  QHostInfo: [QHostInfo, new QHostInfo()],
  QNetworkCookie: [QNetworkCookie, new QNetworkCookie()],
  QNetworkCookieJar: [QNetworkCookieJar, new QNetworkCookieJar()],
  QHstsPolicy: [QHstsPolicy, new QHstsPolicy()],
  QHttp2Configuration: [QHttp2Configuration, new QHttp2Configuration()],
  QNetworkCacheMetaData: [QNetworkCacheMetaData, new QNetworkCacheMetaData()],
  QNetworkDiskCache: [QNetworkDiskCache, new QNetworkDiskCache()],
  // Abstract: its names are checked on the class Qt can use.
  QAbstractNetworkCache: [QAbstractNetworkCache, new QNetworkDiskCache()],
  QHttpMultiPart: [QHttpMultiPart, new QHttpMultiPart()],
  QHttpPart: [QHttpPart, new QHttpPart()],
  // A namespace of enums: no instance.
  QSsl: [QSsl as unknown as { prototype: object }, QSsl],
  QSslConfiguration: [QSslConfiguration, new QSslConfiguration()],
  QSslCipher: [QSslCipher, new QSslCipher()],
  QSslEllipticCurve: [QSslEllipticCurve, new QSslEllipticCurve()],
  QSslDiffieHellmanParameters: [QSslDiffieHellmanParameters, new QSslDiffieHellmanParameters()],
  QSslPreSharedKeyAuthenticator: [QSslPreSharedKeyAuthenticator, new QSslPreSharedKeyAuthenticator()],
  QOcspResponse: [QOcspResponse, new QOcspResponse()],
  // Enums themselves in PyQt6 (their names are their members; values checked below).
  QOcspCertificateStatus: [QOcspCertificateStatus as unknown as { prototype: object }, QOcspCertificateStatus],
  QOcspRevocationReason: [QOcspRevocationReason as unknown as { prototype: object }, QOcspRevocationReason],
  // A namespace of static functions: no instance.
  QPasswordDigestor: [QPasswordDigestor, QPasswordDigestor],
  QSslSocket: [QSslSocket, new QSslSocket()],
  QSslServer: [QSslServer, new QSslServer()],
  QSslError: [QSslError, new QSslError()],
  QSslCertificate: [QSslCertificate, new QSslCertificate()],
  QSslCertificateExtension: [QSslCertificateExtension, new QSslCertificateExtension()],
  QSslKey: [QSslKey, new QSslKey()],
  // Only its enum: no instance.
  QCryptographicHash: [QCryptographicHash, QCryptographicHash],
  QNetworkProxyFactory: [
    QNetworkProxyFactory,
    new (class extends QNetworkProxyFactory {
      queryProxy(): QNetworkProxy[] {
        return [];
      }
    })(),
  ],
};

describe.each(Object.keys(ours))('%s', (cls) => {
  const [ctor, instance] = ours[cls];
  const excluded = exclusions[cls];

  test('has every public PyQt6 name that is not excluded for a stated reason', () => {
    const missing = pyqt[cls].names.filter((n) => !(n in excluded) && !(n in instance) && !(n in ctor));
    expect(missing).toEqual([]);
  });

  test('every exclusion names something PyQt6 has (no stale exclusions)', () => {
    const stale = Object.keys(excluded).filter((n) => !pyqt[cls].names.includes(n));
    expect(stale).toEqual([]);
  });

  test('enums have PyQt6 members and values', () => {
    for (const [name, members] of Object.entries(pyqt[cls].enums)) {
      const ourEnum = (ctor as unknown as Record<string, Record<string, number>>)[name];
      expect({
        name,
        members: ourEnum && Object.fromEntries(Object.keys(members).map((m) => [m, ourEnum[m]])),
      }).toEqual({ name, members });
    }
  });
});

// QNetworkProxy.header() and setHeader() take this enum of QNetworkRequest's.
test('QNetworkRequest.KnownHeaders has PyQt6 members and values', () => {
  const members = pyqt.QNetworkRequest.enums.KnownHeaders;
  expect(Object.keys(members).length).toBeGreaterThan(10);
  expect(
    Object.fromEntries(
      Object.keys(members).map((m) => [m, (QNetworkRequest.KnownHeaders as unknown as Record<string, number>)[m]]),
    ),
  ).toEqual(members);
});

// Of PyQt6's Qt namespace we have what QTimer takes: Qt.TimerType.
test('Qt.TimerType has PyQt6 members and values', () => {
  const members = pyqt.Qt.enums.TimerType;
  expect(Object.keys(members).length).toBe(3);
  expect(
    Object.fromEntries(Object.keys(members).map((m) => [m, (Qt.TimerType as unknown as Record<string, number>)[m]])),
  ).toEqual(members);
});

// PyQt6's top-level enums QOcspCertificateStatus and QOcspRevocationReason, member by member.
test.each([
  ['QOcspCertificateStatus', QOcspCertificateStatus],
  ['QOcspRevocationReason', QOcspRevocationReason],
] as const)('%s has PyQt6 members and values', (name, ours) => {
  const members = pyqt[name].members!;
  expect(Object.keys(members).length).toBeGreaterThan(2);
  expect(
    Object.fromEntries(Object.keys(members).map((m) => [m, (ours as unknown as Record<string, number>)[m]])),
  ).toEqual(members);
});
