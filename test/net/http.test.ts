// QNetworkAccessManager against an origin of the test's own (Node http on a loopback port, in this
// process): a body in chunks the origin sends one at a time as the reply reports the last, read
// synchronously in readyRead; the request and reply APIs; argument errors; lifetime of replies and
// managers deleted or collected mid-transfer; autoDeleteReplies; a set proxy used as it is.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { inspect } from 'node:util';
import { gunzipSync, inflateSync } from 'node:zlib';
import {
  QAuthenticator,
  QByteArray,
  QNetworkAccessManager,
  QNetworkProxy,
  QNetworkReply,
  QNetworkRequest,
  QUrl,
} from '../../lib';
import { liveHandleCount } from '../../lib/core/runtime';
import { collectGarbage, expectFreedOnceCollected, fixtureServerForBlock, nextEmit, until } from '../helpers';

const Attr = QNetworkRequest.Attribute;
const H = QNetworkRequest.KnownHeaders;

let server: http.Server;
let base = '';
// /chunks: the response waits here for the test to send each chunk.
let chunked: http.ServerResponse | undefined;
const pending = new Set<http.ServerResponse>();
let authTries = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const body: Buffer[] = [];
    req.on('data', (d: Buffer) => body.push(d));
    req.on('end', () => {
      if (req.url === '/chunks') {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.flushHeaders();
        chunked = res;
      } else if (req.url === '/basic') {
        // Basic auth as user "ann", password "s3cret"; the origin counts the attempts.
        authTries++;
        if (req.headers.authorization === `Basic ${Buffer.from('ann:s3cret').toString('base64')}`) {
          res.writeHead(200, { 'Content-Type': 'text/plain' });
          res.end('welcome');
        } else {
          res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="vault"', 'Content-Type': 'text/plain' });
          res.end('denied');
        }
      } else if (req.url === '/hang') {
        pending.add(res);
      } else if (req.url === '/partial') {
        res.writeHead(200, { 'Content-Length': 1000 });
        res.write('some');
        pending.add(res);
      } else {
        res.writeHead(200, { 'Content-Type': 'text/plain', 'X-Method': req.method });
        res.end(Buffer.concat(body));
      }
    });
  });
  server.keepAliveTimeout = 100;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of pending) res.destroy();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

function echo(): QNetworkRequest {
  const req = new QNetworkRequest(`${base}/echo`);
  req.setHeader(H.ContentTypeHeader, 'text/plain'); // else Qt warns on each POST
  return req;
}

function direct(): QNetworkAccessManager {
  const nam = new QNetworkAccessManager();
  nam.setProxy(new QNetworkProxy(QNetworkProxy.ProxyType.NoProxy));
  return nam;
}

test('a body in three chunks: readyRead for each, readAll synchronous, bytesAvailable as Qt counts', async () => {
  const nam = direct();
  chunked = undefined;
  const reply = nam.get(new QNetworkRequest(`${base}/chunks`));
  const parts = ['one,', 'two,', 'three'];
  const got: string[] = [];
  await until(() => chunked !== undefined, 5000, 'the request at the origin');
  chunked!.write(parts[0]);
  reply.readyRead.connect(() => {
    const n = reply.bytesAvailable();
    const data = reply.readAll();
    expect(data.length).toBe(n);
    expect(reply.bytesAvailable()).toBe(0);
    got.push(data.toString());
    // The next chunk goes only once this one has arrived: one readyRead per chunk.
    const next = parts[got.length];
    if (next === undefined) return;
    if (got.length === parts.length - 1) chunked!.end(next);
    else chunked!.write(next);
  });
  await nextEmit(reply.finished);
  expect(got).toEqual(parts);
  expect(reply.error()).toBe(QNetworkReply.NetworkError.NoError);
  expect(reply.attribute(Attr.HttpStatusCodeAttribute)).toBe(200);
  expect(reply.attribute(Attr.HttpReasonPhraseAttribute)).toBe('OK'); // a QString in Qt 6, str in PyQt6
  expect(reply.header(H.ContentTypeHeader)).toBe('text/plain');
  expect(reply.isFinished()).toBe(true);
  expect(reply.isRunning()).toBe(false);
});

