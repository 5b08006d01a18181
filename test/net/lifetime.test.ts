// Lifetime: an unreachable closed socket is collected and its QObject freed on the Qt thread; an
// open or connecting one stays alive (and keeps working) while unreachable from user code, as
// net.Socket does; deleteLater is idempotent; a closed server frees its pending connections.
import { QAbstractSocket, QHostAddress, QNetworkProxy, QTcpServer, QTcpSocket, QUdpSocket } from '../../lib';
import { liveHandleCount } from '../../lib/core/runtime';
import { collectGarbage, expectFreedOnceCollected, sleep, until } from '../helpers';
import { startHostileProxy, stopAllProxies } from '../proxies';

afterAll(() => stopAllProxies());

const gc = (global as unknown as { gc?: () => void }).gc;

test('the suite runs with --expose-gc', () => {
  expect(typeof gc).toBe('function');
});

test('closed, unreachable sockets and servers are collected and their QObjects freed', async () => {
  await expectFreedOnceCollected(liveHandleCount, async () => {
    const server = new QTcpServer();
    expect(await server.listen(new QHostAddress('127.0.0.1'), 0)).toBe(true);
    for (let i = 0; i < 50; i++) {
      const c = new QTcpSocket();
      c.connectToHost('127.0.0.1', server.serverPort());
      expect(await c.waitForConnected(5000)).toBe(true);
      expect((await server.waitForNewConnection(5000))[0]).toBe(true);
      const p = server.nextPendingConnection()!;
      c.close();
      p.close();
    }
    server.close();
  });
});

test('an open socket nobody references stays alive and delivers its data', async () => {
  const server = new QTcpServer();
  expect(await server.listen(new QHostAddress('127.0.0.1'), 0)).toBe(true);
  let received = '';
  (() => {
    const c = new QTcpSocket();
    c.connected.connect(() => c.write('still here'));
    c.connectToHost('127.0.0.1', server.serverPort());
  })();
  await collectGarbage();
  expect((await server.waitForNewConnection(5000))[0]).toBe(true);
  const p = server.nextPendingConnection()!;
  p.readyRead.connect(() => (received += p.readAll().toString()));
  await until(() => received === 'still here', 5000, 'data from the unreferenced socket');
  p.close();
  server.close();
});

test('sockets dropped while connecting stay alive until the connect ends, then are collected and freed', async () => {
  // A SOCKS5 proxy that accepts and never answers keeps them connecting as long as it runs.
  const silent = await startHostileProxy('socks-silent');
  try {
    await collectGarbage();
    const baseline = liveHandleCount();
    const errors: number[] = [];
    (() => {
      for (let i = 0; i < 20; i++) {
        const s = new QTcpSocket();
        s.setProxy(new QNetworkProxy(QNetworkProxy.ProxyType.Socks5Proxy, '127.0.0.1', silent.port));
        s.errorOccurred.connect((e) => errors.push(e));
        s.connectToHost('127.0.0.1', 9);
      }
    })();
    await collectGarbage();
    // Held while active, as a connecting net.Socket is: nothing freed, nothing failed yet.
    expect(liveHandleCount()).toBe(baseline + 20);
    expect(errors).toEqual([]);
    await silent.stop();
    await until(() => errors.length === 20, 10000, 'the 20 connects to fail');
    await collectGarbage();
    await until(() => liveHandleCount() === baseline, 5000, `live handles back to ${baseline}`);
  } finally {
    await silent.stop();
  }
});

test('deleteLater twice: one destroyed, the handle freed once, later calls answered without a crash', async () => {
  await collectGarbage();
  const baseline = liveHandleCount();
  const server = new QTcpServer();
  expect(await server.listen(new QHostAddress('127.0.0.1'), 0)).toBe(true);
  const sock = new QTcpSocket();
  sock.connectToHost('127.0.0.1', server.serverPort());
  expect(await sock.waitForConnected(5000)).toBe(true);
  const udp = new QUdpSocket();
  expect(await udp.bind(new QHostAddress('127.0.0.1'), 0)).toBe(true);
  const destroyed = [0, 0, 0];
  [server, sock, udp].forEach((o, i) => o.destroyed.connect(() => destroyed[i]++));
  for (const o of [server, sock, udp]) {
    o.deleteLater();
    o.deleteLater();
  }
  await until(() => destroyed.every((n) => n === 1), 5000, 'destroyed');
  for (const o of [server, sock, udp]) o.deleteLater(); // a third, after destroyed
  await sleep(100);
  expect(destroyed).toEqual([1, 1, 1]);
  // The objects are dead, not dangerous: calls answer as on unconnected ones.
  expect(sock.state()).toBe(QAbstractSocket.SocketState.UnconnectedState);
  expect(sock.write('x')).toBe(-1);
  sock.connectToHost('127.0.0.1', 9);
  expect(await sock.waitForConnected(100)).toBe(false);
  expect(await server.listen(new QHostAddress('127.0.0.1'), 0)).toBe(false);
  expect(server.isListening()).toBe(false);
  expect([sock.flush(), sock.socketDescriptor(), server.socketDescriptor()]).toEqual([false, -1, -1]);
  expect(udp.writeDatagram('x', new QHostAddress('127.0.0.1'), 9)).toBe(-1);
  expect(await udp.bind(new QHostAddress('127.0.0.1'), 0)).toBe(false);
  // The connection the server had pending went with it (Qt deletes it with the server).
  expect(server.hasPendingConnections()).toBe(false);
  await collectGarbage();
  await until(() => liveHandleCount() === baseline, 5000, `live handles back to ${baseline}`);
});

test('a server closed with connections still pending frees them; their clients see the close', async () => {
  await collectGarbage();
  const baseline = liveHandleCount();
  const clients: QTcpSocket[] = [];
  const errors: number[] = [];
  await (async () => {
    const server = new QTcpServer();
    expect(await server.listen(new QHostAddress('127.0.0.1'), 0)).toBe(true);
    for (let i = 0; i < 5; i++) {
      const c = new QTcpSocket();
      c.errorOccurred.connect((e) => errors.push(e));
      c.connectToHost('127.0.0.1', server.serverPort());
      expect(await c.waitForConnected(5000)).toBe(true);
      clients.push(c);
    }
    await until(() => server.hasPendingConnections(), 5000, 'pending connections');
    await sleep(100);
    server.close();
    expect(server.hasPendingConnections()).toBe(false);
    expect(server.nextPendingConnection()).toBeNull();
  })();
  await until(() => errors.length === 5, 5000, 'the clients to see the close');
  expect(errors).toEqual(Array(5).fill(QAbstractSocket.SocketError.RemoteHostClosedError));
  clients.length = 0;
  await collectGarbage();
  await until(() => liveHandleCount() === baseline, 5000, `live handles back to ${baseline}`);
});
