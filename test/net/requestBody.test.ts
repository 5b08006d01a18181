// Request bodies streamed from JS (beyond PyQt6): post/put/sendCustomRequest given a Node Readable,
// a ReadableStream or an async iterable, and fetch() given a ReadableStream, against the parity
// origin in a process of its own (test/fixtures/parity/http_origin.js: /body reports the method,
// Content-Length, Transfer-Encoding, length and SHA-256 of what it received). The source pauses
// while BODY_HIGH_WATER bytes sent wait for Qt; a failing source aborts the reply; a reply
// aborted, deleted or collected mid-upload destroys the source or goes on, without a crash.
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { QNetworkAccessManager, QNetworkProxy, QNetworkReply, QNetworkRequest, fetch } from '../../lib';
import { BODY_HIGH_WATER } from '../../lib/core/requestBody';
import { collectGarbage, nextEmit, startFixtureServer, until } from '../helpers';

const MiB = 1024 * 1024;
const CHUNK = 64 * 1024;
let origin: { port: number; stop(): void };
let nam: QNetworkAccessManager;

jest.setTimeout(60000);

beforeAll(async () => {
  origin = await startFixtureServer('http_origin.js');
  nam = direct();
});

afterAll(() => {
  nam.deleteLater();
  origin.stop();
});

function direct(): QNetworkAccessManager {
  const m = new QNetworkAccessManager();
  m.setProxy(new QNetworkProxy(QNetworkProxy.ProxyType.NoProxy));
  return m;
}

interface Seen {
  method: string;
  contentLength: string | null;
  transferEncoding: string | null;
  length: number;
  sha256: string;
}

/** A request to `path` on the origin, with a Content-Length if `length` is given. */
function request(length?: number, path = '/body'): QNetworkRequest {
  const req = new QNetworkRequest(`http://127.0.0.1:${origin.port}${path}`);
  req.setHeader(QNetworkRequest.KnownHeaders.ContentTypeHeader, 'application/octet-stream');
  if (length !== undefined) req.setHeader(QNetworkRequest.KnownHeaders.ContentLengthHeader, length);
  return req;
}

/**
 * A Readable that makes `total` bytes (endless if Infinity) in CHUNK pieces as it is read, hashing
 * them; `failAt`: it is destroyed with an error once it has made that many.
 */
function generated(total: number, failAt = Infinity): Readable & { made: number; digest(): string } {
  const hash = crypto.createHash('sha256');
  const source = new Readable({
    read() {
      if (source.made >= failAt) return void source.destroy(new Error('the source failed'));
      if (source.made >= total) return void source.push(null);
      const n = Math.min(CHUNK, total - source.made);
      const piece = crypto
        .randomBytes(16)
        .toString('hex')
        .repeat(n / 32 + 1);
      const bytes = Buffer.from(piece.slice(0, n), 'latin1');
      source.made += n;
      hash.update(bytes);
      source.push(bytes);
    },
  }) as Readable & { made: number; digest(): string };
  source.made = 0;
  source.digest = () => hash.digest('hex');
  return source;
}

async function seen(reply: QNetworkReply): Promise<Seen> {
  if (!reply.isFinished()) await nextEmit(reply.finished, 50000);
  expect(reply.error()).toBe(QNetworkReply.NetworkError.NoError);
  return JSON.parse(reply.readAll().toString()) as Seen;
}

test('a 64 MiB Readable with a Content-Length streams with its source paused at the mark', async () => {
  const total = 64 * MiB;
  const source = generated(total);
  let pauses = 0;
  source.on('pause', () => pauses++);
  const reply = nam.post(request(total), source);
  const got = await seen(reply);
  expect(got).toMatchObject({ method: 'POST', contentLength: String(total), transferEncoding: null, length: total });
  expect(got.sha256).toBe(source.digest());
  // Paused, and never more than a chunk past the mark unread by Qt.
  expect(pauses).toBeGreaterThan(0);
  expect(reply._bodyMaxUnread()).toBeGreaterThanOrEqual(BODY_HIGH_WATER);
  expect(reply._bodyMaxUnread()).toBeLessThanOrEqual(BODY_HIGH_WATER + CHUNK);
  expect(source.destroyed).toBe(true); // its end: autoDestroy
});

test('without a Content-Length Qt reads the whole body first, then sends it with its length', async () => {
  const total = 8 * MiB;
  const source = generated(total);
  const reply = nam.put(request(), source);
  const got = await seen(reply);
  expect(got).toMatchObject({ method: 'PUT', contentLength: String(total), transferEncoding: null, length: total });
  expect(got.sha256).toBe(source.digest());
  expect(reply._bodyMaxUnread()).toBeLessThanOrEqual(BODY_HIGH_WATER + CHUNK);
});

test.each([
  ['no Content-Length', undefined],
  ['Content-Length 0', 0],
])('an empty Readable (%s) sends an empty body', async (_name, length) => {
  const reply = nam.sendCustomRequest(request(length), 'PATCH', Readable.from([]));
  const got = await seen(reply);
  expect(got).toMatchObject({ method: 'PATCH', contentLength: '0', length: 0 });
  expect(got.sha256).toBe(crypto.createHash('sha256').digest('hex'));
});

