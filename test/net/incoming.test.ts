// QTcpServer subclasses that override incomingConnection (Qt's threaded-server pattern), in this
// runtime: the override gets each accepted descriptor, makes the socket (or hands the descriptor on)
// and adds it with addPendingConnection; newConnection follows; super.incomingConnection is Qt's.
// Throwing overrides, servers closed with descriptors in flight and worker_threads run in child
// processes (test/fixtures/incoming/child.js), which count their open descriptors.
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { QAbstractSocket, QHostAddress, QTcpServer, QTcpSocket } from '../../lib';
import { until } from '../helpers';

jest.setTimeout(60000);
const LOCALHOST = () => new QHostAddress(QHostAddress.SpecialAddress.LocalHost);

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function connect(port: number): Promise<{ c: net.Socket; data: () => string; closed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const c = net.connect(port, '127.0.0.1');
    const got: Buffer[] = [];
    c.on('data', (d) => got.push(d));
    c.on('error', reject);
    const closed = new Promise<void>((r) => c.on('close', () => r()));
    cleanups.push(() => c.destroy());
    c.on('connect', () => resolve({ c, data: () => Buffer.concat(got).toString(), closed }));
  });
}

class Recording extends QTcpServer {
  trace: string[] = [];
  made: QTcpSocket[] = [];
  mode: 'own' | 'super' = 'own';
  protected incomingConnection(socketDescriptor: number): void {
    this.trace.push(`incoming:${typeof socketDescriptor}`);
    if (this.mode === 'super') {
      super.incomingConnection(socketDescriptor);
      this.trace.push(`after super:${this.hasPendingConnections()}`);
      return;
    }
    const s = new QTcpSocket();
    this.made.push(s);
    const ok = s.setSocketDescriptor(socketDescriptor);
    this.trace.push(
      `set:${ok}:${s.state()}:${s.peerAddress().toString()}:${s.socketDescriptor() === socketDescriptor}`,
    );
    this.addPendingConnection(s);
    this.trace.push(`added:${this.hasPendingConnections()}`);
  }
}

async function recording(mode: 'own' | 'super'): Promise<Recording> {
  const server = new Recording();
  server.mode = mode;
  server.newConnection.connect(() => server.trace.push('newConnection'));
  server.pendingConnectionAvailable.connect(() => server.trace.push('pendingConnectionAvailable'));
  expect(await server.listen(LOCALHOST(), 0)).toBe(true);
  cleanups.push(() => server.close());
  return server;
}

test('an override that makes the socket and adds it: Qt order, nextPendingConnection gives it, bytes flow', async () => {
  const server = await recording('own');
  const peer = await connect(server.serverPort());
  expect((await server.waitForNewConnection(5000))[0]).toBe(true);
  expect(server.trace).toEqual([
    'incoming:number',
    `set:true:${QAbstractSocket.SocketState.ConnectedState}:127.0.0.1:true`,
    'pendingConnectionAvailable',
    'added:true',
    'newConnection',
  ]);
  const s = server.nextPendingConnection();
  expect(s).toBe(server.made[0]);
  expect(server.hasPendingConnections()).toBe(false);
  s!.write('hello');
  peer.c.write('back');
  expect(await s!.waitForReadyRead(5000)).toBe(true);
  expect(s!.readAll().toString()).toBe('back');
  await until(() => peer.data() === 'hello');
  s!.disconnectFromHost();
  await peer.closed;
});

test('an override that calls super.incomingConnection: as Qt, a pending QTcpSocket', async () => {
  const server = await recording('super');
  const peer = await connect(server.serverPort());
  expect((await server.waitForNewConnection(5000))[0]).toBe(true);
  expect(server.trace).toEqual(['incoming:number', 'pendingConnectionAvailable', 'after super:true', 'newConnection']);
  const s = server.nextPendingConnection()!;
  expect(s).toBeInstanceOf(QTcpSocket);
  expect(s.state()).toBe(QAbstractSocket.SocketState.ConnectedState);
  expect(s.peerPort()).toBe(peer.c.localPort);
  s.abort();
  await peer.closed;
});

