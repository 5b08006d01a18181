// HTTPS through QNetworkAccessManager against origins of the test's own (Node https and http2 on
// loopback, in this process, with certificates from test/certificates.ts): the CA trusted through
// the request's configuration, refused certificates (self-signed, wrong name, expired) and their
// sslErrors on the manager and the reply, answered in either's slot or before; through HTTP CONNECT
// proxies (tinyproxy, squid) and SOCKS5 (dante); HTTP/2 by ALPN; connectToHostEncrypted.
import https from 'node:https';
import http2 from 'node:http2';
import type { AddressInfo } from 'node:net';
import {
  fetch,
  QNetworkAccessManager,
  QNetworkProxy,
  QNetworkReply,
  QNetworkRequest,
  QSslCertificate,
  QSsl,
  QSslConfiguration,
  QSslError,
  QSslSocket,
} from '../../lib';
import { makeCertificates, type CertAndKey, type TestCertificates } from '../certificates';
import { startDante, startSquid, startTinyproxy, stopAllProxies, type ProxyServer } from '../proxies';
import { nextEmit, until } from '../helpers';

const { NetworkError } = QNetworkReply;
const Attr = QNetworkRequest.Attribute;
const { SslError } = QSslError;

// Under AddressSanitizer the addon cannot pin the system's OpenSSL (native/ssl_socket.cc), and Qt
// loses the verification errors: the tests that need them are left out there (and only there).
const underAsan = (process.env.LD_PRELOAD ?? '').includes('libasan');
const verifying = underAsan ? test.skip : test;

let certs: TestCertificates;
let ca: QSslCertificate;
const servers: { close(): void }[] = [];
// Each origin's port, and how many requests it served.
const port: Record<string, number> = {};
const served: Record<string, number> = {};
let tlsConnections = 0; // the trusted origin's handshakes

async function origin(name: string, pair: CertAndKey): Promise<void> {
  served[name] = 0;
  const server = https.createServer({ cert: certs.read(pair.cert), key: certs.read(pair.key) }, (req, res) => {
    served[name]++;
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end(`${name} ${req.method} ${req.url} ${req.httpVersion}`);
  });
  server.on('tlsClientError', () => undefined);
  if (name === 'trusted') server.on('secureConnection', () => tlsConnections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push({ close: () => server.close() });
  port[name] = (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  certs = makeCertificates('https');
  ca = new QSslCertificate(certs.read(certs.ca.cert));
  await origin('trusted', certs.server);
  await origin('selfSigned', certs.selfSigned);
  await origin('otherName', certs.otherName);
  await origin('expired', certs.expired);
  // HTTP/2 by ALPN, and HTTP/1.1 for a client that does not offer h2.
  const h2 = http2.createSecureServer(
    { cert: certs.read(certs.server.cert), key: certs.read(certs.server.key), allowHTTP1: true },
    (req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`h2 ${req.httpVersion}`);
    },
  );
  h2.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => h2.listen(0, '127.0.0.1', resolve));
  servers.push({ close: () => h2.close() });
  port.h2 = (h2.address() as AddressInfo).port;
});

afterAll(async () => {
  for (const s of servers) s.close();
  await stopAllProxies();
  certs.remove();
});

const managers: QNetworkAccessManager[] = [];
afterEach(() => {
  while (managers.length) managers.pop()!.deleteLater();
});

function manager(): QNetworkAccessManager {
  const m = new QNetworkAccessManager();
  m.setProxy(new QNetworkProxy(QNetworkProxy.ProxyType.NoProxy));
  managers.push(m);
  return m;
}

/** A request for `name`'s origin at localhost; `trust`: the test CA in its TLS configuration. */
function request(name: string, trust = true, path = '/hello'): QNetworkRequest {
  const r = new QNetworkRequest(`https://localhost:${port[name]}${path}`);
  if (trust) {
    const c = QSslConfiguration.defaultConfiguration();
    c.setCaCertificates([ca]);
    r.setSslConfiguration(c);
  }
  return r;
}

