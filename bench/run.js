// `npm run bench`: the same workloads with our binding on each of its runtimes (A: the dedicated
// Qt thread, A': Qt on Node's own loop; QTNETWORK_RUNTIME picks one per child process), Node's own
// net/dgram or the npm socks client (B) and PyQt6 (C), interleaved A A' B C for several rounds in
// one run; medians, ratios against the issue's targets (a report: a miss is printed, never an exit
// code), a Markdown table on stdout and everything as JSON. Each measurement is a child process of
// its own (bench/node-side.js, bench/pyqt_side.py), so no side runs in the heap or beside the
// threads of another. Run it inside scripts/in-netns (the npm script does): only loopback.
//
//   node bench/run.js [--rounds N] [--smoke] [--out FILE] [--only bulk,ping,cpu,...]
//                     [--sides thread,loop,node,pyqt]   (ours = thread,loop)
//   --only tls: the TLS workloads alone (issue 15: tlsBulk, tlsHandshakes, tlsHandshakesConcurrent)
//   --only http: the HTTP ones (issue 18: httpDownload, httpGets, httpDownloadSquid, httpGetsSquid)
//   env: BENCH_ROUNDS, BENCH_OUT, BENCH_ONLY, BENCH_SIDES; sizes: BENCH_BULK_MIB, BENCH_PING_ROUNDS,
//        BENCH_CONNECTS, BENCH_UDP_ROUNDS, BENCH_PROXIED_MIB, BENCH_RSS_CONNS, BENCH_CPU_RATE,
//        BENCH_CPU_MS, BENCH_CPU_WARMUP_MS, BENCH_HTTP_MIB, BENCH_HTTP_GETS, BENCH_TLS_BULK_MIB,
//        BENCH_TLS_HANDSHAKES, BENCH_TLS_CONCURRENCY
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { parseArgs } = require('node:util');
const { canConnect, freePort } = require('../scripts/ports');
const { makeBenchCertificates } = require('./tls-certs');

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
  // HTTP (issue 18): one download of this size, and this many small GETs one after another.
  httpBytes: env('BENCH_HTTP_MIB', S ? 8 : 1024) * 2 ** 20,
  httpGets: env('BENCH_HTTP_GETS', S ? 50 : 1000),
  // TLS (issue 15): one upload of this size, and this many full handshakes, one at a time and
  // tlsConcurrency at a time.
  tlsBulkBytes: env('BENCH_TLS_BULK_MIB', S ? 4 : 256) * 2 ** 20,
  tlsHandshakes: env('BENCH_TLS_HANDSHAKES', S ? 20 : 400),
  tlsConcurrency: env('BENCH_TLS_CONCURRENCY', 8),
  // The paced echo: messages per second, the measured window and the warm-up before it (ms).
  cpuRate: env('BENCH_CPU_RATE', 1000),
  cpuMs: env('BENCH_CPU_MS', S ? 300 : 2000),
  cpuWarmupMs: env('BENCH_CPU_WARMUP_MS', S ? 100 : 250),
  // One measurement's bound; the driver kills a child that outlives it by much.
  timeoutMs: S ? 20000 : 180000,
};
const outFile = path.resolve(flags.out ?? process.env.BENCH_OUT ?? path.join(__dirname, 'results', 'results.json'));
for (const [k, v] of Object.entries(cfg))
  if (!Number.isInteger(v) || v <= 0) die(`${k} must be a positive integer, got ${v}`);

