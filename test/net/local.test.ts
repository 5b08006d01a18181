// QLocalSocket and QLocalServer over real Unix-domain sockets: what PyQt6 does (test/parity/local.test.ts
// compares traces; here the behaviour a user relies on), Node interop (net clients and servers on
// the same paths, the Duplex view), bad input, and lifetime (keeping the process alive, unref,
// deleteLater, collection). Paths live in a directory this file makes and removes; plain names
// resolve where Qt resolves them, in this process's temp directory (jest's process.env is a copy:
// setting TMPDIR there would not reach Qt), unique by pid and counter. Child processes get TMPDIR
// set to the directory this file makes.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { QAbstractSocket, QIODeviceBase, QLocalServer, QLocalSocket, QLocalSocketStream } from '../../lib';
import { liveHandleCount } from '../../lib/core/runtime';
import { collectGarbage, expectFreedOnceCollected, makeTempDir, nextEmit, sleep, until } from '../helpers';

const { LocalSocketState, LocalSocketError } = QLocalSocket;
const ServerOption = QLocalServer.SocketOption;
const dist = path.join(__dirname, '..', '..', 'dist');

let tmp: { dir: string; remove(): void };
// Where Qt puts a plain name: the real process's temp directory (os reads the real environment).
const qtTemp = os.tmpdir();
let names = 0;
/** A server name no other test (and no other process) uses: pid and a counter. */
const uniqueName = (label = 'srv'): string => `${label}-${process.pid}-${++names}`;

beforeAll(() => {
  tmp = makeTempDir('local-net');
});

afterAll(() => {
  tmp.remove();
});

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

async function listening(name = uniqueName(), options?: number): Promise<QLocalServer> {
  const server = new QLocalServer();
  if (options !== undefined) server.setSocketOptions(options);
  expect(await server.listen(name)).toBe(true);
  cleanups.push(() => server.close());
  return server;
}

function track<T extends QLocalSocket>(s: T): T {
  cleanups.push(() => s.abort());
  return s;
}

async function connectedPair(): Promise<[QLocalSocket, QLocalSocket, QLocalServer]> {
  const server = await listening();
  const client = track(new QLocalSocket());
  client.connectToServer(server.serverName());
  expect(await client.waitForConnected(5000)).toBe(true);
  expect((await server.waitForNewConnection(5000))[0]).toBe(true);
  const peer = track(server.nextPendingConnection()!);
  return [client, peer, server];
}

/** Reads until n bytes have come (bounded). */
async function receive(s: QLocalSocket, n: number, ms = 10000): Promise<Buffer> {
  const parts: Buffer[] = [];
  let got = 0;
  await until(
    () => {
      const b = s.readAll();
      parts.push(b);
      got += b.length;
      return got >= n;
    },
    ms,
    `${n} bytes (got ${got})`,
  );
  return Buffer.concat(parts);
}

function record(s: QLocalSocket): string[] {
  const trace: string[] = [];
  s.stateChanged.connect((st: number) => trace.push(`stateChanged:${st}`));
  s.connected.connect(() => trace.push('connected'));
  s.disconnected.connect(() => trace.push('disconnected'));
  s.errorOccurred.connect((e: number) => trace.push(`errorOccurred:${e}`));
  s.aboutToClose.connect(() => trace.push('aboutToClose'));
  s.readChannelFinished.connect(() => trace.push('readChannelFinished'));
  return trace;
}