test('bodies as a Buffer, a string and a QByteArray; the manager finished(reply) before the reply', async () => {
  const nam = direct();
  const order: string[] = [];
  nam.finished.connect((r) => order.push(`manager:${r.rawHeader('X-Method').toString()}`));
  const req = new QNetworkRequest(new QUrl(`${base}/echo`));
  req.setHeader(H.ContentTypeHeader, 'application/octet-stream');
  const replies = [
    nam.post(req, Buffer.from([0, 1, 2, 255])),
    nam.put(req, 'héllo'),
    nam.sendCustomRequest(req, 'PATCH', new QByteArray('qba')),
  ];
  const bodies = await Promise.all(
    replies.map(async (r) => {
      r.finished.connect(() => order.push(`reply:${r.rawHeader('X-Method').toString()}`));
      await nextEmit(r.finished);
      return r.readAll();
    }),
  );
  expect(bodies).toEqual([Buffer.from([0, 1, 2, 255]), Buffer.from('héllo'), Buffer.from('qba')]);
  for (const m of ['POST', 'PUT', 'PATCH']) expect(order.indexOf(`manager:${m}`)).toBe(order.indexOf(`reply:${m}`) - 1);
  expect(replies.map((r) => r.operation())).toEqual([
    QNetworkAccessManager.Operation.PostOperation,
    QNetworkAccessManager.Operation.PutOperation,
    QNetworkAccessManager.Operation.CustomOperation,
  ]);
  expect(replies[2].request().attribute(Attr.CustomVerbAttribute)).toEqual(Buffer.from('PATCH'));
});

test('QNetworkRequest: url, headers, attributes, settings, equality, copies', () => {
  const r = new QNetworkRequest('http://example.com/a');
  expect(r.url().toString()).toBe('http://example.com/a');
  r.setUrl(new QUrl('http://example.com/b'));
  expect(r.url().equals(new QUrl('http://example.com/b'))).toBe(true);
  r.setRawHeader('X-One', '1');
  expect(r.hasRawHeader('x-one')).toBe(true);
  expect(r.rawHeader('X-ONE')).toEqual(Buffer.from('1'));
  r.setHeader(H.ContentLengthHeader, 42);
  expect(r.header(H.ContentLengthHeader)).toBe(42);
  expect(r.rawHeaderList().map(String)).toEqual(['X-One', 'Content-Length']);
  expect(r.attribute(Attr.RedirectPolicyAttribute)).toBeNull();
  expect(r.attribute(Attr.RedirectPolicyAttribute, 7)).toBe(7);
  r.setAttribute(Attr.RedirectPolicyAttribute, QNetworkRequest.RedirectPolicy.ManualRedirectPolicy);
  expect(r.attribute(Attr.RedirectPolicyAttribute)).toBe(0);
  expect(r.priority()).toBe(QNetworkRequest.Priority.NormalPriority);
  r.setPriority(QNetworkRequest.Priority.HighPriority);
  expect(r.priority()).toBe(QNetworkRequest.Priority.HighPriority);
  expect(r.maximumRedirectsAllowed()).toBe(50);
  r.setMaximumRedirectsAllowed(3);
  expect(r.maximumRedirectsAllowed()).toBe(3);
  expect(r.transferTimeout()).toBe(0);
  r.setTransferTimeout();
  expect(r.transferTimeout()).toBe(QNetworkRequest.TransferTimeoutConstant.DefaultTransferTimeoutConstant);
  const copy = new QNetworkRequest(r);
  expect(copy.equals(r)).toBe(true);
  copy.setRawHeader('X-Two', '2');
  expect(copy.equals(r)).toBe(false);
  expect(r.hasRawHeader('X-Two')).toBe(false);
  expect(new QNetworkRequest().equals(new QNetworkRequest())).toBe(true);
  expect(r.equals('http://example.com/b')).toBe(false);
});

