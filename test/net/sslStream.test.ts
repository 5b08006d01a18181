// The Duplex view of a QSslSocket and createSecureConnection, against Node's tls servers on
// loopback (certificates: test/certificates.ts). Node's own tls client, run against the same
// servers, is the independent check of what a Node-shaped member or error code should say.
import { createHash } from 'node:crypto';
import net from 'node:net';
import tls from 'node:tls';
import { pipeline } from 'node:stream/promises';
import {
  QAbstractSocket,
  QHostAddress,
  QSslSocket,
  QSslSocketStream,
  QTcpServer,
  createSecureConnection,
} from '../../lib';
import type { CertificateError } from '../../lib';
import { makeCertificates, TestCertificates } from '../certificates';
import { sleep, until } from '../helpers';

// As in sslSocket.test.ts: under AddressSanitizer Qt loses the verification errors, so a test that
// needs them, or ignores them (rejectUnauthorized: false ignores what Qt found), is skipped there.
const underAsan = (process.env.LD_PRELOAD ?? '').includes('libasan');
const verifying = underAsan ? test.skip : test;

let certs: TestCertificates;
beforeAll(() => {
  certs = makeCertificates('sslstream');
});
afterAll(() => certs.remove());

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

interface Server {
  port: number;
  /** The server's side of each TLS connection, once its handshake is done. */
  secured: tls.TLSSocket[];
}

/** A Node TLS server on 127.0.0.1 running `onSecure` for each connection. */
async function tlsServer(
  pair: { cert: string; key: string },
  onSecure: (s: tls.TLSSocket) => void = (s) => s.pipe(s),
  extra: tls.TlsOptions = {},
): Promise<Server> {
  const secured: tls.TLSSocket[] = [];
  const server = tls.createServer({ cert: certs.read(pair.cert), key: certs.read(pair.key), ...extra }, (s) => {
    s.on('error', () => undefined);
    secured.push(s);
    onSecure(s);
  });
  server.on('tlsClientError', () => undefined);
  return { port: await listen(server), secured };
}

async function listen(server: net.Server): Promise<number> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => {
    server.close();
    sockets.forEach((s) => s.destroy());
  });
  return (server.address() as net.AddressInfo).port;
}

function track<T extends { destroy(): unknown }>(s: T): T {
  cleanups.push(() => s.destroy());
  return s;
}

