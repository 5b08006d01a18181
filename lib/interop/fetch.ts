// fetch() on Qt's network stack (beyond PyQt6): the WHATWG Request/Response/Headers of Node's
// globals, with the request made by a QNetworkAccessManager. So it goes where Qt's requests go:
// the application proxy or factory (or the manager's own proxy), the system's proxy configuration
// when QNetworkProxyFactory.setUseSystemConfiguration(true), proxy authentication by Basic,
// Digest or NTLM (credentials on the proxy, or proxyAuthenticationRequired on the manager), the
// manager's cookie jar and cache. `init.manager` picks the manager; one shared manager otherwise.
// A stream body (init.body a ReadableStream or an async iterable, with duplex: 'half') is sent as
// it is read (QNetworkAccessManager.post's stream body); any other body is read whole first.
// https:// is verified by Qt (the system's CAs); `init.ca` and `init.rejectUnauthorized`, Node's tls
// option names, change that for one request.
import { Readable, pipeline, type Transform } from 'node:stream';
import * as zlib from 'node:zlib';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { Algorithm } from '../QCryptographicHash';
import { QNetworkAccessManager } from '../QNetworkAccessManager';
import { NetworkError, QNetworkReply } from '../QNetworkReply';
import {
  Attribute as Attr,
  CacheLoadControl as CacheLoad,
  LoadControl,
  QNetworkRequest,
  RedirectPolicy,
} from '../QNetworkRequest';
import { QSslCertificate } from '../QSslCertificate';
import { QSslConfiguration } from '../QSslConfiguration';

/** A CA for `init.ca`: PEM text or bytes (one certificate or more), or a QSslCertificate. */
export type CaInput = string | Uint8Array | QSslCertificate;

export interface QtFetchInit extends RequestInit {
  /** The manager that makes the request (its proxy, cookie jar, cache, credentials slots). */
  manager?: QNetworkAccessManager;
  /**
   * As Node's tls `ca`: the CA certificates an https server's certificate is verified against,
   * instead of the system's (the request's QSslConfiguration.setCaCertificates).
   */
  ca?: CaInput | readonly CaInput[];
  /**
   * As Node's tls `rejectUnauthorized`: false lets an https request go on whatever its certificate's
   * errors (QNetworkReply.ignoreSslErrors()). Default true.
   */
  rejectUnauthorized?: boolean;
}

const MAX_REDIRECTS = 20; // fetch's limit
// The statuses Qt follows when it follows redirects.
const REDIRECTS = new Set([301, 302, 303, 305, 307, 308]);
// Responses whose status says they have no body (the Response constructor refuses one).
const NULL_BODY = new Set([101, 103, 204, 205, 304]);
// What a Response's stream asks before Qt's bytes wait in the reply instead.
const HIGH_WATER_MARK = 1 << 20;

let shared: QNetworkAccessManager | undefined;
// Qt reuses a manager's connections for any request to the same host, whatever its TLS settings:
// without init.manager, a request with `ca` or `rejectUnauthorized: false` goes through a manager
// kept for those settings, so that its connections serve only requests verified the same way.
const byTls = new Map<string, QNetworkAccessManager>();

function caCertificates(ca: unknown): QSslCertificate[] {
  const list = Array.isArray(ca) ? (ca as unknown[]) : [ca];
  return list.flatMap((c) => {
    if (c instanceof QSslCertificate) return [c];
    if (typeof c === 'string' || c instanceof Uint8Array) {
      const found = QSslCertificate.fromData(Buffer.from(c));
      if (found.length === 0) throw new TypeError("fetch: 'init.ca' holds no PEM certificate");
      return found;
    }
    throw new TypeError("fetch: 'init.ca' must be PEM (a string or bytes), a QSslCertificate, or an array of them");
  });
}

function managerFor(cas: QSslCertificate[] | null, insecure: boolean): QNetworkAccessManager {
  if (!cas && !insecure) return (shared ??= new QNetworkAccessManager());
  const key = `${insecure}:${cas ? cas.map((c) => c.digest(Algorithm.Sha256).toString('hex')).join(',') : '-'}`;
  let m = byTls.get(key);
  if (!m) byTls.set(key, (m = new QNetworkAccessManager()));
  return m;
}

// The codings Node's fetch decodes. Qt decodes them itself unless the request sets its own
// Accept-Encoding; then fetch() does, so a body reads the same either way.
const DECODERS: Record<string, () => Transform> = {
  gzip: () => zlib.createGunzip(),
  'x-gzip': () => zlib.createGunzip(),
  deflate: () => zlib.createInflate(),
  br: () => zlib.createBrotliDecompress(),
};

