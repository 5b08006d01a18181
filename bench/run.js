// `npm run bench`: the same workloads with our binding (A), Node's own net/dgram or the npm socks
// client (B) and PyQt6 (C), interleaved A B C A B C for several rounds in one run; medians,
// ratios against the issue's targets (a report: a miss is printed, never an exit code), a
// Markdown table on stdout and everything as JSON. Each measurement is a child process of its own
// (bench/node-side.js, bench/pyqt_side.py), so no side runs in the heap or beside the threads of
// another. Run it inside scripts/in-netns (the npm script does): only loopback, nothing leaves.
//
//   node bench/run.js [--rounds N] [--smoke] [--out FILE] [--only bulk,ping,...] [--sides ours,node,pyqt]
//   env: BENCH_ROUNDS, BENCH_OUT, BENCH_ONLY, BENCH_SIDES; sizes: BENCH_BULK_MIB, BENCH_PING_ROUNDS,
//        BENCH_CONNECTS, BENCH_UDP_ROUNDS, BENCH_PROXIED_MIB, BENCH_RSS_CONNS
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { parseArgs } = require('node:util');
const { canConnect, freePort } = require('../scripts/ports');

const PYTHON = '/usr/bin/python3';
const MICROSOCKS = '/usr/bin/microsocks';
const LOCAL = '127.0.0.1';
const READY_MS = 5000;
const STOP_MS = 3000;

const { values: flags } = parseArgs({
  options: {
    rounds: { type: 'string' },
    smoke: { type: 'boolean', default: false },
    out: { type: 'string' },
    only: { type: 'string' },
    sides: { type: 'string' },
  },
});

const env = (name, dflt) =>
  process.env[name] !== undefined && process.env[name] !== '' ? Number(process.env[name]) : dflt;
// --smoke: tiny sizes, one round, for CI (test/bench/smoke.test.ts): proves every row is produced.
const S = flags.smoke;
const cfg = {
  rounds: Number(flags.rounds ?? env('BENCH_ROUNDS', S ? 1 : 5)),
  bulkBytes: env('BENCH_BULK_MIB', S ? 4 : 512) * 2 ** 20,
  pingRounds: env('BENCH_PING_ROUNDS', S ? 200 : 10000),
  connects: env('BENCH_CONNECTS', S ? 50 : 2000),
  udpRounds: env('BENCH_UDP_ROUNDS', S ? 200 : 5000),
  proxiedBytes: env('BENCH_PROXIED_MIB', S ? 4 : 512) * 2 ** 20,
  rssConns: env('BENCH_RSS_CONNS', S ? 200 : 10000),
  // One measurement's bound; the driver kills a child that outlives it by much.
  timeoutMs: S ? 20000 : 180000,
};
const outFile = path.resolve(flags.out ?? process.env.BENCH_OUT ?? path.join(__dirname, 'results', 'results.json'));
for (const [k, v] of Object.entries(cfg))
  if (!Number.isInteger(v) || v <= 0) die(`${k} must be a positive integer, got ${v}`);