/** Resolves on `ok`, rejects on 'error' or after `ms`. */
function event<T = unknown>(stream: NodeJS.EventEmitter, ok: string, ms = 10000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no '${ok}' within ${ms} ms`)), ms);
    stream.once(ok, (v: T) => {
      clearTimeout(timer);
      resolve(v);
    });
    stream.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/** What Node's own tls client finds against the same server: its error, or the connected socket. */
async function nodeClient(options: tls.ConnectionOptions): Promise<tls.TLSSocket | NodeJS.ErrnoException> {
  const s = track(tls.connect({ host: '127.0.0.1', ...options }));
  return event<void>(s, 'secureConnect').then(
    () => s,
    (e: NodeJS.ErrnoException) => e,
  );
}

const ours = (options: Parameters<typeof createSecureConnection>[0]): QSslSocketStream =>
  track(createSecureConnection({ host: '127.0.0.1', ...options }));

verifying(
  'trusted through ca: connect, then secureConnect; authorized; the peer certificate as Node shows it',
  async () => {
    const server = await tlsServer(certs.server);
    const ca = certs.read(certs.ca.cert);
    const order: string[] = [];
    const s = ours({ port: server.port, servername: 'localhost', ca });
    expect(s.encrypted).toBe(true);
    expect(s.alpnProtocol).toBeNull();
    expect(s.getProtocol()).toBeNull();
    s.on('connect', () => order.push('connect'));
    await event(s, 'secureConnect');
    order.push('secureConnect');
    expect(order).toEqual(['connect', 'secureConnect']);
    expect(s.authorized).toBe(true);
    expect(s.authorizationError).toBeNull();
    expect(s.alpnProtocol).toBe(false);
    const node = (await nodeClient({ port: server.port, servername: 'localhost', ca })) as tls.TLSSocket;
    expect(node.authorized).toBe(true);
    const want = node.getPeerCertificate();
    const got = s.getPeerCertificate();
    for (const k of [
      'subject',
      'issuer',
      'subjectaltname',
      'ca',
      'bits',
      'pubkey',
      'valid_from',
      'valid_to',
      'fingerprint',
      'fingerprint256',
      'fingerprint512',
      'serialNumber',
      'raw',
    ] as const)
      expect([k, got[k]]).toEqual([k, want[k]]);
    expect(s.getProtocol()).toBe(node.getProtocol());
    // The cipher the server's side of our connection negotiated.
    const mine = (): tls.TLSSocket | undefined => server.secured.find((t) => t.remotePort === s.localPort);
    await until(() => mine() !== undefined, 5000, 'our connection at the server');
    expect(s.getCipher()?.name).toBe(mine()!.getCipher().name);
    // detailed: the chain Node's server sent (the leaf only); its issuer is not in it.
    const detailed = s.getPeerCertificate(true);
    expect(detailed.raw).toEqual(want.raw);
    expect(s.getCertificate()).toEqual({});
    expect(s.remotePort).toBe(server.port);
  },
);

verifying('pipeline: 16 MiB up and back through a TLS echo server, in order; backpressure both ways', async () => {
  const server = await tlsServer(certs.server);
  const s = ours({ port: server.port, rejectUnauthorized: false });
  await event(s, 'secureConnect');
  const data = Buffer.alloc(16 << 20);
  for (let i = 0; i < data.length; i += 4) data.writeUInt32LE((i * 2654435761) >>> 0, i);
  const got = createHash('sha256');
  let n = 0;
  let refused = 0;
  const reading = (async () => {
    for await (const chunk of s) {
      got.update(chunk);
      n += chunk.length;
      if (n >= data.length) break;
    }
  })();
  for (let i = 0; i < data.length; i += 1 << 20) {
    if (!s.write(data.subarray(i, i + (1 << 20)))) {
      refused++;
      await new Promise((r) => s.once('drain', r));
    }
  }
  await reading;
  expect(refused).toBeGreaterThan(0);
  expect(n).toBe(data.length);
  expect(got.digest('hex')).toBe(createHash('sha256').update(data).digest('hex'));
});

verifying(
  "write backpressure: a peer that does not read holds the writer back (Qt's encrypted bytes count); resumed, it gets every byte",
  async () => {
    let peer: tls.TLSSocket | undefined;
    const server = await tlsServer(certs.server, (p) => {
      p.pause();
      peer = p;
    });
    const s = ours({ port: server.port, rejectUnauthorized: false });
    await event(s, 'secureConnect');
    const chunk = Buffer.alloc(64 << 10, 7);
    const offered = 256 << 20;
    // Write while write() says there is room, for 2 s at most: what the view took by then.
    let written = 0;
    const end = Date.now() + 2000;
    while (written < offered && Date.now() < end) {
      written += chunk.length;
      if (!s.write(chunk)) {
        const drained = await Promise.race([
          new Promise((r) => s.once('drain', () => r(true))),
          new Promise((r) => setTimeout(() => r(false), Math.max(0, end - Date.now()))),
        ]);
        if (!drained) break;
      }
    }
    // A TCP view holds about its high-water mark plus the kernel's buffers; without the encrypted
    // bytes counted, all 256 MiB went into Qt's buffer at once.
    expect(written).toBeLessThan(64 << 20);
    let got = 0;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the peer got ${got} of ${written} within 20 s`)), 20000);
      peer!.on('data', (d: Buffer) => {
        got += d.length;
        if (got >= written) {
          clearTimeout(timer);
          resolve();
        }
      });
      peer!.resume();
    });
    expect(got).toBe(written);
  },
);

verifying('read backpressure: a paused view stops Qt reading; resuming gets every byte', async () => {
  const total = 32 << 20;
  let sent = 0;
  let lastProgress = Date.now();
  const server = await tlsServer(certs.server, (sock) => {
    const block = Buffer.alloc(1 << 20, 5);
    const more = (): void => {
      while (sent < total) {
        sent += block.length;
        lastProgress = Date.now();
        if (!sock.write(block)) {
          sock.once('drain', more);
          return;
        }
      }
      sock.end();
    };
    more();
  });
  const s = ours({ port: server.port, rejectUnauthorized: false });
  s.pause();
  await event(s, 'secureConnect');
  await until(() => sent > 0 && Date.now() - lastProgress > 500, 20000, 'the sender to stall');
  expect(sent).toBeLessThan(total);
  const held = s.readableLength + s.socket.bytesAvailable() + s.socket.encryptedBytesAvailable();
  expect(held).toBeLessThan(4 << 20);
  let n = 0;
  s.on('data', (d: Buffer) => (n += d.length));
  s.resume();
  await event(s, 'end', 30000);
  expect(n).toBe(total);
});