test('bad arguments are TypeErrors naming the method and the argument', () => {
  const nam = direct();
  expect(() => nam.get('http://x' as never)).toThrow(
    new TypeError('QNetworkAccessManager.get: argument \'request\' must be a QNetworkRequest, got string "http://x"'),
  );
  expect(() => nam.post(new QNetworkRequest(), 5 as never)).toThrow(/QNetworkAccessManager\.post: argument 'data'/);
  expect(() => nam.setRedirectPolicy(9 as never)).toThrow(
    /QNetworkAccessManager\.setRedirectPolicy: argument 'policy'/,
  );
  expect(() => nam.setTransferTimeout('1' as never)).toThrow(/setTransferTimeout: argument 'timeout'/);
  expect(() => nam.setProxy({} as never)).toThrow(/QNetworkAccessManager\.setProxy: argument 'proxy'/);
  expect(() => (nam.get as (...a: unknown[]) => unknown)()).toThrow(TypeError);
  expect(() => new QNetworkRequest(5 as never)).toThrow(/QNetworkRequest: argument 'url'/);
  expect(() => new QNetworkRequest().setHeader(99 as never, 'x')).toThrow(
    /QNetworkRequest\.setHeader: argument 'header'/,
  );
  expect(() => new QNetworkRequest().setAttribute(14 as never, 1)).toThrow(
    /QNetworkRequest\.setAttribute: argument 'code'/,
  );
  expect(() => new QNetworkRequest().setAttribute(Attr.User + 1, {} as never)).toThrow(/argument 'value'/);
  expect(() => new QNetworkRequest().setPriority(2 as never)).toThrow(/setPriority: argument 'priority'/);
  const reply = nam.get(new QNetworkRequest(`${base}/echo`));
  expect(() => reply.attribute('status' as never)).toThrow(/QNetworkReply\.attribute: argument 'code'/);
  expect(() => reply.rawHeader(1 as never)).toThrow(/QNetworkReply\.rawHeader: argument 'headerName'/);
  reply.abort();
});

test('the settings the manager keeps: Qt answers each setter', () => {
  const nam = new QNetworkAccessManager();
  expect(nam.redirectPolicy()).toBe(QNetworkRequest.RedirectPolicy.NoLessSafeRedirectPolicy);
  expect(nam.transferTimeout()).toBe(0);
  nam.setTransferTimeout();
  expect(nam.transferTimeout()).toBe(30000);
  nam.setRedirectPolicy(QNetworkRequest.RedirectPolicy.SameOriginRedirectPolicy);
  expect(nam.redirectPolicy()).toBe(QNetworkRequest.RedirectPolicy.SameOriginRedirectPolicy);
  expect(nam.autoDeleteReplies()).toBe(false);
  nam.setAutoDeleteReplies(true);
  expect(nam.autoDeleteReplies()).toBe(true);
  expect(nam.proxy().type()).toBe(QNetworkProxy.ProxyType.DefaultProxy);
  const p = new QNetworkProxy(QNetworkProxy.ProxyType.HttpProxy, '127.0.0.1', 9);
  nam.setProxy(p);
  expect(nam.proxy().equals(p)).toBe(true);
});

// The origin is up: a refusal means the proxy was used. Qt (and PyQt6) report a refused HTTP proxy of
// a manager as ConnectionRefusedError (the parity suite compares it).
test('a set proxy is used as it is, even for loopback: a dead HTTP proxy refuses', async () => {
  const nam = new QNetworkAccessManager();
  nam.setProxy(new QNetworkProxy(QNetworkProxy.ProxyType.HttpProxy, '127.0.0.1', 1));
  const reply = nam.get(new QNetworkRequest(`${base}/echo`));
  const [code] = await nextEmit(reply.errorOccurred);
  expect(code).toBe(QNetworkReply.NetworkError.ConnectionRefusedError);
});

