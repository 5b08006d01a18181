// Real proxy servers for tests (dante, microsocks, tinyproxy, squid) and a hostile one of our own, each
// started on a free 127.0.0.1 port inside the test's network namespace, with the configs in
// test/fixtures/proxies. Every wait here is bounded; stop() kills only the pid we started.
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { createHash, randomBytes } from 'crypto';
import { canConnect, freePort } from '../scripts/ports';

export interface ProxyServer {
  readonly kind: 'dante' | 'microsocks' | 'tinyproxy' | 'squid' | 'hostile';
  readonly host: '127.0.0.1';
  readonly port: number;
  /** Credentials the proxy accepts, when it requires any. */
  readonly user?: string;
  readonly password?: string;
  readonly pid: number;
  /** Resolves with the exit code (null if killed by a signal) once the process has exited. */
  readonly exited: Promise<number | null>;
  /** The proxy's log so far (for the hostile proxy: its JSON-lines event log). */
  log(): string;
  /**
   * The targets clients asked for, "host:port" exactly as sent: a host name stays a name, so a
   * test can tell whether its client resolved the name itself (e.g. "localhost:80" vs
   * "127.0.0.1:80"). Includes BIND/UDP ASSOCIATE request addresses for dante.
   */
  targets(): string[];
  stop(): Promise<void>;
}

/** The system account the username-authenticating dante checks (created on demand). */
export const DANTE_USER = 'qtnproxy';
export const DANTE_PASSWORD = 'qtnproxy-secret';

const FIXTURES = path.join(__dirname, 'fixtures');
const HOST = '127.0.0.1';
const READY_MS = 5000;
const STOP_MS = 3000;
const PORT_ATTEMPTS = 5;

// Proxies not stopped yet. If the test process dies without stopping them, they get SIGTERM from
// the kernel (setpriv --pdeathsig) or see their stdin close (hostile proxy); a process 'exit' hook
// would not do, since in jest `process` is a copy whose 'exit' never fires.
const live = new Set<ProxyServer>();

/** Stops every proxy this module started and has not stopped yet (for afterAll). */
export async function stopAllProxies(): Promise<void> {
  await Promise.all([...live].map((p) => p.stop()));
}

// --- starting ---------------------------------------------------------------------------------

export interface DanteOptions {
  /** Require username/password (DANTE_USER / DANTE_PASSWORD, a system account). */
  auth?: boolean;
  /** Interfaces or addresses for outgoing connections and BIND/UDP relays; default 'lo'. */
  external?: string | string[];
}

export async function startDante(opts: DanteOptions = {}): Promise<ProxyServer> {
  if (opts.auth) await ensureSystemUser();
  const externals = ([] as string[]).concat(opts.external ?? 'lo');
  for (const e of externals) checkToken(e, 'external');
  const template = opts.auth ? 'danted-auth.conf' : 'danted.conf';
  return startWithFreePort('dante', (dir, port) => {
    const logPath = path.join(dir, 'danted.log');
    const conf = fill(template, {
      PORT: String(port),
      LOG: logPath,
      EXTERNAL: externals.map((e) => `external: ${e}`).join('\n'),
    });
    fs.writeFileSync(path.join(dir, 'danted.conf'), conf);
    return {
      // Without -D, danted stays in the foreground.
      argv: ['/usr/sbin/danted', '-f', path.join(dir, 'danted.conf'), '-p', path.join(dir, 'danted.pid')],
      logPath,
      credentials: opts.auth ? { user: DANTE_USER, password: DANTE_PASSWORD } : undefined,
      targets: danteTargets,
    };
  });
}

export interface Credentials {
  user?: string;
  password?: string;
}

/** microsocks: CONNECT only (no BIND, no UDP ASSOCIATE); logs each CONNECT on stderr. */
export async function startMicrosocks(opts: Credentials = {}): Promise<ProxyServer> {
  const creds = credentials(opts);
  return startWithFreePort('microsocks', (_dir, port) => ({
    argv: [
      '/usr/bin/microsocks',
      '-i',
      HOST,
      '-p',
      String(port),
      ...(creds ? ['-u', creds.user, '-P', creds.password] : []),
    ],
    credentials: creds,
    // "client[4] 127.0.0.1: connected to localhost:54667"
    targets: (log) => [...log.matchAll(/: connected to (\S+)$/gm)].map((m) => m[1]),
  }));
}