test('an async iterable of Buffers, Uint8Arrays and strings, and a ReadableStream', async () => {
  const parts = [Buffer.from('abc'), new Uint8Array([100, 101]), 'fé', Buffer.alloc(0), 'end'];
  const whole = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));
  async function* chunks(): AsyncGenerator<Buffer | Uint8Array | string> {
    for (const p of parts) {
      await new Promise((r) => setImmediate(r));
      yield p;
    }
  }
  const got = await seen(nam.post(request(whole.length), chunks()));
  expect(got).toMatchObject({ contentLength: String(whole.length), length: whole.length });
  expect(got.sha256).toBe(crypto.createHash('sha256').update(whole).digest('hex'));

  const web = new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(whole.subarray(0, 4));
      c.enqueue(whole.subarray(4));
      c.close();
    },
  });
  const got2 = await seen(nam.post(request(), web));
  expect(got2).toMatchObject({ contentLength: String(whole.length), length: whole.length });
  expect(got2.sha256).toBe(crypto.createHash('sha256').update(whole).digest('hex'));
});

test('uploadProgress reaches the whole body', async () => {
  const total = 4 * MiB;
  const reply = nam.post(request(total), generated(total));
  const progress: [number, number][] = [];
  reply.uploadProgress.connect((done, all) => progress.push([done, all]));
  await seen(reply);
  expect(progress.length).toBeGreaterThan(1);
  expect(progress).toContainEqual([total, total]);
});

test.each([
  ['with a Content-Length', 16 * MiB],
  ['without a Content-Length', undefined],
])('a source that fails mid-way aborts the reply (%s)', async (_name, length) => {
  const source = generated(16 * MiB, 2 * MiB);
  const reply = nam.post(request(length), source);
  const signals: string[] = [];
  reply.errorOccurred.connect((code) => signals.push(`errorOccurred(${code})`));
  reply.finished.connect(() => signals.push('finished'));
  await nextEmit(reply.finished);
  expect(signals).toEqual([`errorOccurred(${QNetworkReply.NetworkError.OperationCanceledError})`, 'finished']);
  expect(reply.error()).toBe(QNetworkReply.NetworkError.OperationCanceledError);
  expect(reply.errorString()).toBe('Operation canceled');
  expect(source.destroyed).toBe(true);
});

test('a source destroyed mid-way (no error) aborts the reply', async () => {
  const source = generated(Infinity);
  const reply = nam.post(request(64 * MiB), source);
  await until(() => source.made >= 2 * MiB, 10000, 'the source read');
  source.destroy();
  await nextEmit(reply.finished);
  expect(reply.error()).toBe(QNetworkReply.NetworkError.OperationCanceledError);
});

test('reply.abort() mid-upload destroys the source', async () => {
  const source = generated(Infinity);
  const closed = new Promise((r) => source.once('close', r));
  const reply = nam.post(request(1024 * MiB), source);
  await until(() => source.made >= 4 * MiB, 10000, 'the source read');
  reply.abort();
  expect(reply.isFinished()).toBe(true);
  expect(reply.error()).toBe(QNetworkReply.NetworkError.OperationCanceledError);
  await closed;
  expect(source.destroyed).toBe(true);
  const made = source.made;
  await new Promise((r) => setTimeout(r, 50));
  expect(source.made).toBe(made);
});

test('a reply deleted mid-upload destroys the source', async () => {
  const source = generated(Infinity);
  const reply = nam.post(request(1024 * MiB), source);
  await until(() => source.made >= 2 * MiB, 10000, 'the source read');
  const destroyed = nextEmit(reply.destroyed);
  reply.deleteLater();
  await destroyed;
  await until(() => source.destroyed, 5000, 'the source destroyed');
});

test('a manager and reply nobody references, collected mid-upload, finish the upload', async () => {
  const total = 32 * MiB;
  const source = generated(total);
  let finished: Promise<[QNetworkReply]> | undefined;
  (() => {
    const m = direct();
    finished = nextEmit(m.finished, 50000);
    m.post(request(total), source);
  })();
  for (let k = 0; k < 3 && source.made < total; k++) {
    await until(() => source.made >= Math.min(total, (k + 1) * 4 * MiB), 20000, 'the source read');
    await collectGarbage();
  }
  const [reply] = await finished!;
  const got = JSON.parse(reply.readAll().toString()) as Seen;
  expect(got.length).toBe(total);
  expect(got.sha256).toBe(source.digest());
});

test('fetch() sends a ReadableStream body as it is read', async () => {
  const total = 8 * MiB;
  const source = generated(total);
  const body = Readable.toWeb(source) as ReadableStream<Uint8Array>;
  const res = await fetch(`http://127.0.0.1:${origin.port}/body`, {
    method: 'POST',
    body,
    duplex: 'half',
    headers: { 'content-length': String(total), 'content-type': 'application/octet-stream' },
  } as RequestInit);
  const got = (await res.json()) as Seen;
  expect(got).toMatchObject({ method: 'POST', contentLength: String(total), length: total });
  expect(got.sha256).toBe(source.digest());

  // Without a length too (Qt reads it whole first).
  const res2 = await fetch(`http://127.0.0.1:${origin.port}/body`, {
    method: 'PUT',
    body: Readable.toWeb(Readable.from(['streamed ', 'body'])),
    duplex: 'half',
  } as RequestInit);
  expect(await res2.json()).toMatchObject({ method: 'PUT', contentLength: '13', length: 13 });
});

