// Process exit with sockets open, closed, in the main thread and in workers: prompt, clean, no crash
// and nothing printed by Qt. Each case runs in a child process (against the compiled dist/).
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { makeCertificates } from '../certificates';

const dist = path.join(__dirname, '..', '..', 'dist');

function run(
  code: string,
  timeoutMs = 20000,
): { status: number | null; signal: string | null; stdout: string; stderr: string; ms: number } {
  const start = Date.now();
  const r = spawnSync(process.execPath, ['-e', code], {
    env: { ...process.env, QTN_DIST: dist },
    encoding: 'utf8',
    timeout: timeoutMs,
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - start };
}

// Opens a server, a client connected to it and the accepted peer, with data in flight.
const OPEN = `
const { QTcpServer, QTcpSocket, QHostAddress } = require(process.env.QTN_DIST);
async function open() {
  const server = new QTcpServer();
  await server.listen(new QHostAddress('127.0.0.1'), 0);
  const client = new QTcpSocket();
  client.connectToHost('127.0.0.1', server.serverPort());
  await client.waitForConnected(5000);
  await server.waitForNewConnection(5000);
  const peer = server.nextPendingConnection();
  client.write(Buffer.alloc(1 << 20));
  return { server, client, peer };
}
`;

test('natural exit once everything is closed', () => {
  const r = run(`${OPEN}
    open().then(({ server, client, peer }) => { client.close(); peer.close(); server.close(); console.log('closed'); });`);
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe('closed\n');
  expect(r.status).toBe(0);
});

test('open sockets keep the process alive until closed (as net.Socket)', () => {
  const r = run(`${OPEN}
    open().then(({ server, client, peer }) => {
      setTimeout(() => { console.log('still alive'); client.abort(); peer.abort(); server.close(); }, 300);
    });`);
  expect(r.stdout).toBe('still alive\n');
  expect(r.status).toBe(0);
  expect(r.stderr).toBe('');
});

test('unref() lets the process exit with sockets open', () => {
  const r = run(`${OPEN}
    open().then(({ server, client, peer }) => { server.unref(); client.unref(); peer.unref(); console.log('unrefed'); });`);
  expect(r.stdout).toBe('unrefed\n');
  expect(r.status).toBe(0);
  expect(r.stderr).toBe('');
});

test('process.exit() with sockets open and waits pending', () => {
  const r = run(`${OPEN}
    open().then(({ client }) => { client.waitForReadyRead(10000); setTimeout(() => process.exit(3), 50); });`);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(3);
  expect(r.ms).toBeLessThan(10000);
});

test("an exit that skips the 'exit' event (as a test runner's sandboxed process does): no crash", () => {
  for (const delay of [0, 5, 20]) {
    const r = run(`${OPEN}
      open().then(() => setTimeout(() => process.reallyExit(0), ${delay}));`);
    expect(r.signal).toBeNull();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  }
});

test('process.exit() inside a connected slot', () => {
  const r = run(`${OPEN}
    open().then(({ peer }) => { peer.readyRead.connect(() => process.exit(0)); });`);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});

test('a worker with open sockets: process.exit in the worker, then the main thread goes on', () => {
  const r = run(`
    const { Worker } = require('node:worker_threads');
    const w = new Worker(${JSON.stringify(OPEN)} + "open().then(() => process.exit(7));", { eval: true, env: process.env });
    w.on('exit', (code) => {
      console.log('worker exit', code);
      // Qt still works here after the worker's environment was torn down.
      const { QTcpServer, QHostAddress } = require(process.env.QTN_DIST);
      const s = new QTcpServer();
      s.listen(new QHostAddress('127.0.0.1'), 0).then((ok) => { console.log('main listen', ok); s.close(); });
    });`);
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe('worker exit 7\nmain listen true\n');
  expect(r.status).toBe(0);
});

test('a worker terminated mid-transfer', () => {
  const r = run(`
    const { Worker } = require('node:worker_threads');
    const w = new Worker(${JSON.stringify(OPEN)} + \`
      open().then(({ client, peer }) => {
        peer.readyRead.connect(() => peer.readAll());
        setInterval(() => client.write(Buffer.alloc(65536)), 1);
        require('node:worker_threads').parentPort.postMessage('busy');
      });\`, { eval: true, env: process.env });
    w.on('message', () => setTimeout(() => w.terminate(), 100));
    w.on('exit', (code) => console.log('worker exit', code));`);
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe('worker exit 1\n');
  expect(r.status).toBe(0);
});

test('workers terminated at any moment, 20 in a row: never an abort (event delivery and sync calls cut short)', () => {
  const r = run(
    `
    const { Worker } = require('node:worker_threads');
    const code = ${JSON.stringify(OPEN)} + \`
      open().then(({ client, peer }) => {
        peer.readyRead.connect(() => peer.readAll());
        setInterval(() => { client.write(Buffer.alloc(65536)); client.flush(); }, 1);
      });\`;
    (async () => {
      for (let i = 0; i < 20; i++) {
        const w = new Worker(code, { eval: true, env: process.env });
        const exited = new Promise((r) => w.on('exit', r));
        setTimeout(() => w.terminate(), (i * 13) % 120);
        await exited;
      }
      console.log('done');
    })();`,
    60000,
  );
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe('done\n');
  expect(r.status).toBe(0);
});

test('a worker loads the package first and ends; then the main thread loads it, uses Qt and exits naturally', () => {
  // The worker's thread is gone (Qt's data for it too) before the main thread first touches Qt.
  const r = run(`
    const { Worker } = require('node:worker_threads');
    const w = new Worker(${JSON.stringify(OPEN)} + "open().then(({ server, client, peer }) => { client.abort(); peer.abort(); server.close(); });", { eval: true, env: process.env });
    w.on('exit', (code) => {
      console.log('worker exit ' + code);
      eval(${JSON.stringify(OPEN)} + "open().then(({ server, client, peer }) => { client.abort(); peer.abort(); server.close(); console.log('main done'); });");
    });`);
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe('worker exit 0\nmain done\n');
  expect(r.status).toBe(0);
});

test('main and worker both using Qt, main exits with everything open', () => {
  const r = run(`${OPEN}
    const { Worker } = require('node:worker_threads');
    const w = new Worker(${JSON.stringify(OPEN)} + "open().then(() => require('node:worker_threads').parentPort.postMessage('up'));", { eval: true, env: process.env });
    w.on('message', () => open().then(() => { console.log('both open'); process.exit(0); }));`);
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe('both open\n');
  expect(r.status).toBe(0);
});

// A throwing slot without a handler (exit code 1, stack printed): test/reliability/throwing.test.ts,
// side by side with net.Socket.
test('a throwing slot reaches process.on("uncaughtException") and later events still arrive', () => {
  const r = run(`${OPEN}
    process.on('uncaughtException', (e) => console.log('caught', e.message));
    open().then(({ server, client, peer }) => {
      let n = 0;
      peer.readyRead.connect(() => { peer.readAll(); if (n++ === 0) throw new Error('first'); });
      setTimeout(() => { client.write('more'); }, 100);
      setTimeout(() => { console.log('reads', n > 1); client.abort(); peer.abort(); server.close(); }, 400);
    });`);
  expect(r.stdout).toBe('caught first\nreads true\n');
  expect(r.status).toBe(0);
});

// Opens everything (OPEN) and leaves waits pending on each object, then exits in one of several ways.
const PENDING = `${OPEN}
  function pend({ server, client, peer }, ms = 10000) {
    client.waitForReadyRead(ms);
    peer.waitForDisconnected(ms);
    server.waitForNewConnection(ms);
  }
`;
const EXITS = [
  (d: number) => `open().then((o) => { pend(o); setTimeout(() => process.exit(${d % 5}), ${d}); });`,
  (d: number) => `open().then((o) => { pend(o); o.peer.readyRead.connect(() => process.exit(${d % 5})); });`,
  // A pending wait's timer keeps the process alive until it times out, as a setTimeout would (even
  // on unref'd sockets): short waits here, so that the natural exit comes soon after them.
  (d: number) => `open().then((o) => { pend(o, ${d * 5}); o.server.unref(); o.client.unref(); o.peer.unref(); });`,
  (d: number) => `open().then((o) => { pend(o); setTimeout(() => process.reallyExit(${d % 5}), ${d}); });`,
];

function runAsync(
  code: string,
  timeoutMs = 20000,
): Promise<{ status: number | null; signal: string | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', code], {
      env: { ...process.env, QTN_DIST: dist },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stderr });
    });
  });
}