// Our package once per runtime, then the two it is compared with.
const RUNTIMES = ['thread', 'loop'];
const ALL_SIDES = [...RUNTIMES, 'node', 'pyqt'];
const LABEL = { thread: 'qtnetwork thread', loop: 'qtnetwork loop', node: 'Node', pyqt: 'PyQt6' };
// --sides thread,node: a quicker run while iterating (targets against a side left out: no data).
const SIDES = [
  ...new Set(
    (flags.sides ?? process.env.BENCH_SIDES ?? ALL_SIDES.join(','))
      .split(',')
      .filter(Boolean)
      .flatMap((s) => (s === 'ours' ? RUNTIMES : [s])),
  ),
].sort((a, b) => ALL_SIDES.indexOf(a) - ALL_SIDES.indexOf(b));
for (const s of SIDES) if (!ALL_SIDES.includes(s)) die(`--sides: unknown side ${s} (${ALL_SIDES.join(', ')}, ours)`);
if (!SIDES.some((s) => RUNTIMES.includes(s))) die('--sides must include thread or loop (or ours: both)');
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
  // Each with the CPU of the client process per unit (every thread), which holds up better than
  // the rate on a loaded machine.
  ...[false, true].flatMap((viaSquid) => {
    const by = viaSquid ? ' through squid (Basic)' : '';
    const node = viaSquid ? 'undici fetch + ProxyAgent' : 'fetch';
    const needs = viaSquid ? 'squid' : 'origin';
    const params = (s) => ({ port: s.origin.port, ...(viaSquid ? { proxyPort: s.squid.port } : {}) });
    const download = viaSquid ? 'httpDownloadSquid' : 'httpDownload';
    const gets = viaSquid ? 'httpGetsSquid' : 'httpGets';
    return [
      {
        id: download,
        group: 'http',
        needs,
        params: (s) => ({ ...params(s), bytes: cfg.httpBytes }),
        rows: [
          {
            id: download,
            title: `HTTP GET of ${cfg.httpBytes >> 20} MiB from a Node origin${by}`,
            unit: 'MB/s',
            higher: true,
            node,
          },
          {
            id: `${download}Cpu`,
            title: `CPU of the client process per MiB of that GET${by}`,
            unit: 'ms/MiB',
            higher: false,
            node,
            field: 'cpuMsPerMiB',
          },
        ],
      },
      {
        id: gets,
        group: 'http',
        needs,
        params: (s) => ({ ...params(s), count: cfg.httpGets }),
        rows: [
          {
            id: gets,
            title: `${cfg.httpGets} keep-alive GETs of 64 B, one at a time${by}`,
            unit: 'req/s',
            higher: true,
            node,
          },
          {
            id: `${gets}Cpu`,
            title: `CPU of the client process per GET of those${by}`,
            unit: 'µs/req',
            higher: false,
            node,
            field: 'cpuUsPerRequest',
          },
        ],
      },
    ];
  }),
  // TLS, every side a client of the same Node tls server in a process of its own (bench/tls-server.js),
  // TLS 1.3 as each negotiates it, the server's RSA 2048 certificate verified against the bench's CA.
  {
    id: 'tlsBulk',
    group: 'tls',
    needs: 'tls',
    params: (s) => ({ bytes: cfg.tlsBulkBytes, port: s.tls.port, ca: s.tls.certs.ca }),
    rows: [
      {
        id: 'tlsBulk',
        title: `TLS upload of ${cfg.tlsBulkBytes >> 20} MiB to a Node tls server in another process`,
        unit: 'MB/s',
        higher: true,
        node: 'tls',
      },
      {
        id: 'tlsBulkCpu',
        title: `CPU of the client process per MiB of that TLS upload`,
        unit: 'ms/MiB',
        higher: false,
        node: 'tls',
        field: 'cpuMsPerMiB',
      },
      {
        // The CPU per MiB follows these (Qt's multi-MiB buffers freed and faulted in again).
        id: 'tlsBulkFaults',
        title: `Minor page faults of the client process per MiB of that TLS upload`,
        unit: 'faults/MiB',
        higher: false,
        node: 'tls',
        field: 'faultsPerMiB',
      },
    ],
  },
  // Handshakes one at a time, then tlsConcurrency at a time; the client's CPU per handshake, as
  // the CPU per MiB above, holds up better than the rate on a loaded machine.
  ...[
    ['tlsHandshakes', 1, 'one at a time'],
    ['tlsHandshakesConcurrent', cfg.tlsConcurrency, `${cfg.tlsConcurrency} at a time`],
  ].map(([id, concurrency, how]) => ({
    id,
    group: 'tls',
    needs: 'tls',
    params: (s) => ({ count: cfg.tlsHandshakes, concurrency, port: s.tls.port, ca: s.tls.certs.ca }),
    rows: [
      {
        id,
        title: `TLS full handshakes (connect, verify, close) with that server, ${how}`,
        unit: 'hs/s',
        higher: true,
        node: 'tls',
      },
      {
        id: `${id}Cpu`,
        title: `CPU of the client process per handshake, ${how}`,
        unit: 'ms/hs',
        higher: false,
        node: 'tls',
        field: 'cpuMsPerHandshake',
      },
    ],
  })),
  {
    id: 'rss',
    title: `RSS per idle connection, ${cfg.rssConns} connections`,
    unit: 'KiB/conn',
    higher: false,
    node: 'net',
    needs: 'rss',
    params: () => ({ count: cfg.rssConns }),
  },
  {
    // One measurement, two rows: the server's and the client's CPU, each process on its own.
    id: 'cpu',
    needs: 'paced',
    rows: [
      {
        id: 'cpuServer',
        title: `CPU per 64 B message at a paced ${cfg.cpuRate} msg/s, echo server process`,
        unit: 'µs/msg',
        higher: false,
        node: 'net',
      },
      {
        id: 'cpuClient',
        title: `CPU per 64 B message at a paced ${cfg.cpuRate} msg/s, client process`,
        unit: 'µs/msg',
        higher: false,
        node: 'net',
      },
    ],
  },
];
// One row per workload, but the paced echo gives two.
const rowsOf = (w) => w.rows ?? [w];
// Issue 13's targets for the loop runtime: ours/other, measured in the same run. The thread
// runtime is held to the same lines in the report, for comparison.
const TARGETS = [
  { workload: 'bulk', vs: 'pyqt', op: '>=', ratio: 1.0 },
  { workload: 'connect', vs: 'node', op: '>=', ratio: 1.0 },
  { workload: 'udp', vs: 'node', op: '<=', ratio: 1.1 },
  { workload: 'ping', vs: 'node', op: '<=', ratio: 1.2 },
  { workload: 'pingRemote', vs: 'node', op: '<=', ratio: 1.0 },
  { workload: 'proxied', vs: 'node', op: '>=', ratio: 1.0 },
  { workload: 'rss', vs: 'pyqt', op: '<=', ratio: 1.0 },
  { workload: 'cpuServer', vs: 'node', op: '<=', ratio: 1.3 },
  { workload: 'cpuClient', vs: 'node', op: '<=', ratio: 1.3 },
  // Issue 18's, direct and through squid.
  ...['httpDownload', 'httpDownloadSquid', 'httpGets', 'httpGetsSquid'].flatMap((workload) => [
    { workload, vs: 'node', op: '>=', ratio: workload.startsWith('httpGets') ? 0.8 : 1.0 },
    { workload, vs: 'pyqt', op: '>=', ratio: 1.0 },
  ]),
  // Issue 15's.
  ...['tlsBulk', 'tlsHandshakes', 'tlsHandshakesConcurrent'].flatMap((workload) => [
    { workload, vs: 'node', op: '>=', ratio: 1.0 },
    { workload, vs: 'pyqt', op: '>=', ratio: 1.0 },
  ]),
];
// A paced run reached its rate when this share of the messages due in the window came back.
const REACHED = 0.97;