/** The body decoded as its Content-Encoding says (codings applied in order, undone in reverse). */
function decoded(body: ReadableStream<Uint8Array>, contentEncoding: string | null): ReadableStream<Uint8Array> {
  const codings = (contentEncoding ?? '')
    .toLowerCase()
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c !== '' && c !== 'identity')
    .reverse();
  // An unknown coding leaves the bytes as sent, as Node's fetch does.
  if (codings.length === 0 || codings.some((c) => !(c in DECODERS))) return body;
  const stages = codings.map((c) => DECODERS[c]());
  // A corrupt body errors the stream with zlib's error (pipeline destroys every stage); a reader
  // that cancels ends the reply through the source.
  const last = pipeline([Readable.fromWeb(body as WebReadableStream<Uint8Array>), ...stages], () => {}) as Transform;
  return Readable.toWeb(last) as ReadableStream<Uint8Array>;
}

/** fetch(input, init) through Qt's QNetworkAccessManager: resolves once the headers are in. */
export async function fetch(input: string | URL | Request, init: QtFetchInit = {}): Promise<Response> {
  if (init === null || typeof init !== 'object')
    throw new TypeError(`fetch: argument 'init' must be an object, got ${typeof init}`);
  const { manager, ca, rejectUnauthorized, ...rest } = init;
  if (manager !== undefined && !(manager instanceof QNetworkAccessManager))
    throw new TypeError("fetch: 'init.manager' must be a QNetworkAccessManager");
  if (rejectUnauthorized !== undefined && typeof rejectUnauthorized !== 'boolean')
    throw new TypeError("fetch: 'init.rejectUnauthorized' must be a boolean");
  const cas = ca === undefined ? null : caCertificates(ca);
  let request: Request;
  try {
    request = new Request(input, rest); // the WHATWG checks: method, headers, body, URL
  } catch (e) {
    throw new TypeError(`fetch: ${(e as Error).message}`, { cause: e });
  }
  const signal = request.signal;
  signal.throwIfAborted();
  const streamed = typeof rest.body === 'object' && rest.body !== null && Symbol.asyncIterator in rest.body;
  const body: Buffer | Readable | null = !request.body
    ? null
    : streamed
      ? Readable.fromWeb(request.body as WebReadableStream<Uint8Array>)
      : Buffer.from(await request.arrayBuffer());
  signal.throwIfAborted();

  const qreq = new QNetworkRequest(request.url);
  request.headers.forEach((value, name) => qreq.setRawHeader(name, Buffer.from(value, 'latin1')));
  qreq.setAttribute(
    Attr.RedirectPolicyAttribute,
    request.redirect === 'follow' ? RedirectPolicy.NoLessSafeRedirectPolicy : RedirectPolicy.ManualRedirectPolicy,
  );
  qreq.setMaximumRedirectsAllowed(MAX_REDIRECTS);
  qreq.setAttribute(Attr.CacheLoadControlAttribute, cacheLoad(request.cache));
  if (request.credentials === 'omit') {
    qreq.setAttribute(Attr.CookieLoadControlAttribute, LoadControl.Manual);
    qreq.setAttribute(Attr.CookieSaveControlAttribute, LoadControl.Manual);
  }

  if (cas) {
    const tls = QSslConfiguration.defaultConfiguration();
    tls.setCaCertificates(cas);
    qreq.setSslConfiguration(tls);
  }

  const nam = manager ?? managerFor(cas, rejectUnauthorized === false);
  const m = request.method;
  const reply =
    m === 'GET' && !body
      ? nam.get(qreq)
      : m === 'HEAD' && !body
        ? nam.head(qreq)
        : m === 'DELETE' && !body
          ? nam.deleteResource(qreq)
          : m === 'POST'
            ? nam.post(qreq, body ?? Buffer.alloc(0))
            : m === 'PUT'
              ? nam.put(qreq, body ?? Buffer.alloc(0))
              : nam.sendCustomRequest(qreq, m, body);
  if (rejectUnauthorized === false) reply.ignoreSslErrors();
  return respond(reply, request);
}

function cacheLoad(mode: Request['cache']): CacheLoad {
  switch (mode) {
    case 'no-store':
    case 'reload':
    case 'no-cache':
      return CacheLoad.AlwaysNetwork;
    case 'force-cache':
      return CacheLoad.PreferCache;
    case 'only-if-cached':
      return CacheLoad.AlwaysCache;
    default:
      return CacheLoad.PreferNetwork;
  }
}

/** A network failure, as fetch gives it: TypeError('fetch failed') with Qt's error as the cause. */
function failed(reply: QNetworkReply): TypeError {
  const code = reply.error();
  const cause = Object.assign(new Error(reply.errorString()), { code: NetworkError[code] ?? code });
  return new TypeError('fetch failed', { cause });
}

// The errors Qt reports for an HTTP status of 400 and up (QNetworkReply.NetworkError 201-499 but
// the proxy's, 1xx): the body is the server's answer, and fetch gives it as a response. Under a
// lower status one of them is no answer: Qt ends a body it cannot decompress with
// UnknownContentError (299), and that body fails, as fetch's does.
const isHttpStatusError = (error: number, status: number | null): boolean =>
  error >= 201 && error <= 499 && status !== null && status >= 400;

