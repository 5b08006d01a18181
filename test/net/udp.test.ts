// QUdpSocket, QNetworkDatagram and QNetworkInterface over real loopback sockets, inside the test
// run's own network namespace (multicast turned on for lo there). Behaviour compared with PyQt6
// lives in test/parity/udp.test.ts; this file covers what a trace cannot: the receive cap, bad
// input, value semantics, datagrams from another UDP stack (Node's dgram).
import dgram from 'node:dgram';
import { QAbstractSocket, QHostAddress, QNetworkDatagram, QNetworkInterface, QUdpSocket } from '../../lib';
import { UDP_DATAGRAM_OVERHEAD, UDP_RECEIVE_CAP } from '../../lib/QUdpSocket';
import { native } from '../../lib/core/runtime';
import { enableLoopbackMulticast, sleep, until } from '../helpers';

const { SocketState, SocketError, BindFlag } = QAbstractSocket;
const LOCALHOST = () => new QHostAddress(QHostAddress.SpecialAddress.LocalHost);

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function bound(): Promise<QUdpSocket> {
  const s = new QUdpSocket();
  cleanups.push(() => s.close());
  expect(await s.bind(LOCALHOST(), 0)).toBe(true);
  return s;
}

async function nodeSocket(): Promise<dgram.Socket> {
  const d = dgram.createSocket('udp4');
  cleanups.push(() => d.close());
  await new Promise<void>((resolve) => d.bind(0, '127.0.0.1', resolve));
  return d;
}

test('datagrams from Node dgram arrive whole, in order, with their sender', async () => {
  const s = await bound();
  const d = await nodeSocket();
  for (let i = 0; i < 20; i++) d.send(Buffer.from(`datagram ${i}`), s.localPort(), '127.0.0.1');
  await until(() => s.bytesAvailable() > 0 && s.hasPendingDatagrams(), 5000, 'a datagram');
  const got: string[] = [];
  for (let i = 0; i < 40 && got.length < 20; i++) {
    if (!s.hasPendingDatagrams()) await s.waitForReadyRead(2000);
    const [data, from, port] = s.readDatagram(100);
    if (data === null) continue;
    expect(from.toString()).toBe('127.0.0.1');
    expect(port).toBe(d.address().port);
    got.push(data.toString());
  }
  expect(got).toEqual(Array.from({ length: 20 }, (_, i) => `datagram ${i}`));
});

test('a datagram to Node dgram arrives with what writeDatagram returned', async () => {
  const s = await bound();
  const d = await nodeSocket();
  const got = new Promise<[Buffer, dgram.RemoteInfo]>((resolve) => d.once('message', (m, r) => resolve([m, r])));
  const payload = Buffer.alloc(9000, 7);
  expect(s.writeDatagram(payload, LOCALHOST(), d.address().port)).toBe(9000);
  const [m, r] = await got;
  expect(m.equals(payload)).toBe(true);
  expect(r.port).toBe(s.localPort());
});

test('datagrams nobody reads are capped: past the cap they are dropped and counted, then room comes back', async () => {
  const s = await bound();
  const d = await nodeSocket();
  const size = 4096;
  const fits = Math.floor(UDP_RECEIVE_CAP / (size + UDP_DATAGRAM_OVERHEAD));
  const sent = fits + 300;
  // Paced, with the kernel's buffer as large as it allows, so that the kernel never drops: every
  // drop is ours, and counted.
  s.setSocketOption(QAbstractSocket.SocketOption.ReceiveBufferSizeSocketOption, 1 << 20);
  for (let i = 0; i < sent; i += 10) {
    for (let k = i; k < Math.min(sent, i + 10); k++) d.send(Buffer.alloc(size, k & 0xff), s.localPort(), '127.0.0.1');
    await sleep(2);
  }
  await until(() => s.droppedDatagrams() === sent - fits, 10000, 'the drops to be counted');
  let held = 0;
  for (let i = 0; i <= sent && s.hasPendingDatagrams(); i++) {
    const dg = s.receiveDatagram();
    expect(dg.data()[0]).toBe(held & 0xff); // the first ones are kept, the newest dropped
    held++;
  }
  expect(held).toBe(fits);
  // Read out: the Qt side has room again.
  d.send(Buffer.from('after'), s.localPort(), '127.0.0.1');
  expect(await s.waitForReadyRead(5000)).toBe(true);
  expect(s.receiveDatagram().data().toString()).toBe('after');
  expect(s.droppedDatagrams()).toBe(sent - fits);
});

test('setReadBufferSize does not change the cap (Qt: no effect on a QUdpSocket)', async () => {
  const s = await bound();
  s.setReadBufferSize(10);
  const d = await nodeSocket();
  d.send(Buffer.alloc(100), s.localPort(), '127.0.0.1');
  expect(await s.waitForReadyRead(5000)).toBe(true);
  expect(s.pendingDatagramSize()).toBe(100);
  expect(s.droppedDatagrams()).toBe(0);
});

