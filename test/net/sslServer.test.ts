// QSslServer over real loopback TLS (inside the test run's own network namespace): Node's `tls` and
// our own QSslSocket as clients, a plain TCP client that sends garbage or nothing. Certificates:
// test/certificates.ts, made at test time.
import net from 'node:net';
import tls from 'node:tls';
import {
  QAbstractSocket,
  QHostAddress,
  QSsl,
  QSslCertificate,
  QSslConfiguration,
  QSslError,
  QSslKey,
  QSslServer,
  QSslSocket,
  QTcpServer,
} from '../../lib';
import { makeCertificates, TestCertificates } from '../certificates';
import { liveHandleCount } from '../../lib/core/runtime';
import { expectFreedOnceCollected, nextEmit, readExactly, until } from '../helpers';

const { SocketError } = QAbstractSocket;
const { PeerVerifyMode } = QSslSocket;

// Under AddressSanitizer Qt loses the verification errors (see test/net/sslSocket.test.ts).
const verifying = (process.env.LD_PRELOAD ?? '').includes('libasan') ? test.skip : test;

let certs: TestCertificates;
const cleanups: (() => void)[] = [];
beforeAll(() => (certs = makeCertificates('sslserver')));
afterAll(() => certs.remove());
afterEach(() =>
  cleanups
    .splice(0)
    .reverse()
    .forEach((undo) => undo()),
);

/** The server's configuration: its certificate and key, and (for client certificates) the CA. */
function serverConfig(verifyClients = false): QSslConfiguration {
  const config = QSslConfiguration.defaultConfiguration();
  config.setLocalCertificate(new QSslCertificate(certs.read(certs.server.cert)));
  config.setPrivateKey(new QSslKey(certs.read(certs.server.key), QSsl.KeyAlgorithm.Rsa));
  if (verifyClients) {
    config.setPeerVerifyMode(PeerVerifyMode.VerifyPeer);
    config.setCaCertificates(QSslCertificate.fromData(certs.read(certs.ca.cert)));
  }
  return config;
}

async function listening(config: QSslConfiguration): Promise<[QSslServer, number]> {
  const server = new QSslServer();
  cleanups.push(() => {
    server.close();
    server.deleteLater();
  });
  server.setSslConfiguration(config);
  expect(await server.listen(QHostAddress.SpecialAddress.LocalHost, 0)).toBe(true);
  return [server, server.serverPort()];
}

/** A Node TLS client that trusts the test CA; resolves once its handshake is done. */
function tlsClient(port: number, options: tls.ConnectionOptions = {}): Promise<tls.TLSSocket> {
  return new Promise((resolve, reject) => {
    const c = tls.connect({
      host: '127.0.0.1',
      port,
      servername: 'localhost',
      ca: certs.read(certs.ca.cert),
      ...options,
    });
    cleanups.push(() => c.destroy());
    c.once('secureConnect', () => resolve(c));
    c.once('error', reject);
  });
}

/** A plain TCP client; resolves once connected. */
function plainClient(port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const c = net.connect(port, '127.0.0.1', () => resolve(c));
    cleanups.push(() => c.destroy());
    // Read (and drop) what comes, so that the end is seen.
    c.resume();
    c.once('error', reject);
  });
}

const closed = (s: net.Socket): Promise<void> =>
  new Promise((resolve) => (s.destroyed || s.readyState === 'closed' ? resolve() : s.once('close', () => resolve())));

