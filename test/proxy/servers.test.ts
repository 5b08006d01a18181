// Proves the proxy harness (test/proxies.ts): each real proxy starts, tunnels bytes to a local echo
// server, logs the target as the client sent it, refuses wrong credentials and is gone after
// stop(); each hostile mode does what it claims. Uses plain Node sockets, not the addon.
import * as dgram from 'dgram';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { randomBytes } from 'crypto';
import { until } from '../helpers';
import {
  DANTE_PASSWORD,
  DANTE_USER,
  canConnect,
  httpConnect,
  parseSocks5Address,
  readSocks5Reply,
  socks5Address,
  socks5Connect,
  socks5Request,
  startDante,
  startHostileProxy,
  startMicrosocks,
  startTinyproxy,
  stopAllProxies,
  type Credentials,
  type HostileMode,
  type ProxyServer,
} from '../proxies';

let echo: net.Server;
let echoPort: number;
let echoConnections = 0;
const echoSockets = new Set<net.Socket>();

beforeAll(async () => {
  echo = net.createServer((s) => {
    echoConnections++;
    echoSockets.add(s);
    s.on('close', () => echoSockets.delete(s));
    s.on('error', () => undefined);
    s.pipe(s);
  });
  await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r));
  echoPort = (echo.address() as net.AddressInfo).port;
});

afterAll(async () => {
  await stopAllProxies();
  for (const s of echoSockets) s.destroy();
  await new Promise((r) => echo.close(r));
});

/** Sends `payload` through a tunnel to the echo server and returns what came back. */
function echoThrough(sock: net.Socket, payload: Buffer, ms = 5000): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let got = 0;
    const timer = setTimeout(() => finish(new Error(`echo: ${got}/${payload.length} bytes after ${ms} ms`)), ms);
    const finish = (err?: Error): void => {
      clearTimeout(timer);
      sock.destroy();
      if (err) reject(err);
      else resolve(Buffer.concat(chunks));
    };
    sock.on('data', (d: Buffer) => {
      chunks.push(d);
      got += d.length;
      if (got >= payload.length) finish();
    });
    sock.on('error', finish);
    sock.on('close', () => finish(new Error(`echo: tunnel closed after ${got}/${payload.length} bytes`)));
    sock.resume();
    sock.write(payload);
  });
}

/** stop(), then: the pid is gone, the port refuses, and stop() is idempotent. */
async function expectStopped(p: ProxyServer): Promise<void> {
  await p.stop();
  await p.stop();
  await p.exited;
  expect(() => process.kill(p.pid, 0)).toThrow(/ESRCH/);
  expect(await canConnect(p.port)).toBe(false);
}

interface RealCase {
  name: string;
  start: () => Promise<ProxyServer>;
  http: boolean;
  /** What the raw log says for a CONNECT to `host`, as the client sent it. */
  logLine: (host: string, port: number) => RegExp;
}

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// dante (debug: 1) logs the request packet: ATYP 3 is a host name, ATYP 1 an IPv4 address.
const danteLine = (host: string, port: number): RegExp =>
  new RegExp(`Packet: VER: 5 CMD: 1 FLAG: 0 ATYP: ${net.isIP(host) ? 1 : 3} address: ${esc(host)}\\.${port}\\b`);
const microsocksLine = (host: string, port: number): RegExp => new RegExp(`: connected to ${esc(host)}:${port}$`, 'm');
const tinyproxyLine = (host: string, port: number): RegExp =>
  new RegExp(`Request \\(file descriptor \\d+\\): CONNECT ${esc(host)}:${port} HTTP/1\\.1`);

const realCases: RealCase[] = [
  { name: 'dante, no authentication', start: () => startDante(), http: false, logLine: danteLine },
  {
    name: 'dante, username/password (system account)',
    start: () => startDante({ auth: true }),
    http: false,
    logLine: danteLine,
  },
  { name: 'microsocks, no authentication', start: () => startMicrosocks(), http: false, logLine: microsocksLine },
  {
    name: 'microsocks, -u/-P',
    start: () => startMicrosocks({ user: 'alice', password: 's3cret' }),
    http: false,
    logLine: microsocksLine,
  },
  { name: 'tinyproxy, no authentication', start: () => startTinyproxy(), http: true, logLine: tinyproxyLine },
  {
    name: 'tinyproxy, BasicAuth',
    start: () => startTinyproxy({ user: 'bob', password: 'pa55' }),
    http: true,
    logLine: tinyproxyLine,
  },
];

