// Valgrind memcheck smoke (issue 7): test/fixtures/valgrind_smoke.js (TCP echo directly and through
// dante, UDP, deleteLater, collection, exit) on the release addon under memcheck. Any memory error,
// or a block of ours definitely lost at exit, fails it; test/sanitizers/valgrind.supp holds Node's
// own noise, each entry with why. V8 under valgrind is ~30x slower, so the tour is short.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ProxyServer, startDante, stopAllProxies } from '../proxies';

const LIMIT_MS = 240000;
let dante: ProxyServer;

beforeAll(async () => {
  dante = await startDante();
});

afterAll(async () => {
  await stopAllProxies();
});

function memcheck(
  script: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const args = [
    '--error-exitcode=1',
    '--leak-check=full',
    '--show-leak-kinds=definite',
    '--errors-for-leak-kinds=definite',
    `--suppressions=${path.join(__dirname, 'valgrind.supp')}`,
    process.execPath,
    '--expose-gc',
    script,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('valgrind', args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    const timer = setTimeout(() => child.kill('SIGKILL'), LIMIT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

test(
  'a connect, echo, proxy, UDP and exit tour is clean under valgrind memcheck',
  async () => {
    const smoke = path.join(__dirname, '..', 'fixtures', 'valgrind_smoke.js');
    // The release build, as shipped (an ASan build cannot run under valgrind).
    const env = {
      QTN_DANTE_PORT: String(dante.port),
      QTNETWORK_ADDON: path.join(__dirname, '..', '..', 'build', 'Release', 'qtnetwork.node'),
    };
    const r = await memcheck(smoke, env);
    const errors = r.stderr.match(/ERROR SUMMARY: (\d+) errors/);
    if (r.code !== 0 || errors?.[1] !== '0') process.stderr.write(r.stderr);
    expect(r.stdout).toBe(
      ['direct: hello direct', 'socks5: hello through dante', 'udp: datagram one / datagram two', 'done', ''].join(
        '\n',
      ),
    );
    expect(errors?.[1]).toBe('0');
    expect(r.code).toBe(0);
    // dante saw the proxied connection: the smoke went through it.
    expect(dante.log()).toMatch(/connect/i);
  },
  LIMIT_MS + 30000,
);
