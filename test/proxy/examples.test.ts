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
  const r = spawnSync(process.execPath, [script, '127.0.0.1', String(microsocks.port), 'muser', 'mpass', NON_LOOPBACK], {
    encoding: 'utf8',
    timeout: 20000,
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/client: echoed "hello through SOCKS5\\n"/);
  // The connection went through the proxy, to the address the server listened on (its log is
  // written as it goes: wait for the line).
  await until(() => microsocks.targets().some((t) => t.startsWith(`${NON_LOOPBACK}:`)), 5000, 'the proxy log line');
});
