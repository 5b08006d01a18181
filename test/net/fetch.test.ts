// fetch() on Qt's stack (lib/interop/fetch.ts): WHATWG Request/Response/Headers as Node's fetch
// gives them, the request made by a QNetworkAccessManager. Against an origin of the test's own and
// Debian's squid requiring Digest, which no Node fetch can authenticate to.
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { QNetworkAccessManager, QNetworkProxy, fetch } from '../../lib';
import { fixtureServerForBlock, until } from '../helpers';
import { startSquid, stopAllProxies, type ProxyServer } from '../proxies';

let origin: http.Server;
let base = '';
let squid: ProxyServer;
const seen: { method: string; url: string; headers: http.IncomingHttpHeaders; body: Buffer }[] = [];
let closedEarly = 0; // responses whose connection closed before they were written out
const MIB = 1 << 20;

jest.setTimeout(30000);

beforeAll(async () => {
  squid = await startSquid('digest', { user: 'fdigest', password: 'fetch-digest-secret' });
  origin = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      const u = new URL(req.url!, 'http://x');
      const n = Number(u.searchParams.get('n') ?? 0);
      switch (u.pathname) {
        case '/redirect':
          res.writeHead(302, { Location: n > 0 ? `/redirect?n=${n - 1}` : '/echo' });
          return res.end();
        case '/loop':
          res.writeHead(307, { Location: '/loop' });
          return res.end();
        case '/status':
          res.writeHead(n, { 'X-Status': String(n) });
          return res.end(n === 204 || n === 304 ? undefined : `status ${n}`);
        case '/cookies':
          res.setHeader('Set-Cookie', ['a=1; Path=/', 'b=2; Path=/']);
          return res.end('set');
        case '/stall':
          res.writeHead(200, { 'Content-Type': 'text/plain' });
          res.write('first');
          res.on('close', () => {
            if (!res.writableEnded) closedEarly++;
          });
          return; // never ends
        case '/big': {
          // n MiB, written as the socket drains: the reader's pace shows at the origin.
          res.writeHead(200, { 'Content-Length': n * MIB });
          let left = n;
          const chunk = Buffer.alloc(MIB, 0x61);
          const more = (): void => {
            while (left > 0) {
              left--;
              if (!res.write(chunk)) return void res.once('drain', more);
            }
            res.end();
          };
          res.on('close', () => {
            if (!res.writableEnded) closedEarly++;
          });
          return more();
        }
        default:
          res.writeHead(200, { 'Content-Type': 'application/json', 'X-Echo': 'yes' });
          res.end(JSON.stringify({ method: req.method, url: req.url, body: body.toString('latin1') }));
      }
    });
  });
  await new Promise<void>((r) => origin.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;
});

afterAll(async () => {
  origin.closeAllConnections();
  await new Promise((r) => origin.close(r));
  await stopAllProxies();
});

const last = () => seen[seen.length - 1];

test('GET: status, statusText, headers, url and body as Response gives them; our headers sent', async () => {
  const r = await fetch(`${base}/echo?x=1`, { headers: { 'X-Test': 'yes' } });
  expect(r).toBeInstanceOf(Response);
  expect([r.status, r.statusText, r.ok, r.redirected, r.url]).toEqual([200, 'OK', true, false, `${base}/echo?x=1`]);
  expect(r.headers.get('x-echo')).toBe('yes');
  expect(r.headers.get('content-type')).toBe('application/json');
  expect(await r.json()).toEqual({ method: 'GET', url: '/echo?x=1', body: '' });
  expect(last().headers['x-test']).toBe('yes');
});

test.each([
  ['POST', 'a string', 'a string', 'text/plain;charset=UTF-8'],
  ['PUT', Buffer.from([0, 1, 255]), '\x00\x01\xff', undefined],
  ['PATCH', new URLSearchParams({ a: '1', b: 'x y' }), 'a=1&b=x+y', 'application/x-www-form-urlencoded;charset=UTF-8'],
  ['DELETE', 'gone', 'gone', 'text/plain;charset=UTF-8'],
  ['PROPFIND', '<x/>', '<x/>', 'text/plain;charset=UTF-8'],
] as const)(
  '%s with a body: the method, the bytes and the content type reach the origin',
  async (method, body, sent, type) => {
    const r = await fetch(`${base}/echo`, { method, body });
    expect(await r.json()).toEqual({ method, url: '/echo', body: sent });
    expect(last().headers['content-type']).toBe(type);
    expect(last().headers['content-length']).toBe(String(Buffer.byteLength(sent, 'latin1')));
  },
);