/** tinyproxy: HTTP CONNECT to any port; with credentials, Basic authentication. */
export async function startTinyproxy(opts: Credentials = {}): Promise<ProxyServer> {
  const creds = credentials(opts);
  return startWithFreePort('tinyproxy', (dir, port) => {
    const logPath = path.join(dir, 'tinyproxy.log');
    const conf = fill('tinyproxy.conf', {
      PORT: String(port),
      LOG: logPath,
      PID: path.join(dir, 'tinyproxy.pid'),
      AUTH: creds ? `BasicAuth ${creds.user} ${creds.password}` : '',
    });
    fs.writeFileSync(path.join(dir, 'tinyproxy.conf'), conf);
    return {
      argv: ['/usr/bin/tinyproxy', '-d', '-c', path.join(dir, 'tinyproxy.conf')],
      logPath,
      credentials: creds,
      // "Request (file descriptor 5): CONNECT localhost:41773 HTTP/1.1"
      targets: (log) => [...log.matchAll(/Request \(file descriptor \d+\): CONNECT (\S+) HTTP/g)].map((m) => m[1]),
    };
  });
}

/** 'ntlm-mended': NTLM with Debian's helper behind ntlm_mended_challenge.py, whose challenges Qt can read. */
export type SquidScheme = 'basic' | 'digest' | 'ntlm' | 'ntlm-mended';

/** The realm squid sends with a Basic or Digest challenge (NTLM has none). */
export const squidRealm = (scheme: SquidScheme): string => `qtn-squid-${scheme}`;

/**
 * Debian's squid as an HTTP CONNECT proxy that requires `scheme` with the auth helper Debian ships
 * for it (test/fixtures/proxies/squid-<scheme>.auth): Basic and Digest accept exactly `user` and
 * `password`, written here to an htpasswd (APR1) or HA1 file; NTLM's fake helper takes any user
 * name with any password.
 * Squid refuses to run as root: as root (real, or mapped by scripts/in-netns) it runs in a user
 * namespace of its own as uid 65534, which is still us outside, so it reads and writes the test's
 * directory as its owner.
 */
/** A squid service name unique on this machine (alphanumeric, as squid requires). */
export const squidServiceName = (port: number): string => `qtn${process.pid}x${port}x${randomBytes(4).toString('hex')}`;