/** A socket file no one listens on, as a crashed server leaves it: a Node server killed by its pid. */
async function staleSocketFile(file: string): Promise<void> {
  const child = spawn(
    process.execPath,
    ['-e', `require('net').createServer().listen(${JSON.stringify(file)}, () => console.log('up'))`],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const closed = new Promise((r) => child.on('close', r));
  try {
    await until(() => out.includes('up'), 10000, 'the doomed server to listen');
  } finally {
    process.kill(child.pid!, 'SIGKILL');
    await closed;
  }
  expect(fs.statSync(file).isSocket()).toBe(true);
}

describe('connecting', () => {
  test('connectToServer completes inside the call, with Qt signal order; echo; close is seen by the peer', async () => {
    const server = await listening();
    const client = track(new QLocalSocket());
    const trace = record(client);
    client.connectToServer(server.serverName());
    // A local connect is synchronous in Qt: PyQt6 has emitted these before connectToServer returns.
    expect(client.state()).toBe(LocalSocketState.ConnectedState);
    expect(trace).toEqual([
      `stateChanged:${LocalSocketState.ConnectingState}`,
      `stateChanged:${LocalSocketState.ConnectedState}`,
      'connected',
    ]);
    expect(client.fullServerName()).toBe(path.join(qtTemp, server.serverName()));
    expect(client.isValid()).toBe(true);
    expect(client.openMode()).toBe(QIODeviceBase.OpenModeFlag.ReadWrite);
    expect(client.socketDescriptor()).toBeGreaterThan(2);
    expect(await server.waitForNewConnection(5000)).toEqual([true, false]);
    const peer = track(server.nextPendingConnection()!);
    expect(peer).toBeInstanceOf(QLocalSocket);
    expect(peer.state()).toBe(LocalSocketState.ConnectedState);
    expect([peer.serverName(), peer.fullServerName()]).toEqual([server.serverName(), server.fullServerName()]);

    expect(client.write('hello qt')).toBe(8);
    expect((await receive(peer, 8)).toString()).toBe('hello qt');
    peer.write(Buffer.from('hello node'));
    expect((await receive(client, 10)).toString()).toBe('hello node');

    const peerTrace = record(peer);
    client.close();
    expect(client.state()).toBe(LocalSocketState.UnconnectedState);
    expect(trace.slice(3)).toEqual([
      'aboutToClose',
      `stateChanged:${LocalSocketState.ClosingState}`,
      `stateChanged:${LocalSocketState.UnconnectedState}`,
      'readChannelFinished',
      'disconnected',
    ]);
    expect(await peer.waitForDisconnected(5000)).toBe(true);
    expect(peerTrace).toEqual([
      `errorOccurred:${LocalSocketError.PeerClosedError}`,
      `stateChanged:${LocalSocketState.ClosingState}`,
      `stateChanged:${LocalSocketState.UnconnectedState}`,
      'readChannelFinished',
      'disconnected',
    ]);
    expect(peer.error()).toBe(LocalSocketError.PeerClosedError);
    expect(peer.errorString()).toBe('QLocalSocket: Remote closed');
  });

  test('a plain name resolves under the temp directory, a full path is used as given; setServerName + connectToServer()', async () => {
    const plain = await listening();
    expect(plain.fullServerName()).toBe(path.join(qtTemp, plain.serverName()));
    expect(fs.statSync(plain.fullServerName()).isSocket()).toBe(true);
    const fullPath = path.join(qtTemp, uniqueName('full'));
    const full = await listening(fullPath);
    expect([full.serverName(), full.fullServerName()]).toEqual([fullPath, fullPath]);

    const byName = track(new QLocalSocket());
    byName.connectToServer(path.basename(fullPath));
    expect(byName.state()).toBe(LocalSocketState.ConnectedState);
    const byPath = track(new QLocalSocket());
    byPath.setServerName(plain.fullServerName());
    expect(byPath.serverName()).toBe(plain.fullServerName());
    byPath.connectToServer();
    expect(byPath.state()).toBe(LocalSocketState.ConnectedState);
    const readOnly = track(new QLocalSocket());
    readOnly.connectToServer(plain.serverName(), QIODeviceBase.OpenModeFlag.ReadOnly);
    expect(readOnly.openMode()).toBe(QIODeviceBase.OpenModeFlag.ReadOnly);
    expect(readOnly.write('x')).toBe(-1);
    const file = plain.fullServerName();
    plain.close();
    expect(fs.existsSync(file)).toBe(false);
  });

  test("a name nobody listens on: ServerNotFoundError inside the call, with Qt's errorString", async () => {
    const s = track(new QLocalSocket());
    const trace = record(s);
    s.connectToServer(uniqueName('nobody'));
    expect(trace).toEqual([
      `stateChanged:${LocalSocketState.ConnectingState}`,
      `errorOccurred:${LocalSocketError.ServerNotFoundError}`,
      `stateChanged:${LocalSocketState.UnconnectedState}`,
    ]);
    expect(s.error()).toBe(LocalSocketError.ServerNotFoundError);
    expect(s.errorString()).toBe('QLocalSocket::connectToServer: Invalid name');
    expect(await s.waitForConnected(100)).toBe(false);
  });

  test('connectToServer while connected: errorOccurred(OperationError), the connection stays', async () => {
    const [client] = await connectedPair();
    const errors: number[] = [];
    client.errorOccurred.connect((e: number) => errors.push(e));
    client.connectToServer(client.serverName());
    expect(errors).toEqual([LocalSocketError.OperationError]);
    expect(client.state()).toBe(LocalSocketState.ConnectedState);
    expect(client.errorString()).toBe(
      'QLocalSocket::connectToserver: Operation not permitted when socket is in this state',
    );
  });
});

describe('names on disk', () => {
  test('a name in use: AddressInUseError; removeServer frees it, then listen succeeds', async () => {
    const first = await listening();
    const second = new QLocalServer();
    cleanups.push(() => second.close());
    expect(await second.listen(first.serverName())).toBe(false);
    expect(second.isListening()).toBe(false);
    expect(second.serverError()).toBe(QAbstractSocket.SocketError.AddressInUseError);
    expect(second.errorString()).toBe('QLocalServer::listen: Address in use');
    expect(second.fullServerName()).toBe('');
    expect(QLocalServer.removeServer(first.serverName())).toBe(true);
    expect(fs.existsSync(first.fullServerName())).toBe(false);
    expect(await second.listen(first.serverName())).toBe(true);
    // The first still listens, on a file that is gone: new clients reach the second.
    expect(first.isListening()).toBe(true);
    const c = track(new QLocalSocket());
    c.connectToServer(first.serverName());
    expect(await second.waitForNewConnection(5000)).toEqual([true, false]);
    expect(first.hasPendingConnections()).toBe(false);
  });

  test('a stale socket file left by a crashed server: refused, listen fails until removeServer', async () => {
    const name = uniqueName('stale');
    await staleSocketFile(path.join(qtTemp, name));
    const c = track(new QLocalSocket());
    c.connectToServer(name);
    expect(c.state()).toBe(LocalSocketState.UnconnectedState);
    expect(c.error()).toBe(LocalSocketError.ConnectionRefusedError);
    expect(c.errorString()).toBe('QLocalSocket::connectToServer: Connection refused');
    const server = new QLocalServer();
    cleanups.push(() => server.close());
    expect(await server.listen(name)).toBe(false);
    expect(server.serverError()).toBe(QAbstractSocket.SocketError.AddressInUseError);
    expect(QLocalServer.removeServer(name)).toBe(true);
    expect(await server.listen(name)).toBe(true);
    c.connectToServer(name);
    expect(c.state()).toBe(LocalSocketState.ConnectedState);
  });

  test('removeServer: true for a name that does not exist (as Qt), false for an empty one', () => {
    expect(QLocalServer.removeServer(uniqueName('never'))).toBe(true);
    expect(QLocalServer.removeServer(path.join(tmp.dir, 'no-such-dir', 'x'))).toBe(true);
    expect(QLocalServer.removeServer('')).toBe(false);
  });

  test('paths that cannot be a server even for root: a missing directory, a regular file, /sys', async () => {
    const nodir = new QLocalServer();
    expect(await nodir.listen(path.join(tmp.dir, 'no-such-dir', 'x'))).toBe(false);
    expect(nodir.serverError()).toBe(QAbstractSocket.SocketError.HostNotFoundError);
    expect(nodir.errorString()).toBe('QLocalServer::listen: Name error');
    const file = path.join(tmp.dir, uniqueName('file'));
    fs.writeFileSync(file, '');
    const onFile = new QLocalServer();
    expect(await onFile.listen(file)).toBe(false);
    expect(onFile.serverError()).toBe(QAbstractSocket.SocketError.AddressInUseError);
    const c = track(new QLocalSocket());
    c.connectToServer(file);
    expect(c.error()).toBe(LocalSocketError.ConnectionRefusedError);
    const sys = new QLocalServer();
    expect(await sys.listen(`/sys/${uniqueName('qtn')}`)).toBe(false);
    expect(sys.isListening()).toBe(false);
    expect(sys.errorString()).toMatch(/^QLocalServer::listen: /);
  });

  test('socket options: the file mode on disk (User 0700, World 0777, none: by umask)', async () => {
    const mode = (s: QLocalServer): number => fs.statSync(s.fullServerName()).mode & 0o777;
    const user = await listening(uniqueName('user'), ServerOption.UserAccessOption);
    expect(user.socketOptions()).toBe(ServerOption.UserAccessOption);
    expect(mode(user)).toBe(0o700);
    const world = await listening(uniqueName('world'), ServerOption.WorldAccessOption);
    expect(mode(world)).toBe(0o777);
    const group = await listening(uniqueName('group'), ServerOption.GroupAccessOption);
    expect(mode(group)).toBe(0o070);
    const none = await listening();
    expect(none.socketOptions()).toBe(0);
    const umask = process.umask(0o022);
    process.umask(umask);
    expect(mode(none)).toBe(0o777 & ~umask);
    // Connecting to a world-access server works as to any other.
    const c = track(new QLocalSocket());
    c.connectToServer(world.serverName());
    expect(c.state()).toBe(LocalSocketState.ConnectedState);
  });

  test('the abstract namespace: no file; a client needs AbstractNamespaceOption to find it', async () => {
    const name = uniqueName('abstract');
    const server = await listening(name, ServerOption.AbstractNamespaceOption);
    expect(server.fullServerName()).toBe(name);
    expect(fs.existsSync(path.join(qtTemp, name))).toBe(false);
    const plain = track(new QLocalSocket());
    plain.connectToServer(name);
    expect(plain.error()).toBe(LocalSocketError.ServerNotFoundError);
    const c = track(new QLocalSocket());
    c.setSocketOptions(QLocalSocket.SocketOption.AbstractNamespaceOption);
    expect(c.socketOptions()).toBe(QLocalSocket.SocketOption.AbstractNamespaceOption);
    c.connectToServer(name);
    expect(c.state()).toBe(LocalSocketState.ConnectedState);
    expect((await server.waitForNewConnection(5000))[0]).toBe(true);
    const peer = track(server.nextPendingConnection()!);
    c.write('abstract');
    expect((await receive(peer, 8)).toString()).toBe('abstract');
  });
});

describe('data and closing', () => {
  test('disconnectFromServer sends what is pending first (ClosingState meanwhile)', async () => {
    const [client, peer] = await connectedPair();
    const payload = Buffer.alloc(3 << 20, 7);
    expect(client.write(payload)).toBe(payload.length);
    client.disconnectFromServer();
    expect([LocalSocketState.ClosingState, LocalSocketState.UnconnectedState]).toContain(client.state());
    const got = await receive(peer, payload.length);
    expect(got.equals(payload)).toBe(true);
    await until(() => client.state() === LocalSocketState.UnconnectedState, 5000, 'the client to close');
    expect(await peer.waitForDisconnected(5000)).toBe(true);
  });

  test('abort drops what is pending: unconnected at once, disconnected before aboutToClose (Qt order)', async () => {
    const [client, peer] = await connectedPair();
    const trace = record(client);
    client.write('dropped');
    client.abort();
    expect(client.state()).toBe(LocalSocketState.UnconnectedState);
    expect(client.bytesToWrite()).toBe(0);
    expect(trace).toEqual([
      `stateChanged:${LocalSocketState.UnconnectedState}`,
      'readChannelFinished',
      'disconnected',
      'aboutToClose',
    ]);
    expect(await peer.waitForDisconnected(5000)).toBe(true);
    expect(peer.readAll().length).toBe(0);
    expect(peer.error()).toBe(LocalSocketError.PeerClosedError);
  });

  test('the peer closes with data unread: the data stays readable after disconnected', async () => {
    const [client, peer] = await connectedPair();
    peer.write('last words\n');
    peer.disconnectFromServer();
    expect(await client.waitForDisconnected(5000)).toBe(true);
    expect(client.error()).toBe(LocalSocketError.PeerClosedError);
    expect(client.canReadLine()).toBe(true);
    expect(client.readLine().toString()).toBe('last words\n');
  });

  test('waitForReadyRead times out: false, SocketTimeoutError, still connected; then data arrives', async () => {
    const [client, peer] = await connectedPair();
    const start = Date.now();
    expect(await client.waitForReadyRead(200)).toBe(false);
    expect(Date.now() - start).toBeGreaterThanOrEqual(150);
    expect(client.error()).toBe(LocalSocketError.SocketTimeoutError);
    expect(client.errorString()).toBe('QLocalSocket: Socket operation timed out');
    expect(client.state()).toBe(LocalSocketState.ConnectedState);
    peer.write('late');
    expect(await client.waitForReadyRead(5000)).toBe(true);
    expect((await receive(client, 4)).toString()).toBe('late');
  });

  test('setReadBufferSize caps what is buffered; reading lets the rest in', async () => {
    const [client, peer] = await connectedPair();
    client.setReadBufferSize(10);
    expect(client.readBufferSize()).toBe(10);
    peer.write('0123456789abcdefghij');
    await until(() => client.bytesAvailable() >= 10, 5000, '10 bytes');
    await sleep(100);
    expect(client.bytesAvailable()).toBe(10);
    expect(client.read(4).toString()).toBe('0123');
    expect((await receive(client, 16)).toString()).toBe('456789abcdefghij');
  });

  test('calls in the wrong state return what Qt returns', async () => {
    const s = new QLocalSocket();
    expect(s.state()).toBe(LocalSocketState.UnconnectedState);
    expect(s.error()).toBe(LocalSocketError.UnknownSocketError);
    expect(s.errorString()).toBe('Unknown error');
    expect(s.socketDescriptor()).toBe(-1);
    expect(s.isValid()).toBe(false);
    expect(s.write('x')).toBe(-1);
    expect(s.read(10)).toEqual(Buffer.alloc(0));
    expect(s.flush()).toBe(false);
    expect(await s.waitForConnected(10)).toBe(false);
    expect(await s.waitForReadyRead(10)).toBe(false);
    expect(await s.waitForBytesWritten(10)).toBe(false);
    expect(await s.waitForDisconnected(10)).toBe(false);
    s.disconnectFromServer();
    s.close();
    s.abort();
    expect(s.state()).toBe(LocalSocketState.UnconnectedState);
    const server = new QLocalServer();
    expect([server.isListening(), server.serverName(), server.fullServerName(), server.errorString()]).toEqual([
      false,
      '',
      '',
      '',
    ]);
    expect([server.maxPendingConnections(), server.listenBacklogSize(), server.socketDescriptor()]).toEqual([
      30, 50, -1,
    ]);
    expect(await server.waitForNewConnection(10)).toEqual([false, false]);
    expect(server.nextPendingConnection()).toBeNull();
  });
});

describe('the server', () => {
  test('waitForNewConnection: [false, true] on timeout, [true, false] when a client comes during the wait', async () => {
    const server = await listening();
    expect(await server.waitForNewConnection(50)).toEqual([false, true]);
    expect(server.nextPendingConnection()).toBeNull();
    const waiting = server.waitForNewConnection(5000);
    const c = track(new QLocalSocket());
    setTimeout(() => c.connectToServer(server.serverName()), 50);
    expect(await waiting).toEqual([true, false]);
    expect(server.hasPendingConnections()).toBe(true);
  });

  test('newConnection per client; close() frees the name and the pending connections (their clients see it)', async () => {
    const server = await listening();
    let emitted = 0;
    server.newConnection.connect(() => emitted++);
    const clients = [0, 1, 2].map(() => {
      const c = track(new QLocalSocket());
      c.connectToServer(server.serverName());
      return c;
    });
    await until(() => emitted === 3, 5000, 'three newConnection');
    const taken = track(server.nextPendingConnection()!);
    const file = server.fullServerName();
    server.close();
    expect([server.isListening(), server.hasPendingConnections(), server.nextPendingConnection()]).toEqual([
      false,
      false,
      null,
    ]);
    expect(fs.existsSync(file)).toBe(false);
    for (const c of clients.slice(1)) expect(await c.waitForDisconnected(5000)).toBe(true);
    // The one taken before close() is the user's: still connected.
    expect(taken.state()).toBe(LocalSocketState.ConnectedState);
    expect(clients[0].state()).toBe(LocalSocketState.ConnectedState);
  });

  test('setMaxPendingConnections / setListenBacklogSize are kept', async () => {
    const server = new QLocalServer();
    server.setMaxPendingConnections(5);
    server.setListenBacklogSize(7);
    expect([server.maxPendingConnections(), server.listenBacklogSize()]).toEqual([5, 7]);
    server.setSocketOptions(ServerOption.UserAccessOption | ServerOption.GroupAccessOption);
    expect(server.socketOptions()).toBe(3);
  });
});

describe('Node interop', () => {
  test('a Node net client talks to our QLocalServer by its fullServerName', async () => {
    const server = await listening();
    const client = net.createConnection(server.fullServerName()).on('error', () => {});
    cleanups.push(() => client.destroy());
    await new Promise<void>((resolve) => client.once('connect', resolve));
    expect((await server.waitForNewConnection(5000))[0]).toBe(true);
    const peer = track(server.nextPendingConnection()!);
    client.write('from node');
    expect((await receive(peer, 9)).toString()).toBe('from node');
    const back = new Promise<string>((r) => client.once('data', (d) => r(d.toString())));
    peer.write('from qt');
    expect(await back).toBe('from qt');
    const ended = new Promise((r) => client.once('end', r));
    peer.disconnectFromServer();
    await ended;
  });

  test('our QLocalSocket talks to a Node net server on a path; the Node side ending is PeerClosedError', async () => {
    const file = path.join(tmp.dir, uniqueName('node'));
    const server = net.createServer((sock) => {
      sock.on('error', () => {}).on('data', (d) => sock.end(Buffer.concat([Buffer.from('echo:'), d])));
    });
    await new Promise<void>((r) => server.listen(file, r));
    cleanups.push(() => server.close());
    const s = track(new QLocalSocket());
    s.connectToServer(file);
    expect(await s.waitForConnected(5000)).toBe(true);
    s.write('ping');
    expect(await s.waitForDisconnected(5000)).toBe(true);
    expect(s.readAll().toString()).toBe('echo:ping');
    expect(s.error()).toBe(LocalSocketError.PeerClosedError);
  });
});

describe('QLocalSocketStream (a Node Duplex view)', () => {
  test('a bad argument is a TypeError naming it', () => {
    expect(() => new QLocalSocketStream({} as QLocalSocket)).toThrow(TypeError);
    expect(() => new QLocalSocketStream({} as QLocalSocket)).toThrow(/QLocalSocketStream: argument 'socket'/);
    expect(() => new QLocalSocketStream(null as unknown as QLocalSocket)).toThrow(TypeError);
  });

  test('options as QTcpSocketStream: a read buffer cap by default (256 KiB) or as given; the socket kept', async () => {
    const [client, peer] = await connectedPair();
    const a = new QLocalSocketStream(client);
    expect(a.socket).toBe(client);
    expect(client.readBufferSize()).toBe(256 * 1024);
    const b = new QLocalSocketStream(peer, { readBufferSize: 4096, highWaterMark: 1024 });
    expect(peer.readBufferSize()).toBe(4096);
    expect(b.readableHighWaterMark).toBe(1024);
    a.destroy();
    b.destroy();
  });

  test('pipeline: 8 MiB up and back through a Node echo server on a path, in order', async () => {
    const file = path.join(tmp.dir, uniqueName('echo'));
    const echo = net.createServer((sock) => sock.on('error', () => {}).pipe(sock));
    await new Promise<void>((r) => echo.listen(file, r));
    cleanups.push(() => echo.close());
    const sock = new QLocalSocket();
    const stream = new QLocalSocketStream(sock);
    sock.connectToServer(file);
    const payload = Buffer.alloc(8 << 20);
    for (let i = 0; i < payload.length; i += 4) payload.writeUInt32LE(i, i);
    const hash = createHash('sha256');
    let got = 0;
    const reading = (async () => {
      for await (const chunk of stream) {
        hash.update(chunk as Buffer);
        got += (chunk as Buffer).length;
        if (got >= payload.length) break;
      }
    })();
    stream.write(payload);
    await reading;
    expect(got).toBe(payload.length);
    expect(hash.digest('hex')).toBe(createHash('sha256').update(payload).digest('hex'));
    stream.destroy();
    expect(sock.state()).toBe(LocalSocketState.UnconnectedState);
  });

  test('an accepted QLocalSocket as a stream: a Node client pipes through it; end() is disconnectFromServer', async () => {
    const server = await listening();
    const client = net.createConnection(server.fullServerName()).on('error', () => {});
    cleanups.push(() => client.destroy());
    expect((await server.waitForNewConnection(5000))[0]).toBe(true);
    const stream = new QLocalSocketStream(server.nextPendingConnection()!);
    const upper = (async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) yield Buffer.from(chunk.toString().toUpperCase());
    })(stream);
    const piping = pipeline(upper, stream);
    const reply: Buffer[] = [];
    client.on('data', (d) => reply.push(d));
    const clientEnded = new Promise((r) => client.once('end', r));
    // (Qt has no half-close: the client's end() closes the local socket, so it ends after the reply.)
    client.write('shout this');
    await until(() => Buffer.concat(reply).toString() === 'SHOUT THIS', 5000, 'the reply');
    client.end();
    await piping;
    await clientEnded;
  });

  test('read backpressure: a paused stream stops Qt reading; resuming gets every byte', async () => {
    const server = await listening();
    const client = net.createConnection(server.fullServerName()).on('error', () => {});
    cleanups.push(() => client.destroy());
    expect((await server.waitForNewConnection(5000))[0]).toBe(true);
    const sock = server.nextPendingConnection()!;
    const stream = new QLocalSocketStream(sock, { readBufferSize: 64 * 1024 });
    stream.pause();
    const total = 16 << 20;
    client.write(Buffer.alloc(total, 1));
    await sleep(300);
    // Held back: the stream's buffer and the socket's bounded one (what Qt read before the cap,
    // sent when this task ended, reached it may come on top), the kernel a little, the Node writer
    // the rest.
    expect(stream.readableLength + sock.bytesAvailable()).toBeLessThan(1 << 20);
    expect(client.writableLength).toBeGreaterThan(0);
    let got = 0;
    stream.on('data', (d: Buffer) => (got += d.length));
    stream.resume();
    await until(() => got === total, 20000, `${total} bytes through the stream (got ${got})`);
    stream.destroy();
  });

  test("the peer closing ends the stream ('end', not 'error'); a name nobody serves fails it with Qt's error", async () => {
    const [client, peer] = await connectedPair();
    const stream = new QLocalSocketStream(client);
    const chunks: Buffer[] = [];
    stream.on('data', (d: Buffer) => chunks.push(d));
    const ended = new Promise((r) => stream.once('end', r));
    peer.write('bye');
    peer.disconnectFromServer();
    await ended;
    expect(Buffer.concat(chunks).toString()).toBe('bye');

    const lonely = new QLocalSocket();
    const failing = new QLocalSocketStream(lonely);
    const error = new Promise<NodeJS.ErrnoException & { qtError?: number }>((r) => failing.once('error', r));
    lonely.connectToServer(uniqueName('nobody'));
    const err = await error;
    // As net.connect to a missing path: ENOENT; Qt's error and message kept.
    expect(err.code).toBe('ENOENT');
    expect(err.qtError).toBe(LocalSocketError.ServerNotFoundError);
    expect(err.message).toMatch(/Invalid name/);
  });

  test("setTimeout: 'timeout' after the given idle time; the socket stays open", async () => {
    const [client] = await connectedPair();
    const stream = new QLocalSocketStream(client);
    const start = Date.now();
    await new Promise<void>((r) => stream.setTimeout(100, r));
    expect(Date.now() - start).toBeGreaterThanOrEqual(90);
    expect(client.state()).toBe(LocalSocketState.ConnectedState);
    expect(() => stream.setTimeout(-1)).toThrow(RangeError);
    stream.destroy();
  });
});