const ALL_SIDES = ['ours', 'node', 'pyqt'];
// --sides ours,node: a quicker run while iterating (targets against a side left out: no data).
const SIDES = (flags.sides ?? process.env.BENCH_SIDES ?? ALL_SIDES.join(',')).split(',').filter(Boolean);
for (const s of SIDES) if (!ALL_SIDES.includes(s)) die(`--sides: unknown side ${s} (${ALL_SIDES.join(', ')})`);
if (!SIDES.includes('ours')) die('--sides must include ours');
const WORKLOADS = [
  {
    id: 'bulk',
    title: `bulk TCP ${cfg.bulkBytes >> 20} MiB, one process`,
    unit: 'MB/s',
    higher: true,
    node: 'net',
    params: () => ({ bytes: cfg.bulkBytes }),
  },
  {
    id: 'ping',
    title: '64 B ping-pong, one process',
    unit: 'µs/RTT',
    higher: false,
    node: 'net',
    params: () => ({ rounds: cfg.pingRounds }),
  },
  {
    id: 'pingRemote',
    title: '64 B ping-pong to a net echo in another process',
    unit: 'µs/RTT',
    higher: false,
    node: 'net',
    needs: 'echo',
    params: (s) => ({ rounds: cfg.pingRounds, port: s.echo.port }),
  },
  {
    id: 'connect',
    title: 'connect + accept + close, one process',
    unit: 'conn/s',
    higher: true,
    node: 'net',
    params: () => ({ count: cfg.connects }),
  },
  {
    id: 'udp',
    title: '64 B UDP request/response, echo in the same process',
    unit: 'µs/RTT',
    higher: false,
    node: 'dgram',
    params: () => ({ rounds: cfg.udpRounds }),
  },
  {
    id: 'proxied',
    title: `bulk TCP ${cfg.proxiedBytes >> 20} MiB through microsocks (SOCKS5)`,
    unit: 'MB/s',
    higher: true,
    node: 'npm socks',
    needs: 'proxy',
    params: (s) => ({ bytes: cfg.proxiedBytes, proxyPort: s.proxy.port }),
  },
  {
    id: 'rss',
    title: `RSS per idle connection, ${cfg.rssConns} connections`,
    unit: 'KiB/conn',
    higher: false,
    node: 'net',
    needs: 'rss',
    params: () => ({ count: cfg.rssConns }),
  },
];
// The issue's targets: ours/other, measured in the same run.
const TARGETS = [
  { workload: 'bulk', vs: 'pyqt', op: '>=', ratio: 1.0 },
  { workload: 'bulk', vs: 'node', op: '>=', ratio: 1.3 },
  { workload: 'pingRemote', vs: 'node', op: '<=', ratio: 1.2 },
  { workload: 'ping', vs: 'node', op: '<=', ratio: 2.5 },
  { workload: 'connect', vs: 'node', op: '>=', ratio: 0.8 },
  { workload: 'udp', vs: 'node', op: '<=', ratio: 1.3 },
  { workload: 'proxied', vs: 'node', op: '>=', ratio: 1.0 },
  { workload: 'rss', vs: 'node', op: '<=', ratio: 1.5 },
];

const only = (flags.only ?? process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
for (const o of only)
  if (!WORKLOADS.some((w) => w.id === o))
    die(`--only: unknown workload ${o} (${WORKLOADS.map((w) => w.id).join(', ')})`);
const selected = WORKLOADS.filter((w) => only.length === 0 || only.includes(w.id));

function die(why) {
  process.stderr.write(`bench: ${why}\n`);
  process.exit(2);
}

// --- child processes: all ours, each ended by its own pid ----------------------------------------

// Helpers end with us: setpriv --pdeathsig sends them SIGTERM if the bench dies first.
const SETPRIV = fs.existsSync('/usr/bin/setpriv') ? ['/usr/bin/setpriv', '--pdeathsig', 'TERM', '--'] : [];

// A shell that raises the fd limit to `fds` (root may raise the hard limit too; otherwise up to
// the hard limit) before exec'ing the command: 10,000 connections need more than the usual 1024.
function withFdLimit(fds, argv) {
  return [
    '/bin/bash',
    '-c',
    `ulimit -n ${fds} 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec "$@"`,
    'fdlimit',
    ...argv,
  ];
}

const running = (child) => child.exitCode === null && child.signalCode === null;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function exitOf(child, ms) {
  return new Promise((resolve) => {
    if (!running(child)) return resolve(child.exitCode);
    const timer = setTimeout(() => resolve('timeout'), ms);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

async function stopChild(child) {
  if (!running(child)) return;
  child.kill('SIGTERM');
  if ((await exitOf(child, STOP_MS)) === 'timeout') {
    child.kill('SIGKILL');
    await exitOf(child, STOP_MS);
  }
}

/** Runs one measurement; resolves with its JSON line, or { error }. */
function measure(argv) {
  return new Promise((resolve) => {
    const [cmd, ...args] = argv;
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d) => {
      if (out.length < 1 << 20) out += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d) => {
      if (err.length < 1 << 20) err += d;
    });
    child.on('error', (e) => {
      err += `${e.message}\n`;
    });
    const timer = setTimeout(() => {
      err += `killed after ${cfg.timeoutMs + 10000} ms\n`;
      child.kill('SIGKILL');
    }, cfg.timeoutMs + 10000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').pop();
      try {
        if (code !== 0) throw new Error(`exit ${code ?? signal}`);
        const r = JSON.parse(line);
        if (!Number.isFinite(r.value) || r.value <= 0) throw new Error(`value ${r.value}`);
        resolve(r);
      } catch (e) {
        resolve({ error: `${e.message}: ${err.trim().split('\n').slice(-3).join(' | ')}` });
      }
    });
  });
}

/** bench/echo-server.js; resolves with { port, child } once it listens (bounded). */
async function startEcho(fds) {
  const argv = withFdLimit(fds, [...SETPRIV, process.execPath, path.join(__dirname, 'echo-server.js'), String(fds)]);
  const child = spawn(argv[0], argv.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d) => {
    out += d;
  });
  child.stderr.setEncoding('utf8').on('data', (d) => {
    err += d;
  });
  child.on('error', (e) => {
    err += e.message;
  });
  const end = Date.now() + READY_MS;
  while (Date.now() < end && running(child)) {
    const m = /"port":(\d+)/.exec(out);
    if (m) return { port: Number(m[1]), child };
    await sleep(20);
  }
  await stopChild(child);
  throw new Error(`echo server did not start: ${err}`);
}

