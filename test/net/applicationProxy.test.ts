// QNetworkProxy.setApplicationProxy runs on the JS thread and is Qt's own global: a QTcpSocket,
// which lives on the Qt thread, must go through it from its next connection.
import net from 'node:net';
import { QNetworkProxy, QTcpSocket } from '../../lib';
import { until } from '../helpers';

test('a QTcpSocket on the Qt thread connects through the application proxy set from JS', async () => {
  // A SOCKS5 "proxy" that records what it receives: Qt's greeting is 05 <n methods> <methods>.
  const received: Buffer[] = [];
  const proxy = net.createServer((c) => c.on('data', (d) => received.push(d)));
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  const port = (proxy.address() as net.AddressInfo).port;
  const saved = QNetworkProxy.applicationProxy();
  const sock = new QTcpSocket();
  try {
    QNetworkProxy.setApplicationProxy(new QNetworkProxy(QNetworkProxy.ProxyType.Socks5Proxy, '127.0.0.1', port));
    // A host name, not a loopback address: Qt bypasses the application proxy for loopback targets.
    sock.connectToHost('example.invalid', 80);
    await until(() => Buffer.concat(received).length >= 3, 10000, 'the SOCKS5 greeting');
    expect(Buffer.concat(received).subarray(0, 3)).toEqual(Buffer.from([5, 1, 0]));
  } finally {
    sock.abort();
    QNetworkProxy.setApplicationProxy(saved);
    await new Promise((r) => proxy.close(r));
  }
});
