// Shared test helpers: bounded waits on signals and conditions.
import { execFile, execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { QTcpServer, QTcpSocket } from '../lib';
import type { Signal } from '../lib/core/signal';

/** Resolves with the signal's arguments the next time it is emitted; rejects after `ms`. */
export function nextEmit<A extends unknown[]>(signal: Signal<A>, ms = 10000): Promise<A> {
  return new Promise<A>((resolve, reject) => {
    const slot = (...args: A): void => {
      clearTimeout(timer);
      signal.disconnect(slot);
      resolve(args);
    };
    const timer = setTimeout(() => {
      signal.disconnect(slot);
      reject(new Error(`timed out after ${ms} ms waiting for ${signal.name}`));
    }, ms);
    signal.connect(slot);
  });
}

/** Polls `cond` every few ms until it holds; rejects after `ms`. */
export async function until(cond: () => boolean, ms = 10000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** Reads exactly `n` bytes from `s`, waiting for them as they come; rejects after `ms`. */
export async function readExactly(s: QTcpSocket, n: number, ms = 10000): Promise<Buffer> {
  const parts: Buffer[] = [];
  let got = 0;
  const end = Date.now() + ms;
  for (let i = 0; got < n && i < 100000; i++) {
    if (s.bytesAvailable() === 0) {
      if (Date.now() > end) throw new Error(`read ${got} of ${n} bytes`);
      await s.waitForReadyRead(Math.max(1, end - Date.now()));
      continue;
    }
    const b = s.read(n - got);
    parts.push(b);
    got += b.length;
  }
  return Buffer.concat(parts);
}

/** Makes `server` an echo server: each connection gets back every byte it sends. */
export function echoConnections(server: QTcpServer): void {
  server.newConnection.connect(() => {
    for (let p = server.nextPendingConnection(); p !== null; p = server.nextPendingConnection()) {
      const peer = p;
      peer.readyRead.connect(() => peer.write(peer.readAll()));
    }
  });
}

/** Writes "ping" on a socket connected to an echoConnections server; resolves with what came back. */
export async function ping(sock: QTcpSocket): Promise<string> {
  sock.write('ping');
  let got = '';
  await until(() => ((got += sock.readAll().toString()), got.length >= 4), 10000, 'the echo');
  return got;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Runs the collector a few times, with turns of the loop between (the suite runs with --expose-gc). */
export async function collectGarbage(): Promise<void> {
  const gc = (global as unknown as { gc?: () => void }).gc;
  if (!gc) throw new Error('run the tests with node --expose-gc');
  for (let i = 0; i < 5; i++) {
    gc();
    await sleep(20);
  }
}

/**
 * Runs `work`, which makes native objects and closes them without keeping a reference: once
 * collected, they must all be freed (`liveCount`: the runtime's count of live native handles).
 */
export async function expectFreedOnceCollected(liveCount: () => number, work: () => Promise<void>): Promise<void> {
  await collectGarbage();
  const baseline = liveCount();
  await work();
  expect(liveCount()).toBeGreaterThan(baseline);
  await collectGarbage();
  await until(() => liveCount() === baseline, 5000, `live handles back to ${baseline}`);
}

/**
 * An address of this network namespace that is not loopback (Qt's application proxy and QTcpServer
 * bypass proxies for loopback): added to `lo`, so it stays inside the namespace.
 */
export const NON_LOOPBACK = '10.77.0.1';

export function addNonLoopbackAddress(): void {
  if (process.env.QTNETWORK_IN_NETNS !== '1') throw new Error('proxy tests run inside scripts/in-netns');
  const r = spawnSync('ip', ['addr', 'add', `${NON_LOOPBACK}/32`, 'dev', 'lo'], { encoding: 'utf8' });
  if (r.status !== 0 && !/exists|already assigned/i.test(r.stderr))
    throw new Error(`ip addr add ${NON_LOOPBACK}: ${r.stderr}`);
}

/**
 * Multicast on the test's own network namespace (scripts/in-netns): lo gets the MULTICAST flag
 * and a route for 224.0.0.0/4, so group traffic loops back on lo and nothing leaves the machine.
 */
export function enableLoopbackMulticast(): void {
  if (process.env.QTNETWORK_IN_NETNS !== '1') throw new Error('multicast tests run inside scripts/in-netns');
  const up = spawnSync('ip', ['link', 'set', 'lo', 'multicast', 'on'], { encoding: 'utf8' });
  if (up.status !== 0) throw new Error(`ip link set lo multicast on: ${up.stderr}`);
  const route = spawnSync('ip', ['route', 'replace', '224.0.0.0/4', 'dev', 'lo'], { encoding: 'utf8' });
  if (route.status !== 0) throw new Error(`ip route replace 224.0.0.0/4 dev lo: ${route.stderr}`);
}

/** A parity scenario: steps that test/fixtures/parity/<x>_runner.{py,js} interpret the same way. */
// watchBytesWritten: false runs a UDP scenario with no slot on bytesWritten (udp_runner.*).
export type Scenario = {
  name: string;
  steps: { op: string }[];
  watchBytesWritten?: boolean;
  // Why the thread runtime differs there by design (its Qt thread runs ahead of a busy JS thread:
  // README); the scenario runs under the loop runtime only.
  loopRuntimeOnly?: string;
};

const PARITY_FIXTURES = path.join(__dirname, 'fixtures', 'parity');

/**
 * Reads the scenarios of one parity suite (test/fixtures/parity/<file>), those marked
 * loopRuntimeOnly left out under the thread runtime.
 */
export function loadScenarios<S extends Scenario = Scenario>(file: string): S[] {
  const all: S[] = JSON.parse(fs.readFileSync(path.join(PARITY_FIXTURES, file), 'utf8'));
  return process.env.QTNETWORK_RUNTIME === 'thread' ? all.filter((s) => !s.loopRuntimeOnly) : all;
}

type Trace = { runtime?: unknown; steps?: { inside?: unknown }[] } & Record<string, unknown>;

/**
 * A proxy factory's questions, a repeat of the one before left out: Qt asks the same question once
 * per socket engine it tries, and the thread runtime asks the JS factory each distinct question
 * once per connect or listen (lib/QNetworkProxyFactory.ts). In the loop runtime Qt asks it itself,
 * so the counts compare as they are.
 */
function onceEach(signals: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, seq] of Object.entries(signals))
    out[name] = seq.filter((entry, k) => !(entry.startsWith('queryProxy(') && seq[k - 1] === entry));
  return out;
}

/**
 * Both traces of a scenario as they compare: ours names its runtime, which is checked and left out.
 * Under 'loop' slots run inside Qt's emission, as in PyQt6, so what was logged while each step ran
 * (its "inside") is compared too, but for steps that turned Node's loop; under 'thread' they run
 * after the call by design, so it is left out on both sides and the rest compares as before.
 */
export function comparableTraces(ours: unknown, pyqt: unknown): [unknown, unknown] {
  const { runtime, ...rest } = ours as Trace;
  const wanted = process.env.QTNETWORK_RUNTIME;
  if (runtime !== 'loop' && runtime !== 'thread') throw new Error(`our runner named no runtime: ${String(runtime)}`);
  if (wanted && runtime !== wanted) throw new Error(`QTNETWORK_RUNTIME=${wanted}, but our runner ran ${runtime}`);
  const turned = new Set((rest.steps ?? []).flatMap((step, k) => (step.inside === null ? [k] : [])));
  const outside = (t: Trace): Trace => ({
    ...t,
    steps: t.steps?.map(({ inside, ...step }, k) =>
      runtime === 'loop' && !turned.has(k) ? { ...step, inside } : step,
    ),
    ...(runtime === 'thread' && t.signals ? { signals: onceEach(t.signals as Record<string, string[]>) } : {}),
  });
  return [outside(rest), outside(pyqt as Trace)];
}

/** How one side of a scenario runs: [command, args, options] for execFile. */
function sideCommand(
  runner: string,
  side: 'ours' | 'pyqt',
  ports: Record<string, number>,
  env: Record<string, string>,
): [string, string[], { encoding: 'utf8'; timeout: number; env: NodeJS.ProcessEnv }] {
  const [cmd, script] = side === 'pyqt' ? ['/usr/bin/python3', `${runner}.py`] : [process.execPath, `${runner}.js`];
  return [
    cmd,
    [path.join(PARITY_FIXTURES, script)],
    {
      encoding: 'utf8',
      timeout: 60000,
      env: {
        ...process.env,
        QTN_DIST: path.join(__dirname, '..', 'dist'),
        QTN_PORTS: JSON.stringify(ports),
        ...env,
      },
    },
  ];
}

/**
 * Runs `scenario` with PyQt6 (`<runner>.py`, /usr/bin/python3) and with ours (`<runner>.js` on
 * dist/), each in a fresh process, and returns both traces as they compare (comparableTraces):
 * [ours, pyqt]. `ports`: servers the test started, by the names the scenarios use. `env`: variables
 * for one side's process (e.g. a TMPDIR of its own).
 */
export function runBothSides(
  runner: string,
  scenario: Scenario,
  ports: Record<string, number> = {},
  env: (side: 'ours' | 'pyqt') => Record<string, string> = () => ({}),
): [unknown, unknown] {
  const run = (side: 'ours' | 'pyqt'): unknown => {
    const [cmd, args, options] = sideCommand(runner, side, ports, env(side));
    return JSON.parse(execFileSync(cmd, args, { ...options, input: JSON.stringify(scenario) }));
  };
  const pyqt = run('pyqt');
  return comparableTraces(run('ours'), pyqt);
}

/**
 * runBothSides with the two sides at the same time, for a suite that runs several scenarios at
 * once (their peers must take concurrent connections).
 */
export async function runBothSidesAsync(
  runner: string,
  scenario: Scenario,
  ports: Record<string, number> = {},
  env: (side: 'ours' | 'pyqt') => Record<string, string> = () => ({}),
): Promise<[unknown, unknown]> {
  const run = (side: 'ours' | 'pyqt'): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const [cmd, args, options] = sideCommand(runner, side, ports, env(side));
      const child = execFile(cmd, args, options, (err, stdout, stderr) => {
        if (err) reject(new Error(`${side} side of "${scenario.name}": ${err.message}\n${stderr}`));
        else resolve(JSON.parse(stdout));
      });
      child.stdin!.end(JSON.stringify(scenario));
    });
  const [ours, pyqt] = await Promise.all([run('ours'), run('pyqt')]);
  return comparableTraces(ours, pyqt);
}

