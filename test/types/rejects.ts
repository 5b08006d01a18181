// Must not compile: each line below is an error a porter should get from tsc, not at run time.
// tsc fails on an @ts-expect-error that has no error under it, so every line here is checked.
import { QAbstractSocket, QHostAddress, QNetworkProxy, QTcpServer, QTcpSocket } from 'qtnetwork';

export async function wrong(sock: QTcpSocket, server: QTcpServer): Promise<void> {
  // @ts-expect-error the port is required
  sock.connectToHost('example.com');
  // @ts-expect-error msecs is a number, not a string
  await sock.waitForConnected('3000');
  // @ts-expect-error a wait is a promise: its result is not a boolean until awaited
  const ok: boolean = sock.waitForConnected();
  // @ts-expect-error bytes are Buffers, not strings
  const text: string = sock.readAll();
  // @ts-expect-error stateChanged's argument is a SocketState, not a string
  sock.stateChanged.connect((state: string) => state);
  // @ts-expect-error a method whose argument is not the signal's: setObjectName takes a string
  sock.stateChanged.connect(sock.setObjectName);
  // @ts-expect-error readyRead has no arguments
  sock.readyRead.connect((n: number) => n);
  // @ts-expect-error no such enum member
  void QNetworkProxy.ProxyType.SocksProxy;
  // @ts-expect-error enums are scoped: SocketState is not on QTcpSocket's instance
  void sock.SocketState;
  // @ts-expect-error a state is not a string
  if (sock.state() === 'connected') return;
  // @ts-expect-error QTcpServer.listen takes an address, not a host name string
  await server.listen('0.0.0.0', 80);
  // @ts-expect-error waitForNewConnection resolves with PyQt6's (ok, timedOut) pair, not a boolean
  const got: boolean = await server.waitForNewConnection(10);
  // @ts-expect-error parents are not modelled: QTcpSocket takes at most null
  void new QTcpSocket(server);
  // @ts-expect-error QHostAddress has no host name constructor overload taking a port
  void new QHostAddress('example.com', 80);
  // @ts-expect-error a ProxyType member, not its name
  void new QNetworkProxy('Socks5Proxy');
  // @ts-expect-error write takes bytes, not numbers
  sock.write(42);
  (void ok, text, got, QAbstractSocket);
}