test('multicast: a group joined on lo by QNetworkInterface receives; after leaving, nothing comes', async () => {
  enableLoopbackMulticast();
  const lo = QNetworkInterface.interfaceFromName('lo');
  expect(lo.isValid()).toBe(true);
  expect(lo.flags() & QNetworkInterface.InterfaceFlag.CanMulticast).toBeTruthy();
  expect(QNetworkInterface.allInterfaces().map((i) => i.name())).toContain('lo');
  expect(lo.addressEntries().map((e) => e.ip().toString())).toContain('127.0.0.1');
  const r = new QUdpSocket();
  cleanups.push(() => r.close());
  expect(
    await r.bind(
      new QHostAddress(QHostAddress.SpecialAddress.AnyIPv4),
      0,
      BindFlag.ShareAddress | BindFlag.ReuseAddressHint,
    ),
  ).toBe(true);
  const group = new QHostAddress('239.255.77.1');
  expect(r.joinMulticastGroup(group, lo)).toBe(true);
  const s = await bound();
  s.setMulticastInterface(lo);
  expect(s.multicastInterface().name()).toBe('lo');
  s.setSocketOption(QAbstractSocket.SocketOption.MulticastTtlOption, 3);
  expect(s.socketOption(QAbstractSocket.SocketOption.MulticastTtlOption)).toBe(3);
  expect(s.writeDatagram('to the group', group, r.localPort())).toBe(12);
  expect(await r.waitForReadyRead(5000)).toBe(true);
  const dg = r.receiveDatagram();
  expect(dg.data().toString()).toBe('to the group');
  expect(dg.destinationAddress().toString()).toBe('239.255.77.1');
  expect(dg.hopLimit()).toBe(3);
  expect(r.leaveMulticastGroup(group, lo)).toBe(true);
  s.writeDatagram('after leaving', group, r.localPort());
  expect(await r.waitForReadyRead(300)).toBe(false);
  expect(r.hasPendingDatagrams()).toBe(false);
});

test('connected mode: write and read go to and come from the peer only', async () => {
  const a = await bound();
  const c = new QUdpSocket();
  cleanups.push(() => c.close());
  c.connectToHost(LOCALHOST(), a.localPort());
  expect(c.state()).toBe(SocketState.ConnectedState);
  expect(c.write('hello')).toBe(5);
  expect(await a.waitForReadyRead(5000)).toBe(true);
  const dg = a.receiveDatagram();
  expect(dg.data().toString()).toBe('hello');
  expect(a.writeDatagram(dg.makeReply('back'))).toBe(4);
  const stranger = await bound();
  stranger.writeDatagram('not from the peer', LOCALHOST(), c.localPort());
  expect(await c.waitForReadyRead(5000)).toBe(true);
  await sleep(100);
  expect(c.readAll().toString()).toBe('back'); // the kernel filters what does not come from the peer
});

test('bad input is a TypeError or RangeError naming the method and argument', async () => {
  const s = await bound();
  expect(() => s.writeDatagram(42 as never, LOCALHOST(), 1)).toThrow(
    new TypeError(
      "QUdpSocket.writeDatagram: argument 'data' must be a Buffer, Uint8Array, QByteArray or string, got number 42",
    ),
  );
  expect(() => s.writeDatagram('x', LOCALHOST(), 70000)).toThrow(RangeError);
  expect(() => s.writeDatagram('x', LOCALHOST(), 70000)).toThrow(/QUdpSocket.writeDatagram: argument 'port'/);
  expect(() => s.writeDatagram('x', 'localhost' as never, 1)).toThrow(/QUdpSocket.writeDatagram: argument 'address'/);
  expect(() => s.writeDatagram('x' as never)).toThrow(
    /QUdpSocket.writeDatagram: argument 'datagram' must be a QNetworkDatagram/,
  );
  expect(() => s.readDatagram(-1)).toThrow(RangeError);
  expect(() => s.readDatagram(-1)).toThrow(/QUdpSocket.readDatagram: argument 'maxlen'/);
  expect(() => s.readDatagram('1' as never)).toThrow(TypeError);
  expect(() => s.receiveDatagram(1.5)).toThrow(/QUdpSocket.receiveDatagram: argument 'maxSize'/);
  expect(() => s.joinMulticastGroup('239.1.1.1' as never)).toThrow(
    /QUdpSocket.joinMulticastGroup: argument 'groupAddress'/,
  );
  expect(() => s.joinMulticastGroup(new QHostAddress('239.1.1.1'), 'lo' as never)).toThrow(
    /argument 'iface' must be a QNetworkInterface/,
  );
  expect(() => s.setMulticastInterface(null as never)).toThrow(TypeError);
  await expect(s.bind(LOCALHOST(), -1)).rejects.toThrow(RangeError);
  expect(() => new QNetworkDatagram('x', LOCALHOST(), 65536)).toThrow(/QNetworkDatagram: argument 'port'/);
  expect(() => new QNetworkDatagram().setHopLimit(0.5)).toThrow(/QNetworkDatagram.setHopLimit: argument 'count'/);
  expect(() => QNetworkInterface.interfaceFromName(3 as never)).toThrow(
    /QNetworkInterface.interfaceFromName: argument 'name'/,
  );
});