/** microsocks on a free loopback port; another free port if one was taken meanwhile. */
async function startMicrosocks() {
  if (!fs.existsSync(MICROSOCKS)) throw new Error(`${MICROSOCKS} is not installed (scripts/setup installs it)`);
  let why = '';
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const argv = [...SETPRIV, MICROSOCKS, '-i', LOCAL, '-p', String(port)];
    const child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d) => {
      if (err.length < 65536) err += d;
    });
    child.on('error', (e) => {
      err += e.message;
    });
    const end = Date.now() + READY_MS;
    while (Date.now() < end && running(child)) {
      if (await canConnect(port)) return { port, child };
      await sleep(20);
    }
    why = err;
    await stopChild(child);
  }
  throw new Error(`microsocks did not start: ${why}`);
}

// --- one measurement per side ------------------------------------------------------------------

function argvFor(w, side, params) {
  const p = JSON.stringify({ ...params, timeoutMs: cfg.timeoutMs });
  const nodeSide = (s) => [process.execPath, '--expose-gc', path.join(__dirname, 'node-side.js'), w.id, s, p];
  const argv =
    side === 'ours'
      ? nodeSide('qt')
      : side === 'node'
        ? nodeSide(w.id === 'proxied' ? 'socks' : 'net')
        : [PYTHON, path.join(__dirname, 'pyqt_side.py'), w.id, p];
  return w.needs === 'rss' ? withFdLimit(cfg.rssConns + 1024, argv) : argv;
}

async function runOne(w, side, shared) {
  if (w.needs !== 'rss') return measure(argvFor(w, side, w.params(shared)));
  // A fresh echo server per RSS run: the connections of one run (in TIME_WAIT) leave the next alone.
  const echo = await startEcho(cfg.rssConns + 1024);
  try {
    const r = await measure(argvFor(w, side, { ...w.params(shared), port: echo.port }));
    if (r.value !== undefined) r.value /= 1024; // B/conn → KiB/conn
    return r;
  } finally {
    await stopChild(echo.child);
  }
}

// --- summary -----------------------------------------------------------------------------------

const median = (xs) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const pairedRatio = (a, b) =>
  median(a.flatMap((r, i) => (r.value !== undefined && b[i]?.value !== undefined ? [r.value / b[i].value] : [])));
const fmt = (x) => (!Number.isFinite(x) ? '—' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const fmtRatio = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '—');

function machine() {
  const py = spawnSync(
    PYTHON,
    ['-c', 'from PyQt6.QtCore import QT_VERSION_STR, PYQT_VERSION_STR; print(QT_VERSION_STR, PYQT_VERSION_STR)'],
    { encoding: 'utf8', timeout: 10000 },
  );
  const [qt, pyqt] = (py.stdout || '').trim().split(' ');
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memGiB: Math.round(os.totalmem() / 2 ** 30),
    kernel: os.release(),
    node: process.version,
    qtOfPyQt6: qt,
    pyqt6: pyqt,
  };
}