/**
 * Runs `task` for each item, at most `limit` at a time, from now on; the answer holds each
 * item's outcome, to await where it is wanted (a failure stays with its item).
 */
export function inBatches<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R>[] {
  let active = 0;
  const waiting: (() => void)[] = [];
  // A finished task hands its place to the next one waiting.
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  return items.map((item) => {
    const outcome = (async () => {
      if (active < limit) active++;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await task(item);
      } finally {
        release();
      }
    })();
    // Awaited later, by its test: until then a failure is not an unhandled rejection.
    outcome.catch(() => undefined);
    return outcome;
  });
}

/**
 * A fresh directory for a test's files and socket names (pid and a counter in its name, under the
 * system's temp dir); `remove()` deletes it with everything in it.
 */
let tempDirs = 0;
export function makeTempDir(label: string): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `qtn-${label}-${process.pid}-${++tempDirs}-`));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Starts a server of the test's own from test/fixtures/parity (a process of its own, since the
 * parity runners are run synchronously): it prints its port as its first line (`line`, for a
 * script that prints more than one), and ends when its stdin closes (stop()). `env`: variables for
 * its process beside this one's.
 */
export async function startFixtureServer(
  script: string,
  env: Record<string, string> = {},
): Promise<{ port: number; line: string; stop(): void }> {
  const child = spawn(process.execPath, [path.join(PARITY_FIXTURES, script)], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  const line = await new Promise<string>((resolve, reject) => {
    child.once('error', reject);
    child.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim()));
  });
  return { port: Number(line), line, stop: () => child.stdin!.end() };
}