verifying('the peer ends: what it wrote, then end and close (no half-open, as the TCP view)', async () => {
  const server = await tlsServer(certs.server, (sock) => sock.end('goodbye'));
  const s = ours({ port: server.port, rejectUnauthorized: false });
  let text = '';
  s.setEncoding('utf8');
  s.on('data', (d: string) => (text += d));
  await event(s, 'end');
  expect(text).toBe('goodbye');
  await event(s, 'close');
  expect(s.socket.state()).toBe(QAbstractSocket.SocketState.UnconnectedState);
});

verifying(
  'end(): what was written reaches the peer, which sees the end; finish, then close; end() before the handshake waits for it',
  async () => {
    const received: string[] = [];
    let ends = 0;
    const server = await tlsServer(certs.server, (sock) => {
      let text = '';
      sock.setEncoding('utf8');
      sock.on('data', (d: string) => (text += d));
      sock.on('end', () => {
        received.push(text);
        ends++;
      });
    });
    const s = ours({ port: server.port, rejectUnauthorized: false });
    let closed = false;
    s.on('close', () => (closed = true));
    s.resume(); // the end is read, as for the TCP view, for the stream to close
    s.write('first ');
    s.end('and last');
    await event(s, 'finish');
    await until(() => closed && ends === 1, 10000, 'close, and the end at the server');
    expect(received).toEqual(['first and last']);
    // Nothing written: Qt would cut the handshake; the view ends after it, as Node's tls does.
    const quiet = ours({ port: server.port, rejectUnauthorized: false });
    const secured = jest.fn();
    quiet.on('secureConnect', secured);
    quiet.end();
    await until(() => ends === 2, 10000, 'the second end at the server');
    expect(secured).toHaveBeenCalledTimes(1);
    expect(received).toEqual(['first and last', '']);
  },
);

test('destroy() during the handshake: no secureConnect, no error; close; the server sees the connection go', async () => {
  let accepted: net.Socket | undefined;
  let gone = false;
  // A server that takes the ClientHello and never answers: the handshake stays open.
  const silent = net.createServer((sock) => {
    accepted = sock;
    sock.on('error', () => undefined);
    sock.resume(); // read (the ClientHello), so that the end is seen
    sock.on('close', () => (gone = true));
  });
  const port = await listen(silent);
  const s = ours({ port });
  const seen: string[] = [];
  s.on('secureConnect', () => seen.push('secureConnect'));
  s.on('error', (e) => seen.push(`error ${e.message}`));
  await event(s, 'connect');
  await until(() => accepted !== undefined, 5000, 'the server to accept');
  s.destroy();
  await event(s, 'close');
  await until(() => gone, 5000, 'the server side to close');
  await sleep(100);
  expect(seen).toEqual([]);
  expect(s.socket.state()).toBe(QAbstractSocket.SocketState.UnconnectedState);
  expect(s.socket.isEncrypted()).toBe(false);
});

/** Our error and Node's against the same server and options. */
async function bothRefuse(
  pair: { cert: string; key: string },
  options: { ca?: Buffer; servername?: string },
): Promise<[CertificateError, NodeJS.ErrnoException]> {
  const server = await tlsServer(pair);
  const s = ours({ port: server.port, ...options });
  const secured = jest.fn();
  s.on('secureConnect', secured);
  const err = await event(s, 'secureConnect').then(
    () => {
      throw new Error('our handshake succeeded');
    },
    (e: CertificateError) => e,
  );
  expect(secured).not.toHaveBeenCalled();
  const node = await nodeClient({ port: server.port, ...options });
  expect(node).not.toBeInstanceOf(tls.TLSSocket);
  return [err, node as NodeJS.ErrnoException];
}

verifying("a self-signed certificate: 'error' with Node's code, Qt's message and errors", async () => {
  const [err, node] = await bothRefuse(certs.selfSigned, { servername: 'localhost' });
  expect(node.code).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
  expect(err.code).toBe(node.code);
  expect(err.message).toBe('The certificate is self-signed, and untrusted (QSslError.SslError.SelfSignedCertificate)');
  expect(err.qtError).toBe(QAbstractSocket.SocketError.SslHandshakeFailedError);
  expect(err.sslErrors.map((e) => e.errorString())).toEqual(['The certificate is self-signed, and untrusted']);
});

