// QSslSocket through real proxies (dante, with and without a user and password, tinyproxy,
// microsocks) to a Node TLS echo server under the test CA: the handshake runs through the tunnel,
// the certificate that comes back is the server's, bytes echo, and the proxy saw the host name.
import tls from 'node:tls';
import { QAuthenticator, QNetworkProxy, QSslCertificate, QSslSocket } from '../../lib';
import { makeCertificates, TestCertificates } from '../certificates';
import { readExactly } from '../helpers';
import {
  DANTE_PASSWORD,
  DANTE_USER,
  ProxyServer,
  startDante,
  startMicrosocks,
  startTinyproxy,
  stopAllProxies,
} from '../proxies';

const { Socks5Proxy, HttpProxy } = QNetworkProxy.ProxyType;
const SECRET = 'tls-proxy-secret';

let certs: TestCertificates;
let server: tls.Server;
let port = 0;
// The SNI names the server saw, one per handshake.
const serverNames: (string | false)[] = [];
const proxies: Record<string, ProxyServer> = {};

jest.setTimeout(60000);

beforeAll(async () => {
  certs = makeCertificates('sslproxy');
  server = tls.createServer({ cert: certs.read(certs.server.cert), key: certs.read(certs.server.key) }, (s) => {
    serverNames.push((s as tls.TLSSocket & { servername?: string | false }).servername ?? false);
    s.on('error', () => undefined);
    s.pipe(s);
  });
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
  const [dante, danteAuth, tinyproxy, tinyproxyAuth, microsocks] = await Promise.all([
    startDante(),
    startDante({ auth: true }),
    startTinyproxy(),
    startTinyproxy({ user: 'tuser', password: SECRET }),
    startMicrosocks({ user: 'muser', password: SECRET }),
  ]);
  Object.assign(proxies, { dante, danteAuth, tinyproxy, tinyproxyAuth, microsocks });
});

afterAll(async () => {
  await stopAllProxies();
  await new Promise((resolve) => server.close(resolve));
  certs.remove();
});

/** A socket that trusts the test CA (alone), through `proxy`. */
function socketThrough(proxy: QNetworkProxy): QSslSocket {
  const s = new QSslSocket();
  const config = s.sslConfiguration();
  config.setCaCertificates(QSslCertificate.fromPath(certs.ca.cert));
  s.setSslConfiguration(config);
  s.setProxy(proxy);
  return s;
}

/** Encrypts through the socket's proxy to the echo server by name; checks what came back. */
async function encryptedEcho(s: QSslSocket, proxy: ProxyServer): Promise<void> {
  const errors: number[] = [];
  s.sslErrors.connect((list) => errors.push(...list.map((e) => e.error())));
  const handshakes = serverNames.length;
  s.connectToHostEncrypted('localhost', port);
  try {
    expect(await s.waitForEncrypted(15000)).toBe(true);
    expect(errors).toEqual([]);
    expect(s.isEncrypted()).toBe(true);
    expect(s.peerName()).toBe('localhost');
    expect(s.peerCertificate().equals(QSslCertificate.fromPath(certs.server.cert)[0])).toBe(true);
    expect(s.peerCertificate().subjectInfo('CN')).toEqual(['localhost']);
    expect(s.peerCertificate().issuerInfo('CN')).toEqual(['qtnetwork test CA']);
    const payload = Buffer.from(`through ${proxy.kind}, encrypted`);
    expect(s.write(payload)).toBe(payload.length);
    expect((await readExactly(s, payload.length, 10000)).toString()).toBe(payload.toString());
    // Through the tunnel: the proxy was asked for the name, and the server saw it by SNI.
    expect(proxy.targets()).toContain(`localhost:${port}`);
    expect(serverNames.slice(handshakes)).toEqual(['localhost']);
  } finally {
    s.abort();
  }
}

test('SOCKS5 (dante), no authentication', async () => {
  await encryptedEcho(socketThrough(new QNetworkProxy(Socks5Proxy, '127.0.0.1', proxies.dante.port)), proxies.dante);
});

test('SOCKS5 (dante) with a user and password on the proxy', async () => {
  const proxy = new QNetworkProxy(Socks5Proxy, '127.0.0.1', proxies.danteAuth.port, DANTE_USER, DANTE_PASSWORD);
  await encryptedEcho(socketThrough(proxy), proxies.danteAuth);
});

test('SOCKS5 (dante) with a wrong password, put right in proxyAuthenticationRequired', async () => {
  const s = socketThrough(new QNetworkProxy(Socks5Proxy, '127.0.0.1', proxies.danteAuth.port, DANTE_USER, 'wrong'));
  let asked = 0;
  s.proxyAuthenticationRequired.connect((_proxy: QNetworkProxy, auth: QAuthenticator) => {
    asked++;
    auth.setUser(DANTE_USER);
    auth.setPassword(DANTE_PASSWORD);
  });
  await encryptedEcho(s, proxies.danteAuth);
  expect(asked).toBe(1);
});

test('SOCKS5 (dante) with a wrong password and no slot: no handshake, a proxy error', async () => {
  const s = socketThrough(new QNetworkProxy(Socks5Proxy, '127.0.0.1', proxies.danteAuth.port, DANTE_USER, 'wrong'));
  const handshakes = serverNames.length;
  s.connectToHostEncrypted('localhost', port);
  try {
    expect(await s.waitForEncrypted(15000)).toBe(false);
    expect(s.isEncrypted()).toBe(false);
    expect(s.error()).toBe(QSslSocket.SocketError.ProxyAuthenticationRequiredError);
    expect(serverNames.length).toBe(handshakes);
  } finally {
    s.abort();
  }
});

test('SOCKS5 (microsocks) with a user and password', async () => {
  const proxy = new QNetworkProxy(Socks5Proxy, '127.0.0.1', proxies.microsocks.port, 'muser', SECRET);
  await encryptedEcho(socketThrough(proxy), proxies.microsocks);
});

test('HTTP CONNECT (tinyproxy), no authentication', async () => {
  const proxy = new QNetworkProxy(HttpProxy, '127.0.0.1', proxies.tinyproxy.port);
  await encryptedEcho(socketThrough(proxy), proxies.tinyproxy);
});

test('HTTP CONNECT (tinyproxy) with Basic credentials', async () => {
  const proxy = new QNetworkProxy(HttpProxy, '127.0.0.1', proxies.tinyproxyAuth.port, 'tuser', SECRET);
  await encryptedEcho(socketThrough(proxy), proxies.tinyproxyAuth);
});