const only = (flags.only ?? process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
for (const o of only)
  if (!WORKLOADS.some((w) => w.id === o || w.group === o))
    die(
      `--only: unknown workload ${o} (${WORKLOADS.map((w) => w.id).join(', ')}, or tls, http: all the TLS or HTTP ones)`,
    );
const selected = WORKLOADS.filter((w) => only.length === 0 || only.includes(w.id) || only.includes(w.group));
const selectedRows = selected.flatMap(rowsOf);

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

// Our sides run the runtime they are named after; the child reports which one it ran.
// The squid credentials go to every side that may use them (set once squid runs).
let proxyEnv = {};
const envFor = (side) => ({
  ...process.env,
  ...proxyEnv,
  ...(RUNTIMES.includes(side) ? { QTNETWORK_RUNTIME: side } : {}),
});

/** Runs one measurement; resolves with its JSON line, or { error }. */
function measure(argv, env = process.env) {
  return new Promise((resolve) => {
    const [cmd, ...args] = argv;
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
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

/** A helper that prints {"port":N} once it listens; resolves with { port, child } (bounded). */
async function startPortPrinter(argv) {
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
  throw new Error(`${argv.join(' ')} did not start: ${err}`);
}

/** bench/echo-server.js, allowed `fds` descriptors. */
const startEcho = (fds) =>
  startPortPrinter(
    withFdLimit(fds, [...SETPRIV, process.execPath, path.join(__dirname, 'echo-server.js'), String(fds)]),
  );

/** bench/tls-server.js with fresh certificates: { port, child, certs }. */
async function startTlsServer() {
  const certs = makeBenchCertificates();
  try {
    const server = await startPortPrinter([
      ...SETPRIV,
      process.execPath,
      path.join(__dirname, 'tls-server.js'),
      certs.cert,
      certs.key,
    ]);
    // Its warnings (a resumed session would make the handshake rows measure resumptions) to ours.
    server.child.stderr.on('data', (d) => process.stderr.write(d));
    return { ...server, certs };
  } catch (e) {
    certs.remove();
    throw e;
  }
}

/** bench/http-origin.js, the HTTP workloads' origin. */
const startOrigin = () => startPortPrinter([...SETPRIV, process.execPath, path.join(__dirname, 'http-origin.js')]);

/**
 * A server of the system's on a free loopback port, another free port if one was taken meanwhile:
 * argvFor(port) gives its command line, it is ready once it accepts a connection (within readyMs);
 * failed(port) says what its logs say of an attempt that failed, and cleans up after it.
 */
async function startOnFreePort(name, argvFor, readyMs = READY_MS, failed = () => '') {
  let why = '';
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const argv = argvFor(port);
    const child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d) => {
      if (err.length < 65536) err += d;
    });
    child.on('error', (e) => {
      err += e.message;
    });
    const end = Date.now() + readyMs;
    while (Date.now() < end && running(child)) {
      if (await canConnect(port)) return { port, child };
      await sleep(20);
    }
    await stopChild(child);
    why = err + failed(port);
  }
  throw new Error(`${name} did not start: ${why.slice(-2000)}`);
}

/** microsocks on a free loopback port. */
async function startMicrosocks() {
  if (!fs.existsSync(MICROSOCKS)) throw new Error(`${MICROSOCKS} is not installed (scripts/setup installs it)`);
  return startOnFreePort('microsocks', (port) => [...SETPRIV, MICROSOCKS, '-i', LOCAL, '-p', String(port)]);
}

/**
 * Debian's squid with Basic authentication on a free loopback port, from the test suite's config
 * (test/fixtures/proxies/squid.conf, squid-basic.auth): nothing cached, targets on loopback only.
 * The user and a fresh random password go to the sides in their environment, never on a command
 * line. Resolves with { port, child, dir, env }.
 */
async function startSquid() {
  const SQUID = '/usr/sbin/squid';
  if (!fs.existsSync(SQUID)) throw new Error(`${SQUID} is not installed (scripts/setup installs it)`);
  const fixtures = path.join(__dirname, '..', 'test', 'fixtures', 'proxies');
  const fill = (file, values) =>
    fs.readFileSync(path.join(fixtures, file), 'utf8').replace(/@([A-Z]+)@/g, (_, k) => values[k]);
  const password = require('node:crypto').randomBytes(12).toString('hex');
  const user = 'bench';
  const hash = spawnSync('openssl', ['passwd', '-apr1', '-stdin'], { input: password, encoding: 'utf8' });
  if (hash.status !== 0) throw new Error(`openssl passwd failed: ${hash.stderr}`);
  // As the tests run it: root maps itself to nobody in a user namespace, which squid accepts.
  const asRoot = process.getuid?.() === 0;
  let dir = ''; // the attempt's: config, password file, logs
  const argvFor = (port) => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qtn-bench-squid-'));
    fs.writeFileSync(path.join(dir, 'basic.htpasswd'), `${user}:${hash.stdout.trim()}\n`, { mode: 0o600 });
    const auth = fill('squid-basic.auth', { DIR: dir, REALM: 'qtn-bench' });
    fs.writeFileSync(path.join(dir, 'squid.conf'), fill('squid.conf', { PORT: String(port), DIR: dir, AUTH: auth }));
    return [
      ...SETPRIV,
      ...(asRoot ? ['/usr/bin/unshare', '--user', '--map-user=65534', '--map-group=65534', '--'] : []),
      SQUID,
      '-N',
      // Squid names its shared memory after its service name, and /dev/shm is shared by every
      // network namespace: one of its own, as the tests' squids (test/proxies.ts squidServiceName).
      '-n',
      `qtnbench${process.pid}x${port}x${require('node:crypto').randomBytes(4).toString('hex')}`,
      '-f',
      path.join(dir, 'squid.conf'),
    ];
  };
  const failed = () => {
    const log = path.join(dir, 'cache.log');
    const text = fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
    fs.rmSync(dir, { recursive: true, force: true });
    return text;
  };
  // Squid takes ~1 s idle, more on a loaded machine.
  const { port, child } = await startOnFreePort('squid', argvFor, 20000, failed);
  return { port, child, dir, env: { BENCH_PROXY_USER: user, BENCH_PROXY_PASSWORD: password } };
}