function summarize(runs) {
  const rows = selected.map((w) => {
    const med = Object.fromEntries(
      ALL_SIDES.map((s) => [s, median(runs[w.id][s].filter((r) => r.value !== undefined).map((r) => r.value))]),
    );
    return {
      workload: w.id,
      title: w.title,
      unit: w.unit,
      higherIsBetter: w.higher,
      nodeSide: w.node,
      median: med,
      // ours/other, as the targets are written: >1 means ours is higher (faster for MB/s and
      // conn/s, slower or bigger for µs and KiB). The median of each round's ratio: the sides of
      // one round ran seconds apart, so a load that comes and goes on the machine cancels out.
      ratio: {
        node: pairedRatio(runs[w.id].ours, runs[w.id].node),
        pyqt: pairedRatio(runs[w.id].ours, runs[w.id].pyqt),
      },
      ratioOfMedians: { node: med.ours / med.node, pyqt: med.ours / med.pyqt },
      values: Object.fromEntries(SIDES.map((s) => [s, runs[w.id][s].map((r) => r.value ?? null)])),
      errors: SIDES.flatMap((s) => runs[w.id][s].filter((r) => r.error).map((r) => `${s}: ${r.error}`)),
    };
  });
  const targets = TARGETS.filter((t) => selected.some((w) => w.id === t.workload)).map((t) => {
    const row = rows.find((r) => r.workload === t.workload);
    const measured = row.ratio[t.vs];
    const pass = Number.isFinite(measured) && (t.op === '>=' ? measured >= t.ratio : measured <= t.ratio);
    const against = t.vs === 'pyqt' ? 'PyQt6' : row.nodeSide;
    return { ...t, against, measured, result: Number.isFinite(measured) ? (pass ? 'pass' : 'miss') : 'no data' };
  });
  return { rows, targets };
}

function table({ rows, targets }) {
  const lines = [
    '| workload | unit | qtnetwork | Node | PyQt6 | ours/Node | ours/PyQt6 |',
    '|---|---|--:|--:|--:|--:|--:|',
    ...rows.map(
      (r) =>
        `| ${r.title} | ${r.unit} | ${fmt(r.median.ours)} | ${fmt(r.median.node)} (${r.nodeSide}) | ${fmt(r.median.pyqt)} | ${fmtRatio(r.ratio.node)} | ${fmtRatio(r.ratio.pyqt)} |`,
    ),
    '',
    'Ratios: the median over rounds of ours/other within a round.',
    '',
    '| target (ours/other) | measured | |',
    '|---|--:|---|',
    ...targets.map(
      (t) =>
        `| ${t.workload} ${t.op === '>=' ? '≥' : '≤'} ${t.ratio.toFixed(1)}× ${t.against} | ${fmtRatio(t.measured)} | ${t.result} |`,
    ),
  ];
  return lines.join('\n');
}

// --- main --------------------------------------------------------------------------------------

(async () => {
  const shared = {};
  const t0 = Date.now();
  const runs = Object.fromEntries(selected.map((w) => [w.id, Object.fromEntries(ALL_SIDES.map((s) => [s, []]))]));
  try {
    if (selected.some((w) => w.needs === 'echo')) shared.echo = await startEcho(4096);
    if (selected.some((w) => w.needs === 'proxy')) shared.proxy = await startMicrosocks();
    for (let round = 1; round <= cfg.rounds; round++) {
      for (const w of selected) {
        for (const side of SIDES) {
          const r = await runOne(w, side, shared);
          runs[w.id][side].push(r);
          process.stderr.write(
            `round ${round}/${cfg.rounds} ${w.id} ${side}: ${r.error ? `FAILED ${r.error}` : `${fmt(r.value)} ${w.unit}`}\n`,
          );
        }
      }
    }
  } finally {
    if (shared.echo) await stopChild(shared.echo.child);
    if (shared.proxy) await stopChild(shared.proxy.child);
  }
  const summary = summarize(runs);
  const report = {
    date: new Date().toISOString(),
    seconds: Math.round((Date.now() - t0) / 1000),
    machine: machine(),
    config: {
      ...cfg,
      smoke: S,
      sides: SIDES,
      order: 'per round: each workload A B C (qtnetwork, Node, PyQt6), one child process per measurement',
    },
    ...summary,
  };
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
  const m = report.machine;
  console.log(
    `${m.cpus} cores (${m.cpuModel}), Node ${m.node}, PyQt6 ${m.pyqt6} on Qt ${m.qtOfPyQt6}; ${cfg.rounds} interleaved round(s), medians, ${report.seconds} s\n`,
  );
  console.log(table(summary));
  console.log(`\nJSON: ${outFile}`);
  const failed = summary.rows.filter((r) => r.errors.length > 0);
  for (const r of failed) process.stderr.write(`bench: ${r.workload}: ${r.errors.join('; ')}\n`);
  // Misses are reported, not failed; a measurement that did not run is a broken bench.
  process.exit(summary.rows.some((r) => SIDES.some((s) => !Number.isFinite(r.median[s]))) ? 1 : 0);
})().catch((e) => {
  process.stderr.write(`bench: ${e.stack || e}\n`);
  process.exit(1);
});