test('100 process exits with sockets open and waits pending (process.exit, from a slot, unref, reallyExit): each prompt, clean, silent', async () => {
  const start = Date.now();
  const outcomes: string[] = [];
  // Two at a time (the machine is shared); each bounded by its own timeout.
  for (let i = 0; i < 100; i += 2) {
    const batch = [i, i + 1].map(async (k) => {
      const d = (k * 7) % 40;
      const way = k % EXITS.length;
      const r = await runAsync(PENDING + EXITS[way](d));
      const want = way === 2 ? 0 : d % 5;
      return r.status === want && r.signal === null && r.stderr === ''
        ? 'ok'
        : `#${k} (way ${way}, ${d} ms): exit ${r.status} signal ${r.signal} stderr ${r.stderr.slice(0, 300)}`;
    });
    outcomes.push(...(await Promise.all(batch)));
  }
  expect(outcomes.filter((o) => o !== 'ok')).toEqual([]);
  console.log(`100 exits in ${Date.now() - start} ms`);
}, 180000);

test('100 workers exiting with sockets open and waits pending, one after another: exit codes as given, main unharmed, nothing printed', () => {
  const r = run(
    `
    const { Worker } = require('node:worker_threads');
    const code = ${JSON.stringify(PENDING)} + "const d = require('node:worker_threads').workerData;" +
      "open().then((o) => { pend(o); setTimeout(() => process.exit(d % 7), d % 30); });";
    (async () => {
      const wrong = [];
      for (let i = 0; i < 100; i++) {
        const w = new Worker(code, { eval: true, env: process.env, workerData: i });
        const exitCode = await new Promise((r) => w.on('exit', r));
        if (exitCode !== i % 7) wrong.push(i + ':' + exitCode);
      }
      const { QTcpServer, QHostAddress } = require(process.env.QTN_DIST);
      const s = new QTcpServer();
      console.log('wrong', JSON.stringify(wrong), 'main listen', await s.listen(new QHostAddress('127.0.0.1'), 0));
      s.close();
    })();`,
    150000,
  );
  expect(r.stderr).toBe('');
  expect(r.signal).toBeNull();
  expect(r.stdout).toBe('wrong [] main listen true\n');
  expect(r.status).toBe(0);
  console.log(`100 worker exits in ${r.ms} ms`);
}, 160000);

