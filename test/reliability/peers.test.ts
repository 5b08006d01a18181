// Hostile peers: real TCP servers (Node's net, in this process) that reset mid-write, half-close,
// trickle a byte a second, or send a huge burst to a reader that does not read. Our QTcpSocket must
// report what Qt reports (RemoteHostClosedError...), never hang, and keep memory bounded.
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { QAbstractSocket, QTcpSocket } from '../../lib';
import { nextEmit, until } from '../helpers';

const { SocketError, SocketState } = QAbstractSocket;
const MiB = 1024 * 1024;

/** A server whose connections `onConn` handles; closed (and its connections destroyed) after each test. */
let server: net.Server | undefined;
const conns = new Set<net.Socket>();
async function serve(onConn: (c: net.Socket) => void): Promise<number> {
  server = net.createServer((c) => {
    conns.add(c);
    c.on('error', () => {}); // a reset we caused ourselves
    c.on('close', () => conns.delete(c));
    onConn(c);
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return (server.address() as net.AddressInfo).port;
}

afterEach(async () => {
  for (const c of conns) c.destroy();
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  server = undefined;
});

/** Connects, records errors and the disconnect, fails the test on a hang. */
async function connect(port: number): Promise<{ sock: QTcpSocket; errors: number[]; disconnected: Promise<unknown> }> {
  const sock = new QTcpSocket();
  const errors: number[] = [];
  sock.errorOccurred.connect((e) => errors.push(e));
  const disconnected = nextEmit(sock.disconnected, 15000);
  sock.connectToHost('127.0.0.1', port);
  expect(await sock.waitForConnected(5000)).toBe(true);
  return { sock, errors, disconnected };
}

test('a peer that resets the connection while we write: RemoteHostClosedError, unconnected, no hang', async () => {
  let got = 0;
  const port = await serve((c) =>
    c.on('data', (d) => {
      got += d.length;
      if (got >= MiB) c.resetAndDestroy();
    }),
  );
  const { sock, errors, disconnected } = await connect(port);
  // Keep writing as Qt takes the bytes, bounded to 64 MiB: the reset comes after 1 MiB.
  let written = 0;
  const more = (): void => {
    if (sock.state() === SocketState.ConnectedState && written < 64 * MiB && sock.bytesToWrite() < 4 * MiB) {
      written += sock.write(Buffer.alloc(256 * 1024, 7));
    }
  };
  sock.bytesWritten.connect(more);
  more();
  await disconnected;
  expect(errors).toEqual([SocketError.RemoteHostClosedError]);
  expect(sock.state()).toBe(SocketState.UnconnectedState);
  expect(got).toBeGreaterThanOrEqual(MiB);
  expect(written).toBeLessThan(64 * MiB);
  expectRefusedWrite(sock);
});

/** As PyQt6 after the peer has gone: the socket is still open (for reading) but write() is -1, with
 * UnknownSocketError "Socket is not connected" and no signal; what was read stays readable. */
function expectRefusedWrite(sock: QTcpSocket): void {
  expect(sock.isOpen()).toBe(true);
  let signalled = 0;
  sock.errorOccurred.connect(() => signalled++);
  expect(sock.write('late')).toBe(-1);
  expect([sock.error(), sock.errorString()]).toEqual([SocketError.UnknownSocketError, 'Socket is not connected']);
  expect(signalled).toBe(0);
}

test('a peer that resets after sending: the bytes that came first are readable, then RemoteHostClosedError', async () => {
  const port = await serve((c) => c.write('before the reset\n', () => setTimeout(() => c.resetAndDestroy(), 100)));
  const { sock, errors, disconnected } = await connect(port);
  let text = '';
  sock.readyRead.connect(() => (text += sock.readAll().toString()));
  await disconnected;
  expect(text).toBe('before the reset\n');
  expect(errors).toEqual([SocketError.RemoteHostClosedError]);
});

test('a peer that half-closes (end) while we keep writing: Qt closes too, RemoteHostClosedError, later writes refused', async () => {
  let got = 0;
  const port = await serve((c) => {
    c.on('data', (d) => (got += d.length));
    c.end('last words'); // half-close: it still reads what we send
  });
  const { sock, errors, disconnected } = await connect(port);
  let text = '';
  sock.readyRead.connect(() => (text += sock.readAll().toString()));
  const writer = setInterval(() => sock.state() === SocketState.ConnectedState && sock.write(Buffer.alloc(1024, 1)), 5);
  try {
    await disconnected;
  } finally {
    clearInterval(writer);
  }
  expect(text).toBe('last words');
  expect(errors).toEqual([SocketError.RemoteHostClosedError]);
  expect(sock.state()).toBe(SocketState.UnconnectedState);
  expectRefusedWrite(sock);
});

test('a peer that trickles one byte a second: each byte arrives on its own, waits resolve, no timeout error', async () => {
  const bytes = 'abcd';
  const port = await serve((c) => {
    let i = 0;
    const t = setInterval(() => {
      if (i < bytes.length) c.write(bytes[i++]);
      else {
        clearInterval(t);
        c.end();
      }
    }, 1000);
    c.on('close', () => clearInterval(t));
  });
  const { sock, errors, disconnected } = await connect(port);
  const arrivals: number[] = [];
  let text = '';
  const start = Date.now();
  for (let k = 0; k < bytes.length; k++) {
    expect(await sock.waitForReadyRead(3000)).toBe(true);
    arrivals.push(Date.now() - start);
    text += sock.readAll().toString();
  }
  await disconnected;
  expect(text).toBe(bytes);
  // Spaced as sent (a second apart, with slack for a loaded machine), not gathered up.
  for (let k = 1; k < arrivals.length; k++) expect(arrivals[k] - arrivals[k - 1]).toBeGreaterThan(500);
  expect(errors).toEqual([SocketError.RemoteHostClosedError]);
});

test('a peer that resets during a pending wait: the wait ends false, promptly', async () => {
  const port = await serve((c) => setTimeout(() => c.resetAndDestroy(), 200));
  const { sock } = await connect(port);
  const start = Date.now();
  expect(await sock.waitForReadyRead(10000)).toBe(false);
  expect(Date.now() - start).toBeLessThan(5000);
  expect(sock.error()).toBe(SocketError.RemoteHostClosedError);
});

test('a 256 MiB burst to a reader that does not read for 2 s, then reads: the peer is held back, memory bounded, every byte intact', () => {
  const r = spawnSync(
    process.execPath,
    ['--expose-gc', path.join(__dirname, '..', 'fixtures', 'reliability', 'burst_child.js')],
    {
      env: { ...process.env, QTN_DIST: path.join(__dirname, '..', '..', 'dist'), BURST_MIB: '256', STALL_MS: '2000' },
      encoding: 'utf8',
      timeout: 150000,
    },
  );
  expect({ status: r.status, signal: r.signal, stderr: r.stderr }).toEqual({ status: 0, signal: null, stderr: '' });
  const m = JSON.parse(r.stdout);
  console.log(
    `burst: RSS ${(m.baseline / MiB).toFixed(0)} MiB before, +${((m.duringStall.rss - m.baseline) / MiB).toFixed(1)} MiB while not reading ` +
      `(peer had sent ${(m.duringStall.sent / MiB).toFixed(0)} MiB, ${(m.duringStall.buffered / MiB).toFixed(0)} MiB held in JS), ` +
      `peak +${((m.peak - m.baseline) / MiB).toFixed(1)} MiB, ${m.total / MiB} MiB read in ${m.ms} ms`,
  );
  expect(m.received).toBe(256 * MiB);
  expect(m.intact).toBe(true);
  expect(m.error).toBe(SocketError.RemoteHostClosedError); // the peer's end() after the last byte
  // While not reading: the read high-water mark (16 MiB) holds, and TCP holds the peer back.
  expect(m.duringStall.buffered).toBeLessThanOrEqual(16 * MiB);
  expect(m.duringStall.sent).toBeLessThan(64 * MiB);
  expect(m.duringStall.rss - m.baseline).toBeLessThan(48 * MiB);
  // Over the whole run, far less than the burst (what remains is garbage not yet collected).
  expect(m.peak - m.baseline).toBeLessThan(128 * MiB);
});

test('the servers of this file are gone after each test (no connection left behind)', async () => {
  await until(() => conns.size === 0, 2000, 'connections closed');
});
