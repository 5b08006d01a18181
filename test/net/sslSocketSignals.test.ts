// QSslSocket's signals whose answer Qt reads as the emission returns, over real loopback TLS with
// Node's `tls` as the peer: handshakeInterruptedOnError with continueInterruptedHandshake,
// ignoreSslErrors from a peerVerifyError slot. Each runs in both runtimes (scripts/test-runtimes):
// in the thread runtime Qt waits for the JS slots.
import net from 'node:net';
import tls from 'node:tls';
import { QAbstractSocket, QSslConfiguration, QSslError, QSslSocket } from '../../lib';
import { makeCertificates, TestCertificates } from '../certificates';
import { readExactly } from '../helpers';

const { SocketError } = QAbstractSocket;
const { SslError } = QSslError;

// Under AddressSanitizer the addon cannot pin the system's OpenSSL (native/ssl_socket.cc) and Qt
// loses the verification errors: the tests that need them are left out there, as in sslSocket.test.ts.
const underAsan = (process.env.LD_PRELOAD ?? '').includes('libasan');
const verifying = underAsan ? test.skip : test;

let certs: TestCertificates;
beforeAll(() => {
  certs = makeCertificates('sslsignals');
});
afterAll(() => certs.remove());

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function track(s: QSslSocket): QSslSocket {
  cleanups.push(() => s.abort());
  return s;
}