// --- one measurement per side ------------------------------------------------------------------

function argvFor(id, side, params, timeoutMs = cfg.timeoutMs) {
  const p = JSON.stringify({ ...params, timeoutMs });
  const nodeSide = (s) => [process.execPath, '--expose-gc', path.join(__dirname, 'node-side.js'), id, s, p];
  if (RUNTIMES.includes(side)) return nodeSide('qt');
  if (side === 'node')
    return nodeSide(
      id === 'proxied' ? 'socks' : id.startsWith('http') ? 'fetch' : id.startsWith('tls') ? 'tls' : 'net',
    );
  return [PYTHON, path.join(__dirname, 'pyqt_side.py'), id, p];
}

/** A result from one of our sides that ran another runtime than it asked for is no result. */
function checkRuntime(side, r) {
  if (r.error || !RUNTIMES.includes(side) || r.runtime === side) return r;
  return { error: `asked for the ${side} runtime, the child ran ${r.runtime}` };
}

/** One measurement of workload w by one side: { [row id]: result or { error } }. */
async function runOne(w, side, shared) {
  if (w.needs === 'paced') return runPaced(side);
  if (w.needs !== 'rss') {
    const r = checkRuntime(side, await measure(argvFor(w.id, side, w.params(shared)), envFor(side)));
    // A measurement of several rows: each its own field of the child's line (value by default).
    const of = (row) => (r.error || !row.field ? r : { ...r, value: r[row.field] });
    return Object.fromEntries(rowsOf(w).map((row) => [row.id, of(row)]));
  }
  // A fresh echo server per RSS run: the connections of one run (in TIME_WAIT) leave the next alone.
  const echo = await startEcho(cfg.rssConns + 1024);
  try {
    const argv = withFdLimit(cfg.rssConns + 1024, argvFor(w.id, side, { ...w.params(shared), port: echo.port }));
    const r = checkRuntime(side, await measure(argv, envFor(side)));
    if (r.value !== undefined) r.value /= 1024; // B/conn → KiB/conn
    return { [w.id]: r };
  } finally {
    await stopChild(echo.child);
  }
}