test('QNetworkDatagram is a value: copies are independent; swap, clear, makeReply as Qt', () => {
  const a = new QNetworkDatagram('payload', new QHostAddress('10.1.2.3'), 9);
  a.setSender(new QHostAddress('239.1.1.1'), 5);
  a.setHopLimit(4);
  a.setInterfaceIndex(1);
  const copy = new QNetworkDatagram(a);
  a.setData('changed');
  expect(copy.data().toString()).toBe('payload');
  const reply = copy.makeReply('r');
  expect(reply.destinationAddress().toString()).toBe('239.1.1.1');
  expect(reply.destinationPort()).toBe(5);
  expect(reply.senderAddress().toString()).toBe('10.1.2.3'); // Qt keeps a unicast destination as the reply's sender
  expect(reply.interfaceIndex()).toBe(1);
  expect(reply.hopLimit()).toBe(-1);
  const b = new QNetworkDatagram();
  b.swap(a);
  expect(a.isNull()).toBe(true);
  expect(b.data().toString()).toBe('changed');
  b.clear();
  expect([b.isNull(), b.isValid(), b.destinationPort(), b.senderPort()]).toEqual([true, false, -1, -1]);
});

test("readDatagram with nothing pending: [null, QHostAddress(), 0] and Qt's TemporaryError", async () => {
  const s = await bound();
  const errors: number[] = [];
  s.errorOccurred.connect((e) => errors.push(e));
  const [data, from, port] = s.readDatagram(10);
  expect([data, from.isNull(), port]).toEqual([null, true, 0]);
  expect(s.error()).toBe(SocketError.TemporaryError);
  await until(() => errors.length > 0, 2000, 'errorOccurred');
  expect(errors).toEqual([SocketError.TemporaryError]);
});

test('reading a just-disconnected QUdpSocket answers (Qt 6.4 itself crashes there)', async () => {
  const a = await bound();
  const c = new QUdpSocket();
  cleanups.push(() => c.close());
  c.connectToHost(LOCALHOST(), a.localPort());
  c.disconnectFromHost();
  expect(c.state()).toBe(SocketState.UnconnectedState);
  expect(c.hasPendingDatagrams()).toBe(false);
  expect(c.readDatagram(3)[0]).toBe(null);
  expect(c.receiveDatagram().isNull()).toBe(true);
  await sleep(50); // the Qt thread has run whatever followed
  expect(c.state()).toBe(SocketState.UnconnectedState);
});

test('with no bytesWritten slot a bound socket sends from the JS thread; with one, through Qt, which emits it', async () => {
  const a = await bound();
  const b = await bound();
  const to = LOCALHOST();
  const direct = (): number => native.QUdpSocket.directSends();
  const before = direct();
  for (let i = 0; i < 20; i++)
    expect(a.writeDatagram(Buffer.from(`d${i}`), to, b.localPort())).toBe(1 + String(i).length);
  expect(direct() - before).toBe(20);
  const written: number[] = [];
  a.bytesWritten.connect((n: number) => written.push(n));
  const watched = direct();
  expect(a.writeDatagram(Buffer.from('watched'), to, b.localPort())).toBe(7);
  expect(direct()).toBe(watched);
  await until(() => written.length === 1, 3000);
  expect(written).toEqual([7]);
  // Every datagram arrived, in order, from a's port.
  const got: string[] = [];
  await until(() => {
    while (b.hasPendingDatagrams()) {
      const d = b.receiveDatagram();
      expect(d.senderPort()).toBe(a.localPort());
      got.push(d.data().toString());
    }
    return got.length === 21;
  }, 3000);
  expect(got).toEqual([...Array.from({ length: 20 }, (_, i) => `d${i}`), 'watched']);
});

test('a datagram queued behind close() or deleteLater() is never sent on a stale descriptor', async () => {
  const sink = await bound();
  for (let round = 0; round < 50; round++) {
    const s = await bound();
    expect(s.writeDatagram(Buffer.from('x'), LOCALHOST(), sink.localPort())).toBe(1);
    s.deleteLater();
    // Qt still has the socket until the delete runs; whatever this returns, it must come from Qt.
    s.writeDatagram(Buffer.from('y'), LOCALHOST(), sink.localPort());
  }
  await sleep(100);
  let n = 0;
  while (sink.hasPendingDatagrams()) {
    const d = sink.receiveDatagram();
    expect(['x', 'y']).toContain(d.data().toString());
    n++;
  }
  expect(n).toBeGreaterThanOrEqual(50);
});