export async function startSquid(scheme: SquidScheme, opts: Credentials = {}): Promise<ProxyServer> {
  const creds = credentials(opts);
  if ((scheme === 'basic' || scheme === 'digest') && !creds)
    throw new Error(`startSquid(${scheme}): give a user and a password`);
  const squid = '/usr/sbin/squid';
  if (!fs.existsSync(squid)) throw new Error(`${squid} is not installed (scripts/setup installs it)`);
  const realm = squidRealm(scheme);
  return startWithFreePort('squid', (dir, port) => {
    if (scheme === 'basic' && creds) {
      // The password goes on stdin, never on a command line.
      const r = spawnSync('openssl', ['passwd', '-apr1', '-stdin'], { input: creds.password, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`openssl passwd failed: ${r.stderr}`);
      fs.writeFileSync(path.join(dir, 'basic.htpasswd'), `${creds.user}:${r.stdout.trim()}\n`, { mode: 0o600 });
    }
    if (scheme === 'digest' && creds) {
      const ha1 = createHash('md5').update(`${creds.user}:${realm}:${creds.password}`).digest('hex');
      fs.writeFileSync(path.join(dir, 'digest.ha1'), `${creds.user}:${realm}:${ha1}\n`, { mode: 0o600 });
    }
    const auth = fill(`squid-${scheme}.auth`, { DIR: dir, REALM: realm, FIXTURES: path.join(FIXTURES, 'proxies') });
    const conf = fill('squid.conf', { PORT: String(port), DIR: dir, AUTH: auth });
    fs.writeFileSync(path.join(dir, 'squid.conf'), conf);
    const asRoot = process.getuid?.() === 0;
    return {
      // -N: no daemon, no master/kid pair, one process whose pid we hold.
      argv: [
        ...(asRoot ? ['/usr/bin/unshare', '--user', '--map-user=65534', '--map-group=65534', '--'] : []),
        squid,
        '-N',
        // A service name of its own: squid names its shared memory segments (/dev/shm, which
        // network namespaces do not separate) after it, and two squids by the same name (the
        // runtimes' stages side by side) failed with shm_open's "File exists".
        '-n',
        squidServiceName(port),
        '-f',
        path.join(dir, 'squid.conf'),
      ],
      logPath: path.join(dir, 'cache.log'),
      credentials: creds,
      // Startup takes ~0.7 s idle; SIGTERM takes 2-3 s (squid's shutdown runs in 1 s event steps).
      readyMs: 20000,
      stopMs: 10000,
      // access.log: "... TCP_DENIED/407 3479 CONNECT 127.0.0.1:41773 - HIER_NONE/- text/html"
      targets: () => [...readIfExists(path.join(dir, 'access.log')).matchAll(/ CONNECT (\S+) /g)].map((m) => m[1]),
    };
  });
}

export type HostileMode =
  | 'socks-wrong-version'
  | 'socks-truncated'
  | 'socks-bad-method'
  | 'socks-unknown-atyp'
  | 'socks-huge-domain'
  | 'socks-close-early'
  | 'socks-silent'
  | 'socks-fail-reply'
  | 'http-garbage-status'
  | 'http-no-header-end'
  | 'http-status'
  | 'http-close-early'
  | 'http-silent';

/**
 * Starts test/fixtures/hostile_proxy.js in `mode`; extraArgs e.g. ['--rep', '5'],
 * ['--status', '407'], ['--max-bytes', '65536'], ['--complete'], ['--lifetime-ms', '500'].
 * It listens on port 0 and reports its port, so there is no race for a free port.
 */
export async function startHostileProxy(mode: HostileMode, extraArgs: string[] = []): Promise<ProxyServer> {
  const script = path.join(FIXTURES, 'hostile_proxy.js');
  const child = spawnProxy([process.execPath, script, '--mode', mode, '--exit-on-stdin-close', ...extraArgs]);
  const out = collect(child);
  let port = 0;
  await waitReady(
    child,
    () => {
      const m = /"event":"listening","port":(\d+)/.exec(out.stdout());
      if (m) port = Number(m[1]);
      return port > 0;
    },
    () => `hostile proxy (${mode}) did not start:\n${out.stderr()}${out.stdout()}`,
  );
  return register({
    kind: 'hostile',
    port,
    child,
    dir: undefined,
    log: out.stdout,
    targets: (log) =>
      log
        .split('\n')
        .filter((l) => l.includes('"event":"request"'))
        .map((l) => JSON.parse(l) as { host: string; port: number })
        .map((e) => `${e.host}:${e.port}`),
  });
}

interface Launch {
  argv: string[];
  /** The proxy's own log file; without one, its stderr is the log. */
  logPath?: string;
  credentials?: { user: string; password: string };
  targets: (log: string) => string[];
  /** How long to wait for the port to accept (default READY_MS) and for SIGTERM to end it (STOP_MS). */
  readyMs?: number;
  stopMs?: number;
}

/**
 * Picks a free port (bind port 0, read it, close it) and starts the proxy on it; if another
 * process took the port meanwhile, the proxy exits complaining and we try another, a few times.
 */
async function startWithFreePort(
  kind: ProxyServer['kind'],
  prepare: (dir: string, port: number) => Launch,
): Promise<ProxyServer> {
  let lastError: unknown;
  for (let attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
    const port = await freePort();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `qtn-${kind}-`));
    try {
      const launch = prepare(dir, port);
      const child = spawnProxy(launch.argv);
      const out = collect(child);
      const log = (): string => (launch.logPath ? readIfExists(launch.logPath) : '') + out.stderr();
      try {
        await waitReady(
          child,
          () => canConnect(port),
          () => `${kind} on port ${port}:\n${log()}${out.stdout()}`,
          launch.readyMs,
        );
      } catch (e) {
        lastError = e;
        if (running(child)) child.kill('SIGKILL');
        await exitOf(child, STOP_MS);
        // The messages of dante, microsocks and tinyproxy when the port was taken meanwhile.
        if (/in use|Could not create listening/i.test(String(e))) {
          fs.rmSync(dir, { recursive: true, force: true });
          continue;
        }
        throw lastError;
      }
      return register({
        kind,
        port,
        child,
        dir,
        log,
        targets: launch.targets,
        stopMs: launch.stopMs,
        ...launch.credentials,
      });
    } catch (e) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw e;
    }
  }
  throw lastError;
}