test('autoDeleteReplies: Qt deletes the reply after finished; what JS received stays readable', async () => {
  const nam = direct();
  nam.setAutoDeleteReplies(true);
  const reply = nam.post(echo(), 'kept');
  // Connected first: the thread runtime may deliver both in one batch.
  const destroyed = nextEmit(reply.destroyed);
  await nextEmit(reply.finished);
  await destroyed;
  expect(reply.readAll()).toEqual(Buffer.from('kept'));
  expect(reply.attribute(Attr.HttpStatusCodeAttribute)).toBe(200);
  reply.abort(); // on a deleted reply: nothing
});

test('deleteLater of a reply or of its manager mid-transfer: no crash, destroyed', async () => {
  const nam = direct();
  const r1 = nam.get(new QNetworkRequest(`${base}/partial`));
  await nextEmit(r1.readyRead);
  r1.deleteLater();
  await nextEmit(r1.destroyed);
  expect(r1.readAll()).toEqual(Buffer.from('some'));
  const r2 = nam.get(new QNetworkRequest(`${base}/hang`));
  const r3 = nam.get(new QNetworkRequest(`${base}/partial`));
  await nextEmit(r3.readyRead);
  nam.deleteLater();
  // Qt's manager deletes its replies with it.
  await Promise.all([nextEmit(nam.destroyed), nextEmit(r2.destroyed), nextEmit(r3.destroyed)]);
  expect(() => nam.get(new QNetworkRequest(`${base}/echo`))).toThrow(/QNetworkAccessManager\.get: .*deleted/);
});

test('finished replies and managers nobody references are collected and freed', async () => {
  await expectFreedOnceCollected(liveHandleCount, async () => {
    for (let i = 0; i < 5; i++) {
      const nam = direct();
      const reply = nam.get(new QNetworkRequest(`${base}/echo`));
      await nextEmit(reply.finished);
    }
  });
});

test('a running reply nobody references keeps running and finishes', async () => {
  let finished: Promise<unknown> | undefined;
  (() => {
    const nam = direct();
    finished = nextEmit(nam.finished);
    nam.post(echo(), 'alive');
  })();
  await collectGarbage();
  const [reply] = (await finished) as [QNetworkReply];
  expect(reply.readAll()).toEqual(Buffer.from('alive'));
});

// Qt's manager has an HTTP thread of its own: exit must stop it cleanly on every path. And a
// reply keeps the process alive until its finished() has run ("sequential": the thread runtime
// once let the process exit between an event that carried the finished state and finished itself).
test.each(['exit', 'worker', 'natural', 'sequential'])(
  'the process exits cleanly, not before a reply has finished (%s)',
  (mode) => {
    for (let i = 0; i < 3; i++) {
      const r = spawnSync(process.execPath, [path.join(__dirname, '..', 'fixtures', 'http_exit.js'), mode], {
        env: { ...process.env, QTN_DIST: path.join(__dirname, '..', '..', 'dist') },
        encoding: 'utf8',
        timeout: 20000,
      });
      expect({ status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr }).toEqual({
        status: 0,
        signal: null,
        stdout: 'ok\n',
        stderr: '',
      });
    }
  },
);