test('accepts a Node tls client and a QSslSocket, encrypted when queued, and echoes both ways', async () => {
  const [server, port] = await listening(serverConfig());
  const started: QSslSocket[] = [];
  server.startedEncryptionHandshake.connect((s) => started.push(s));
  const queued: boolean[] = [];
  server.pendingConnectionAvailable.connect(() => queued.push(true));

  const node = await tlsClient(port);
  await until(() => server.hasPendingConnections(), 10000, 'the Node client queued');
  const first = server.nextPendingConnection()!;
  expect(first).toBeInstanceOf(QSslSocket);
  expect(first.isEncrypted()).toBe(true);
  expect(first.mode()).toBe(QSslSocket.SslMode.SslServerMode);
  // The socket the handshake signal named is the one handed out.
  expect(started).toHaveLength(1);
  expect(started[0]).toBe(first);
  expect(queued).toHaveLength(1);

  node.write('from node');
  expect((await readExactly(first, 9)).toString()).toBe('from node');
  first.write('to node');
  const back = await new Promise<string>((resolve) => node.once('data', (d: Buffer) => resolve(d.toString())));
  expect(back).toBe('to node');

  const client = new QSslSocket();
  cleanups.push(() => client.abort());
  const trusting = client.sslConfiguration();
  trusting.setCaCertificates(QSslCertificate.fromData(certs.read(certs.ca.cert)));
  client.setSslConfiguration(trusting);
  // As Qt 6.4's: newConnection comes when the connection is accepted, before its handshake;
  // pendingConnectionAvailable once it is queued, encrypted.
  const pendingAtNewConnection: boolean[] = [];
  server.newConnection.connect(() => pendingAtNewConnection.push(server.hasPendingConnections()));
  const available = nextEmit(server.pendingConnectionAvailable);
  client.connectToHostEncrypted('localhost', port);
  expect(await client.waitForEncrypted(10000)).toBe(true);
  await available;
  expect(pendingAtNewConnection).toEqual([false]);
  const second = server.nextPendingConnection()!;
  expect(second.isEncrypted()).toBe(true);
  expect(started[1]).toBe(second);
  expect(second.peerAddress().toString()).toBe('127.0.0.1');
  client.write('from qt');
  expect((await readExactly(second, 7)).toString()).toBe('from qt');
  second.write('to qt');
  expect((await readExactly(client, 5)).toString()).toBe('to qt');
  expect(server.nextPendingConnection()).toBeNull();
  first.abort();
  second.abort();
});

test('a client that does not speak TLS: no connection is queued, the server goes on', async () => {
  const [server, port] = await listening(serverConfig());
  const errors: [QSslSocket, number][] = [];
  server.errorOccurred.connect((s, e) => errors.push([s, e]));
  const garbage = await plainClient(port);
  garbage.write('GET / HTTP/1.0\r\n\r\n');
  // Qt 6.4's QSslServer looks for a ClientHello first: it closes this one without a signal.
  await closed(garbage);
  expect(errors).toHaveLength(0);
  expect(server.hasPendingConnections()).toBe(false);
  // A TLS record header, then garbage: the handshake starts, and fails on the server's side; Qt
  // deletes the socket (it reports the error before startedEncryptionHandshake, as Qt 6.4 does).
  const started: QSslSocket[] = [];
  const deleted: QSslSocket[] = [];
  server.startedEncryptionHandshake.connect((s) => started.push(s));
  server.errorOccurred.connect((s) => s.destroyed.connect(() => deleted.push(s)));
  const broken = await plainClient(port);
  // A ClientHello of one byte.
  broken.write(Buffer.from('160301000501000001ff', 'hex'));
  await until(() => errors.length > 0, 10000, 'errorOccurred');
  await closed(broken);
  expect(started).toHaveLength(1);
  expect(errors[0][0]).toBe(started[0]);
  expect(errors[0][1]).toBe(SocketError.SslHandshakeFailedError);
  await until(() => deleted.length === 1, 10000, 'the socket deleted');
  expect(deleted[0]).toBe(started[0]);
  expect(server.hasPendingConnections()).toBe(false);
  // The server still serves TLS.
  await tlsClient(port);
  await until(() => server.hasPendingConnections(), 10000, 'the TLS client queued');
  server.nextPendingConnection()!.abort();
});