// --- the paced echo: CPU per message from /proc ------------------------------------------------

const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

/**
 * CPU time of a process so far: the sum of /proc/<pid>/task/<tid>/schedstat over its threads (ns,
 * and every thread: Qt's, libuv's pool, V8's), and utime+stime of /proc/<pid>/stat (clock ticks,
 * coarse, but it keeps the time of threads that have ended: the figure to use when one has) as a
 * cross-check. null once it is gone.
 */
function cpuOf(pid) {
  try {
    let ns = 0;
    let slices = 0;
    const tids = [];
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      try {
        // on-CPU ns, ns waiting on a run queue, time slices run
        const [onCpu, , runs] = fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ').map(Number);
        ns += onCpu;
        slices += runs;
        tids.push(tid);
      } catch {
        // the thread ended between the listing and the read
      }
    }
    const threads = tids.length;
    // utime and stime are fields 14 and 15; the name (field 2) may hold spaces, so count from ')'.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const statNs = ((Number(f[11]) + Number(f[12])) * 1e9) / CLK_TCK;
    return { ns, slices, threads, tids, statNs };
  } catch {
    return null;
  }
}

/** Splits a child's stdout into JSON lines for onLine, as they come. */
function lines(stream, onLine) {
  let buf = '';
  stream.setEncoding('utf8').on('data', (d) => {
    buf += d;
    for (let i; (i = buf.indexOf('\n')) >= 0;) {
      const line = buf.slice(0, i).trim();
      buf = buf.slice(i + 1);
      if (line === '') continue;
      try {
        onLine(JSON.parse(line));
      } catch {
        // not a line of ours (a library's warning); stderr has the rest
      }
    }
    if (buf.length > 1 << 20) buf = '';
  });
}

/**
 * The paced echo for one side: its echo server and its client, each a process of the same
 * library; the client paces 64-byte messages and marks its measured window on stdout, and the CPU
 * of both processes is read here at each mark. Resolves with the rows cpuServer and cpuClient.
 */
