// The QNetworkProxy documentation's example, ported from PyQt6: an application-wide SOCKS5 proxy
// with a user name and password, and a server socket that opts out with NoProxy.
//
//   node examples/socks5-application-proxy.js <proxy host> <proxy port> <user> <password> [listen address]
//
// It listens (without the proxy) on the given address, which must not be a loopback address, since
// Qt never proxies those, then connects to itself through the proxy and exchanges a line.
'use strict';
const { QAbstractSocket, QHostAddress, QNetworkProxy, QTcpServer, QTcpSocket } = require('../dist');

async function main([proxyHost, proxyPort, user, password, listenAddress = '10.77.0.1'] = process.argv.slice(2)) {
  if (!proxyHost || !proxyPort)
    throw new Error('usage: socks5-application-proxy.js <proxy host> <proxy port> <user> <password> [listen address]');

  // proxy = QNetworkProxy(); proxy.setType(QNetworkProxy.ProxyType.Socks5Proxy) ...
  const proxy = new QNetworkProxy();
  proxy.setType(QNetworkProxy.ProxyType.Socks5Proxy);
  proxy.setHostName(proxyHost);
  proxy.setPort(Number(proxyPort));
  proxy.setUser(user ?? '');
  proxy.setPassword(password ?? '');
  QNetworkProxy.setApplicationProxy(proxy);

  // serverSocket.setProxy(QNetworkProxy.ProxyType.NoProxy)
  const serverSocket = new QTcpServer();
  serverSocket.setProxy(QNetworkProxy.ProxyType.NoProxy);
  serverSocket.newConnection.connect(() => {
    const peer = serverSocket.nextPendingConnection();
    peer.readyRead.connect(() => peer.write(peer.readAll()));
  });
  if (!(await serverSocket.listen(new QHostAddress(listenAddress), 0))) throw new Error(serverSocket.errorString());
  console.log(`server: listening on ${listenAddress}:${serverSocket.serverPort()} without a proxy`);

  const sock = new QTcpSocket();
  sock.connectToHost(listenAddress, serverSocket.serverPort());
  if (!(await sock.waitForConnected(5000))) throw new Error(`connect through the proxy: ${sock.errorString()}`);
  console.log(
    `client: connected through ${QNetworkProxy.applicationProxy().hostName()}:${QNetworkProxy.applicationProxy().port()}`,
  );
  sock.write('hello through SOCKS5\n');
  while (!sock.canReadLine()) {
    if (!(await sock.waitForReadyRead(5000))) throw new Error(`no echo: ${sock.errorString()}`);
  }
  console.log(`client: echoed ${JSON.stringify(sock.readLine().toString())}`);
  sock.disconnectFromHost();
  if (sock.state() !== QAbstractSocket.SocketState.UnconnectedState) await sock.waitForDisconnected(3000);
  serverSocket.close();
}

main().catch((err) => {
  console.error(err.message);
  process.exitCode = 1;
});