test('a client certificate required: refused without one, accepted with one', async () => {
  const [server, port] = await listening(serverConfig(true));
  const errors: number[] = [];
  server.errorOccurred.connect((_s, e) => errors.push(e));
  // TLS 1.3: the client learns of the refusal after its own handshake ended.
  const refused = await tlsClient(port).catch(() => null);
  if (refused) await closed(refused);
  await until(() => errors.length > 0, 10000, 'errorOccurred');
  expect(errors[0]).toBe(SocketError.SslHandshakeFailedError);
  expect(server.hasPendingConnections()).toBe(false);

  await tlsClient(port, { cert: certs.read(certs.client.cert), key: certs.read(certs.client.key) });
  await until(() => server.hasPendingConnections(), 10000, 'the client with a certificate queued');
  const s = server.nextPendingConnection()!;
  expect(s.peerCertificate().subjectInfo(QSslCertificate.SubjectInfo.CommonName)).toEqual(['qtnetwork test client']);
  s.abort();
});

verifying('sslErrors names the socket and is answered by ignoreSslErrors in the slot', async () => {
  const [server, port] = await listening(serverConfig(true));
  const foreign = { cert: certs.read(certs.selfSigned.cert), key: certs.read(certs.selfSigned.key) };
  // Unanswered, the errors end the handshake.
  const failed = nextEmit(server.errorOccurred);
  const unanswered = nextEmit(server.sslErrors);
  void tlsClient(port, foreign).catch(() => undefined);
  const [refusedSocket] = await unanswered;
  const [failedSocket, error] = await failed;
  expect(failedSocket).toBe(refusedSocket);
  expect(error).toBe(SocketError.SslHandshakeFailedError);
  expect(server.hasPendingConnections()).toBe(false);

  const seen: [QSslSocket, QSslError[]][] = [];
  server.sslErrors.connect((socket, errors) => {
    seen.push([socket, errors]);
    socket.ignoreSslErrors();
  });
  const peerErrors: QSslSocket[] = [];
  server.peerVerifyError.connect((socket) => peerErrors.push(socket));
  // A client certificate the server's CA did not sign.
  await tlsClient(port, foreign);
  await until(() => server.hasPendingConnections(), 10000, 'the client queued despite its certificate');
  const s = server.nextPendingConnection()!;
  expect(seen).toHaveLength(1);
  expect(seen[0][0]).toBe(s);
  expect(seen[0][1].length).toBeGreaterThan(0);
  expect(peerErrors.every((p) => p === s)).toBe(true);
  expect(peerErrors.length).toBeGreaterThan(0);
  s.abort();
});

verifying(
  'handshakeInterruptedOnError names the socket and the error; not continued, the handshake fails',
  async () => {
    const config = serverConfig(true);
    config.setHandshakeMustInterruptOnError(true);
    const [server, port] = await listening(config);
    const started: QSslSocket[] = [];
    server.startedEncryptionHandshake.connect((s) => started.push(s));
    const interrupted = nextEmit(server.handshakeInterruptedOnError);
    const failed = nextEmit(server.errorOccurred);
    void tlsClient(port, { cert: certs.read(certs.selfSigned.cert), key: certs.read(certs.selfSigned.key) }).catch(
      () => undefined,
    );
    const [socket, error] = await interrupted;
    expect(socket).toBe(started[0]);
    expect(error).toBeInstanceOf(QSslError);
    expect(error.error()).not.toBe(QSslError.SslError.NoError);
    // As in PyQt6 (test/parity/ssl_server.test.ts): the slot returned without continuing.
    const [late, why] = await failed;
    expect(late).toBe(socket);
    expect(why).toBe(SocketError.SslHandshakeFailedError);
    expect(server.hasPendingConnections()).toBe(false);
  },
);