async function runPaced(side) {
  const bound = cfg.cpuWarmupMs + cfg.cpuMs + 30000;
  const env = envFor(side);
  const fail = (error) => ({ cpuServer: { error }, cpuClient: { error } });
  const serverArgv = [...SETPRIV, ...argvFor('cpuServer', side, {}, bound)];
  const server = spawn(serverArgv[0], serverArgv.slice(1), { stdio: ['pipe', 'pipe', 'pipe'], env });
  let client = null;
  let err = '';
  const collect = (child) => {
    // Its stdin is only closed, to end it; a child already gone makes that an EPIPE, no matter.
    child.stdin.on('error', () => {});
    child.stderr.setEncoding('utf8').on('data', (d) => {
      if (err.length < 65536) err += d;
    });
    child.on('error', (e) => {
      err += `${e.message}\n`;
    });
  };
  collect(server);
  let ready = null;
  lines(server.stdout, (o) => {
    if (ready === null && o.port) ready = o;
  });
  const tail = () => err.trim().split('\n').slice(-3).join(' | ');
  try {
    const end = Date.now() + READY_MS * 2;
    while (ready === null && Date.now() < end && running(server)) await sleep(10);
    if (ready === null) return fail(`the echo server did not start: ${tail()}`);
    const params = { port: ready.port, rate: cfg.cpuRate, windowMs: cfg.cpuMs, warmupMs: cfg.cpuWarmupMs };
    const clientArgv = [...SETPRIV, ...argvFor('cpuClient', side, params, bound)];
    client = spawn(clientArgv[0], clientArgv.slice(1), { stdio: ['pipe', 'pipe', 'pipe'], env });
    collect(client);
    const marks = {};
    let last = null;
    lines(client.stdout, (o) => {
      // Read at once, before anything else: the two processes keep running meanwhile.
      if (o.mark === 'start' || o.mark === 'end')
        marks[o.mark] = { server: cpuOf(server.pid), client: cpuOf(client.pid) };
      else last = o;
      // Read: the client may go (it waits for its stdin's end to print its figures and exit).
      if (o.mark === 'end') client.stdin.end();
    });
    // 'close', not 'exit': the last line may still be in the pipe when the process has exited.
    const code = await new Promise((resolve) => {
      const timer = setTimeout(() => resolve('timeout'), bound + 10000);
      client.on('close', (c, signal) => {
        clearTimeout(timer);
        resolve(c ?? signal);
      });
    });
    if (code !== 0 || last === null) return fail(`client exit ${code}: ${tail()}`);
    const { start, end: stop } = marks;
    if (!start?.server || !start?.client || !stop?.server || !stop?.client)
      return fail(`no CPU figures from /proc (marks: ${Object.keys(marks).join(', ') || 'none'}): ${tail()}`);
    const n = last.messages;
    if (!(n > 0)) return fail(`no message came back in the window: ${tail()}`);
    const paced = {
      messages: n,
      seconds: last.seconds,
      achieved: last.achieved,
      missed: last.missed,
      reached: last.achieved >= REACHED * cfg.cpuRate,
    };
    const row = (who, runtime) => {
      const a = start[who];
      const b = stop[who];
      // A thread that ended in the window took its schedstat with it; utime+stime still count it.
      const whole = a.threads > 0 && a.tids.every((t) => b.tids.includes(t));
      return checkRuntime(side, {
        runtime,
        value: (whole ? b.ns - a.ns : b.statNs - a.statNs) / 1e3 / n,
        source: whole ? 'schedstat' : 'stat',
        statUs: (b.statNs - a.statNs) / 1e3 / n, // the same from utime+stime, in clock ticks
        slicesPerMsg: (b.slices - a.slices) / n, // times a thread of it was put on a CPU
        threads: b.threads,
        ...paced,
      });
    };
    return { cpuServer: row('server', ready.runtime), cpuClient: row('client', last.runtime) };
  } finally {
    if (client) await stopChild(client);
    // Its stdin's end stops the server; a signal if it does not.
    server.stdin.end();
    if ((await exitOf(server, STOP_MS)) === 'timeout') await stopChild(server);
  }
}

// --- which runtimes the package has ----------------------------------------------------------

/**
 * Asks a child, for each runtime, which one the package runs when QTNETWORK_RUNTIME names it. A
 * runtime not built (the child ran another) or failing to load is left out of the run and shown
 * as n/a: its column would otherwise hold the other runtime's figures under its name.
 */
