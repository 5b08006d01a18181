// Node interop: the Duplex view (data, backpressure both ways, end), createConnection and the
// http/https agents through real proxies (dante, tinyproxy) to a real Node http server, the
// application proxy and factory included; AbortSignal on the promise-returning calls; dispose.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { pipeline } from 'node:stream/promises';
import {
  AbortError,
  QAbstractSocket,
  QHostAddress,
  QNetworkProxy,
  QNetworkProxyFactory,
  QNetworkProxyQuery,
  QTcpServer,
  QTcpSocket,
  QTcpSocketStream,
  QtHttpAgent,
  QtHttpsAgent,
  createConnection,
} from '../../lib';
import { addNonLoopbackAddress, NON_LOOPBACK, nextEmit, sleep, until } from '../helpers';
import { ProxyServer, startDante, startTinyproxy, stopAllProxies } from '../proxies';

let dante: ProxyServer;
let tinyproxy: ProxyServer;
let web: http.Server;
let webPort = 0;
const seenByWeb: string[] = [];

beforeAll(async () => {
  addNonLoopbackAddress();
  QNetworkProxyFactory.setUseSystemConfiguration(false);
  [dante, tinyproxy] = await Promise.all([startDante(), startTinyproxy({ user: 'tpuser', password: 'tppass' })]);
  // A real HTTP server, on an address Qt's application proxy does not bypass (not loopback).
  web = http.createServer((req, res) => {
    seenByWeb.push(`${req.method} ${req.url}`);
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => res.end(JSON.stringify({ url: req.url, body, from: req.socket.remoteAddress })));
  });
  await new Promise<void>((r) => web.listen(0, NON_LOOPBACK, r));
  webPort = (web.address() as net.AddressInfo).port;
});

afterAll(async () => {
  QNetworkProxy.setApplicationProxy(new QNetworkProxy(QNetworkProxy.ProxyType.NoProxy));
  QNetworkProxyFactory.setApplicationProxyFactory(null);
  web.closeAllConnections();
  await new Promise((r) => web.close(r));
  await stopAllProxies();
});