describe('bad input', () => {
  test('wrong types and ranges are TypeError / RangeError naming the method and argument', () => {
    const s = new QLocalSocket();
    // (A lone number is connectToServer(mode): 42 is a valid OpenModeFlag combination.)
    expect(() => s.connectToServer(true as unknown as string)).toThrow(TypeError);
    expect(() => s.connectToServer(true as unknown as string)).toThrow(/QLocalSocket\.connectToServer: argument/);
    expect(() => s.connectToServer(0x1000 as never)).toThrow(/OpenModeFlag/);
    expect(() => s.connectToServer({} as unknown as string)).toThrow(TypeError);
    expect(() => s.connectToServer('x', 0x1000 as never)).toThrow(/OpenModeFlag/);
    expect(() => s.setServerName(1 as unknown as string)).toThrow(/QLocalSocket\.setServerName: argument 'name'/);
    expect(() => s.setReadBufferSize(-1)).toThrow(RangeError);
    expect(() => s.setReadBufferSize(-1)).toThrow(/QLocalSocket\.setReadBufferSize: argument 'size'/);
    expect(() => s.setReadBufferSize(1.5)).toThrow(TypeError);
    expect(() => s.setSocketOptions(2 as never)).toThrow(/QLocalSocket\.setSocketOptions: argument .*SocketOption/);
    expect(() => s.write(42 as unknown as string)).toThrow(/argument 'data' must be a Buffer/);
    expect(() => s.read(-1)).toThrow(RangeError);
    expect(() => s.waitForConnected(-2)).toThrow(RangeError);
    expect(() => s.waitForReadyRead('1' as never)).toThrow(/QLocalSocket\.waitForReadyRead: argument 'msecs'/);
    expect(() => s.stateChanged.connect(5 as never)).toThrow(/stateChanged\.connect/);
    expect(() => new QLocalSocket({} as never)).toThrow(TypeError);
    const server = new QLocalServer();
    expect(() => server.setMaxPendingConnections('3' as never)).toThrow(TypeError);
    expect(() => server.setSocketOptions(16 as never)).toThrow(
      /QLocalServer\.setSocketOptions: argument .*SocketOption/,
    );
    expect(() => server.waitForNewConnection(-2)).toThrow(RangeError);
    expect(() => QLocalServer.removeServer(null as unknown as string)).toThrow(
      /QLocalServer\.removeServer: argument 'name'/,
    );
    expect(() => (QLocalServer.removeServer as unknown as () => boolean)()).toThrow(TypeError);
    expect(() => new QLocalServer({} as never)).toThrow(TypeError);
  });

  test('listen(null) and listen(1.5) are TypeErrors (thrown or rejected), and the server is left as it was', async () => {
    const server = new QLocalServer();
    for (const bad of [null, 1.5, {}]) {
      let error: unknown;
      try {
        await server.listen(bad as unknown as string);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(TypeError);
      expect(String(error)).toMatch(/QLocalServer\.listen: argument/);
    }
    expect(server.isListening()).toBe(false);
  });
});

describe('lifetime', () => {
  // A child process opens a server, a client and the accepted peer, then does `then`.
  const OPEN = (then: string): string => `
    const { QLocalServer, QLocalSocket } = require(process.env.QTN_DIST);
    (async () => {
      const server = new QLocalServer();
      await server.listen(process.env.QTN_NAME);
      const client = new QLocalSocket();
      client.connectToServer(process.env.QTN_NAME);
      await client.waitForConnected(5000);
      await server.waitForNewConnection(5000);
      const peer = server.nextPendingConnection();
      client.write('in flight');
      ${then}
      console.log('open');
    })();`;

  /** Runs `code` in a child; how long it lived after printing 'open' (bounded: killed by pid capMs after it, or
   * 30 s after its start if it never prints it). The cap counts from 'open', not the spawn: a loaded machine
   * takes a second or more to start a child, which left it too little time alive to tell. */
  async function lifetimeOf(code: string, capMs: number): Promise<{ afterOpen: number; status: number | null }> {
    const child = spawn(process.execPath, ['-e', code], {
      env: { ...process.env, QTN_DIST: dist, QTN_NAME: uniqueName('life'), TMPDIR: tmp.dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let openedAt = 0;
    const kill = (): void => void process.kill(child.pid!, 'SIGKILL');
    let killer = setTimeout(kill, capMs + 30000);
    child.stdout.on('data', (d) => {
      out += d;
      if (!openedAt && out.includes('open')) {
        openedAt = Date.now();
        clearTimeout(killer);
        killer = setTimeout(kill, capMs);
      }
    });
    child.stderr.on('data', (d) => (err += d));
    const exit = new Promise<number | null>((r) => child.on('close', (status) => r(status)));
    const status = await exit;
    clearTimeout(killer);
    expect(err).toBe('');
    expect(out).toBe('open\n');
    return { afterOpen: Date.now() - openedAt, status };
  }

  test('open local sockets and a listening server keep the process alive (killed at the cap)', async () => {
    const r = await lifetimeOf(OPEN(''), 1500);
    expect(r.status).toBeNull(); // still alive when killed
    expect(r.afterOpen).toBeGreaterThan(500);
  });

  test('a listening QLocalServer alone keeps it alive', async () => {
    const r = await lifetimeOf(OPEN('client.abort(); peer.abort();'), 1500);
    expect(r.status).toBeNull();
  });

  test('unref() lets the process exit promptly with them open', async () => {
    const r = await lifetimeOf(OPEN('server.unref(); client.unref(); peer.unref();'), 10000);
    expect(r.status).toBe(0);
    expect(r.afterOpen).toBeLessThan(2000);
  });

  test('closed ones do not keep it alive', async () => {
    const r = await lifetimeOf(OPEN('client.abort(); peer.abort(); server.close();'), 10000);
    expect(r.status).toBe(0);
    expect(r.afterOpen).toBeLessThan(2000);
  });

  test('the server file is gone after a natural exit with the server listening and unref()d', async () => {
    const name = uniqueName('exit');
    const r = spawnSync(
      process.execPath,
      [
        '-e',
        `const { QLocalServer } = require(process.env.QTN_DIST);
         const s = new QLocalServer(); Promise.resolve(s.listen(${JSON.stringify(name)})).then((ok) => { console.log(ok); s.unref(); });`,
      ],
      { env: { ...process.env, QTN_DIST: dist, TMPDIR: tmp.dir }, encoding: 'utf8', timeout: 20000 },
    );
    expect([r.status, r.stdout, r.stderr]).toEqual([0, 'true\n', '']);
    expect(fs.existsSync(path.join(tmp.dir, name))).toBe(false);
  });

  test('deleteLater: destroyed once; the server file removed; later calls answer as on closed objects', async () => {
    const [client, peer, server] = await connectedPair();
    const file = server.fullServerName();
    const destroyed = [0, 0, 0];
    [server, client, peer].forEach((o, i) => o.destroyed.connect(() => destroyed[i]++));
    for (const o of [server, client, peer]) {
      o.deleteLater();
      o.deleteLater();
    }
    await until(() => destroyed.every((n) => n === 1), 5000, 'destroyed');
    await sleep(50);
    expect(destroyed).toEqual([1, 1, 1]);
    expect(fs.existsSync(file)).toBe(false);
    expect(client.state()).toBe(LocalSocketState.UnconnectedState);
    expect(client.write('x')).toBe(-1);
    client.connectToServer(uniqueName('gone'));
    expect(await client.waitForConnected(50)).toBe(false);
    expect(await server.listen(uniqueName('gone'))).toBe(false);
    expect(server.isListening()).toBe(false);
  });

  test('closed, unreachable local sockets and servers are collected and their QObjects freed', async () => {
    await expectFreedOnceCollected(liveHandleCount, async () => {
      const server = new QLocalServer();
      expect(await server.listen(uniqueName('gc'))).toBe(true);
      for (let i = 0; i < 30; i++) {
        const c = new QLocalSocket();
        c.connectToServer(server.serverName());
        expect((await server.waitForNewConnection(5000))[0]).toBe(true);
        const p = server.nextPendingConnection()!;
        c.close();
        p.close();
      }
      server.close();
    });
  });

  test('an open local socket nobody references stays alive and delivers its data', async () => {
    const server = await listening();
    (() => {
      const c = new QLocalSocket();
      c.connectToServer(server.serverName());
      c.write('still here');
    })();
    await collectGarbage();
    expect((await server.waitForNewConnection(5000))[0]).toBe(true);
    const p = track(server.nextPendingConnection()!);
    expect((await receive(p, 10)).toString()).toBe('still here');
    const gone = nextEmit(p.disconnected, 5000);
    p.disconnectFromServer();
    await gone;
  });
});