verifying(
  "handshakeInterruptedOnError: continueInterruptedHandshake() and ignoreSslErrors() in the server's slot, the connection queued",
  async () => {
    const config = serverConfig(true);
    config.setHandshakeMustInterruptOnError(true);
    const [server, port] = await listening(config);
    const errors: number[] = [];
    server.handshakeInterruptedOnError.connect((socket, error) => {
      errors.push(error.error());
      socket.continueInterruptedHandshake();
      socket.ignoreSslErrors();
    });
    const queued = nextEmit(server.pendingConnectionAvailable);
    const client = await tlsClient(port, {
      cert: certs.read(certs.selfSigned.cert),
      key: certs.read(certs.selfSigned.key),
    });
    await queued;
    expect(errors.length).toBeGreaterThan(0);
    const socket = server.nextPendingConnection()!;
    expect(socket.isEncrypted()).toBe(true);
    client.write('over tls');
    expect((await readExactly(socket, 8)).toString()).toBe('over tls');
  },
);

test("preSharedKeyAuthenticationRequired: the server's slot sets the key, a Node PSK client connects", async () => {
  const key = Buffer.from('0123456789abcdef0123456789abcdef', 'hex');
  const config = QSslConfiguration.defaultConfiguration();
  config.setCiphers('PSK-AES128-CBC-SHA256');
  config.setPeerVerifyMode(PeerVerifyMode.VerifyNone);
  config.setPreSharedKeyIdentityHint(Buffer.from('server-hint'));
  const [server, port] = await listening(config);
  const identities: string[] = [];
  server.preSharedKeyAuthenticationRequired.connect((_socket, authenticator) => {
    identities.push(authenticator.identity().toString());
    authenticator.setPreSharedKey(key);
  });
  const queued = nextEmit(server.pendingConnectionAvailable);
  let hint: string | null = null;
  const client = await tlsClient(port, {
    ciphers: 'PSK-AES128-CBC-SHA256',
    maxVersion: 'TLSv1.2',
    checkServerIdentity: () => undefined,
    pskCallback: (h) => {
      hint = h;
      return { identity: 'node-client', psk: key };
    },
  });
  await queued;
  expect([identities, hint]).toEqual([['node-client'], 'server-hint']);
  const socket = server.nextPendingConnection()!;
  socket.write('psk');
  const got = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no data within 10 s')), 10000);
    client.once('data', (d: Buffer) => {
      clearTimeout(timer);
      resolve(d.toString());
    });
  });
  expect(got).toBe('psk');
});

test('a client that sends nothing: errorOccurred(SocketTimeoutError) after the handshake timeout', async () => {
  const server = new QSslServer();
  cleanups.push(() => server.close());
  expect(server.handshakeTimeout()).toBe(5000);
  server.setHandshakeTimeout(300);
  expect(server.handshakeTimeout()).toBe(300);
  server.setSslConfiguration(serverConfig());
  expect(await server.listen(QHostAddress.SpecialAddress.LocalHost, 0)).toBe(true);
  const destroyed: QSslSocket[] = [];
  const timedOut = nextEmit(server.errorOccurred);
  // Connected in the slot: Qt deletes the socket right after (deleteLater).
  server.errorOccurred.connect((socket) => socket.destroyed.connect(() => destroyed.push(socket)));
  const silent = await plainClient(server.serverPort());
  const [, error] = await timedOut;
  expect(error).toBe(SocketError.SocketTimeoutError);
  await closed(silent);
  await until(() => destroyed.length === 1, 10000, 'the socket deleted');
  expect(server.hasPendingConnections()).toBe(false);
});

test('close() with connections pending deletes them; the clients see the end', async () => {
  const [server, port] = await listening(serverConfig());
  let queued = 0;
  server.pendingConnectionAvailable.connect(() => queued++);
  const a = await tlsClient(port);
  const b = await tlsClient(port);
  await until(() => queued === 2, 10000, 'both queued');
  server.close();
  expect(server.isListening()).toBe(false);
  expect(server.hasPendingConnections()).toBe(false);
  expect(server.nextPendingConnection()).toBeNull();
  await Promise.all([closed(a), closed(b)]);
});