function register(p: {
  kind: ProxyServer['kind'];
  port: number;
  child: ChildProcess;
  dir: string | undefined;
  log: () => string;
  targets: (log: string) => string[];
  user?: string;
  password?: string;
  stopMs?: number;
}): ProxyServer {
  const stopMs = p.stopMs ?? STOP_MS;
  const exited = exitOf(p.child, Infinity) as Promise<number | null>;
  let stopping: Promise<void> | undefined;
  const server: ProxyServer = {
    kind: p.kind,
    host: HOST,
    port: p.port,
    user: p.user,
    password: p.password,
    pid: p.child.pid as number,
    exited,
    log: () => p.log(),
    targets: () => p.targets(p.log()),
    stop: () => (stopping ??= stop()),
  };
  async function stop(): Promise<void> {
    if (running(p.child)) {
      p.child.kill('SIGTERM');
      if ((await exitOf(p.child, stopMs)) === 'timeout') {
        p.child.kill('SIGKILL');
        await exitOf(p.child, STOP_MS);
      }
    }
    // dante's children may hold the listening socket a moment longer than their parent.
    await waitPortClosed(p.port, STOP_MS);
    live.delete(server);
    if (p.dir) fs.rmSync(p.dir, { recursive: true, force: true });
  }
  live.add(server);
  return server;
}

// --- processes and ports ----------------------------------------------------------------------

/** Spawns with SIGTERM on our death (setpriv --pdeathsig execs the proxy: same pid). */
function spawnProxy(argv: string[]): ChildProcess {
  if (!fs.existsSync(argv[0])) throw new Error(`${argv[0]} is not installed (scripts/setup installs it)`);
  const [cmd, ...args] = fs.existsSync('/usr/bin/setpriv')
    ? ['/usr/bin/setpriv', '--pdeathsig', 'TERM', '--', ...argv]
    : argv;
  // The servers are the system's programs, not ours: without the sanitizers' preload that the ASan
  // run gives the test process (squid's own new/delete mismatch aborted it under libasan).
  const env = { ...process.env };
  for (const name of ['LD_PRELOAD', 'ASAN_OPTIONS', 'UBSAN_OPTIONS']) delete env[name];
  const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'], env });
  child.on('error', () => {
    /* reported through exitCode/stderr by the waiters */
  });
  return child;
}

/** Accumulates a child's output, capped so a chatty process cannot exhaust memory. */
function collect(child: ChildProcess): { stdout: () => string; stderr: () => string } {
  const cap = 8 * 1024 * 1024;
  let stdout = '';
  let stderr = '';
  let spawnError = '';
  child.stdout?.setEncoding('latin1').on('data', (d: string) => {
    if (stdout.length < cap) stdout += d;
  });
  child.stderr?.setEncoding('latin1').on('data', (d: string) => {
    if (stderr.length < cap) stderr += d;
  });
  child.on('error', (e) => (spawnError = `${e.message}\n`));
  return { stdout: () => stdout, stderr: () => spawnError + stderr };
}

const running = (child: ChildProcess): boolean => child.exitCode === null && child.signalCode === null;

/** Polls `ready` every 20 ms for up to `ms`; fails at once if the child exits. */
async function waitReady(
  child: ChildProcess,
  ready: () => boolean | Promise<boolean>,
  why: () => string,
  ms = READY_MS,
): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // Let a pending 'exit' event land before we look at the exit code.
    await sleep(20);
    if (!running(child)) throw new Error(`exited early (${child.exitCode ?? child.signalCode}): ${why()}`);
    if (await ready()) return;
  }
  throw new Error(`not ready after ${ms} ms: ${why()}`);
}