async function probeRuntimes() {
  const out = {};
  for (const rt of RUNTIMES.filter((s) => SIDES.includes(s))) {
    const r = await measure(argvFor('runtime', rt, {}), envFor(rt));
    const reported = r.error ? null : r.runtime;
    out[rt] = {
      requested: rt,
      reported,
      available: reported === rt,
      note: r.error ? `n/a (failed: ${r.error})` : reported === rt ? null : 'n/a (not built)',
    };
  }
  return out;
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

// ours/other, as the targets are written: >1 means the first is higher (faster for MB/s and
// conn/s, slower or bigger for µs and KiB). PyQt6 against Node too.
const RATIOS = [
  ['thread', 'node'],
  ['thread', 'pyqt'],
  ['loop', 'node'],
  ['loop', 'pyqt'],
  ['pyqt', 'node'],
];

function summarize(runs, runtimes) {
  const ran = (s) => SIDES.includes(s) && (!RUNTIMES.includes(s) || runtimes[s].available);
  const rows = selectedRows.map((w) => {
    const med = Object.fromEntries(
      ALL_SIDES.map((s) => [s, median(runs[w.id][s].filter((r) => r.value !== undefined).map((r) => r.value))]),
    );
    const ratio = {};
    const ratioOfMedians = {};
    for (const [a, b] of RATIOS) {
      // The median of each round's ratio: the sides of one round ran seconds apart, so a load
      // that comes and goes on the machine cancels out.
      (ratio[a] ??= {})[b] = pairedRatio(runs[w.id][a], runs[w.id][b]);
      (ratioOfMedians[a] ??= {})[b] = med[a] / med[b];
    }
    const row = {
      workload: w.id,
      title: w.title,
      unit: w.unit,
      higherIsBetter: w.higher,
      nodeSide: w.node,
      median: med,
      ratio,
      ratioOfMedians,
      values: Object.fromEntries(SIDES.map((s) => [s, runs[w.id][s].map((r) => r.value ?? null)])),
      errors: SIDES.flatMap((s) => runs[w.id][s].filter((r) => r.error).map((r) => `${s}: ${r.error}`)),
    };
    if (w.id === 'cpuServer' || w.id === 'cpuClient') {
      const of = (s, k) => runs[w.id][s].filter((r) => r.value !== undefined).map((r) => r[k]);
      row.paced = {
        rate: cfg.cpuRate,
        windowMs: cfg.cpuMs,
        reachedAt: REACHED,
        sides: Object.fromEntries(
          SIDES.filter(ran).map((s) => [
            s,
            {
              achieved: of(s, 'achieved'),
              reached: of(s, 'reached'),
              missed: of(s, 'missed'),
              statUs: of(s, 'statUs'),
              slicesPerMsg: of(s, 'slicesPerMsg'),
              source: [...new Set(of(s, 'source'))],
            },
          ]),
        ),
      };
    }
    return row;
  });
  // The loop runtime's first: the targets are its.
  const targets = ['loop', 'thread']
    .filter((rt) => SIDES.includes(rt))
    .flatMap((rt) =>
      TARGETS.filter((t) => rows.some((r) => r.workload === t.workload)).map((t) => {
        const row = rows.find((r) => r.workload === t.workload);
        const measured = row.ratio[rt][t.vs];
        const pass = Number.isFinite(measured) && (t.op === '>=' ? measured >= t.ratio : measured <= t.ratio);
        const against = t.vs === 'pyqt' ? 'PyQt6' : row.nodeSide;
        const result = !runtimes[rt].available
          ? runtimes[rt].note
          : Number.isFinite(measured)
            ? pass
              ? 'pass'
              : 'miss'
            : 'no data';
        return { runtime: rt, ...t, against, measured, result };
      }),
    );
  return { rows, targets };
}

function table({ rows, targets }, runtimes) {
  // A runtime the package does not have says so in its column; a side left out shows —.
  const cell = (r, s) =>
    RUNTIMES.includes(s) && runtimes[s] && !runtimes[s].available ? runtimes[s].note : fmt(r.median[s]);
  const lines = [
    `| workload | unit | ${ALL_SIDES.map((s) => LABEL[s]).join(' | ')} | ${RATIOS.map(([a, b]) => `${LABEL[a].replace('qtnetwork ', '')}/${LABEL[b]}`).join(' | ')} |`,
    `|---|---|${ALL_SIDES.map(() => '--:').join('|')}|${RATIOS.map(() => '--:').join('|')}|`,
    ...rows.map(
      (r) =>
        `| ${r.title} | ${r.unit} | ${ALL_SIDES.map((s) => (s === 'node' ? `${cell(r, s)} (${r.nodeSide})` : cell(r, s))).join(' | ')} | ${RATIOS.map(([a, b]) => fmtRatio(r.ratio[a][b])).join(' | ')} |`,
    ),
    '',
    'Ratios: the median over rounds of one side/the other within a round.',
  ];
  const paced = rows.find((r) => r.paced);
  if (paced) {
    const p = paced.paced;
    const each = ALL_SIDES.filter((s) => SIDES.includes(s)).map((s) => {
      const d = p.sides[s];
      if (!d) return `${LABEL[s]} ${runtimes[s]?.note ?? 'no data'}`;
      const hit = d.reached.filter(Boolean).length;
      return `${LABEL[s]} ${hit}/${d.reached.length} (median ${fmt(median(d.achieved))} msg/s)`;
    });
    lines.push(
      `Paced rate reached (at least ${Math.round(p.reachedAt * 100)}% of ${p.rate} msg/s echoed in the ${p.windowMs} ms window), rounds: ${each.join(', ')}.`,
    );
  }
  const rts = [...new Set(targets.map((t) => t.runtime))];
  const keyed = (t) => `${t.workload} ${t.op === '>=' ? '≥' : '≤'} ${t.ratio.toFixed(1)}× ${t.against}`;
  const result = (t) => (t.result === 'pass' || t.result === 'miss' ? `${fmtRatio(t.measured)} ${t.result}` : t.result);
  lines.push(
    '',
    `| target (issues 13, 15 and 18, for the loop runtime) | ${rts.map((rt) => (rt === 'loop' ? 'loop' : `${rt} (for comparison)`)).join(' | ')} |`,
    `|---|${rts.map(() => '--:').join('|')}|`,
    ...[...new Set(targets.map(keyed))].map(
      (k) =>
        `| ${k} | ${rts.map((rt) => result(targets.find((t) => t.runtime === rt && keyed(t) === k))).join(' | ')} |`,
    ),
  );
  return lines.join('\n');
}

// --- main --------------------------------------------------------------------------------------

(async () => {
  const shared = {};
  const t0 = Date.now();
  const runs = Object.fromEntries(selectedRows.map((w) => [w.id, Object.fromEntries(ALL_SIDES.map((s) => [s, []]))]));
  const runtimes = await probeRuntimes();
  for (const [rt, r] of Object.entries(runtimes))
    process.stderr.write(
      `runtime ${rt}: ${r.available ? 'runs' : `${r.note}, the package ran ${r.reported ?? 'nothing'}`}\n`,
    );
  const active = SIDES.filter((s) => !RUNTIMES.includes(s) || runtimes[s].available);
  if (!active.some((s) => RUNTIMES.includes(s))) die('no runtime of the package runs: nothing to measure');
  try {
    if (selected.some((w) => w.needs === 'echo')) shared.echo = await startEcho(4096);
    if (selected.some((w) => w.needs === 'proxy')) shared.proxy = await startMicrosocks();
    if (selected.some((w) => w.needs === 'origin' || w.needs === 'squid')) shared.origin = await startOrigin();
    if (selected.some((w) => w.needs === 'tls')) shared.tls = await startTlsServer();
    if (selected.some((w) => w.needs === 'squid')) {
      shared.squid = await startSquid();
      proxyEnv = shared.squid.env;
    }
    for (let round = 1; round <= cfg.rounds; round++) {
      for (const w of selected) {
        for (const side of active) {
          const got = await runOne(w, side, shared);
          for (const row of rowsOf(w)) {
            const r = got[row.id];
            runs[row.id][side].push(r);
            process.stderr.write(
              `round ${round}/${cfg.rounds} ${row.id} ${side}: ${r.error ? `FAILED ${r.error}` : `${fmt(r.value)} ${row.unit}`}\n`,
            );
          }
        }
      }
    }
  } finally {
    if (shared.echo) await stopChild(shared.echo.child);
    if (shared.proxy) await stopChild(shared.proxy.child);
    if (shared.origin) await stopChild(shared.origin.child);
    if (shared.tls) {
      // Its stdin's end stops it (and it says then whether any session was resumed).
      shared.tls.child.stdin.end();
      if ((await exitOf(shared.tls.child, STOP_MS)) === 'timeout') await stopChild(shared.tls.child);
      shared.tls.certs.remove();
    }
    if (shared.squid) {
      // SIGTERM takes squid 2-3 s (its shutdown runs in 1 s steps).
      shared.squid.child.kill('SIGTERM');
      if ((await exitOf(shared.squid.child, 10000)) === 'timeout') await stopChild(shared.squid.child);
      fs.rmSync(shared.squid.dir, { recursive: true, force: true });
    }
  }
  const summary = summarize(runs, runtimes);
  const report = {
    date: new Date().toISOString(),
    seconds: Math.round((Date.now() - t0) / 1000),
    machine: machine(),
    config: {
      ...cfg,
      smoke: S,
      sides: SIDES,
      order:
        'per round: each workload A A2 B C (qtnetwork thread, qtnetwork loop, Node, PyQt6), one child process per measurement (the paced echo: two, server and client)',
    },
    // What each runtime side asked for and what the package reported running.
    runtimes,
    ...summary,
  };
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);
  const m = report.machine;
  const rtLine = Object.values(runtimes)
    .map((r) => `${r.requested}: ${r.available ? 'ran' : `${r.note} (the package ran ${r.reported ?? 'nothing'})`}`)
    .join('; ');
  console.log(
    `${m.cpus} cores (${m.cpuModel}), Node ${m.node}, PyQt6 ${m.pyqt6} on Qt ${m.qtOfPyQt6}; ${cfg.rounds} interleaved round(s), medians, ${report.seconds} s; qtnetwork runtimes (QTNETWORK_RUNTIME) ${rtLine}\n`,
  );
  console.log(table(summary, runtimes));
  console.log(`\nJSON: ${outFile}`);
  const failed = summary.rows.filter((r) => r.errors.length > 0);
  for (const r of failed) process.stderr.write(`bench: ${r.workload}: ${r.errors.join('; ')}\n`);
  // Misses are reported, not failed; a measurement that did not run is a broken bench (a runtime
  // the package does not have is reported as n/a, not a failure).
  process.exit(summary.rows.some((r) => active.some((s) => !Number.isFinite(r.median[s]))) ? 1 : 0);
})().catch((e) => {
  process.stderr.write(`bench: ${e.stack || e}\n`);
  process.exit(1);
});