// Qt ends a TLS close after its close_notify went out: stateChanged(Unconnected), disconnected and
// the endpoint refresh reach JS as separate events, and the thread runtime once let the process go
// after the first (the socket looked unconnected, with nothing counted still on its way).
test('a QSslSocket closed after encrypted: its disconnected slot runs before the process exits, 8 in a row', async () => {
  const certs = makeCertificates('exit-tls');
  const server = tls.createServer(
    { cert: readFileSync(certs.server.cert), key: readFileSync(certs.server.key) },
    (c) => {
      c.on('error', () => undefined);
      c.resume();
    },
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const code = `
const { QSslSocket } = require(process.env.QTN_DIST);
let n = 0;
function one() {
  const s = new QSslSocket();
  s.setPeerVerifyMode(QSslSocket.PeerVerifyMode.VerifyNone);
  s.encrypted.connect(() => s.disconnectFromHost());
  s.disconnected.connect(() => {
    console.log('disconnected ' + ++n);
    if (n < 8) one();
  });
  s.connectToHostEncrypted('127.0.0.1', ${port});
}
one();`;
  try {
    const child = spawn(process.execPath, ['-e', code], { env: { ...process.env, QTN_DIST: dist } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const status = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 30000);
      child.on('close', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    expect(stderr).toBe('');
    expect(stdout).toBe(Array.from({ length: 8 }, (_, k) => `disconnected ${k + 1}\n`).join(''));
    expect(status).toBe(0);
  } finally {
    server.close();
    certs.remove();
  }
}, 60000);

// The thread runtime hands JS's commands straight to a Qt thread that is spinning for its answer;
// a close() run that way queued its endpoint refresh, which JS holds the process for, after Qt had
// run its queue for this turn, and Qt then slept with it (the process stayed, once in CI). A wide
// spin window (QTNETWORK_SPIN_US, 5 ms) makes that hand-over the usual case: 25 of 30 such
// processes stayed before the fix.
test('a socket closed in its readyRead slot lets the process exit, UDP and TCP, 3 processes each', async () => {
  const code = `
const { QUdpSocket, QTcpServer, QTcpSocket, QHostAddress } = require(process.env.QTN_DIST);
const dgram = require('node:dgram');
(async () => {
  if (process.argv[1] === 'udp') {
    const s = new QUdpSocket();
    await s.bind(new QHostAddress('127.0.0.1'), 0);
    let n = 0;
    s.readyRead.connect(() => {
      while (s.hasPendingDatagrams()) {
        s.readDatagram(s.pendingDatagramSize());
        if (++n === 3) s.close();
      }
    });
    const out = dgram.createSocket('udp4');
    for (let k = 0; k < 3; k++) await new Promise((r) => out.send('d' + k, s.localPort(), '127.0.0.1', r));
    out.close();
  } else {
    const server = new QTcpServer();
    await server.listen(new QHostAddress('127.0.0.1'), 0);
    const c = new QTcpSocket();
    c.readyRead.connect(() => {
      c.readAll();
      c.close();
    });
    c.connectToHost('127.0.0.1', server.serverPort());
    await server.waitForNewConnection(5000);
    const peer = server.nextPendingConnection();
    server.close();
    peer.write(Buffer.from('x'));
    peer.disconnected.connect(() => peer.close());
  }
})();`;
  const results: string[] = [];
  for (const kind of ['udp', 'tcp', 'udp', 'tcp', 'udp', 'tcp']) {
    const child = spawn(process.execPath, ['-e', code, kind], {
      env: { ...process.env, QTN_DIST: dist, QTNETWORK_SPIN_US: '5000' },
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const status = await new Promise<number | null | string>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        resolve('stayed');
      }, 15000);
      child.on('close', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    results.push(`${kind}: ${status} ${stderr}`);
  }
  expect(results).toEqual(['udp', 'tcp', 'udp', 'tcp', 'udp', 'tcp'].map((k) => `${k}: 0 `));
}, 120000);