interface Outcome {
  trace: string[];
  error: number;
  body: string;
  errors: number[]; // the sslErrors' codes, as the reply's slot got them
}

/** Records the manager's and the reply's TLS signals in the order they ran, until finished. */
async function outcome(m: QNetworkAccessManager, reply: QNetworkReply): Promise<Outcome> {
  const trace: string[] = [];
  const errors: number[] = [];
  const mine = (r: QNetworkReply): boolean => r === reply;
  m.encrypted.connect((r) => mine(r) && trace.push('manager.encrypted'));
  m.sslErrors.connect((r) => mine(r) && trace.push('manager.sslErrors'));
  reply.encrypted.connect(() => trace.push('encrypted'));
  reply.sslErrors.connect((list) => {
    trace.push('sslErrors');
    errors.push(...list.map((e) => e.error()));
  });
  reply.metaDataChanged.connect(() => trace.push('metaDataChanged'));
  reply.errorOccurred.connect(() => trace.push('errorOccurred'));
  if (!reply.isFinished()) await nextEmit(reply.finished);
  trace.push('finished');
  return { trace, error: reply.error(), body: reply.readAll().toString(), errors };
}

test('a CA trusted through the request: encrypted (manager first) before the response, the peer in sslConfiguration()', async () => {
  const m = manager();
  const reply = m.get(request('trusted'));
  let peer = '';
  reply.encrypted.connect(() => {
    peer = reply.sslConfiguration().peerCertificate().subjectInfo(QSslCertificate.SubjectInfo.CommonName)[0];
  });
  const o = await outcome(m, reply);
  expect(o.error).toBe(NetworkError.NoError);
  expect(o.body).toBe('trusted GET /hello 1.1');
  expect(o.trace).toEqual(['manager.encrypted', 'encrypted', 'metaDataChanged', 'finished']);
  expect(peer).toBe('localhost');
  const conf = reply.sslConfiguration();
  expect(conf.peerCertificate().subjectInfo(QSslCertificate.SubjectInfo.CommonName)).toEqual(['localhost']);
  expect(conf.sessionCipher().isNull()).toBe(false);
  // The request's configuration is the one Qt used: the test CA is in the reply's.
  expect(conf.caCertificates().some((c) => c.equals(ca))).toBe(true);
});

verifying('without the CA: a self-signed origin is refused, sslErrors on the manager then the reply', async () => {
  const m = manager();
  const reply = m.get(request('selfSigned', false));
  const o = await outcome(m, reply);
  expect(o.error).toBe(NetworkError.SslHandshakeFailedError);
  expect(o.trace).toEqual(['manager.sslErrors', 'sslErrors', 'errorOccurred', 'finished']);
  expect(o.errors).toContain(SslError.SelfSignedCertificate);
  expect(o.body).toBe('');
  expect(served.selfSigned).toBe(0);
});

verifying('ignoreSslErrors() in the reply slot: the request goes on', async () => {
  const m = manager();
  const reply = m.get(request('selfSigned', false));
  let peer: string[] = [];
  reply.sslErrors.connect(() => {
    // Read while Qt waits inside the emission (the thread runtime must not hold the call back).
    peer = reply.sslConfiguration().peerCertificate().subjectInfo(QSslCertificate.SubjectInfo.CommonName);
    reply.ignoreSslErrors();
  });
  const o = await outcome(m, reply);
  expect(peer).toEqual(['localhost']);
  expect(o.error).toBe(NetworkError.NoError);
  expect(o.body).toBe('selfSigned GET /hello 1.1');
  expect(o.trace).toEqual([
    'manager.sslErrors',
    'sslErrors',
    'manager.encrypted',
    'encrypted',
    'metaDataChanged',
    'finished',
  ]);
});

