// Hostile-proxy parity: each scenario runs live in PyQt6 and in qtnetwork through a fresh instance of
// our misbehaving proxy (test/fixtures/hostile_proxy.js, one per scenario); the traces must match
// (see tcp.test.ts), the proxy must see the same requests from both, neither process may crash or
// hang, and where a scenario asks, our runner's memory may grow only as much as PyQt6's does.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { comparableTraces } from '../helpers';
import { HostileMode, ProxyServer, startHostileProxy, stopAllProxies } from '../proxies';

type Step = Record<string, unknown> & { op: string };
type Scenario = {
  name: string;
  proxy: { mode: HostileMode; args?: string[] };
  steps: Step[];
  /** Our runner's peak RSS may exceed its baseline by at most maxGrowthMiB, and PyQt6's growth by at most slackMiB. */
  memory?: { maxGrowthMiB: number; slackMiB: number };
  /** Runs ours this many times against one PyQt6 run (for a race that shows only in some runs). */
  repeat?: number;
  note?: string;
};

const fixtures = path.join(__dirname, '..', 'fixtures', 'parity');
const scenarios: Scenario[] = JSON.parse(fs.readFileSync(path.join(fixtures, 'hostile_scenarios.json'), 'utf8'));
const RUN_MS = 60000;
const MiB = 1024 * 1024;

jest.setTimeout(150000);

interface Run {
  trace: unknown;
  /** VmHWM of the runner, sampled until it exited (bytes). */
  peak: number;
}

/** Runs one side in a fresh process, sampling its peak RSS; fails on a crash, a hang or bad output. */
function runSide(
  which: 'pyqt' | 'ours',
  scenario: { name: string; steps: Step[] },
  ports: Record<string, number>,
): Promise<Run> {
  const [cmd, script] = which === 'pyqt' ? ['/usr/bin/python3', 'tcp_runner.py'] : [process.execPath, 'tcp_runner.js'];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, [path.join(fixtures, script)], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, QTN_DIST: path.join(__dirname, '..', '..', 'dist'), QTN_PORTS: JSON.stringify(ports) },
    });
    let out = '';
    let err = '';
    let peak = 0;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      if (err.length < 65536) err += d;
    });
    const sample = (): void => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peak = Math.max(peak, Number(m[1]) * 1024);
      } catch {
        /* exited meanwhile */
      }
    };
    const sampler = setInterval(sample, 20);
    const killer = setTimeout(() => child.kill('SIGKILL'), RUN_MS);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearInterval(sampler);
      clearTimeout(killer);
      const why =
        signal === 'SIGKILL'
          ? `hung (killed after ${RUN_MS} ms)`
          : signal
            ? `died of ${signal}`
            : `exited with ${code}`;
      if (code !== 0) return reject(new Error(`${which} runner ${why}\n${err}`));
      try {
        resolve({ trace: JSON.parse(out), peak });
      } catch {
        reject(new Error(`${which} runner printed no trace:\n${out}\n${err}`));
      }
    });
    child.stdin.end(JSON.stringify(scenario));
  });
}

type ProxyEvent = { event: string; conn?: number; data?: string; user?: string } & Record<string, unknown>;

const events = (log: string): ProxyEvent[] =>
  log
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as ProxyEvent);

