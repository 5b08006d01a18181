// A qtnetwork object's method passed as a slot runs on its object, as a PyQt6 bound method does
// (issue 14): `sock.disconnected.connect(sock.deleteLater)`, `timer.timeout.connect(sock.abort)`,
// and a user's QObject subclass's own methods (`this.sock.readyRead.connect(this.onReadyRead)`).
import { QAbstractSocket, QHostAddress, QObject, QTcpServer, QTcpSocket, QTimer, Signal } from '../../lib';
import { liveHandleCount } from '../../lib/core/runtime';
import { expectFreedOnceCollected, until } from '../helpers';

const { ConnectedState, UnconnectedState } = QAbstractSocket.SocketState;

async function pair(server: QTcpServer): Promise<[QTcpSocket, QTcpSocket]> {
  const c = new QTcpSocket();
  c.connectToHost('127.0.0.1', server.serverPort());
  expect(await c.waitForConnected(5000)).toBe(true);
  expect((await server.waitForNewConnection(5000))[0]).toBe(true);
  return [c, server.nextPendingConnection()!];
}

let server: QTcpServer;
const open: QTcpSocket[] = [];
beforeAll(async () => {
  server = new QTcpServer();
  expect(await server.listen(new QHostAddress('127.0.0.1'), 0)).toBe(true);
});
afterEach(() => {
  for (const s of open.splice(0)) s.abort();
});
afterAll(() => server.close());

async function pairs(n: number): Promise<QTcpSocket[][]> {
  const out: QTcpSocket[][] = [];
  for (let i = 0; i < n; i++) {
    const p = await pair(server);
    open.push(...p);
    out.push(p);
  }
  return out;
}

test("Qt's line: sock.disconnected.connect(sock.deleteLater) deletes the socket when the peer closes", async () => {
  const [[c, p]] = await pairs(1);
  let destroyed = false;
  p.destroyed.connect(() => (destroyed = true));
  p.disconnected.connect(p.deleteLater);
  c.close();
  await until(() => destroyed, 5000, 'the peer socket destroyed');
});

test('readyRead.connect(sock.readAll) reads on its socket; a.x.connect(b.m) runs m on b, with the arguments', async () => {
  const [[a, pa], [b]] = await pairs(2);
  pa.readyRead.connect(pa.readAll);
  a.write('drained by the slot');
  await until(() => pa.bytesAvailable() === 0 && pa.readyRead.connected === 1, 5000);
  await new Promise((r) => setTimeout(r, 50));
  expect(pa.bytesAvailable()).toBe(0);

  const named = new Signal<[string]>('named');
  named.connect(b.setObjectName);
  named.emit('b');
  expect([a.objectName(), b.objectName()]).toEqual(['', 'b']);
  const poke = new Signal<[]>('poke');
  poke.connect(b.abort);
  poke.emit();
  expect([a.state(), b.state()]).toEqual([ConnectedState, UnconnectedState]);
});

test('timer.timeout.connect(sock.abort) aborts the socket', async () => {
  const [[c]] = await pairs(1);
  const timer = new QTimer();
  timer.setSingleShot(true);
  timer.timeout.connect(c.abort);
  timer.start(0);
  await until(() => c.state() === UnconnectedState, 5000, 'the socket aborted');
});

test('a method kept in a variable stays bound to the object it was read from, across awaits and other reads', async () => {
  const [[a], [b], [c]] = await pairs(3);
  const f = a.abort;
  const g = b.abort;
  await new Promise((r) => setTimeout(r, 10));
  void c.abort;
  c.state();
  const sig = new Signal<[]>('poke');
  sig.connect(f);
  sig.emit();
  expect([a.state(), b.state(), c.state()]).toEqual([UnconnectedState, ConnectedState, ConnectedState]);
  g();
  expect(b.state()).toBe(UnconnectedState);
});

test('disconnect(b.m) removes the slot bound to b, as PyQt6 compares bound methods', async () => {
  const [[a], [b]] = await pairs(2);
  const sig = new Signal<[string]>('named');
  sig.connect(a.setObjectName);
  sig.connect(b.setObjectName);
  sig.disconnect(b.setObjectName);
  expect(sig.connected).toBe(1);
  sig.emit('x');
  expect([a.objectName(), b.objectName()]).toEqual(['x', '']);
  expect(() => sig.disconnect(b.setObjectName)).toThrow(/not connected/);
  // Kept in a variable, the same function disconnects it.
  const kept = b.setObjectName;
  sig.connect(kept);
  await Promise.resolve();
  sig.disconnect(kept);
  sig.disconnect(a.setObjectName);
  expect(sig.connected).toBe(0);
});

test("a user's QObject subclass: its own methods passed as slots keep `this`, overrides and super calls work", async () => {
  class Client extends QObject {
    readonly socket = new QTcpSocket();
    received = '';
    constructor() {
      super();
      this.socket.readyRead.connect(this.onReadyRead);
    }
    onReadyRead(): void {
      this.received += this.socket.readAll().toString();
    }
  }
  const client = new Client();
  client.socket.connectToHost('127.0.0.1', server.serverPort());
  expect(await client.socket.waitForConnected(5000)).toBe(true);
  expect((await server.waitForNewConnection(5000))[0]).toBe(true);
  const peer = server.nextPendingConnection()!;
  open.push(client.socket, peer);
  peer.write('to the client');
  await until(() => client.received === 'to the client', 5000, 'the slot to run on the client');
  client.socket.readyRead.disconnect(client.onReadyRead);
  expect(client.socket.readyRead.connected).toBe(0);

  class Counting extends QTcpSocket {
    aborts = 0;
    override abort(): void {
      this.aborts++;
      super.abort();
    }
  }
  const m = new Counting();
  const sig = new Signal<[]>('poke');
  sig.connect(m.abort);
  sig.emit();
  expect(m.aborts).toBe(1);
});

test('prototype reads give the plain function; an assignment makes an own property; nothing is added to the object', async () => {
  const [[c]] = await pairs(1);
  const before = Reflect.ownKeys(c);
  expect(QTcpSocket.prototype.state.call(c)).toBe(ConnectedState);
  expect(c.state.name).toBe('bound state');
  expect(c.write === c.write).toBe(false); // as in Python: equal bound methods, not one object
  c.state();
  void c.peerPort;
  expect(Reflect.ownKeys(c)).toEqual(before);
  expect(Object.keys(c)).not.toContain('abort');
  const stub = jest.fn(() => 7);
  (c as unknown as { bytesAvailable: () => number }).bytesAvailable = stub;
  expect(c.bytesAvailable()).toBe(7);
  expect(stub).toHaveBeenCalledTimes(1);
});

test('a Signal passed as a slot forwards its arguments, and disconnects', () => {
  const from = new Signal<[number]>('from');
  const to = new Signal<[number]>('to');
  const got: number[] = [];
  to.connect((n) => got.push(n));
  from.connect(to);
  from.emit(1);
  from.disconnect(to);
  from.emit(2);
  expect(got).toEqual([1]);
  from.connect(to.emit);
  from.emit(3);
  expect(got).toEqual([1, 3]);
});

test('sockets whose methods were read, kept or connected to their own signals are still collected', async () => {
  await expectFreedOnceCollected(liveHandleCount, async () => {
    for (let i = 0; i < 20; i++) {
      const [c, p] = await pair(server);
      p.disconnected.connect(p.deleteLater);
      c.readyRead.connect(c.readAll);
      void c.peerPort;
      c.close();
      p.close();
    }
  });
});