verifying("ignoreSslErrors() in the manager's slot: the request goes on", async () => {
  const m = manager();
  m.sslErrors.connect((r, errors) => {
    expect(errors.map((e) => e.error())).toContain(SslError.SelfSignedCertificate);
    r.ignoreSslErrors();
  });
  const reply = m.get(request('selfSigned', false));
  const o = await outcome(m, reply);
  expect(o.error).toBe(NetworkError.NoError);
  expect(o.body).toBe('selfSigned GET /hello 1.1');
});

verifying('ignoreSslErrors(list): the errors given ignores them, another list does not', async () => {
  const m = manager();
  const exact = m.get(request('selfSigned', false));
  exact.sslErrors.connect((errors) => exact.ignoreSslErrors(errors));
  expect((await outcome(m, exact)).error).toBe(NetworkError.NoError);

  // Another manager: the first's connection, its errors ignored, would serve it without a handshake.
  const m2 = manager();
  const wrong = m2.get(request('selfSigned', false));
  wrong.sslErrors.connect(() => wrong.ignoreSslErrors([new QSslError(SslError.CertificateExpired)]));
  expect((await outcome(m2, wrong)).error).toBe(NetworkError.SslHandshakeFailedError);
});

verifying('ignoreSslErrors before the handshake: sslErrors still runs, and the request goes on', async () => {
  const m = manager();
  const all = m.get(request('selfSigned', false));
  all.ignoreSslErrors();
  const o = await outcome(m, all);
  expect(o.error).toBe(NetworkError.NoError);
  expect(o.trace.slice(0, 2)).toEqual(['manager.sslErrors', 'sslErrors']);

  // The list as Qt will report it: the self-signed certificate, with its error.
  const cert = new QSslCertificate(certs.read(certs.selfSigned.cert));
  const listed = m.get(request('selfSigned', false));
  listed.ignoreSslErrors([new QSslError(SslError.SelfSignedCertificate, cert)]);
  expect((await outcome(m, listed)).error).toBe(NetworkError.NoError);
});

verifying('a certificate for another name: HostNameMismatch, unless the request verifies that name', async () => {
  const m = manager();
  const o = await outcome(m, m.get(request('otherName')));
  expect(o.error).toBe(NetworkError.SslHandshakeFailedError);
  expect(o.errors).toEqual([SslError.HostNameMismatch]);

  const named = request('otherName');
  named.setPeerVerifyName('other.example');
  expect(named.peerVerifyName()).toBe('other.example');
  const ok = await outcome(m, m.get(named));
  expect(ok.error).toBe(NetworkError.NoError);
  expect(ok.body).toBe('otherName GET /hello 1.1');
});

verifying('an expired certificate: CertificateExpired', async () => {
  const m = manager();
  const o = await outcome(m, m.get(request('expired')));
  expect(o.error).toBe(NetworkError.SslHandshakeFailedError);
  expect(o.errors).toContain(SslError.CertificateExpired);
});

verifying(
  'the manager deleted in the sslErrors slot: it goes once the emission is over, and its reply with it',
  async () => {
    const m = new QNetworkAccessManager();
    m.setProxy(new QNetworkProxy(QNetworkProxy.ProxyType.NoProxy));
    const reply = m.get(request('selfSigned', false));
    const gone = nextEmit(reply.destroyed);
    reply.sslErrors.connect(() => {
      reply.ignoreSslErrors();
      m.deleteLater();
    });
    await gone;
    // Another request on another manager still runs: Qt did not lose its footing.
    const n = manager();
    expect((await outcome(n, n.get(request('trusted')))).error).toBe(NetworkError.NoError);
  },
);