test("a subclass's incomingConnection that calls Qt's: the connection is handshaken and queued", async () => {
  const seen: number[] = [];
  class Counting extends QSslServer {
    protected override incomingConnection(socketDescriptor: number): void {
      seen.push(socketDescriptor);
      super.incomingConnection(socketDescriptor);
    }
  }
  const server = new Counting();
  cleanups.push(() => server.close());
  server.setSslConfiguration(serverConfig());
  expect(await server.listen(QHostAddress.SpecialAddress.LocalHost, 0)).toBe(true);
  const started: QSslSocket[] = [];
  server.startedEncryptionHandshake.connect((s) => started.push(s));
  const node = await tlsClient(server.serverPort());
  await until(() => server.hasPendingConnections(), 10000, 'queued');
  expect(seen).toHaveLength(1);
  const s = server.nextPendingConnection()!;
  expect(s).toBe(started[0]);
  expect(s.isEncrypted()).toBe(true);
  node.write('sub');
  expect((await readExactly(s, 3)).toString()).toBe('sub');
  s.abort();
});

test('bad arguments: TypeError naming the argument', () => {
  const server = new QSslServer();
  cleanups.push(() => server.deleteLater());
  expect(server).toBeInstanceOf(QTcpServer);
  expect(() => server.setSslConfiguration({} as QSslConfiguration)).toThrow(
    /QSslServer\.setSslConfiguration.*'sslConfiguration'/,
  );
  expect(() => server.setHandshakeTimeout('1' as unknown as number)).toThrow(
    /QSslServer\.setHandshakeTimeout.*'timeout'/,
  );
  expect(() => server.setHandshakeTimeout(1.5)).toThrow(TypeError);
  expect(() => (server.setSslConfiguration as (...a: unknown[]) => void)()).toThrow(TypeError);
  expect(() => new QSslServer({} as unknown as null)).toThrow(/QSslServer: argument 'parent'/);
  // The configuration set is the one read back.
  const config = serverConfig(true);
  server.setSslConfiguration(config);
  expect(server.sslConfiguration().peerVerifyMode()).toBe(PeerVerifyMode.VerifyPeer);
  expect(server.sslConfiguration().localCertificate().equals(config.localCertificate())).toBe(true);
});

test('handshakes in progress when the server goes: their sockets go with it, and everything is freed once collected', async () => {
  await expectFreedOnceCollected(liveHandleCount, async () => {
    const server = new QSslServer();
    server.setSslConfiguration(serverConfig());
    expect(await server.listen(QHostAddress.SpecialAddress.LocalHost, 0)).toBe(true);
    const started: QSslSocket[] = [];
    server.startedEncryptionHandshake.connect((s) => started.push(s));
    // A record header that promises more than comes: the handshake waits for the rest.
    const partial = await plainClient(server.serverPort());
    partial.write(Buffer.from('1603010200010001fc0303', 'hex'));
    const silent = await plainClient(server.serverPort());
    await until(() => started.length === 1, 10000, 'the handshake started');
    const deleted: QSslSocket[] = [];
    started[0].destroyed.connect(() => deleted.push(started[0]));
    server.close();
    server.deleteLater();
    await Promise.all([closed(partial), closed(silent)]);
    await until(() => deleted.length === 1, 10000, 'the socket deleted with its server');
    expect(started[0].state()).toBe(QAbstractSocket.SocketState.UnconnectedState);
  });
});

test('a socket whose handshake timed out, dropped unseen, is freed once collected', async () => {
  const [server, port] = await listening(serverConfig());
  server.setHandshakeTimeout(100);
  await expectFreedOnceCollected(liveHandleCount, async () => {
    const timedOut = nextEmit(server.errorOccurred);
    await plainClient(port);
    const [, error] = await timedOut;
    expect(error).toBe(SocketError.SocketTimeoutError);
  });
});