function get(
  path: string,
  agent: http.Agent,
  body?: string,
): Promise<{ status: number; json: { url: string; body: string } }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: NON_LOOPBACK, port: webPort, path, agent, method: body ? 'POST' : 'GET', timeout: 10000 },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (data += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(data) }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('http request timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

// In jest's sandbox Symbol.dispose may be missing (Node 20 adds it to its own realm only); the
// package keys its methods as Node does, on the registered symbols it stands for.
const DISPOSE: typeof Symbol.dispose = (Symbol.dispose ?? Symbol.for('nodejs.dispose')) as typeof Symbol.dispose;
const ASYNC_DISPOSE: typeof Symbol.asyncDispose = (Symbol.asyncDispose ??
  Symbol.for('nodejs.asyncDispose')) as typeof Symbol.asyncDispose;

const targetOf = (): string => `${NON_LOOPBACK}:${webPort}`;

describe('http through Qt proxies', () => {
  test('a given QNetworkProxy: SOCKS5 through dante, keep-alive reuses the Qt connection', async () => {
    const before = dante.targets().filter((t) => t === targetOf()).length;
    const agent = new QtHttpAgent({
      proxy: new QNetworkProxy(QNetworkProxy.ProxyType.Socks5Proxy, dante.host, dante.port),
      keepAlive: true,
      maxSockets: 1,
    });
    const a = await get('/one', agent);
    const b = await get('/two', agent, 'posted body');
    expect(a).toEqual({ status: 200, json: { url: '/one', body: '', from: expect.any(String) } });
    expect(b.json).toMatchObject({ url: '/two', body: 'posted body' });
    agent.destroy();
    // dante relayed exactly one connection to the web server for both requests.
    await until(() => dante.targets().filter((t) => t === targetOf()).length === before + 1, 5000, 'dante log');
    expect(dante.targets().filter((t) => t === targetOf()).length).toBe(before + 1);
  });

  test('the application proxy: HTTP CONNECT through tinyproxy with Basic authentication from the slot-less proxy credentials', async () => {
    QNetworkProxy.setApplicationProxy(
      new QNetworkProxy(QNetworkProxy.ProxyType.HttpProxy, tinyproxy.host, tinyproxy.port, 'tpuser', 'tppass'),
    );
    try {
      const agent = new QtHttpAgent();
      const r = await get('/via-application-proxy', agent);
      expect(r.json.url).toBe('/via-application-proxy');
      agent.destroy();
      await until(() => tinyproxy.targets().includes(targetOf()), 5000, 'tinyproxy log');
    } finally {
      QNetworkProxy.setApplicationProxy(new QNetworkProxy(QNetworkProxy.ProxyType.NoProxy));
    }
  });

  test('the application proxy factory: asked for the connection, its SOCKS5 answer used', async () => {
    const asked: string[] = [];
    class ToDante extends QNetworkProxyFactory {
      queryProxy(query = new QNetworkProxyQuery()): QNetworkProxy[] {
        asked.push(`${query.peerHostName()}:${query.peerPort()}`);
        return [new QNetworkProxy(QNetworkProxy.ProxyType.Socks5Proxy, dante.host, dante.port)];
      }
    }
    const before = dante.targets().filter((t) => t === targetOf()).length;
    QNetworkProxyFactory.setApplicationProxyFactory(new ToDante());
    try {
      const agent = new QtHttpAgent();
      expect((await get('/via-factory', agent)).json.url).toBe('/via-factory');
      agent.destroy();
    } finally {
      QNetworkProxyFactory.setApplicationProxyFactory(null);
    }
    expect(asked).toContain(targetOf());
    await until(() => dante.targets().filter((t) => t === targetOf()).length === before + 1, 5000, 'dante log');
  });

  test('https: TLS by Node over a Qt connection through dante, the certificate checked', async () => {
    // A self-signed certificate for the server's address, made for this test.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qtnetwork-tls-'));
    const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        `/CN=${NON_LOOPBACK}`,
        '-addext',
        `subjectAltName=IP:${NON_LOOPBACK}`,
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: 'ignore' },
    );
    const secure = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (req, res) =>
      res.end(`secure ${req.url}`),
    );
    await new Promise<void>((r) => secure.listen(0, NON_LOOPBACK, r));
    const port = (secure.address() as net.AddressInfo).port;
    try {
      const fetchVia = (agent: https.Agent): Promise<string> =>
        new Promise((resolve, reject) => {
          https
            .get({ host: NON_LOOPBACK, port, path: '/tls', agent, timeout: 10000 }, (res) => {
              let d = '';
              res.on('data', (c) => (d += c));
              res.on('end', () => resolve(d));
            })
            .on('error', reject);
        });
      const proxy = new QNetworkProxy(QNetworkProxy.ProxyType.Socks5Proxy, dante.host, dante.port);
      const trusting = new QtHttpsAgent({ proxy, ca: fs.readFileSync(cert) });
      expect(await fetchVia(trusting)).toBe('secure /tls');
      trusting.destroy();
      expect(dante.targets()).toContain(`${NON_LOOPBACK}:${port}`);
      // Without the CA, Node's TLS refuses the certificate: TLS really runs over the Qt socket.
      const strict = new QtHttpsAgent({ proxy });
      await expect(fetchVia(strict)).rejects.toMatchObject({ code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
      strict.destroy();
    } finally {
      secure.closeAllConnections();
      await new Promise((r) => secure.close(r));
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a proxy that refuses: the request fails with Qt's error, coded", async () => {
    // Qt's verdict for a 407 answered to credentials it already sent (Qt's, whatever it is).
    const agent = new QtHttpAgent({
      proxy: new QNetworkProxy(QNetworkProxy.ProxyType.HttpProxy, tinyproxy.host, tinyproxy.port, 'tpuser', 'wrong'),
    });
    await expect(get('/denied', agent)).rejects.toMatchObject({
      code: expect.stringMatching(/^QT_Proxy\w+Error$/),
      qtError: expect.any(Number),
    });
    agent.destroy();
  });

  test('bad agent options are TypeErrors naming the argument', () => {
    expect(() => new QtHttpAgent({ proxy: 'socks5://x' as unknown as QNetworkProxy })).toThrow(
      /QtHttpAgent.*options\.proxy/,
    );
    expect(() => createConnection({ host: 'x', port: 70000 })).toThrow(RangeError);
    expect(() => createConnection({ host: 'x', port: 'x' as unknown as number })).toThrow(
      /createConnection: argument 'options.port'/,
    );
    expect(() => new QTcpSocketStream({} as QTcpSocket)).toThrow(/QTcpSocketStream: argument 'socket'/);
  });
});

describe('the Duplex view', () => {
  test('pipeline: 8 MiB up and back through a net echo server, in order', async () => {
    const echo = net.createServer((s) => s.pipe(s));
    await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r));
    try {
      const stream = createConnection({ host: '127.0.0.1', port: (echo.address() as net.AddressInfo).port });
      await new Promise((r) => stream.once('connect', r));
      const data = Buffer.alloc(8 << 20);
      for (let i = 0; i < data.length; i += 4) data.writeUInt32LE(i, i);
      const got = createHash('sha256');
      let n = 0;
      const reading = (async () => {
        for await (const chunk of stream) {
          got.update(chunk);
          n += chunk.length;
          if (n >= data.length) break;
        }
      })();
      for (let i = 0; i < data.length; i += 1 << 20) {
        if (!stream.write(data.subarray(i, i + (1 << 20)))) await new Promise((r) => stream.once('drain', r));
      }
      await reading;
      expect(n).toBe(data.length);
      expect(got.digest('hex')).toBe(createHash('sha256').update(data).digest('hex'));
    } finally {
      echo.close();
    }
  });

  test('read backpressure: a paused stream stops Qt reading, the sender is held back; resuming gets every byte', async () => {
    const total = 64 << 20;
    let senderStalled = false;
    const sender = net.createServer((s) => {
      const block = Buffer.alloc(1 << 20, 7);
      let sent = 0;
      const more = (): void => {
        while (sent < total) {
          sent += block.length;
          if (!s.write(block)) {
            senderStalled = true;
            s.once('drain', more);
            return;
          }
        }
        s.end();
      };
      more();
    });
    await new Promise<void>((r) => sender.listen(0, '127.0.0.1', r));
    try {
      const stream = createConnection({ host: '127.0.0.1', port: (sender.address() as net.AddressInfo).port });
      stream.pause();
      await until(() => senderStalled, 10000, 'the sender to stall');
      await sleep(300);
      // Held here: the stream's buffer, the socket's bounded read buffer, the kernel's buffers.
      const held = stream.readableLength + stream.socket.bytesAvailable();
      expect(held).toBeLessThan(4 << 20);
      expect(stream.socket.readBufferSize()).toBe(256 * 1024);
      let n = 0;
      stream.on('data', (d: Buffer) => (n += d.length));
      stream.resume();
      await new Promise((r) => stream.once('end', r));
      expect(n).toBe(total);
    } finally {
      sender.close();
    }
  });

  test('write backpressure: write() returns false while the peer does not read, drain when it does', async () => {
    let peer: net.Socket | undefined;
    let received = 0;
    const sink = net.createServer((s) => {
      peer = s;
      s.pause();
      s.on('data', (d) => (received += d.length));
    });
    await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
    try {
      const stream = createConnection({ host: '127.0.0.1', port: (sink.address() as net.AddressInfo).port });
      await new Promise((r) => stream.once('connect', r));
      await until(() => peer !== undefined, 5000, 'the server side of the connection');
      // Write while the peer does not read: write() turns false whenever Qt holds a high-water
      // mark of unsent bytes; while the kernel still takes them, 'drain' follows at once. Once the
      // kernel's buffers are full (the paused peer), no 'drain' comes: that is the backpressure.
      const block = Buffer.alloc(64 * 1024, 1);
      let written = 0;
      let stalled = false;
      for (let i = 0; i < 4000 && !stalled; i++) {
        written += block.length;
        if (stream.write(block)) continue;
        stalled = !(await Promise.race([
          new Promise((r) => stream.once('drain', () => r(true))),
          sleep(300).then(() => false),
        ]));
      }
      expect(stalled).toBe(true);
      expect(written).toBeGreaterThan(256 * 1024); // the kernel took its share first
      expect(written).toBeLessThan(4000 * 64 * 1024);
      expect(received).toBe(0);
      const drained = new Promise((r) => stream.once('drain', r));
      peer!.resume();
      await drained;
      await until(() => received === written, 10000, 'every byte at the peer');
      stream.end();
      await new Promise((r) => stream.once('finish', r));
    } finally {
      sink.close();
    }
  });

  test('a refused connection fails the stream with ECONNREFUSED', async () => {
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as net.AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const stream = createConnection({ host: '127.0.0.1', port });
    const err = await new Promise<NodeJS.ErrnoException>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no error within 5 s')), 5000);
      stream.once('error', (e) => {
        clearTimeout(timer);
        resolve(e);
      });
    });
    expect(err.code).toBe('ECONNREFUSED');
    expect(err.message).toMatch(/refused/i);
  });

  test("a peer that ends with nothing read: 'end' and 'close' come without a reader, as on Node's net.Socket", async () => {
    const server = net.createServer((c) => c.end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as net.AddressInfo).port;
    // Each stream only listens: no read(), no 'data', no resume().
    const events = (s: NodeJS.EventEmitter): Promise<string[]> =>
      new Promise((resolve, reject) => {
        const seen: string[] = [];
        const timer = setTimeout(() => reject(new Error(`no 'close' within 5 s, saw ${seen.join(',')}`)), 5000);
        s.on('end', () => seen.push('end'));
        s.on('close', () => {
          clearTimeout(timer);
          resolve([...seen, 'close']);
        });
      });
    try {
      const node = await events(net.connect(port, '127.0.0.1'));
      const ours = await events(createConnection({ host: '127.0.0.1', port }));
      expect(node).toEqual(['end', 'close']);
      expect(ours).toEqual(node);
    } finally {
      server.close();
    }
  });

  test('over an accepted QTcpSocket, pipeline to a Node net client', async () => {
    const server = new QTcpServer();
    expect(await server.listen(new QHostAddress('127.0.0.1'), 0)).toBe(true);
    server.newConnection.connect(() => {
      const s = new QTcpSocketStream(server.nextPendingConnection()!);
      void pipeline(s, s).catch(() => undefined);
    });
    // Qt closes a socket whose peer half-closes (no half-open TCP in Qt): the client reads its
    // echo before it ends.
    const msg = 'through a QTcpSocket and back';
    const client = net.connect(server.serverPort(), '127.0.0.1');
    client.write(msg);
    let out = '';
    for await (const d of client) {
      out += d;
      if (out.length >= msg.length) break;
    }
    expect(out).toBe(msg);
    server.close();
  });
});