verifying('an unknown issuer, an expired certificate, another name: the codes Node gives', async () => {
  const ca = certs.read(certs.ca.cert);
  const cases: [{ cert: string; key: string }, { ca?: Buffer; servername?: string }][] = [
    [certs.server, { servername: 'localhost' }],
    [certs.expired, { ca, servername: 'localhost' }],
    [certs.otherName, { ca, servername: 'localhost' }],
  ];
  for (const [pair, options] of cases) {
    const [err, node] = await bothRefuse(pair, options);
    expect([pair.cert, err.code]).toEqual([pair.cert, node.code]);
  }
});

verifying('rejectUnauthorized false: encrypted; authorized false and authorizationError as Node has them', async () => {
  const server = await tlsServer(certs.selfSigned);
  const s = ours({ port: server.port, servername: 'localhost', rejectUnauthorized: false });
  await event(s, 'secureConnect');
  const node = (await nodeClient({
    port: server.port,
    servername: 'localhost',
    rejectUnauthorized: false,
  })) as tls.TLSSocket;
  expect([s.authorized, s.authorizationError]).toEqual([node.authorized, node.authorizationError]);
  s.write('still works');
  const [d] = (await new Promise((r) => s.once('data', (...a) => r(a)))) as [Buffer];
  expect(d.toString()).toBe('still works');
});

verifying('a client certificate and key from PEM: the server that asks for one verifies it', async () => {
  const ca = certs.read(certs.ca.cert);
  // What the server found, said before it closes (a closed TLSSocket has no certificate to ask).
  const verdict = (sock: tls.TLSSocket): string =>
    sock.authorized ? `client ok: ${sock.getPeerCertificate().subject.CN}` : `refused: ${sock.authorizationError}`;
  const server = await tlsServer(certs.server, (sock) => sock.end(verdict(sock)), {
    requestCert: true,
    rejectUnauthorized: true,
    ca,
  });
  const s = ours({
    port: server.port,
    servername: 'localhost',
    ca,
    cert: certs.read(certs.client.cert),
    key: certs.read(certs.client.key).toString(),
  });
  let text = '';
  s.on('data', (d: Buffer) => (text += d));
  await event(s, 'end');
  expect(text).toBe('client ok: qtnetwork test client');
  expect(s.getCertificate()).toMatchObject({ subject: { CN: 'qtnetwork test client' } });
  // An encrypted key with its passphrase (to a server that asks for no certificate).
  const plain = await tlsServer(certs.server);
  const s2 = ours({
    port: plain.port,
    rejectUnauthorized: false,
    servername: 'localhost',
    ca,
    cert: certs.read(certs.server.cert),
    key: certs.read(certs.encryptedServerKey),
    passphrase: certs.passphrase,
  });
  await event(s2, 'secureConnect');
  expect(s2.getCertificate()).toMatchObject({ subject: { CN: 'localhost' } });
  expect(() =>
    createSecureConnection({
      port: server.port,
      cert: certs.read(certs.server.cert),
      key: certs.read(certs.encryptedServerKey),
      passphrase: 'wrong',
    }),
  ).toThrow(/options\.key/);
});

verifying('ALPNProtocols: the protocol the server picks, as the server saw it', async () => {
  const server = await tlsServer(certs.server, (sock) => sock.end(), { ALPNProtocols: ['h2', 'http/1.1'] });
  const s = ours({ port: server.port, rejectUnauthorized: false, ALPNProtocols: ['x-none', 'http/1.1'] });
  await event(s, 'secureConnect');
  expect(s.alpnProtocol).toBe('http/1.1');
  await until(() => server.secured.length === 1, 5000, 'the server side');
  expect(server.secured[0].alpnProtocol).toBe('http/1.1');
});

test('a view of a QSslSocket one has: secureConnect when it is encrypted; pipeline through it', async () => {
  const server = await tlsServer(certs.server);
  const socket = new QSslSocket();
  socket.setPeerVerifyMode(QSslSocket.PeerVerifyMode.VerifyNone);
  socket.connectToHostEncrypted('127.0.0.1', server.port);
  const s = track(new QSslSocketStream(socket));
  await event(s, 'secureConnect');
  expect(s.socket).toBe(socket);
  const out: Buffer[] = [];
  s.on('data', (d: Buffer) => out.push(d));
  await pipeline(
    (async function* () {
      yield 'one ';
      yield 'two';
    })(),
    s,
    { end: false },
  );
  await until(() => Buffer.concat(out).toString() === 'one two', 5000, 'the echo');
  // VerifyNone: Qt verified nothing, so not authorized (Node's tls always verifies).
  expect([s.authorized, s.authorizationError]).toEqual([false, 'QT_SSL_VerifyNone']);
  // Wrapping one already encrypted: no secureConnect to wait for, the verdict is there.
  const again = new QSslSocketStream(socket);
  expect([again.alpnProtocol, again.authorizationError]).toEqual([false, 'QT_SSL_VerifyNone']);
});