describe.each(realCases)('$name', ({ start, http, logLine }) => {
  test('tunnels to a name and to an IP, logs both as sent, refuses bad credentials, stops', async () => {
    const p = await start();
    expect(p.port).toBeGreaterThan(0);
    const connect = http ? httpConnect : socks5Connect;
    const creds: Credentials | undefined = p.user === undefined ? undefined : { user: p.user, password: p.password };

    for (const host of ['localhost', '127.0.0.1']) {
      const payload = randomBytes(256 * 1024);
      const sock = await connect(p, host, echoPort, creds);
      expect((await echoThrough(sock, payload)).equals(payload)).toBe(true);
    }
    // The log distinguishes the name from the IP; targets() parses the same lines.
    expect(p.log()).toMatch(logLine('localhost', echoPort));
    expect(p.log()).toMatch(logLine('127.0.0.1', echoPort));
    expect(p.targets()).toEqual(expect.arrayContaining([`localhost:${echoPort}`, `127.0.0.1:${echoPort}`]));

    if (creds) {
      const before = echoConnections;
      // Awaited one by one: a rejection nobody awaits yet fails the test.
      const wrong = (): Promise<unknown> => connect(p, '127.0.0.1', echoPort, { user: creds.user, password: 'wrong' });
      const none = (): Promise<unknown> => connect(p, '127.0.0.1', echoPort);
      if (http) {
        // tinyproxy: 407 without credentials, but 401 (not 407) for wrong ones.
        await expect(wrong()).rejects.toMatchObject({ code: 401 });
        await expect(none()).rejects.toMatchObject({ code: 407 });
      } else {
        await expect(wrong()).rejects.toThrow(/authentication failed/);
        await expect(none()).rejects.toMatchObject({ code: 0xff });
      }
      expect(echoConnections).toBe(before);
    }
    await expectStopped(p);
  });
});

describe('dante extras', () => {
  test('the auth account is the exported one', async () => {
    const p = await startDante({ auth: true });
    expect([p.user, p.password]).toEqual([DANTE_USER, DANTE_PASSWORD]);
    const sock = await socks5Connect(p, '127.0.0.1', echoPort, { user: DANTE_USER, password: DANTE_PASSWORD });
    expect((await echoThrough(sock, Buffer.from('ok'))).toString()).toBe('ok');
    expect(p.log()).toMatch(
      new RegExp(`tcp/connect \\[: username%${DANTE_USER}@127\\.0\\.0\\.1\\.\\d+ 127\\.0\\.0\\.1\\.${p.port} -> `),
    );
    await expectStopped(p);
  });

  test('BIND: the proxy listens for us and relays the incoming connection', async () => {
    const p = await startDante();
    const { socket, boundHost, boundPort } = await socks5Request(p, 'bind', '0.0.0.0', 0);
    expect(boundHost).toBe('127.0.0.1');
    const peer = net.connect({ host: boundHost, port: boundPort });
    peer.on('error', () => undefined);
    const second = await readSocks5Reply(socket);
    expect(second.boundHost).toBe('127.0.0.1');
    const gotAtClient = new Promise<string>((r) => socket.once('data', (d: Buffer) => r(d.toString())));
    socket.resume();
    peer.write('from peer');
    expect(await gotAtClient).toBe('from peer');
    peer.destroy();
    socket.destroy();
    expect(p.log()).toMatch(/pass\(\d+\): tcp\/bindreply \[/);
    await expectStopped(p);
  });

  test('UDP ASSOCIATE: datagrams are relayed both ways', async () => {
    const p = await startDante();
    const target = dgram.createSocket('udp4');
    target.on('message', (m, rinfo) => target.send(Buffer.concat([Buffer.from('re:'), m]), rinfo.port, rinfo.address));
    await new Promise<void>((r) => target.bind(0, '127.0.0.1', r));
    const client = dgram.createSocket('udp4');
    await new Promise<void>((r) => client.bind(0, '127.0.0.1', r));
    try {
      const { socket, boundHost, boundPort } = await socks5Request(p, 'udp', '0.0.0.0', 0);
      const header = Buffer.concat([Buffer.from([0, 0, 0]), socks5Address('127.0.0.1', target.address().port)]);
      const reply = new Promise<Buffer>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no UDP reply through dante in 5 s')), 5000);
        client.once('message', (m) => {
          clearTimeout(timer);
          resolve(m);
        });
      });
      client.send(Buffer.concat([header, Buffer.from('dgram')]), boundPort, boundHost);
      const m = await reply;
      const from = parseSocks5Address(m, 3);
      expect([from.boundHost, from.boundPort]).toEqual(['127.0.0.1', target.address().port]);
      expect(m.subarray(from.end).toString()).toBe('re:dgram');
      socket.destroy();
      expect(p.log()).toMatch(/pass\(\d+\): udp\/udpassociate \[/);
    } finally {
      client.close();
      target.close();
    }
    await expectStopped(p);
  });

  test("a bad config fails fast with dante's own message, leaving nothing running", async () => {
    const t0 = Date.now();
    await expect(startDante({ external: 'nosuchif0' })).rejects.toThrow(/exited early[\s\S]*nosuchif0/);
    expect(Date.now() - t0).toBeLessThan(5000);
    await expect(startDante({ external: 'lo; rm' })).rejects.toThrow(/must be non-empty, of the characters/);
  });
});