describe('authenticationRequired: the slot fills the authenticator, Qt reads it once the slot returns', () => {
  test('right credentials: the same reply object, realm "vault", one question, 200', async () => {
    const nam = direct();
    const reply = nam.get(new QNetworkRequest(`${base}/basic`));
    const asked: string[] = [];
    nam.authenticationRequired.connect((r, auth) => {
      expect(r).toBe(reply);
      expect(auth).toBeInstanceOf(QAuthenticator);
      asked.push(`${auth.realm()}|${auth.user()}|${JSON.stringify(auth.options())}`);
      auth.setUser('ann');
      auth.setPassword('s3cret');
    });
    await nextEmit(reply.finished);
    expect(asked).toEqual(['vault||{"realm":"vault"}']);
    expect(reply.error()).toBe(QNetworkReply.NetworkError.NoError);
    expect(reply.attribute(Attr.HttpStatusCodeAttribute)).toBe(200);
    expect(reply.readAll().toString()).toBe('welcome');
  });

  test('wrong credentials: Qt asks again with the user filled in, then fails when the slot changes nothing', async () => {
    const nam = direct();
    authTries = 0;
    const reply = nam.get(new QNetworkRequest(`${base}/basic`));
    const users: string[] = [];
    nam.authenticationRequired.connect((_r, auth) => {
      users.push(auth.user());
      // Bounded: the first answer is wrong, later ones leave it as Qt gave it.
      if (users.length === 1) {
        auth.setUser('ann');
        auth.setPassword('wrong-pw');
      }
    });
    await nextEmit(reply.finished);
    expect(users).toEqual(['', 'ann']);
    expect(authTries).toBe(2); // without credentials, then with the wrong ones
    expect(reply.error()).toBe(QNetworkReply.NetworkError.AuthenticationRequiredError);
    expect(reply.attribute(Attr.HttpStatusCodeAttribute)).toBe(401);
  });

  test('no slot connected: AuthenticationRequiredError, the 401 body readable', async () => {
    const nam = direct();
    const reply = nam.get(new QNetworkRequest(`${base}/basic`));
    await nextEmit(reply.finished);
    expect(reply.error()).toBe(QNetworkReply.NetworkError.AuthenticationRequiredError);
    expect(reply.readAll().toString()).toBe('denied');
  });

  test("credentials in the URL's user info: no question asked, 200", async () => {
    const nam = direct();
    let asked = 0;
    nam.authenticationRequired.connect(() => asked++);
    const reply = nam.get(new QNetworkRequest(base.replace('http://', 'http://ann:s3cret@') + '/basic'));
    await nextEmit(reply.finished);
    expect(asked).toBe(0);
    expect(reply.error()).toBe(QNetworkReply.NetworkError.NoError);
    expect(reply.readAll().toString()).toBe('welcome');
  });

  test('the password never shows in inspect or JSON of the authenticator the slot got', async () => {
    const nam = direct();
    const reply = nam.get(new QNetworkRequest(`${base}/basic`));
    const shown: string[] = [];
    nam.authenticationRequired.connect((_r, auth) => {
      auth.setUser('ann');
      auth.setPassword('s3cret');
      shown.push(inspect(auth), JSON.stringify(auth), inspect(nam), inspect(reply));
    });
    await nextEmit(reply.finished);
    expect(shown.length).toBe(4);
    for (const text of shown) expect(text).not.toContain('s3cret');
    expect(inspect(reply)).not.toContain('s3cret');
  });

  test('abort and deleteLater of the reply inside the slot wait until Qt has left the emission: no crash', async () => {
    const nam = direct();
    const r1 = nam.get(new QNetworkRequest(`${base}/basic`));
    nam.authenticationRequired.connect((r) => r.abort());
    const [code] = await nextEmit(r1.errorOccurred);
    expect(code).toBe(QNetworkReply.NetworkError.OperationCanceledError);
    const nam2 = direct();
    const r2 = nam2.get(new QNetworkRequest(`${base}/basic`));
    nam2.authenticationRequired.connect(() => nam2.deleteLater());
    await Promise.all([nextEmit(nam2.destroyed), nextEmit(r2.destroyed)]);
  });
});

