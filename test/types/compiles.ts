// Must compile (CommonJS user): PyQt6's names, overloads and enums, as a porter writes them.
import {
  QAbstractSocket,
  QAuthenticator,
  QHostAddress,
  QIODeviceBase,
  QNetworkProxy,
  QNetworkProxyFactory,
  QNetworkProxyQuery,
  QObject,
  QTcpServer,
  QTcpSocket,
  QTimer,
  Signal,
} from 'qtnetwork';

export async function port(): Promise<void> {
  const proxy = new QNetworkProxy();
  proxy.setType(QNetworkProxy.ProxyType.Socks5Proxy);
  proxy.setHostName('proxy.example.com');
  proxy.setPort(1080);
  QNetworkProxy.setApplicationProxy(new QNetworkProxy(QNetworkProxy.ProxyType.HttpProxy, 'h', 3128, 'u', 'p'));

  // Scoped enums are numbers with a type, compared with ===.
  const t: QNetworkProxy.ProxyType = QNetworkProxy.ProxyType.NoProxy;
  const n: number = QAbstractSocket.SocketState.ConnectedState;
  (void t, n);

  const sock = new QTcpSocket();
  sock.stateChanged.connect((state: QAbstractSocket.SocketState) => void state);
  sock.errorOccurred.connect((error) => {
    const e: QAbstractSocket.SocketError = error;
    void e;
  });
  sock.proxyAuthenticationRequired.connect((p: QNetworkProxy, auth: QAuthenticator) => auth.setUser(p.user()));
  sock.readyRead.connect(() => {
    const data: Buffer = sock.readAll();
    const line: Buffer = sock.readLine();
    const [ok, ch]: [boolean, Buffer] = sock.getChar();
    (void data, line, ok, ch);
  });
  // Both connectToHost overloads, with and without the defaults.
  sock.connectToHost('example.com', 80);
  sock.connectToHost(
    'example.com',
    80,
    QIODeviceBase.OpenModeFlag.ReadWrite,
    QAbstractSocket.NetworkLayerProtocol.IPv4Protocol,
  );
  sock.connectToHost(new QHostAddress('127.0.0.1'), 80);
  sock.connectToHost(QHostAddress.SpecialAddress.LocalHost, 80, QIODeviceBase.OpenModeFlag.ReadOnly);
  const connected: boolean = await sock.waitForConnected(3000);
  if (connected && sock.state() === QAbstractSocket.SocketState.ConnectedState) sock.write('bytes');
  sock.write(Buffer.from([1, 2]));
  sock.write(new Uint8Array([3]));
  const written: boolean = await sock.waitForBytesWritten();
  void written;

  const server = new QTcpServer();
  const listening: boolean = await server.listen(new QHostAddress(QHostAddress.SpecialAddress.Any), 0);
  const [got, timedOut]: [boolean, boolean] = await server.waitForNewConnection(100);
  const peer: QTcpSocket | null = server.nextPendingConnection();
  (void listening, got, timedOut, peer);

  class Direct extends QNetworkProxyFactory {
    queryProxy(query = new QNetworkProxyQuery()): QNetworkProxy[] {
      return query.peerPort() === 80 ? [new QNetworkProxy(QNetworkProxy.ProxyType.NoProxy)] : [];
    }
  }
  QNetworkProxyFactory.setApplicationProxyFactory(new Direct());
  QNetworkProxyFactory.setApplicationProxyFactory(null);

  // Methods as slots, as PyQt6's bound methods: the package's and a QObject subclass's own.
  sock.disconnected.connect(sock.deleteLater);
  new QTimer().timeout.connect(sock.abort);
  class Client extends QObject {
    readonly lines = new Signal<[string]>('lines');
    constructor(readonly socket: QTcpSocket) {
      super();
      socket.readyRead.connect(this.onReadyRead);
      socket.errorOccurred.connect(this.onError);
    }
    onReadyRead(): void {
      this.lines.emit(this.socket.readAll().toString());
    }
    onError(error: QAbstractSocket.SocketError): void {
      void error;
    }
  }
  const client = new Client(sock);
  const echo = new Signal<[string]>('echo');
  client.lines.connect(echo); // a signal to a signal
  client.lines.disconnect(echo);
}