test('a ReadableStream body is sent whole', async () => {
  const parts = ['one ', 'two ', 'three'];
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      const p = parts.shift();
      if (p === undefined) c.close();
      else c.enqueue(new TextEncoder().encode(p));
    },
  });
  const r = await fetch(`${base}/echo`, { method: 'POST', body, duplex: 'half' } as RequestInit);
  expect(((await r.json()) as { body: string }).body).toBe('one two three');
});

test('a Request as input, its method, headers and body used', async () => {
  const r = await fetch(new Request(`${base}/echo`, { method: 'POST', body: 'req', headers: { 'X-R': '1' } }));
  expect(((await r.json()) as { body: string }).body).toBe('req');
  expect(last().headers['x-r']).toBe('1');
});

describe('redirects', () => {
  test('followed by default: the final response, its URL, redirected true', async () => {
    const r = await fetch(`${base}/redirect?n=2`);
    expect([r.status, r.redirected, r.url]).toEqual([200, true, `${base}/echo`]);
    expect(((await r.json()) as { url: string }).url).toBe('/echo');
  });

  test("redirect: 'manual' gives the 3xx response itself", async () => {
    const r = await fetch(`${base}/redirect?n=0`, { redirect: 'manual' });
    expect([r.status, r.redirected, r.headers.get('location')]).toEqual([302, false, '/echo']);
  });

  test("redirect: 'error' rejects with a TypeError", async () => {
    await expect(fetch(`${base}/redirect?n=0`, { redirect: 'error' })).rejects.toThrow(TypeError);
  });

  test('a redirect loop rejects after 20 (fetch fails, Qt says why)', async () => {
    const before = seen.length;
    const e = await fetch(`${base}/loop`).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(TypeError);
    expect((e as Error & { cause: { code: string } }).cause.code).toBe('TooManyRedirectsError');
    // At least the 21 a loop of 20 redirects takes; Qt may send some again on another of its
    // connections to the host (PyQt6's manager made 31-33 here for the same 21).
    expect(seen.length - before).toBeGreaterThanOrEqual(21);
  });
});

test.each([404, 500, 401, 400, 418])('HTTP status %i is a response with its body, not a failure', async (status) => {
  const r = await fetch(`${base}/status?n=${status}`);
  expect([r.status, r.ok, r.headers.get('x-status')]).toEqual([status, false, String(status)]);
  expect(await r.text()).toBe(`status ${status}`);
});

test.each([204, 304])('status %i has a null body', async (status) => {
  const r = await fetch(`${base}/status?n=${status}`);
  expect([r.status, r.body]).toEqual([status, null]);
});

test('HEAD: headers, no body', async () => {
  const r = await fetch(`${base}/echo`, { method: 'HEAD' });
  expect([r.status, r.body, r.headers.get('x-echo')]).toEqual([200, null, 'yes']);
  expect(last().method).toBe('HEAD');
});