// --- hostile proxy ------------------------------------------------------------------------------

interface Exchange {
  data: Buffer;
  closed: boolean;
}

/** Connects to `p`, sends `out`, and collects the answer until the peer closes or `ms` pass. */
function exchange(p: ProxyServer, out: Buffer | string, ms = 400, maxBytes = Infinity): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let got = 0;
    const s = net.connect({ host: p.host, port: p.port }, () => s.write(out));
    const done = (closed: boolean): void => {
      clearTimeout(timer);
      s.destroy();
      resolve({ data: Buffer.concat(chunks), closed });
    };
    const timer = setTimeout(() => done(false), ms);
    s.on('data', (d: Buffer) => {
      chunks.push(d);
      got += d.length;
      if (got >= maxBytes) done(false);
    });
    s.on('close', () => done(true));
    s.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

const GREETING = Buffer.from([0x05, 0x01, 0x00]);
const connectRequest = (): Buffer =>
  Buffer.concat([Buffer.from([0x05, 0x01, 0x00]), socks5Address('127.0.0.1', echoPort)]);
const connectLine = (host: string): string =>
  `CONNECT ${host}:${echoPort} HTTP/1.1\r\nHost: ${host}:${echoPort}\r\n\r\n`;

interface HostileCase {
  mode: HostileMode;
  args?: string[];
  check: (p: ProxyServer) => Promise<void>;
}

