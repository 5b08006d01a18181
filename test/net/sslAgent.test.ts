// QtHttpsAgent({ tls: 'qt' }): Node's https client over QSslSockets that Qt connects (directly or
// through real proxies: dante, tinyproxy) and verifies, against a Node https origin with
// certificates made at test time. Node's own https.Agent against the same origin is the check of
// what an error's code should be.
import { createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { QNetworkProxy, QSslSocketStream, QtHttpsAgent } from '../../lib';
import type { CertificateError } from '../../lib';
import { makeCertificates, TestCertificates } from '../certificates';
import { addNonLoopbackAddress, NON_LOOPBACK, until } from '../helpers';
import { ProxyServer, startDante, startTinyproxy, stopAllProxies } from '../proxies';

const underAsan = (process.env.LD_PRELOAD ?? '').includes('libasan');
const verifying = underAsan ? test.skip : test;

const BIG = 64 << 20;

let certs: TestCertificates;
let dante: ProxyServer;
let tinyproxy: ProxyServer;
let origin: https.Server;
let port = 0;
let handshakes = 0;
/** The big body's progress at the origin: bytes written, and when it last wrote. */
const big = { sent: 0, last: 0 };

beforeAll(async () => {
  addNonLoopbackAddress();
  certs = makeCertificates('sslagent');
  [dante, tinyproxy] = await Promise.all([startDante(), startTinyproxy()]);
  // On an address proxies relay to (not loopback); its certificate names localhost.
  origin = https.createServer(
    { cert: certs.read(certs.server.cert), key: certs.read(certs.server.key) },
    (req, res) => {
      if (req.url !== '/big') {
        res.end(`secure ${req.url}`);
        return;
      }
      res.setHeader('content-length', BIG);
      const block = Buffer.alloc(1 << 20);
      for (let i = 0; i < block.length; i += 4) block.writeUInt32LE(i, i);
      const more = (): void => {
        while (big.sent < BIG) {
          big.sent += block.length;
          big.last = Date.now();
          if (!res.write(block)) {
            res.once('drain', more);
            return;
          }
        }
        res.end();
      };
      more();
    },
  );
  origin.on('secureConnection', () => handshakes++);
  origin.on('tlsClientError', () => undefined);
  await new Promise<void>((r) => origin.listen(0, NON_LOOPBACK, r));
  port = (origin.address() as net.AddressInfo).port;
});

afterAll(async () => {
  origin.closeAllConnections();
  await new Promise((r) => origin.close(r));
  await stopAllProxies();
  certs.remove();
});

function get(agent: https.Agent, path: string): Promise<{ status: number; body: string; socket: unknown }> {
  return new Promise((resolve, reject) => {
    const req = https.get({ host: NON_LOOPBACK, port, path, agent, timeout: 20000 }, (res) => {
      // Taken now: a keep-alive agent takes the socket back once the response ends.
      const socket = res.socket;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, socket }));
    });
    req.on('timeout', () => req.destroy(new Error('https request timed out')));
    req.on('error', reject);
  });
}

const trusting = (extra: ConstructorParameters<typeof QtHttpsAgent>[0] = {}): QtHttpsAgent =>
  new QtHttpsAgent({ tls: 'qt', ca: certs.read(certs.ca.cert), servername: 'localhost', ...extra });

verifying('direct: verified by Qt, keep-alive reuses the one TLS connection', async () => {
  const agent = trusting({ keepAlive: true, maxSockets: 1 });
  const before = handshakes;
  const a = await get(agent, '/one');
  const b = await get(agent, '/two');
  expect([a.status, a.body, b.body]).toEqual([200, 'secure /one', 'secure /two']);
  expect(a.socket).toBeInstanceOf(QSslSocketStream);
  expect(b.socket).toBe(a.socket);
  expect((a.socket as QSslSocketStream).authorized).toBe(true);
  expect(handshakes).toBe(before + 1);
  agent.destroy();
});

