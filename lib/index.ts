// qtnetwork: Qt 6 Network for Node.js with PyQt6's names.
export { QIODeviceBase, QIODevice } from './core/QIODevice';
export { QObject } from './core/QObject';
export { Signal } from './core/signal';
export { runtime } from './core/runtime';
export { QHostAddress } from './QHostAddress';
export { QNetworkProxy } from './QNetworkProxy';
export { QNetworkProxyQuery } from './QNetworkProxyQuery';
export { QNetworkProxyFactory } from './QNetworkProxyFactory';
export { QAuthenticator } from './QAuthenticator';
export { QNetworkRequest } from './QNetworkRequest';
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
export { QLocalSocketStream } from './interop/QLocalSocketStream';
export type { QLocalSocketStreamOptions } from './interop/QLocalSocketStream';
export { QtHttpAgent, QtHttpsAgent } from './interop/agent';
export type { QtAgentOptions } from './interop/agent';
export type { AbortOptions } from './core/node';
export { AbortError } from './core/node';