describe('connection and access caches, schemes', () => {
  let keep: http.Server;
  let url = '';
  let opened = 0;
  let closed = 0;
  let asked = 0;
  beforeAll(async () => {
    keep = http.createServer((req, res) => {
      if (
        req.url === '/auth' &&
        req.headers.authorization !== `Basic ${Buffer.from('ann:s3cret').toString('base64')}`
      ) {
        res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="vault"' });
        return res.end();
      }
      res.end('ok');
    });
    keep.keepAliveTimeout = 60000; // idle connections stay until the client closes them
    keep.on('connection', (s) => {
      opened++;
      s.on('close', () => closed++);
    });
    await new Promise<void>((r) => keep.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(keep.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    keep.closeAllConnections();
    await new Promise((r) => keep.close(r));
  });

  const get = async (nam: QNetworkAccessManager, path: string): Promise<number> => {
    const reply = nam.get(new QNetworkRequest(`${url}${path}`));
    await nextEmit(reply.finished);
    reply.deleteLater();
    return reply.error();
  };

  test('connectToHost opens a connection before any request, and the request uses it', async () => {
    const nam = direct();
    const before = opened;
    nam.connectToHost('127.0.0.1', Number(new URL(url).port));
    await until(() => opened === before + 1, 10000, 'the origin saw the connection');
    expect(await get(nam, '/')).toBe(QNetworkReply.NetworkError.NoError);
    expect(opened).toBe(before + 1);
    nam.deleteLater();
  });

  test('clearConnectionCache closes the idle connection; the next request opens another', async () => {
    const nam = direct();
    expect(await get(nam, '/')).toBe(0);
    const [o, c] = [opened, closed];
    nam.clearConnectionCache();
    await until(() => closed === c + 1, 10000, 'the origin saw the close');
    expect(await get(nam, '/')).toBe(0);
    expect(opened).toBe(o + 1);
    nam.deleteLater();
  });

  test('clearAccessCache: Qt asks for the credentials again', async () => {
    const nam = direct();
    nam.authenticationRequired.connect((_reply, auth) => {
      asked++;
      auth.setUser('ann');
      auth.setPassword('s3cret');
    });
    expect(await get(nam, '/auth')).toBe(0);
    expect(await get(nam, '/auth')).toBe(0);
    expect(asked).toBe(1); // cached
    nam.clearAccessCache();
    expect(await get(nam, '/auth')).toBe(0);
    expect(asked).toBe(2);
    nam.deleteLater();
  });

  test("supportedSchemes is Qt's list, as PyQt6's", () => {
    const py = spawnSync(
      '/usr/bin/python3',
      [
        '-c',
        'from PyQt6.QtCore import QCoreApplication\nfrom PyQt6.QtNetwork import QNetworkAccessManager\n' +
          'import json\napp = QCoreApplication([])\nprint(json.dumps(QNetworkAccessManager().supportedSchemes()))',
      ],
      { encoding: 'utf8' },
    );
    expect(py.status).toBe(0);
    const schemes = direct().supportedSchemes();
    expect(schemes).toEqual(JSON.parse(py.stdout));
    expect(schemes).toContain('http');
  });

  test('bad arguments: TypeError/RangeError naming them', () => {
    const nam = direct();
    expect(() => nam.connectToHost(5 as unknown as string)).toThrow(/hostName/);
    expect(() => nam.connectToHost('h', 70000)).toThrow(RangeError);
    expect(() => (nam.clearAccessCache as (...a: unknown[]) => void).call(nam, 1)).toThrow(TypeError);
  });
});

describe("Digest and compressed bodies at the parity tests' origin (test/fixtures/parity/http_origin.js)", () => {
  const { at } = fixtureServerForBlock('http_origin.js');

  // A plain Node request: the status, the headers and the body as the origin sent them.
  const raw = (p: string, headers: http.OutgoingHttpHeaders = {}) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .get(at(p), { headers, agent: false }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (d: Buffer) => chunks.push(d));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        })
        .on('error', reject);
    });
  const md5 = (s: string): string => createHash('md5').update(s).digest('hex');
  // RFC 7616's response (MD5, qop auth) to the origin's challenge, as Qt and curl compute it.
  const authorization = (challenge: string, uri: string, password: string, nc: string, nonce?: string): string => {
    const [, realm] = /realm="([^"]*)"/.exec(challenge)!;
    nonce ??= /nonce="([^"]*)"/.exec(challenge)![1];
    const [, opaque] = /opaque="([^"]*)"/.exec(challenge)!;
    const cnonce = 'c0ffee';
    const ha1 = md5(`ann:${realm}:${password}`);
    const response = md5(`${ha1}:${nonce}:${nc}:${cnonce}:auth:${md5(`GET:${uri}`)}`);
    return (
      `Digest username="ann", realm="${realm}", nonce="${nonce}", uri="${uri}", opaque="${opaque}", ` +
      `response="${response}", algorithm=MD5, qop=auth, nc=${nc}, cnonce="${cnonce}"`
    );
  };

  test('the origin recomputes each Digest response: a count used again, a nonce it never gave and a wrong password are refused', async () => {
    const first = await raw('/digest');
    expect(first.status).toBe(401);
    const challenge = first.headers['www-authenticate']!;
    expect(challenge).toMatch(
      /^Digest realm="vault-digest", qop="auth", nonce="[0-9a-f]{32}", opaque="[0-9a-f]+", algorithm=MD5$/,
    );
    const right = authorization(challenge, '/digest', 's3cret', '00000001');
    const answered = await raw('/digest', { Authorization: right });
    expect([answered.status, answered.body.toString()]).toEqual([200, 'welcome']);
    expect((await raw('/digest', { Authorization: right })).status).toBe(401); // the same count again
    expect(
      (await raw('/digest', { Authorization: authorization(challenge, '/digest', 's3cret', '00000002') })).status,
    ).toBe(200);
    const madeUp = authorization(challenge, '/digest', 's3cret', '00000001', 'f'.repeat(32));
    expect((await raw('/digest', { Authorization: madeUp })).status).toBe(401);
    const wrong = authorization(challenge, '/digest', 'wrong-pw', '00000003');
    expect((await raw('/digest', { Authorization: wrong })).status).toBe(401);
    // Each refusal is a new challenge with a nonce of its own.
    const again = await raw('/digest', { Authorization: wrong });
    expect(again.headers['www-authenticate']).not.toBe(challenge);
  });

  test('Digest through the manager: the slot asked once, later requests pass without asking, asked again after clearAccessCache', async () => {
    const nam = direct();
    const realms: string[] = [];
    nam.authenticationRequired.connect((_r, auth) => {
      realms.push(auth.realm());
      auth.setUser('ann');
      auth.setPassword('s3cret');
    });
    const get = async (p: string): Promise<[number, unknown, string]> => {
      const reply = nam.get(new QNetworkRequest(at(p)));
      await nextEmit(reply.finished);
      reply.deleteLater();
      return [reply.error(), reply.attribute(Attr.HttpStatusCodeAttribute), reply.readAll().toString()];
    };
    for (let k = 0; k < 3; k++) expect(await get('/digest')).toEqual([0, 200, 'welcome']);
    expect(realms).toEqual(['vault-digest']);
    nam.clearAccessCache();
    expect(await get('/digest')).toEqual([0, 200, 'welcome']);
    expect(realms).toEqual(['vault-digest', 'vault-digest']);
    nam.deleteLater();
  });

  test.each(['/gzip', '/deflate'])(
    "%s: Qt's body is the origin's bytes inflated by Node's zlib; with the request's own Accept-Encoding, the bytes as sent",
    async (p) => {
      const sent = await raw(p, { 'Accept-Encoding': 'gzip, deflate' });
      const nam = direct();
      const read = async (acceptEncoding?: string): Promise<QNetworkReply> => {
        const request = new QNetworkRequest(at(p));
        if (acceptEncoding) request.setRawHeader('Accept-Encoding', acceptEncoding);
        const reply = nam.get(request);
        await nextEmit(reply.finished);
        return reply;
      };
      const decoded = await read();
      expect(decoded.error()).toBe(QNetworkReply.NetworkError.NoError);
      expect(decoded.rawHeader('Content-Encoding').toString()).toBe(p.slice(1));
      expect(decoded.hasRawHeader('Content-Length')).toBe(false); // the compressed length: Qt drops it
      expect(decoded.readAll()).toEqual(p === '/gzip' ? gunzipSync(sent.body) : inflateSync(sent.body));
      const asSent = await read('gzip, deflate');
      expect(asSent.rawHeader('X-Accept-Encoding').toString()).toBe('gzip, deflate');
      expect(asSent.readAll()).toEqual(sent.body);
      nam.deleteLater();
    },
  );
});