/** Waits (bounded) until every connection the proxy accepted since `from` has closed. */
async function proxyQuiet(proxy: ProxyServer, from: number): Promise<void> {
  for (let i = 0; i < 150; i++) {
    const ev = events(proxy.log().slice(from));
    if (ev.filter((e) => e.event === 'accept').length === ev.filter((e) => e.event === 'close').length) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * What the proxy saw from one run: each request it parsed, with the user its client authenticated
 * as (SOCKS5 username method, or HTTP Proxy-Authorization: the user only, never the password).
 */
function proxySaw(log: string): string[] {
  const received = new Map<number, string>();
  const socksUser = new Map<number, string>();
  const seen: string[] = [];
  for (const e of events(log)) {
    const conn = e.conn as number;
    if (e.event === 'recv') received.set(conn, (received.get(conn) ?? '') + e.data);
    if (e.event === 'auth') socksUser.set(conn, e.user as string);
    if (e.event !== 'request') continue;
    const basic = /^Proxy-Authorization: Basic (\S+)\r$/m.exec(received.get(conn) ?? '');
    const user = basic ? Buffer.from(basic[1], 'base64').toString('latin1').split(':')[0] : socksUser.get(conn);
    const what = e.protocol === 'http' ? e.method : `command ${e.command} atyp ${e.atyp}`;
    seen.push(`${e.protocol} ${what} ${e.host}:${e.port}${user === undefined ? '' : ` as ${user}`}`);
  }
  return seen;
}

// --- proxies: one per scenario, started before its test and stopped after it ---------------------

const byName = new Map(scenarios.map((s) => [s.name, s]));
let proxy: ProxyServer | undefined;

beforeEach(async () => {
  const s = byName.get(expect.getState().currentTestName ?? '');
  proxy = s ? await startHostileProxy(s.proxy.mode, [...(s.proxy.args ?? []), '--lifetime-ms', '300000']) : undefined;
});

afterEach(async () => {
  await proxy?.stop();
  proxy = undefined;
});

afterAll(() => stopAllProxies());

// Each runner's peak RSS for a connect through a SOCKS5 proxy port nobody listens on (refused at
// once): loading Qt, the addon and a proxy socket engine, without any proxy data.
const baseline: Partial<Record<'pyqt' | 'ours', number>> = {};
const baselineScenario = {
  name: 'baseline',
  steps: [
    { op: 'socket', name: 'c' },
    { op: 'setProxy', sock: 'c', type: 1, host: '127.0.0.1', port: 9 },
    { op: 'connect', sock: 'c', host: '127.0.0.1', port: 9 },
    { op: 'waitConnected', sock: 'c', ms: 1500 },
    { op: 'settle', ms: 200 },
  ],
};

beforeAll(async () => {
  if (!scenarios.some((s) => s.memory)) return;
  baseline.pyqt = (await runSide('pyqt', baselineScenario, {})).peak;
  baseline.ours = (await runSide('ours', baselineScenario, {})).peak;
});

// --- the scenarios ---------------------------------------------------------------------------------

test('every hostile mode, every SOCKS5 REP code and the HTTP statuses Qt maps are covered', () => {
  const modes = new Set(scenarios.map((s) => s.proxy.mode));
  const all: HostileMode[] = [
    'socks-wrong-version',
    'socks-truncated',
    'socks-bad-method',
    'socks-unknown-atyp',
    'socks-huge-domain',
    'socks-close-early',
    'socks-silent',
    'socks-fail-reply',
    'http-garbage-status',
    'http-no-header-end',
    'http-status',
    'http-close-early',
    'http-silent',
  ];
  for (const m of all) expect(modes).toContain(m);
  const argsOf = (mode: HostileMode, flag: string): number[] =>
    scenarios
      .filter((s) => s.proxy.mode === mode)
      .map((s) => s.proxy.args ?? [])
      .filter((a) => a[0] === flag)
      .map((a) => Number(a[1]));
  const reps = new Set(argsOf('socks-fail-reply', '--rep'));
  for (const rep of [1, 2, 3, 4, 5, 6, 7, 8, 0x42]) expect(reps).toContain(rep);
  const statuses = new Set(argsOf('http-status', '--status'));
  for (const st of [400, 403, 404, 405, 407, 500, 502, 503, 504]) expect(statuses).toContain(st);
  // 407 with and without a slot that answers proxyAuthenticationRequired.
  const with407 = scenarios.filter((s) => s.proxy.mode === 'http-status' && s.proxy.args?.[1] === '407');
  expect(new Set(with407.map((s) => s.steps.some((st) => st.op === 'authSlot')))).toEqual(new Set([true, false]));
  // Some SOCKS5 modes with a host name the proxy resolves, as well as IP targets.
  const named = scenarios.filter(
    (s) => s.proxy.mode.startsWith('socks-') && s.steps.some((st) => st.op === 'connect' && st.host !== '127.0.0.1'),
  );
  expect(new Set(named.map((s) => s.proxy.mode)).size).toBeGreaterThanOrEqual(4);
  expect(byName.size).toBe(scenarios.length); // names are unique: beforeEach finds its proxy by name
});

for (const scenario of scenarios) {
  test(scenario.name, async () => {
    if (!proxy) throw new Error('no proxy started for this scenario');
    const ports = { hostile: proxy.port };

    let from = proxy.log().length;
    const pyqt = await runSide('pyqt', scenario, ports);
    await proxyQuiet(proxy, from);
    const pyqtSaw = proxySaw(proxy.log().slice(from));

    // A host name goes to the proxy as a name (HostNameLookupCapability): nothing resolved it here.
    const host = scenario.steps.find((s) => s.op === 'connect')?.host;
    for (const seen of pyqtSaw) expect(seen).toContain(` ${host}:9`);

    let ours: Run | undefined;
    for (let i = 0; i < (scenario.repeat ?? 1); i++) {
      from = proxy.log().length;
      ours = await runSide('ours', scenario, ports);
      await proxyQuiet(proxy, from);
      const [oursTrace, pyqtTrace] = comparableTraces(ours.trace, pyqt.trace);
      expect(oursTrace).toEqual(pyqtTrace);
      expect(proxySaw(proxy.log().slice(from))).toEqual(pyqtSaw);
      expect(JSON.stringify(ours.trace)).not.toMatch(/secret/); // traces never hold a password
    }

    if (scenario.memory && ours) {
      const grewOurs = ours.peak - (baseline.ours as number);
      const grewPyqt = pyqt.peak - (baseline.pyqt as number);
      const mib = (n: number): string => `${(n / MiB).toFixed(1)} MiB`;
      const verdict =
        ours.peak === 0
          ? 'no RSS sample'
          : grewOurs > scenario.memory.maxGrowthMiB * MiB
            ? `ours grew ${mib(grewOurs)} (over ${scenario.memory.maxGrowthMiB} MiB)`
            : grewOurs > Math.max(grewPyqt, 0) + scenario.memory.slackMiB * MiB
              ? `ours grew ${mib(grewOurs)}, PyQt6 ${mib(grewPyqt)}`
              : 'bounded';
      expect(verdict).toBe('bounded');
    }
  });
}