const hostileCases: HostileCase[] = [
  {
    mode: 'socks-wrong-version',
    check: async (p) => {
      expect(await exchange(p, GREETING)).toEqual({ data: Buffer.from([0x04, 0x00]), closed: false });
    },
  },
  {
    mode: 'socks-truncated',
    check: async (p) => {
      expect(await exchange(p, GREETING)).toEqual({ data: Buffer.from([0x05]), closed: true });
    },
  },
  {
    mode: 'socks-bad-method',
    check: async (p) => {
      expect(await exchange(p, GREETING)).toEqual({ data: Buffer.from([0x05, 0x03]), closed: false });
      await expect(socks5Connect(p, '127.0.0.1', echoPort)).rejects.toMatchObject({ code: 0x03 });
    },
  },
  {
    mode: 'socks-unknown-atyp',
    check: async (p) => {
      const r = await exchange(p, Buffer.concat([GREETING, connectRequest()]));
      expect(r.closed).toBe(false);
      expect([...r.data.subarray(0, 6)]).toEqual([0x05, 0x00, 0x05, 0x00, 0x00, 0x07]);
      await expect(socks5Connect(p, 'localhost', echoPort)).rejects.toThrow(/ATYP 7/);
      // The proxy's log line for the second request may still be in its pipe.
      await until(() => p.targets().length >= 2, 5000, 'both requests in the proxy log');
      expect(p.targets()).toEqual([`127.0.0.1:${echoPort}`, `localhost:${echoPort}`]);
    },
  },
  {
    mode: 'socks-huge-domain',
    check: async (p) => {
      const r = await exchange(p, Buffer.concat([GREETING, connectRequest()]));
      expect(r.closed).toBe(false);
      expect([...r.data.subarray(0, 7)]).toEqual([0x05, 0x00, 0x05, 0x00, 0x00, 0x03, 0xff]);
      expect(r.data.length).toBe(2 + 5 + 100); // promised 255 bytes of name, never sends them all
      await expect(socks5Connect(p, '127.0.0.1', echoPort, undefined, 500)).rejects.toThrow(/no complete reply/);
    },
  },
  {
    mode: 'socks-huge-domain',
    args: ['--complete'],
    check: async (p) => {
      const r = await exchange(p, Buffer.concat([GREETING, connectRequest()]));
      expect(r.data.length).toBe(2 + 5 + 255 + 2);
      expect(r.data.subarray(7, 7 + 255).every((b) => b === 0xfe)).toBe(true);
      const { socket, boundHost } = await socks5Request(p, 'connect', '127.0.0.1', echoPort);
      expect(boundHost).toHaveLength(255);
      socket.destroy();
    },
  },
  {
    mode: 'socks-close-early',
    check: async (p) => {
      expect(await exchange(p, GREETING)).toEqual({ data: Buffer.alloc(0), closed: true });
    },
  },
  {
    mode: 'socks-silent',
    check: async (p) => {
      expect(await exchange(p, GREETING)).toEqual({ data: Buffer.alloc(0), closed: false });
    },
  },
  {
    mode: 'socks-fail-reply',
    args: ['--rep', '5'],
    check: async (p) => {
      await expect(socks5Connect(p, 'localhost', echoPort)).rejects.toMatchObject({ code: 5 });
      // With credentials offered, it takes any and still fails the request.
      await expect(socks5Connect(p, 'localhost', echoPort, { user: 'u', password: 'p' })).rejects.toMatchObject({
        code: 5,
      });
      expect(p.log()).toMatch(/"event":"auth","conn":\d+,"user":"u","password":"p"/);
      const r = await exchange(p, Buffer.concat([GREETING, connectRequest()]));
      expect(r).toEqual({ data: Buffer.from([0x05, 0x00, 0x05, 0x05, 0x00, 0x01, 0, 0, 0, 0, 0, 0]), closed: true });
    },
  },
  {
    mode: 'http-garbage-status',
    check: async (p) => {
      expect(await exchange(p, connectLine('localhost'))).toEqual({
        data: Buffer.from('HELLO\r\n\r\n'),
        closed: false,
      });
      await expect(httpConnect(p, 'localhost', echoPort)).rejects.toThrow(/not HTTP/);
      // The log comes through the proxy's stdout pipe, which this process may read after the answer.
      await until(() => p.targets().length >= 2, 5000, 'both requests in the proxy log');
      expect(p.targets()).toEqual([`localhost:${echoPort}`, `localhost:${echoPort}`]);
    },
  },
  {
    mode: 'http-no-header-end',
    args: ['--max-bytes', String(64 * 1024)],
    check: async (p) => {
      const r = await exchange(p, connectLine('127.0.0.1'), 5000, 64 * 1024);
      expect(r.data.length).toBe(64 * 1024);
      expect(r.data.toString('latin1')).toMatch(/^HTTP\/1\.1 200 OK\r\nX-Filler-0: a+\r\nX-Filler-1: /);
      expect(r.data.includes('\r\n\r\n')).toBe(false);
      // Stops at the cap, and keeps the connection open.
      const again = await exchange(p, connectLine('127.0.0.1'), 1000);
      expect(again).toEqual({ data: expect.any(Buffer), closed: false });
      expect(again.data.length).toBe(64 * 1024);
    },
  },
  ...[403, 404, 405, 407, 503].map((status): HostileCase => ({
    mode: 'http-status',
    args: ['--status', String(status)],
    check: async (p) => {
      await expect(httpConnect(p, 'localhost', echoPort)).rejects.toMatchObject({ code: status });
      const r = await exchange(p, connectLine('localhost'));
      expect(r.closed).toBe(true);
      expect(r.data.toString()).toMatch(new RegExp(`^HTTP/1\\.1 ${status} [A-Za-z ]+\\r\\n`));
      expect(r.data.toString().includes('Proxy-Authenticate: Basic')).toBe(status === 407);
    },
  })),
  {
    mode: 'http-close-early',
    check: async (p) => {
      expect(await exchange(p, connectLine('localhost'))).toEqual({ data: Buffer.alloc(0), closed: true });
    },
  },
  {
    mode: 'http-silent',
    check: async (p) => {
      expect(await exchange(p, connectLine('localhost'))).toEqual({ data: Buffer.alloc(0), closed: false });
      expect(p.targets()).toEqual([`localhost:${echoPort}`]);
    },
  },
];

describe('hostile proxy', () => {
  const named = hostileCases.map((c) => ({ ...c, name: [c.mode, ...(c.args ?? [])].join(' ') }));
  test.each(named)('$name', async ({ mode, args, check }) => {
    const p = await startHostileProxy(mode, args);
    await check(p);
    expect(p.log()).toMatch(/"event":"accept"/);
    await expectStopped(p);
  });

  test('exits by itself after its lifetime', async () => {
    const p = await startHostileProxy('socks-silent', ['--lifetime-ms', '300']);
    const t0 = Date.now();
    expect(await p.exited).toBe(0);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(p.log()).toMatch(/"event":"exit","why":"lifetime"/);
    await expectStopped(p);
  });

  test('rejects an unknown mode', async () => {
    await expect(startHostileProxy('nope' as HostileMode)).rejects.toThrow(/--mode must be one of/);
  });
});

test('stop() removes the temp dir holding the config and the log', async () => {
  const p = await startTinyproxy();
  const conf = fs
    .readFileSync(`/proc/${p.pid}/cmdline`, 'latin1')
    .split('\0')
    .find((a) => a.endsWith('/tinyproxy.conf'));
  expect(conf).toBeDefined();
  const dir = path.dirname(conf as string);
  expect(fs.readdirSync(dir)).toEqual(expect.arrayContaining(['tinyproxy.conf', 'tinyproxy.log']));
  await expectStopped(p);
  expect(fs.existsSync(dir)).toBe(false);
});