/** Resolves with the exit code once the child has exited, or 'timeout' after `ms`. */
function exitOf(child: ChildProcess, ms: number): Promise<number | null | 'timeout'> {
  return new Promise((resolve) => {
    if (!running(child)) return resolve(child.exitCode);
    const timer = ms === Infinity ? undefined : setTimeout(() => resolve('timeout'), ms);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

export { canConnect, freePort };

async function waitPortClosed(port: number, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end && (await canConnect(port, HOST, 200))) await sleep(20);
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function readIfExists(file: string): string {
  try {
    return fs.readFileSync(file, 'latin1');
  } catch {
    return '';
  }
}

// --- configs ----------------------------------------------------------------------------------

/** Reads a template from test/fixtures/proxies and replaces its @NAME@ placeholders. */
function fill(template: string, values: Record<string, string>): string {
  const text = fs.readFileSync(path.join(FIXTURES, 'proxies', template), 'utf8');
  return text.replace(/@([A-Z]+)@/g, (whole, name: string) => {
    if (!(name in values)) throw new Error(`${template}: no value for ${whole}`);
    return values[name];
  });
}

/** Config values are spliced into config files and command lines: no spaces, quotes or line breaks. */
function checkToken(value: string, what: string): void {
  if (!/^[A-Za-z0-9._:/-]+$/.test(value))
    throw new Error(`${what} ${JSON.stringify(value)}: must be non-empty, of the characters A-Za-z0-9._:/-`);
}

function credentials(opts: Credentials): { user: string; password: string } | undefined {
  if (opts.user === undefined && opts.password === undefined) return undefined;
  const c = { user: opts.user ?? '', password: opts.password ?? '' };
  checkToken(c.user, 'user');
  checkToken(c.password, 'password');
  return c;
}

// "dorequest(): ... Packet: VER: 5 CMD: 1 FLAG: 0 ATYP: 3 address: localhost.41773" (debug: 1);
// dante writes host and port as "host.port".
function danteTargets(log: string): string[] {
  return [...log.matchAll(/Packet: VER: 5 CMD: \d+ FLAG: \d+ ATYP: \d+ address: (\S+)\.(\d+)/g)].map(
    (m) => `${m[1]}:${m[2]}`,
  );
}

// --- the system account for dante's username method -------------------------------------------

/**
 * dante's username method checks system accounts (getpwnam + shadow), so the account must exist
 * with DANTE_PASSWORD. Idempotent: creates it if missing and sets the password only if the shadow
 * hash does not match. Needs root (or passwordless sudo); in an `unshare -rn` namespace we look
 * like root but cannot write /etc/passwd, and dante could not read /etc/shadow either.
 */
export async function ensureSystemUser(): Promise<void> {
  const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  const run = (argv: string[], input?: string): { status: number | null; out: string } => {
    const [cmd, ...args] = [...sudo, ...argv];
    const r = spawnSync(cmd, args, { input, encoding: 'utf8', timeout: 10000 });
    return { status: r.status, out: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? r.error.message : ''}` };
  };
  const hint = `create it by hand as root: useradd --system --no-create-home --shell /usr/sbin/nologin ${DANTE_USER} && echo '${DANTE_USER}:${DANTE_PASSWORD}' | chpasswd`;
  if (run(['getent', 'passwd', DANTE_USER]).status !== 0) {
    const r = run(['useradd', '--system', '--no-create-home', '--shell', '/usr/sbin/nologin', DANTE_USER]);
    // 9: the user exists (another process created it meanwhile).
    if (r.status !== 0 && r.status !== 9)
      throw new Error(`useradd ${DANTE_USER} failed (${r.status}): ${r.out}; ${hint}`);
  }
  if (passwordMatches(run)) return;
  // chpasswd fails at once if another process holds the shadow lock: retry a few times.
  let r = { status: null as number | null, out: '' };
  for (let i = 0; i < 5; i++) {
    r = run(['chpasswd', '-c', 'SHA512'], `${DANTE_USER}:${DANTE_PASSWORD}\n`);
    if (r.status === 0 && passwordMatches(run)) return;
    await sleep(200);
  }
  throw new Error(`chpasswd for ${DANTE_USER} failed (${r.status}): ${r.out}; ${hint}`);
}

function passwordMatches(run: (argv: string[]) => { status: number | null; out: string }): boolean {
  const entry = run(['getent', 'shadow', DANTE_USER]);
  const hash = entry.status === 0 ? (entry.out.split(':')[1] ?? '') : '';
  const m = /^\$(1|5|6)\$([^$]+)\$/.exec(hash);
  if (!m) return false;
  const r = spawnSync('openssl', ['passwd', `-${m[1]}`, '-salt', m[2], '-stdin'], {
    input: DANTE_PASSWORD,
    encoding: 'utf8',
    timeout: 10000,
  });
  return r.status === 0 && r.stdout.trim() === hash;
}

// --- minimal clients, for test/proxy/servers.test.ts to prove the proxies work -------------------

export interface HandshakeError extends Error {
  /** SOCKS5: the method-selection byte, the auth status, or REP; HTTP: the status code. */
  code?: number;
}

function handshakeError(message: string, code?: number): HandshakeError {
  return Object.assign(new Error(message), { code });
}

/** Reads exactly what `need(buffer)` asks for (or -1: more please), bounded in time. */
function readReply(sock: net.Socket, need: (b: Buffer) => number, ms: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let buf = Buffer.alloc(0);
    const cleanup = (): void => {
      clearTimeout(timer);
      sock.off('data', onData);
      sock.off('close', onClose);
      sock.off('error', onError);
    };
    const onData = (d: Buffer): void => {
      buf = Buffer.concat([buf, d]);
      let n: number;
      try {
        n = need(buf);
      } catch (e) {
        cleanup();
        return reject(e);
      }
      if (n < 0) return;
      cleanup();
      sock.pause();
      if (n < buf.length) sock.unshift(buf.subarray(n));
      resolve(buf.subarray(0, n));
    };
    const onClose = (): void => {
      cleanup();
      reject(handshakeError(`proxy closed the connection after ${buf.length} bytes`));
    };
    const onError = (e: Error): void => {
      cleanup();
      reject(e);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(handshakeError(`no complete reply from the proxy in ${ms} ms (got ${buf.length} bytes)`));
    }, ms);
    sock.on('data', onData);
    sock.once('close', onClose);
    sock.once('error', onError);
    sock.resume();
  });
}

function connectTo(proxy: ProxyServer, ms: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ host: proxy.host, port: proxy.port });
    const timer = setTimeout(() => {
      s.destroy();
      reject(new Error(`connect to proxy timed out after ${ms} ms`));
    }, ms);
    const onError = (e: Error): void => {
      clearTimeout(timer);
      reject(e);
    };
    s.once('connect', () => {
      clearTimeout(timer);
      s.off('error', onError);
      resolve(s);
    });
    s.once('error', onError);
  });
}

/**
 * SOCKS5 CONNECT (RFC 1928/1929) through `proxy`; the target goes as a host name unless it is an
 * IP literal. Resolves with the tunnelled socket, paused (call resume() or read()); rejects with a
 * HandshakeError.
 */
export async function socks5Connect(
  proxy: ProxyServer,
  host: string,
  port: number,
  auth?: Credentials,
  ms = 5000,
): Promise<net.Socket> {
  return (await socks5Request(proxy, 'connect', host, port, auth, ms)).socket;
}

export interface Socks5Reply {
  /** The control connection, paused; for BIND the second reply is still to be read from it. */
  socket: net.Socket;
  /** BND.ADDR and BND.PORT of the (first) reply. */
  boundHost: string;
  boundPort: number;
}

/** Any SOCKS5 request: connect, bind (host/port: the expected peer) or udp (host/port: our source). */
export async function socks5Request(
  proxy: ProxyServer,
  command: 'connect' | 'bind' | 'udp',
  host: string,
  port: number,
  auth?: Credentials,
  ms = 5000,
): Promise<Socks5Reply> {
  const sock = await connectTo(proxy, ms);
  try {
    const withAuth = auth !== undefined;
    sock.write(Buffer.from([0x05, 0x01, withAuth ? 0x02 : 0x00]));
    const sel = await readReply(sock, (b) => (b.length >= 2 ? 2 : -1), ms);
    if (sel[0] !== 0x05 || sel[1] !== (withAuth ? 0x02 : 0x00))
      throw handshakeError(`SOCKS5 method selection refused: ${sel.toString('hex')}`, sel[1]);
    if (withAuth) {
      const u = Buffer.from(auth.user ?? '');
      const p = Buffer.from(auth.password ?? '');
      sock.write(Buffer.concat([Buffer.from([0x01, u.length]), u, Buffer.from([p.length]), p]));
      const st = await readReply(sock, (b) => (b.length >= 2 ? 2 : -1), ms);
      if (st[1] !== 0x00) throw handshakeError(`SOCKS5 authentication failed: status ${st[1]}`, st[1]);
    }
    const cmd = { connect: 0x01, bind: 0x02, udp: 0x03 }[command];
    sock.write(Buffer.concat([Buffer.from([0x05, cmd, 0x00]), socks5Address(host, port)]));
    const reply = await readSocks5Reply(sock, ms);
    return { socket: sock, ...reply };
  } catch (e) {
    sock.destroy();
    throw e;
  }
}

/** Reads one SOCKS5 reply (also BIND's second one); rejects unless REP is 0 (succeeded). */
export async function readSocks5Reply(sock: net.Socket, ms = 5000): Promise<{ boundHost: string; boundPort: number }> {
  const reply = await readReply(sock, socks5ReplyLength, ms);
  if (reply[1] !== 0x00) throw handshakeError(`SOCKS5 request failed: REP ${reply[1]}`, reply[1]);
  const { boundHost, boundPort } = parseSocks5Address(reply, 3);
  return { boundHost, boundPort };
}

/** ATYP, address and port as in SOCKS5 requests and UDP datagram headers. */
export function socks5Address(host: string, port: number): Buffer {
  const ipv = net.isIP(host);
  const addr =
    ipv === 4
      ? Buffer.from([0x01, ...host.split('.').map(Number)])
      : ipv === 6
        ? Buffer.concat([Buffer.from([0x04]), ipv6Bytes(host)])
        : Buffer.concat([Buffer.from([0x03, Buffer.byteLength(host)]), Buffer.from(host)]);
  return Buffer.concat([addr, Buffer.from([port >> 8, port & 0xff])]);
}

/** Parses ATYP/address/port at `at`; returns it and where it ends. */
export function parseSocks5Address(b: Buffer, at: number): { boundHost: string; boundPort: number; end: number } {
  const atyp = b[at];
  const [host, len] =
    atyp === 0x01
      ? [[...b.subarray(at + 1, at + 5)].join('.'), 4]
      : atyp === 0x04
        ? [
            b
              .subarray(at + 1, at + 17)
              .toString('hex')
              .replace(/(.{4})(?!$)/g, '$1:'),
            16,
          ]
        : [b.subarray(at + 2, at + 2 + b[at + 1]).toString('latin1'), 1 + b[at + 1]];
  const end = at + 1 + len + 2;
  return { boundHost: host, boundPort: b.readUInt16BE(end - 2), end };
}

/** Length of a complete SOCKS5 reply in `b`, or -1 if incomplete. */
function socks5ReplyLength(b: Buffer): number {
  if (b.length < 5) return -1;
  if (b[0] !== 0x05) throw handshakeError(`SOCKS5 reply with version ${b[0]}`);
  const len = b[3] === 0x01 ? 4 + 4 + 2 : b[3] === 0x04 ? 4 + 16 + 2 : b[3] === 0x03 ? 4 + 1 + b[4] + 2 : NaN;
  if (Number.isNaN(len)) throw handshakeError(`SOCKS5 reply with ATYP ${b[3]}`);
  return b.length >= len ? len : -1;
}

function ipv6Bytes(host: string): Buffer {
  const [head, tail = ''] = host.split('::');
  const parts = (s: string): string[] => (s ? s.split(':') : []);
  const h = parts(head);
  const t = parts(tail);
  const groups = host.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
  return Buffer.from(groups.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]));
}

/**
 * HTTP CONNECT through `proxy`, with Basic credentials up front when given. Resolves with the
 * tunnelled socket, paused; rejects with a HandshakeError whose code is the status.
 */
export async function httpConnect(
  proxy: ProxyServer,
  host: string,
  port: number,
  auth?: Credentials,
  ms = 5000,
): Promise<net.Socket> {
  const sock = await connectTo(proxy, ms);
  try {
    const target = net.isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
    const creds = auth
      ? `Proxy-Authorization: Basic ${Buffer.from(`${auth.user ?? ''}:${auth.password ?? ''}`).toString('base64')}\r\n`
      : '';
    sock.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n${creds}\r\n`);
    const head = await readReply(
      sock,
      (b) => {
        const i = b.indexOf('\r\n\r\n');
        if (i < 0 && b.length > 64 * 1024) throw handshakeError('HTTP proxy reply header over 64 KiB');
        return i < 0 ? -1 : i + 4;
      },
      ms,
    );
    const status = /^HTTP\/1\.[01] (\d{3})/.exec(head.toString('latin1'));
    if (!status)
      throw handshakeError(`HTTP proxy reply is not HTTP: ${JSON.stringify(head.subarray(0, 64).toString('latin1'))}`);
    const code = Number(status[1]);
    if (code < 200 || code > 299) throw handshakeError(`HTTP CONNECT refused: ${code}`, code);
    return sock;
  } catch (e) {
    sock.destroy();
    throw e;
  }
}
