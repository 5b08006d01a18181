// The examples that need a proxy, run as a user runs them, against a real one.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { addNonLoopbackAddress, NON_LOOPBACK, until } from '../helpers';
import { ProxyServer, startMicrosocks, stopAllProxies } from '../proxies';

let microsocks: ProxyServer;

beforeAll(async () => {
  addNonLoopbackAddress();
  microsocks = await startMicrosocks({ user: 'muser', password: 'mpass' });
});

afterAll(() => stopAllProxies());

test('the QNetworkProxy documentation example: application-wide SOCKS5 with credentials, server opts out', async () => {
  const script = path.join(__dirname, '..', '..', 'examples', 'socks5-application-proxy.js');
  const r = spawnSync(
    process.execPath,
    [script, '127.0.0.1', String(microsocks.port), 'muser', 'mpass', NON_LOOPBACK],
    {
      encoding: 'utf8',
      timeout: 20000,
    },
  );
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/client: echoed "hello through SOCKS5\\n"/);
  // The connection went through the proxy, to the address the server listened on (its log is
  // written as it goes: wait for the line).
  await until(() => microsocks.targets().some((t) => t.startsWith(`${NON_LOOPBACK}:`)), 5000, 'the proxy log line');
});

const example = (name: string): string => path.join(__dirname, '..', '..', 'examples', name);

test('HTTP through a Qt proxy: the example fetches from a real http server through dante and through tinyproxy', async () => {
  const http = await import('node:http');
  const web = http.createServer((req, res) => res.end(`hello ${req.url}\n`));
  await new Promise<void>((r) => web.listen(0, NON_LOOPBACK, r));
  const { startDante, startTinyproxy } = await import('../proxies');
  const [dante, tinyproxy] = await Promise.all([startDante(), startTinyproxy()]);
  try {
    const url = `http://${NON_LOOPBACK}:${(web.address() as { port: number }).port}/x`;
    for (const [kind, proxy] of [
      ['socks5', dante],
      ['http', tinyproxy],
    ] as const) {
      // spawn, not spawnSync: the web server answers from this process.
      const { execFile } = await import('node:child_process');
      const out = await new Promise<string>((resolve, reject) =>
        execFile(
          process.execPath,
          [example('http-through-qt-proxy.js'), kind, proxy.host, String(proxy.port), url],
          { timeout: 20000 },
          (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout + stderr)),
        ),
      );
      expect(out).toBe('HTTP 200\nhello /x\n');
      await until(() => proxy.targets().some((t) => t.startsWith(`${NON_LOOPBACK}:`)), 5000, `${kind} proxy log`);
    }
  } finally {
    web.close();
  }
});
