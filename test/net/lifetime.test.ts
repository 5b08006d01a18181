// Lifetime: an unreachable closed socket is collected and its QObject freed on the Qt thread; an
// open one stays alive (and keeps working) while unreachable from user code, as net.Socket does.
import { QHostAddress, QTcpServer, QTcpSocket } from '../../lib';
import { liveHandleCount } from '../../lib/core/runtime';
import { sleep, until } from '../helpers';

const gc = (global as unknown as { gc?: () => void }).gc;

async function collect(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    gc!();
    await sleep(20);
  }
}

test('the suite runs with --expose-gc', () => {
  expect(typeof gc).toBe('function');
});

test('closed, unreachable sockets and servers are collected and their QObjects freed', async () => {
  await collect();
  const baseline = liveHandleCount();
  await (async () => {
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
  })();
  expect(liveHandleCount()).toBeGreaterThan(baseline);
  await collect();
  await until(() => liveHandleCount() === baseline, 5000, `live handles back to ${baseline}`);
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
  await collect();
  expect((await server.waitForNewConnection(5000))[0]).toBe(true);
  const p = server.nextPendingConnection()!;
  p.readyRead.connect(() => (received += p.readAll().toString()));
  await until(() => received === 'still here', 5000, 'data from the unreferenced socket');
  p.close();
  server.close();
});