test("the server's side: a QSslSocket that a QTcpServer took, 'secure' once encrypted, a Node tls client", async () => {
  const views: QSslSocketStream[] = [];
  class Server extends QTcpServer {
    protected incomingConnection(fd: number): void {
      const socket = new QSslSocket();
      socket.setSocketDescriptor(fd);
      socket.setLocalCertificate(certs.server.cert);
      socket.setPrivateKey(certs.server.key);
      const view = track(new QSslSocketStream(socket));
      view.on('secure', () => void pipeline(view, view).catch(() => undefined));
      views.push(view);
      socket.startServerEncryption();
    }
  }
  const server = new Server();
  expect(await server.listen(new QHostAddress('127.0.0.1'), 0)).toBe(true);
  cleanups.push(() => server.close());
  const client = await nodeClient({
    port: server.serverPort(),
    servername: 'localhost',
    ca: certs.read(certs.ca.cert),
  });
  expect(client).toBeInstanceOf(tls.TLSSocket);
  const secure = client as tls.TLSSocket;
  const echoed = new Promise<string>((resolve) => secure.once('data', (d: Buffer) => resolve(d.toString())));
  secure.write('served by Qt');
  expect(await echoed).toBe('served by Qt');
  expect(views).toHaveLength(1);
  expect(views[0].getCertificate()).toMatchObject({ subject: { CN: 'localhost' } });
  expect(views[0].getPeerCertificate()).toEqual({});
  // No client certificate asked for: not authorized, no error (Node's server without requestCert).
  expect([views[0].authorized, views[0].authorizationError]).toEqual([false, null]);
});

test('timeout: an idle handshake emits timeout; the stream stays open', async () => {
  const silent = net.createServer((sock) => sock.on('error', () => undefined));
  const port = await listen(silent);
  const s = ours({ port, timeout: 200 });
  await event(s, 'timeout');
  expect(s.destroyed).toBe(false);
});

test('not TLS at the other end, or nobody: errors with codes', async () => {
  const plain = net.createServer((sock) => {
    sock.on('error', () => undefined);
    sock.once('data', () => sock.end('HTTP/1.1 400 Bad Request\r\n\r\n'));
  });
  const port = await listen(plain);
  const err = await event(ours({ port }), 'secureConnect').catch((e: NodeJS.ErrnoException) => e);
  expect(err).toMatchObject({ code: 'QT_SslHandshakeFailedError', message: /^Error during SSL handshake: / });
  const closed = net.createServer();
  const free = await listen(closed);
  closed.close();
  const refused = await event(ours({ port: free }), 'secureConnect').catch((e: NodeJS.ErrnoException) => e);
  expect(refused).toMatchObject({ code: 'ECONNREFUSED' });
});

test('bad options: TypeErrors naming the option; tls options Qt cannot honour are refused', () => {
  const bad: [Record<string, unknown>, RegExp][] = [
    [{ port: 1, ca: 5 }, /createSecureConnection: argument 'options\.ca'/],
    [{ port: 1, ca: 'not a pem' }, /argument 'options\.ca' item 0 holds no PEM certificate/],
    [{ port: 1, cert: 'x' }, /options 'cert' and 'key' go together/],
    [{ port: 1, key: {}, cert: 'x' }, /argument 'options\.key'/],
    [{ port: 1, servername: 1 }, /argument 'options\.servername'/],
    [{ port: 1, rejectUnauthorized: 'no' }, /argument 'options\.rejectUnauthorized'/],
    [{ port: 1, ALPNProtocols: 'h2' }, /argument 'options\.ALPNProtocols'/],
    [{ port: 1, pfx: Buffer.alloc(1) }, /option 'pfx' is not supported/],
    [{ port: 1, checkServerIdentity: () => undefined }, /option 'checkServerIdentity' is not supported/],
    [{ port: 'x' }, /argument 'options\.port'/],
  ];
  for (const [options, message] of bad) {
    expect(() => createSecureConnection(options as never)).toThrow(TypeError);
    expect(() => createSecureConnection(options as never)).toThrow(message);
  }
  expect(() => createSecureConnection({ port: 70000 })).toThrow(RangeError);
  expect(() => new QSslSocketStream({} as QSslSocket)).toThrow(
    /QSslSocketStream: argument 'socket' must be a QSslSocket/,
  );
});