describe('through proxies', () => {
  const cases: [string, () => Promise<ProxyServer>, QNetworkProxy.ProxyType][] = [
    ['tinyproxy (HTTP CONNECT)', () => startTinyproxy(), QNetworkProxy.ProxyType.HttpProxy],
    [
      'squid (HTTP CONNECT, Basic)',
      () => startSquid('basic', { user: 'ann', password: 'pw' }),
      QNetworkProxy.ProxyType.HttpProxy,
    ],
    ['dante (SOCKS5)', () => startDante(), QNetworkProxy.ProxyType.Socks5Proxy],
  ];
  test.each(cases)('%s: the origin verified end to end', async (_name, start, type) => {
    const proxy = await start();
    try {
      const m = manager();
      m.setProxy(new QNetworkProxy(type, proxy.host, proxy.port, proxy.user ?? '', proxy.password ?? ''));
      const o = await outcome(m, m.get(request('trusted')));
      expect(o.error).toBe(NetworkError.NoError);
      expect(o.body).toBe('trusted GET /hello 1.1');
      expect(o.trace.slice(0, 2)).toEqual(['manager.encrypted', 'encrypted']);
      await until(() => proxy.targets().length > 0, 5000, 'the proxy logged the target');
      expect(proxy.targets()).toContain(`localhost:${port.trusted}`);
    } finally {
      await proxy.stop();
    }
  });

  verifying(
    'tinyproxy: a self-signed origin is still refused through the tunnel, and ignored in the slot',
    async () => {
      const proxy = await startTinyproxy();
      try {
        const m = manager();
        m.setProxy(new QNetworkProxy(QNetworkProxy.ProxyType.HttpProxy, proxy.host, proxy.port));
        const refused = await outcome(m, m.get(request('selfSigned', false)));
        expect(refused.error).toBe(NetworkError.SslHandshakeFailedError);
        expect(refused.errors).toContain(SslError.SelfSignedCertificate);
        const reply = m.get(request('selfSigned', false));
        reply.sslErrors.connect(() => reply.ignoreSslErrors());
        expect((await outcome(m, reply)).body).toBe('selfSigned GET /hello 1.1');
      } finally {
        await proxy.stop();
      }
    },
  );
});

test('HTTP/2 by ALPN: Http2WasUsedAttribute true; with Http2AllowedAttribute false, HTTP/1.1', async () => {
  const m = manager();
  const h2 = request('h2');
  h2.setAttribute(Attr.Http2AllowedAttribute, true);
  const reply = m.get(h2);
  const o = await outcome(m, reply);
  expect(o.error).toBe(NetworkError.NoError);
  expect(o.body).toBe('h2 2.0');
  expect(reply.attribute(Attr.Http2WasUsedAttribute)).toBe(true);
  expect(reply.sslConfiguration().nextNegotiatedProtocol().toString()).toBe('h2');

  const h1 = request('h2');
  h1.setAttribute(Attr.Http2AllowedAttribute, false);
  const r1 = m.get(h1);
  const o1 = await outcome(m, r1);
  expect(o1.body).toBe('h2 1.1');
  expect(r1.attribute(Attr.Http2WasUsedAttribute)).toBe(false);
});

// Qt keys its connections by whether HTTP/2 is allowed: connectToHostEncrypted allows it only if the
// configuration offers h2 by ALPN (the default one does not), a request by Http2AllowedAttribute
// (on by default).
test('connectToHostEncrypted: the request that follows reuses the connection', async () => {
  const m = manager();
  const conf = QSslConfiguration.defaultConfiguration();
  conf.setCaCertificates([ca]);
  const before = tlsConnections;
  m.connectToHostEncrypted('localhost', port.trusted, conf);
  await until(() => tlsConnections === before + 1, 10000, 'the handshake of connectToHostEncrypted');
  const r = request('trusted');
  r.setAttribute(Attr.Http2AllowedAttribute, false);
  const o = await outcome(m, m.get(r));
  expect(o.body).toBe('trusted GET /hello 1.1');
  expect(tlsConnections).toBe(before + 1);
});