test('an override that adds nothing: newConnection is still emitted, nothing is pending (as Qt)', async () => {
  const fds: number[] = [];
  class Keeping extends QTcpServer {
    protected incomingConnection(socketDescriptor: number): void {
      fds.push(socketDescriptor);
    }
  }
  const server = new Keeping();
  let news = 0;
  server.newConnection.connect(() => news++);
  expect(await server.listen(LOCALHOST(), 0)).toBe(true);
  cleanups.push(() => server.close());
  const peer = await connect(server.serverPort());
  await until(() => news === 1);
  expect(fds).toHaveLength(1);
  expect(server.hasPendingConnections()).toBe(false);
  expect(server.nextPendingConnection()).toBeNull();
  // The descriptor is the override's: a socket made later takes it.
  const s = new QTcpSocket();
  cleanups.push(() => s.abort());
  expect(s.setSocketDescriptor(fds[0])).toBe(true);
  s.write('late');
  await until(() => peer.data() === 'late');
});

test('a server that does not override: accepted as before, no incomingConnection event', async () => {
  const server = new QTcpServer();
  expect(await server.listen(LOCALHOST(), 0)).toBe(true);
  cleanups.push(() => server.close());
  await connect(server.serverPort());
  expect((await server.waitForNewConnection(5000))[0]).toBe(true);
  expect(server.nextPendingConnection()).toBeInstanceOf(QTcpSocket);
});

test('bad arguments: TypeError/RangeError naming the method', async () => {
  class Bad extends QTcpServer {
    tryAdd(v: unknown): void {
      this.addPendingConnection(v as QTcpSocket);
    }
    trySuper(v: unknown): void {
      super.incomingConnection(v as number);
    }
  }
  const b = new Bad();
  expect(() => b.tryAdd(42)).toThrow(/QTcpServer.addPendingConnection: argument 'socket' must be a QTcpSocket/);
  expect(() => b.tryAdd(null)).toThrow(TypeError);
  expect(() => b.trySuper('3')).toThrow(TypeError);
  expect(() => b.trySuper(-1)).toThrow(RangeError);
  const s = new QTcpSocket();
  expect(() => s.setSocketDescriptor('3' as unknown as number)).toThrow(/QTcpSocket.setSocketDescriptor/);
  expect(() => s.setSocketDescriptor(1.5)).toThrow(TypeError);
});

const dist = path.join(__dirname, '..', '..', 'dist');
function child(which: string): Record<string, unknown> {
  const r = spawnSync(
    process.execPath,
    ['--expose-gc', path.join(__dirname, '..', 'fixtures', 'incoming', 'child.js'), which],
    {
      env: { ...process.env, QTN_DIST: dist },
      encoding: 'utf8',
      timeout: 40000,
    },
  );
  expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

test('an override that throws: an uncaught exception per connection, the descriptor closed, none leaked', () => {
  const r = child('throws');
  expect(r).toMatchObject({ caught: 20, newConnections: 20, pending: false });
  // 20 leaked descriptors would show; a few of Node's own may come and go.
  expect(r.after as number).toBeLessThanOrEqual((r.before as number) + 3);
});

test('servers closed or deleted with descriptors in flight: every connection ends, none leaked', () => {
  const r = child('inflight');
  expect(r.ended).toBe(r.of);
  expect(r.after as number).toBeLessThanOrEqual((r.before as number) + 3);
});

test("Qt's threaded fortune server with worker_threads: the descriptor posted to 2 workers, each makes the socket", () => {
  const r = child('workers');
  const texts = r.texts as string[];
  expect(texts).toHaveLength(12);
  for (let i = 0; i < texts.length; i++)
    expect(texts[i]).toBe(`fortune from worker ${i % 2} (true, ${QAbstractSocket.SocketState.ConnectedState})`);
  expect(r).toMatchObject({ newConnections: 12, pending: false });
  expect(r.after as number).toBeLessThanOrEqual((r.before as number) + 3);
});