/** Listens on 127.0.0.1 (closed, with its connections, after the test); resolves with the port. */
async function listen(server: net.Server): Promise<number> {
  const sockets = new Set<net.Socket>();
  server.on(server instanceof tls.Server ? 'secureConnection' : 'connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => server.close());
  cleanups.push(() => sockets.forEach((s) => s.destroy()));
  return (server.address() as net.AddressInfo).port;
}

/** A Node TLS echo server. */
function echoServer(options: tls.TlsOptions): Promise<number> {
  const server = tls.createServer(options, (s) => {
    s.on('error', () => undefined);
    s.pipe(s);
  });
  return listen(server);
}

/** Waits for the handshake, true when it ends encrypted (false on an error or a close). */
async function handshakeEnds(s: QSslSocket): Promise<boolean> {
  return s.waitForEncrypted(10000);
}

test('continueInterruptedHandshake checks its arguments', () => {
  const s = new QSslSocket();
  expect(() => (s.continueInterruptedHandshake as (x: unknown) => void)(1)).toThrow(TypeError);
  // Outside a slot, on a socket with no handshake: nothing to continue, as in Qt.
  s.continueInterruptedHandshake();
  s.deleteLater();
});

// ---- handshakeInterruptedOnError / continueInterruptedHandshake ----

/** A client with handshakeMustInterruptOnError to a self-signed Node server; what happened, in order. */
async function interrupted(
  onInterrupted: (s: QSslSocket, e: QSslError) => void,
  onSslErrors: (s: QSslSocket) => void = () => undefined,
) {
  const port = await echoServer({ cert: certs.read(certs.selfSigned.cert), key: certs.read(certs.selfSigned.key) });
  const s = track(new QSslSocket());
  const config = QSslConfiguration.defaultConfiguration();
  config.setHandshakeMustInterruptOnError(true);
  s.setSslConfiguration(config);
  const trace: string[] = [];
  s.handshakeInterruptedOnError.connect((e) => {
    trace.push(`handshakeInterruptedOnError:${e.error()}`);
    onInterrupted(s, e);
  });
  s.peerVerifyError.connect((e) => trace.push(`peerVerifyError:${e.error()}`));
  s.sslErrors.connect((list) => {
    trace.push(`sslErrors:${list.map((e) => e.error()).join(',')}`);
    onSslErrors(s);
  });
  s.encrypted.connect(() => trace.push('encrypted'));
  s.errorOccurred.connect((e) => trace.push(`errorOccurred:${e}`));
  s.connectToHostEncrypted('localhost', port);
  const ok = await handshakeEnds(s);
  return { s, ok, trace };
}

verifying(
  'handshakeInterruptedOnError: continueInterruptedHandshake and ignoreSslErrors in the slot: encrypted',
  async () => {
    const { s, ok, trace } = await interrupted((sock) => {
      sock.continueInterruptedHandshake();
      sock.ignoreSslErrors();
    });
    expect(ok).toBe(true);
    // Reported from the callback: no peerVerifyError; the errors still come as sslErrors.
    expect(trace).toEqual([
      `handshakeInterruptedOnError:${SslError.SelfSignedCertificate}`,
      `sslErrors:${SslError.SelfSignedCertificate}`,
      'encrypted',
    ]);
    s.write('go on');
    expect((await readExactly(s, 5)).toString()).toBe('go on');
  },
);

verifying('handshakeInterruptedOnError: continued in the slot, then ignored in the sslErrors slot', async () => {
  const { ok, trace } = await interrupted(
    (sock) => sock.continueInterruptedHandshake(),
    (sock) => sock.ignoreSslErrors(),
  );
  expect(ok).toBe(true);
  expect(trace[trace.length - 1]).toBe('encrypted');
});

verifying('handshakeInterruptedOnError: continued but never ignored: refused after sslErrors', async () => {
  const { ok, trace } = await interrupted((sock) => sock.continueInterruptedHandshake());
  expect(ok).toBe(false);
  expect(trace).toEqual([
    `handshakeInterruptedOnError:${SslError.SelfSignedCertificate}`,
    `sslErrors:${SslError.SelfSignedCertificate}`,
    `errorOccurred:${SocketError.SslHandshakeFailedError}`,
  ]);
});

verifying('handshakeInterruptedOnError: a slot that does not continue ends the handshake at once', async () => {
  const { s, ok, trace } = await interrupted(() => undefined);
  expect(ok).toBe(false);
  expect(trace).toEqual([
    `handshakeInterruptedOnError:${SslError.SelfSignedCertificate}`,
    `errorOccurred:${SocketError.SslHandshakeFailedError}`,
  ]);
  expect(s.errorString()).toMatch(/^Error during SSL handshake: /);
});

verifying('continueInterruptedHandshake after the slot has returned: too late, as in Qt; no crash', async () => {
  let later: Promise<void> | undefined;
  const { ok, trace } = await interrupted((sock) => {
    later = new Promise<void>((resolve) =>
      setImmediate(() => {
        sock.continueInterruptedHandshake();
        sock.ignoreSslErrors();
        resolve();
      }),
    );
  });
  await later;
  expect(ok).toBe(false);
  expect(trace).toEqual([
    `handshakeInterruptedOnError:${SslError.SelfSignedCertificate}`,
    `errorOccurred:${SocketError.SslHandshakeFailedError}`,
  ]);
});

// ---- peerVerifyError: ignoreSslErrors() in its slot counts for this handshake ----

verifying('ignoreSslErrors() in a peerVerifyError slot (no sslErrors slot): encrypted', async () => {
  const port = await echoServer({ cert: certs.read(certs.selfSigned.cert), key: certs.read(certs.selfSigned.key) });
  const s = track(new QSslSocket());
  const seen: number[] = [];
  s.peerVerifyError.connect((e) => {
    seen.push(e.error());
    s.ignoreSslErrors();
  });
  s.connectToHostEncrypted('localhost', port);
  expect(await handshakeEnds(s)).toBe(true);
  expect(seen).toEqual([SslError.SelfSignedCertificate]);
  expect(s.sslHandshakeErrors().map((e) => e.error())).toEqual([SslError.SelfSignedCertificate]);
});

verifying('ignoreSslErrors(errors) in a peerVerifyError slot: the very error passes, another does not', async () => {
  const port = await echoServer({ cert: certs.read(certs.selfSigned.cert), key: certs.read(certs.selfSigned.key) });
  const same = track(new QSslSocket());
  same.peerVerifyError.connect((e) => same.ignoreSslErrors([e]));
  same.connectToHostEncrypted('localhost', port);
  expect(await handshakeEnds(same)).toBe(true);
  const other = track(new QSslSocket());
  other.peerVerifyError.connect((e) =>
    other.ignoreSslErrors([new QSslError(SslError.HostNameMismatch, e.certificate())]),
  );
  other.connectToHostEncrypted('localhost', port);
  expect(await handshakeEnds(other)).toBe(false);
  expect(other.error()).toBe(SocketError.SslHandshakeFailedError);
});