test('a body that is no stream, or a stream already used, is a TypeError naming the method and argument', () => {
  const req = request();
  expect(() => nam.post(req, {} as never)).toThrow(
    /^QNetworkAccessManager\.post: argument 'data' must be bytes .*a stream .*got Object object$/,
  );
  expect(() => nam.put(req, 42 as never)).toThrow(
    /^QNetworkAccessManager\.put: argument 'data' must be .*got number 42$/,
  );
  expect(() => nam.sendCustomRequest(req, 'PATCH', { read() {} } as never)).toThrow(
    /^QNetworkAccessManager\.sendCustomRequest: argument 'data' must be/,
  );
  const destroyed = Readable.from(['x']);
  destroyed.destroy();
  expect(() => nam.post(req, destroyed)).toThrow(
    new TypeError("QNetworkAccessManager.post: argument 'data' is a stream that has already been destroyed"),
  );
});

test('a stream that gives something other than bytes aborts the reply', async () => {
  const reply = nam.post(request(), Readable.from([Buffer.from('ok'), 42]));
  await nextEmit(reply.finished);
  expect(reply.error()).toBe(QNetworkReply.NetworkError.OperationCanceledError);
});

test('with a Content-Length, Qt sends no more than it, and a stream that ends short fails the reply', async () => {
  const longer = Readable.from([Buffer.alloc(50, 'a')]);
  const got = await seen(nam.post(request(10), longer));
  expect(got).toMatchObject({ contentLength: '10', length: 10 });
  expect(longer.destroyed).toBe(true);

  // A manager of its own: the origin still waits for the other 50 bytes on that connection, and a
  // later request of the shared manager sent on it would be read as their rest.
  const own = direct();
  const reply = own.post(request(100), Readable.from([Buffer.alloc(50, 'a')]));
  await nextEmit(reply.finished);
  expect(reply.error()).toBe(QNetworkReply.NetworkError.UnknownNetworkError);
  own.deleteLater();
});

test('a 307 redirect sends a buffered body again; a streamed one, which Qt cannot rewind, fails', async () => {
  const to307 = (length?: number): QNetworkRequest => request(length, '/redirect?code=307&to=/body');
  const buffered = nam.post(to307(), Readable.from([Buffer.from('hello world')]));
  // The upload after the redirect: the whole body again.
  let redirected = false;
  let resent = 0;
  buffered.redirected.connect(() => (redirected = true));
  buffered.uploadProgress.connect((sent) => {
    if (redirected) resent = Math.max(resent, sent);
  });
  await nextEmit(buffered.finished);
  expect([redirected, resent]).toEqual([true, 11]);
  // Qt 6.4 then often ends the reply in UnknownNetworkError although the origin answered 200:
  // PyQt6 does the same with a sequential QIODevice of its own (159 runs of 200 here), ours in
  // both runtimes. Otherwise the origin's answer says what it got.
  const { NoError, UnknownNetworkError } = QNetworkReply.NetworkError;
  expect([NoError, UnknownNetworkError]).toContain(buffered.error());
  if (buffered.error() === NoError)
    expect(JSON.parse(buffered.readAll().toString())).toMatchObject({
      method: 'POST',
      contentLength: '11',
      length: 11,
    });

  const reply = nam.post(to307(11), Readable.from([Buffer.from('hello world')]));
  await nextEmit(reply.finished);
  expect(reply.error()).toBe(QNetworkReply.NetworkError.ContentReSendError);
});

test("a 401 answered in authenticationRequired sends a buffered body again; a streamed one fails as a 307's does", async () => {
  // Each case a manager of its own: Qt caches credentials per manager and would send them unasked.
  const post = async (path: string, length?: number): Promise<[number, number, string]> => {
    const own = direct();
    let asked = 0;
    own.authenticationRequired.connect((_reply, auth) => {
      asked++;
      auth.setUser('ann');
      auth.setPassword('s3cret');
    });
    const reply = own.post(request(length, path), Readable.from([Buffer.from('hello world')]));
    await nextEmit(reply.finished);
    const result: [number, number, string] = [reply.error(), asked, reply.readAll().toString()];
    own.deleteLater();
    return result;
  };
  const { NoError, ContentReSendError } = QNetworkReply.NetworkError;
  for (const path of ['/basic', '/digest']) {
    // Without a Content-Length Qt 6.4 reads the stream whole first, so it can send it twice.
    expect([path, await post(path)]).toEqual([path, [NoError, 1, 'welcome']]);
    expect([path, await post(path, 11)]).toEqual([path, [ContentReSendError, 1, '']]);
  }
});