function respond(reply: QNetworkReply, request: Request): Promise<Response> {
  const signal = request.signal;
  const following = request.redirect === 'follow';
  const status = (): number | null => {
    const s = reply.attribute(Attr.HttpStatusCodeAttribute);
    return typeof s === 'number' ? s : null;
  };
  return new Promise<Response>((resolve, reject) => {
    let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
    let response: Response | undefined;
    let done = false; // settled and let go: nothing more is read or aborted
    let redirects = 0;

    const cleanup = (): void => {
      done = true;
      signal.removeEventListener('abort', onAbort);
      reply.deleteLater();
    };
    const fail = (error: unknown): void => {
      const wasDone = done;
      cleanup();
      if (!wasDone && !reply.isFinished()) reply.abort();
      if (controller) controller.error(error);
      else if (!response) reject(error);
    };
    const onAbort = (): void => {
      if (!done) fail(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });

    // Moves what the reply holds into the stream while the stream wants more; the rest waits in
    // the reply until the reader pulls.
    const pump = (): void => {
      while (controller && (controller.desiredSize ?? 0) > 0 && reply.bytesAvailable() > 0)
        controller.enqueue(new Uint8Array(reply.read(HIGH_WATER_MARK)));
    };

    // Once the reply has finished and the stream has taken all: its end, or the failure mid-body.
    const finish = (): void => {
      if (done || !controller || !reply.isFinished() || reply.bytesAvailable() > 0) return;
      const error = reply.error();
      const c = controller;
      cleanup();
      if (error === NetworkError.NoError || isHttpStatusError(error, status())) c.close();
      else c.error(failed(reply));
    };

    // The headers of the final response: a redirect Qt is about to follow is not one.
    const headersIn = (): boolean => {
      const s = status();
      // The proxy's refusal is a failure, as fetch's through a proxy is (Qt ends the reply with it).
      if (s === null || s === 407) return false;
      // (Qt 6.4 sets no RedirectionTargetAttribute on a redirect it follows: the Location says it.)
      return !(following && REDIRECTS.has(s) && reply.hasRawHeader('location'));
    };

    const makeResponse = (): void => {
      if (response || done) return;
      const s = status() as number;
      if (request.redirect === 'error' && s >= 300 && s < 400 && reply.hasRawHeader('location'))
        return fail(new TypeError('fetch failed', { cause: new Error('unexpected redirect') }));
      const headers = new Headers();
      for (const [name, value] of reply.rawHeaderPairs()) {
        // Qt joins repeated headers with ", ", and Set-Cookie's with "\n".
        const n = name.toString('latin1');
        const v = value.toString('latin1');
        for (const one of n.toLowerCase() === 'set-cookie' ? v.split('\n') : [v]) headers.append(n, one);
      }
      const noBody = NULL_BODY.has(s) || request.method === 'HEAD';
      const stream = noBody
        ? null
        : new ReadableStream<Uint8Array>(
            {
              start: (c) => {
                controller = c;
              },
              pull: () => {
                pump();
                finish();
              },
              cancel: () => {
                if (!done) fail(undefined);
              },
            },
            { highWaterMark: HIGH_WATER_MARK, size: (chunk) => chunk?.byteLength ?? 0 },
          );
      // With the request's own Accept-Encoding Qt hands the bytes over as sent.
      const body =
        stream && request.headers.has('accept-encoding') ? decoded(stream, headers.get('content-encoding')) : stream;
      const reason = reply.attribute(Attr.HttpReasonPhraseAttribute);
      response = new Response(body, {
        status: s >= 200 && s <= 599 ? s : 200,
        statusText: typeof reason === 'string' ? reason : '',
        headers,
      });
      // What fetch sets and the constructor cannot: the final URL and whether a redirect led there.
      Object.defineProperty(response, 'url', { value: reply.url().toString() });
      Object.defineProperty(response, 'redirected', { value: redirects > 0 });
      resolve(response);
    };

    reply.redirected.connect(() => {
      redirects++;
    });
    reply.metaDataChanged.connect(() => {
      if (headersIn()) makeResponse();
    });
    reply.readyRead.connect(() => {
      if (!response && headersIn()) makeResponse();
      pump();
    });
    reply.finished.connect(() => {
      if (done) return;
      const error = reply.error();
      // Redirects refused or too many, the proxy's refusal, or no HTTP answer at all: a failure.
      const answered = status() !== null && (error === NetworkError.NoError || isHttpStatusError(error, status()));
      if (!response && !answered) return fail(failed(reply));
      makeResponse();
      if (done) return;
      if (!controller) return cleanup(); // no body
      pump();
      finish();
    });
  });
}