/**
 * The fixture server `script` for the enclosing describe block: started before its tests, ended
 * after them; `at(path)` is its URL on 127.0.0.1.
 */
export function fixtureServerForBlock(script: string): { at(path: string): string; port(): number } {
  let server: { port: number; stop(): void } | undefined;
  beforeAll(async () => {
    server = await startFixtureServer(script);
  });
  afterAll(() => server?.stop());
  return { at: (p) => `http://127.0.0.1:${server!.port}${p}`, port: () => server!.port };
}

export type ProgramResult = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };
export type Program = {
  waitFor(re: RegExp): Promise<RegExpMatchArray>;
  closeStdin(): void;
  done: Promise<ProgramResult>;
};

/** Starts a program (a PyQt6 original, a port); it is killed (by its pid) if it has not ended within `ms`. */
export function startProgram(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}, ms = 20000): Program {
  const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  let ended = false;
  const watchers = new Set<() => void>();
  child.stdout.on('data', (d) => {
    stdout += d;
    for (const w of watchers) w();
  });
  child.stderr.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => child.pid !== undefined && process.kill(child.pid, 'SIGKILL'), ms);
  const done = new Promise<ProgramResult>((resolve) =>
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      ended = true;
      for (const w of watchers) w();
      resolve({ code, signal, stdout, stderr });
    }),
  );
  const waitFor = (re: RegExp): Promise<RegExpMatchArray> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        const m = stdout.match(re);
        if (m || ended) watchers.delete(check);
        if (m) resolve(m);
        else if (ended)
          reject(new Error(`${path.basename(args[0] ?? cmd)} ended without printing ${re}: ${stdout}${stderr}`));
      };
      watchers.add(check);
      check();
    });
  return { waitFor, closeStdin: () => child.stdin.end(), done };
}