describe('AbortSignal', () => {
  async function connectedPair(): Promise<{ server: QTcpServer; client: QTcpSocket; peer: QTcpSocket }> {
    const server = new QTcpServer();
    await server.listen(new QHostAddress('127.0.0.1'), 0);
    const client = new QTcpSocket();
    client.connectToHost('127.0.0.1', server.serverPort());
    expect(await client.waitForConnected(5000)).toBe(true);
    const [ok] = await server.waitForNewConnection(5000);
    expect(ok).toBe(true);
    return { server, client, peer: server.nextPendingConnection()! };
  }

  test('waitForReadyRead: abort rejects with an AbortError; the socket is left connected and a later wait sees data', async () => {
    const { server, client, peer } = await connectedPair();
    const ac = new AbortController();
    const waiting = client.waitForReadyRead(10000, { signal: ac.signal });
    setTimeout(() => ac.abort(new Error('enough')), 50);
    const err = await waiting.then(
      () => undefined,
      (e) => e,
    );
    expect(err).toBeInstanceOf(AbortError);
    expect(err).toMatchObject({
      name: 'AbortError',
      code: 'ABORT_ERR',
      message: 'QTcpSocket.waitForReadyRead: the operation was aborted',
    });
    expect(err.cause).toEqual(new Error('enough'));
    // No timeout verdict: no error set, still connected.
    expect(client.state()).toBe(QAbstractSocket.SocketState.ConnectedState);
    expect(client.error()).toBe(QAbstractSocket.SocketError.UnknownSocketError);
    peer.write('after');
    expect(await client.waitForReadyRead(5000)).toBe(true);
    expect(client.readAll().toString()).toBe('after');
    client.abort();
    server.close();
  });

  test('waitForConnected and waitForDisconnected, mid-wait and already aborted', async () => {
    const { server, client } = await connectedPair();
    const ac = new AbortController();
    const d = client.waitForDisconnected(10000, { signal: ac.signal });
    ac.abort();
    await expect(d).rejects.toMatchObject({ name: 'AbortError' });
    expect(client.state()).toBe(QAbstractSocket.SocketState.ConnectedState);
    // Already aborted: rejected even though the answer (connected) is known.
    await expect(client.waitForConnected(1000, { signal: ac.signal })).rejects.toBeInstanceOf(AbortError);
    await expect(client.waitForBytesWritten(1000, { signal: ac.signal })).rejects.toBeInstanceOf(AbortError);
    // A connecting socket stays connecting when its wait is abandoned, and connects.
    const other = new QTcpSocket();
    other.connectToHost('127.0.0.1', server.serverPort());
    await expect(other.waitForConnected(5000, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(AbortError);
    expect(other.state()).not.toBe(QAbstractSocket.SocketState.UnconnectedState);
    expect(await other.waitForConnected(5000)).toBe(true);
    other.abort();
    client.abort();
    server.close();
  });

  test('QTcpServer.waitForNewConnection mid-wait; listen and bind with an aborted signal do nothing', async () => {
    const server = new QTcpServer();
    await expect(
      server.listen(new QHostAddress('127.0.0.1'), 0, { signal: AbortSignal.abort() }),
    ).rejects.toMatchObject({
      message: 'QTcpServer.listen: the operation was aborted',
    });
    expect(server.isListening()).toBe(false);
    expect(await server.listen(new QHostAddress('127.0.0.1'), 0, { signal: new AbortController().signal })).toBe(true);
    const ac = new AbortController();
    const w = server.waitForNewConnection(10000, { signal: ac.signal });
    setTimeout(() => ac.abort(), 20);
    await expect(w).rejects.toBeInstanceOf(AbortError);
    expect(server.isListening()).toBe(true);
    // The abandoned wait is gone: a connection now answers only a new wait.
    const c = new QTcpSocket();
    c.connectToHost('127.0.0.1', server.serverPort());
    expect(await server.waitForNewConnection(5000)).toEqual([true, false]);
    c.abort();
    server.close();

    const sock = new QTcpSocket();
    await expect(
      sock.bind(new QHostAddress('127.0.0.1'), 0, QAbstractSocket.BindFlag.DefaultForPlatform, {
        signal: AbortSignal.abort(),
      }),
    ).rejects.toBeInstanceOf(AbortError);
    expect(sock.state()).toBe(QAbstractSocket.SocketState.UnconnectedState);
    expect(await sock.bind(new QHostAddress('127.0.0.1'), 0, QAbstractSocket.BindFlag.DefaultForPlatform, {})).toBe(
      true,
    );
    expect(sock.state()).toBe(QAbstractSocket.SocketState.BoundState);
    sock.abort();
  });

  test('a bad signal is a TypeError naming the method and argument', () => {
    const sock = new QTcpSocket();
    expect(() => sock.waitForConnected(10, { signal: {} as AbortSignal })).toThrow(
      "QTcpSocket.waitForConnected: argument 'options.signal' must be an AbortSignal, got Object object",
    );
    expect(() => sock.waitForDisconnected(10, 5 as unknown as { signal: AbortSignal })).toThrow(
      /QTcpSocket.waitForDisconnected: argument 'options'/,
    );
    const server = new QTcpServer();
    expect(() => server.waitForNewConnection(10, { signal: 'x' as unknown as AbortSignal })).toThrow(TypeError);
  });
});

describe('dispose', () => {
  test('Symbol.dispose aborts and frees a socket; asyncDispose sends what was written first', async () => {
    const received: Buffer[] = [];
    const sink = net.createServer((s) => s.on('data', (d) => received.push(d)));
    await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
    try {
      const port = (sink.address() as net.AddressInfo).port;
      const a = new QTcpSocket();
      a.connectToHost('127.0.0.1', port);
      expect(await a.waitForConnected(5000)).toBe(true);
      const destroyed = nextEmit(a.destroyed, 5000);
      a[DISPOSE]();
      expect(a.state()).toBe(QAbstractSocket.SocketState.UnconnectedState);
      await destroyed;

      const b = new QTcpSocket();
      b.connectToHost('127.0.0.1', port);
      expect(await b.waitForConnected(5000)).toBe(true);
      const payload = Buffer.alloc(4 << 20, 3);
      b.write(payload);
      await b[ASYNC_DISPOSE]();
      expect(b.state()).toBe(QAbstractSocket.SocketState.UnconnectedState);
      await until(() => Buffer.concat(received).length === payload.length, 10000, 'the written bytes at the peer');
    } finally {
      sink.close();
    }
  });

  test('a server: dispose stops listening and frees it', async () => {
    const server = new QTcpServer();
    await server.listen(new QHostAddress('127.0.0.1'), 0);
    const destroyed = nextEmit(server.destroyed, 5000);
    await server[ASYNC_DISPOSE]();
    expect(server.isListening()).toBe(false);
    await destroyed;
    expect(DISPOSE in server && ASYNC_DISPOSE in new QTcpSocket()).toBe(true);
  });
});