test('repeated Set-Cookie headers stay apart (getSetCookie)', async () => {
  const r = await fetch(`${base}/cookies`);
  expect(r.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
});

test("the manager's cookie jar keeps cookies and sends them back; credentials: 'omit' neither sends nor keeps", async () => {
  const manager = new QNetworkAccessManager();
  await (await fetch(`${base}/cookies`, { manager })).text();
  await (await fetch(`${base}/echo`, { manager })).text();
  expect(last().headers.cookie).toBe('a=1; b=2');
  await (await fetch(`${base}/echo`, { manager, credentials: 'omit' })).text();
  expect(last().headers.cookie).toBeUndefined();
  const other = new QNetworkAccessManager();
  await (await fetch(`${base}/cookies`, { manager: other, credentials: 'omit' })).text();
  expect(other.cookieJar().allCookies()).toEqual([]);
});

test('a refused connection rejects with TypeError("fetch failed"), Qt\'s error as the cause', async () => {
  const e = (await fetch('http://127.0.0.1:1/').catch((x: unknown) => x)) as TypeError & {
    cause: Error & { code: string };
  };
  expect(e).toBeInstanceOf(TypeError);
  expect(e.message).toBe('fetch failed');
  expect(e.cause.code).toBe('ConnectionRefusedError');
  expect(e.cause.message).toBe('Connection refused');
});

describe('AbortSignal', () => {
  test('already aborted: rejects with its reason, nothing sent', async () => {
    const before = seen.length;
    await expect(fetch(`${base}/echo`, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen.length).toBe(before);
  });

  test('aborted before the headers: rejects with the reason', async () => {
    const ac = new AbortController();
    const p = fetch(`${base}/echo`, { method: 'POST', body: 'x', signal: ac.signal });
    ac.abort(new Error('changed my mind'));
    await expect(p).rejects.toThrow('changed my mind');
  });

  test('aborted mid-body: the read rejects and the connection is closed', async () => {
    const ac = new AbortController();
    const before = closedEarly;
    const r = await fetch(`${base}/stall`, { signal: ac.signal });
    const reader = r.body!.getReader();
    expect(Buffer.from((await reader.read()).value!).toString()).toBe('first');
    const next = reader.read();
    ac.abort();
    await expect(next).rejects.toMatchObject({ name: 'AbortError' });
    await until(() => closedEarly > before, 10000, 'the origin saw the connection close');
  });
});

test('cancelling the body aborts the transfer', async () => {
  const before = closedEarly;
  const r = await fetch(`${base}/stall`);
  await r.body!.cancel();
  await until(() => closedEarly > before, 10000, 'the origin saw the connection close');
});

test('64 MiB read through the body stream, every byte', async () => {
  const r = await fetch(`${base}/big?n=64`);
  let n = 0;
  let wrong = 0;
  for await (const chunk of r.body as unknown as AsyncIterable<Uint8Array>) {
    n += chunk.length;
    if (chunk.some((b) => b !== 0x61)) wrong++;
  }
  expect([n, wrong]).toEqual([64 * MIB, 0]);
});

describe('through squid requiring Digest (what no Node fetch authenticates to)', () => {
  const viaSquid = (user: string, password: string): QNetworkAccessManager => {
    const manager = new QNetworkAccessManager();
    manager.setProxy(new QNetworkProxy(QNetworkProxy.ProxyType.HttpProxy, '127.0.0.1', squid.port, user, password));
    return manager;
  };

  test('the right credentials on the proxy: the answer comes through squid', async () => {
    const before = seen.length;
    const r = await fetch(`${base}/echo`, { manager: viaSquid('fdigest', 'fetch-digest-secret') });
    expect(r.status).toBe(200);
    expect(((await r.json()) as { url: string }).url).toBe('/echo');
    expect(seen.length).toBe(before + 1);
    expect(last().headers.via).toMatch(/squid/);
  });

  test('credentials answered in proxyAuthenticationRequired', async () => {
    const manager = viaSquid('', '');
    const realms: string[] = [];
    manager.proxyAuthenticationRequired.connect((_proxy, auth) => {
      realms.push(auth.realm());
      auth.setUser('fdigest');
      auth.setPassword('fetch-digest-secret');
    });
    const r = await fetch(`${base}/echo`, { manager });
    expect(r.status).toBe(200);
    expect(realms).toEqual(['qtn-squid-digest']);
  });

  test('wrong credentials: fetch fails, the proxy refused; no password in the error', async () => {
    const e = (await fetch(`${base}/echo`, { manager: viaSquid('fdigest', 'bad-fetch-pw') }).catch(
      (x: unknown) => x,
    )) as TypeError & {
      cause: Error & { code: string };
    };
    expect(e).toBeInstanceOf(TypeError);
    expect(e.cause.code).toBe('ProxyAuthenticationRequiredError');
    expect(`${e.message} ${e.cause.message} ${JSON.stringify(e)}`).not.toMatch(/bad-fetch-pw/);
  });
});

describe("server Digest and compressed bodies, at the parity tests' origin (test/fixtures/parity/http_origin.js)", () => {
  const { at, port } = fixtureServerForBlock('http_origin.js');

  test("Digest answered in the manager's authenticationRequired; without an answer the 401 is the response", async () => {
    const manager = new QNetworkAccessManager();
    const realms: string[] = [];
    manager.authenticationRequired.connect((_reply, auth) => {
      realms.push(auth.realm());
      auth.setUser('ann');
      auth.setPassword('s3cret');
    });
    const r = await fetch(at('/digest'), { manager });
    expect([r.status, await r.text(), realms]).toEqual([200, 'welcome', ['vault-digest']]);
    const refused = await fetch(at('/digest'), { manager: new QNetworkAccessManager() });
    expect([refused.status, await refused.text()]).toEqual([401, 'denied']);
    expect(refused.headers.get('www-authenticate')).toMatch(/^Digest realm="vault-digest", qop="auth"/);
    // Credentials in the URL are refused by the WHATWG Request before anything is sent.
    await expect(fetch(`http://ann:s3cret@127.0.0.1:${port()}/digest`)).rejects.toThrow(/credentials/);
  });

  test("gzip and deflate bodies come inflated; a corrupt gzip body's read fails with Qt's error", async () => {
    const gzip = await fetch(at('/gzip'));
    const deflate = await fetch(at('/deflate'));
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    const text = await gzip.text();
    expect(text).toMatch(/^(compressed body, line after line\n)+$/);
    expect(await deflate.text()).toBe(text);
    const bad = await fetch(at('/gzip/bad'));
    expect(bad.status).toBe(200);
    const e = (await bad.text().catch((x: unknown) => x)) as TypeError & { cause: { code: string; message: string } };
    expect(e).toBeInstanceOf(TypeError);
    expect([e.message, e.cause.code]).toEqual(['fetch failed', 'UnknownContentError']);
    expect(e.cause.message).toMatch(/^Decompression failed/);
  });

  test("with the request's own Accept-Encoding Qt leaves the body as sent and fetch decodes it, as Node's fetch", async () => {
    const plain = await (await fetch(at('/gzip'))).text();
    const own = { headers: { 'accept-encoding': 'gzip, deflate, br' } };
    for (const route of ['/gzip', '/deflate', '/br', '/gzip/twice']) {
      const r = await fetch(at(route), own);
      // The origin echoes the Accept-Encoding it got: the request's own, not Qt's.
      expect([route, r.headers.get('x-accept-encoding'), await r.text()]).toEqual([route, 'gzip, deflate, br', plain]);
    }
    // What Node's fetch does with the same response, for comparison.
    expect(await (await globalThis.fetch(at('/br'), own)).text()).toBe(plain);
    const bad = await fetch(at('/gzip/bad'), own);
    expect(bad.status).toBe(200);
    await expect(bad.text()).rejects.toThrow();
  });
});

test('bad input: a clear TypeError', async () => {
  await expect(fetch(`${base}/echo`, { manager: {} as QNetworkAccessManager })).rejects.toThrow(
    "fetch: 'init.manager' must be a QNetworkAccessManager",
  );
  await expect(fetch('not a url')).rejects.toThrow(TypeError);
  await expect(fetch(`${base}/echo`, 5 as unknown as RequestInit)).rejects.toThrow(TypeError);
});

test('the process exits once the response is read (the shared manager keeps nothing alive)', () => {
  const script = `
    const http = require('node:http');
    const { fetch } = require(${JSON.stringify(path.join(__dirname, '..', '..', 'dist'))});
    const srv = http.createServer((q, s) => s.end('done')).listen(0, '127.0.0.1', async () => {
      const r = await fetch('http://127.0.0.1:' + srv.address().port + '/');
      console.log(await r.text());
      srv.closeAllConnections();
      srv.close();
    });`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 20000 });
  expect({ status: r.status, signal: r.signal, stdout: r.stdout }).toEqual({
    status: 0,
    signal: null,
    stdout: 'done\n',
  });
});