verifying('through SOCKS5 (dante) and HTTP CONNECT (tinyproxy): the proxies relayed, Qt verified', async () => {
  const target = `${NON_LOOPBACK}:${port}`;
  for (const [proxy, server] of [
    [new QNetworkProxy(QNetworkProxy.ProxyType.Socks5Proxy, dante.host, dante.port), dante],
    [new QNetworkProxy(QNetworkProxy.ProxyType.HttpProxy, tinyproxy.host, tinyproxy.port), tinyproxy],
  ] as const) {
    const before = server.targets().filter((t) => t === target).length;
    const agent = trusting({ proxy });
    const r = await get(agent, `/via-${server.kind}`);
    expect(r.body).toBe(`secure /via-${server.kind}`);
    expect((r.socket as QSslSocketStream).authorized).toBe(true);
    agent.destroy();
    await until(() => server.targets().filter((t) => t === target).length === before + 1, 5000, `${server.kind} log`);
  }
});

verifying("a certificate Qt refuses: the request fails with the code Node's own agent gives", async () => {
  const node = await get(new https.Agent({ servername: 'localhost' }), '/x').catch((e: NodeJS.ErrnoException) => e);
  expect(node).toHaveProperty('code');
  const strict = new QtHttpsAgent({ tls: 'qt', servername: 'localhost' });
  const err = (await get(strict, '/x').catch((e: CertificateError) => e)) as CertificateError;
  expect(err.code).toBe((node as NodeJS.ErrnoException).code);
  expect(err.sslErrors.length).toBeGreaterThan(0);
  strict.destroy();
  // rejectUnauthorized false: through, and the socket says why it is not authorized.
  const lax = new QtHttpsAgent({ tls: 'qt', servername: 'localhost', rejectUnauthorized: false });
  const r = await get(lax, '/lax');
  expect(r.body).toBe('secure /lax');
  expect((r.socket as QSslSocketStream).authorizationError).toBe((node as NodeJS.ErrnoException).code);
  lax.destroy();
});

test('64 MiB body: a paused response holds the origin back (bounded buffers); resumed, every byte in order', async () => {
  const agent = trusting({ rejectUnauthorized: false });
  big.sent = 0;
  const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
    const req = https.get({ host: NON_LOOPBACK, port, path: '/big', agent }, resolve);
    req.on('error', reject);
  });
  res.pause();
  await until(() => big.sent > 0 && Date.now() - big.last > 500, 30000, 'the origin to stall');
  expect(big.sent).toBeLessThan(BIG);
  const stream = res.socket as unknown as QSslSocketStream;
  const held =
    res.readableLength +
    stream.readableLength +
    stream.socket.bytesAvailable() +
    stream.socket.encryptedBytesAvailable();
  expect(held).toBeLessThan(8 << 20);
  const hash = createHash('sha256');
  let n = 0;
  res.on('data', (d: Buffer) => {
    hash.update(d);
    n += d.length;
  });
  res.resume();
  await new Promise((r) => res.once('end', r));
  expect(n).toBe(BIG);
  const block = Buffer.alloc(1 << 20);
  for (let i = 0; i < block.length; i += 4) block.writeUInt32LE(i, i);
  const want = createHash('sha256');
  for (let i = 0; i < BIG; i += block.length) want.update(block);
  expect(hash.digest('hex')).toBe(want.digest('hex'));
  agent.destroy();
});

test("bad options: TypeErrors naming the option; tls options Qt's path cannot honour", () => {
  expect(() => new QtHttpsAgent({ tls: 'openssl' as 'qt' })).toThrow(/QtHttpsAgent: argument 'options\.tls'/);
  expect(() => new QtHttpsAgent({ tls: 'qt', pfx: Buffer.alloc(1) })).toThrow(/option 'pfx' is not supported/);
  expect(() => new QtHttpsAgent({ tls: 'qt', ca: 5 as unknown as string })).toThrow(/argument 'options\.ca'/);
  // The default (Node's TLS) takes them, as https.Agent does.
  expect(new QtHttpsAgent({ pfx: Buffer.alloc(1) }).tls).toBe('node');
  const agent = new QtHttpsAgent({ tls: 'qt' });
  expect(() => https.get({ host: NON_LOOPBACK, port, agent, checkServerIdentity: () => undefined })).toThrow(
    /option 'checkServerIdentity' is not supported/,
  );
  agent.destroy();
});