describe('fetch() over https (init.ca, init.rejectUnauthorized)', () => {
  const failure = (p: Promise<Response>): Promise<unknown> =>
    p.then(
      () => 'resolved',
      (e: TypeError) => [e.message, (e.cause as { code?: string }).code],
    );

  test('the CA given as PEM, as a QSslCertificate: verified', async () => {
    const pem = certs.read(certs.ca.cert).toString();
    for (const given of [pem, [ca]]) {
      const res = await fetch(`https://localhost:${port.trusted}/pem`, { ca: given });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('trusted GET /pem 1.1');
    }
    await expect(fetch(`https://localhost:${port.trusted}/`, { ca: 'not a certificate' })).rejects.toThrow(TypeError);
  });

  verifying(
    'without the CA refused; rejectUnauthorized: false goes on, and a verified request after it is still refused',
    async () => {
      const url = `https://localhost:${port.selfSigned}/fetch`;
      expect(await failure(fetch(url))).toEqual(['fetch failed', 'SslHandshakeFailedError']);
      const res = await fetch(url, { rejectUnauthorized: false });
      expect(await res.text()).toBe('selfSigned GET /fetch 1.1');
      expect(await failure(fetch(url))).toEqual(['fetch failed', 'SslHandshakeFailedError']);
      // The wrong CA: refused too.
      expect(await failure(fetch(`https://localhost:${port.otherName}/`, { ca: [ca] }))).toEqual([
        'fetch failed',
        'SslHandshakeFailedError',
      ]);
    },
  );
});

test("TLS-PSK: the identity and key set in the slots (the manager's first), the request goes on", async () => {
  const key = Buffer.from('a shared secret of the test', 'latin1');
  const identities: string[] = [];
  const psk = https.createServer(
    {
      ciphers: 'PSK-AES128-CBC-SHA256',
      maxVersion: 'TLSv1.2',
      pskIdentityHint: 'qtn-hint',
      pskCallback: (_socket, identity) => {
        identities.push(identity);
        return identity === 'qtn-client' ? key : null;
      },
    },
    (req, res) => res.end(`psk ${req.url}`),
  );
  psk.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => psk.listen(0, '127.0.0.1', resolve));
  servers.push({ close: () => psk.close() });
  const m = manager();
  const r = new QNetworkRequest(`https://127.0.0.1:${(psk.address() as AddressInfo).port}/psk`);
  const c = QSslConfiguration.defaultConfiguration();
  c.setCiphers('PSK-AES128-CBC-SHA256');
  c.setProtocol(QSsl.SslProtocol.TlsV1_2);
  c.setPeerVerifyMode(QSslSocket.PeerVerifyMode.VerifyNone); // no certificate to verify
  r.setSslConfiguration(c);
  const trace: string[] = [];
  m.preSharedKeyAuthenticationRequired.connect((reply, a) => {
    trace.push(`manager(${a.identityHint().toString()})`);
    a.setIdentity('qtn-client');
  });
  const reply = m.get(r);
  reply.preSharedKeyAuthenticationRequired.connect((a) => {
    trace.push(`reply(${a.identity().toString()})`);
    a.setPreSharedKey(key);
  });
  const o = await outcome(m, reply);
  expect(o.error).toBe(NetworkError.NoError);
  expect(o.body).toBe('psk /psk');
  expect(trace).toEqual(['manager(qtn-hint)', 'reply(qtn-client)']);
  expect(identities).toEqual(['qtn-client']);
});

test('argument checks', () => {
  const m = manager();
  const r = new QNetworkRequest();
  expect(() => r.setSslConfiguration({} as QSslConfiguration)).toThrow(TypeError);
  expect(() => r.setPeerVerifyName(1 as unknown as string)).toThrow(TypeError);
  expect(r.peerVerifyName()).toBe('');
  expect(r.sslConfiguration().isNull()).toBe(false);
  expect(() => m.connectToHostEncrypted('localhost', 443, {} as QSslConfiguration)).toThrow(TypeError);
  const reply = m.get(new QNetworkRequest('https://127.0.0.1:1/'));
  expect(() => reply.ignoreSslErrors([1 as unknown as QSslError])).toThrow(TypeError);
  expect(() => reply.setSslConfiguration(null as unknown as QSslConfiguration)).toThrow(TypeError);
  reply.abort();
});
