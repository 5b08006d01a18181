// The trace recorder (lib/trace.ts) and qtnetwork-parity's comparison (lib/parity.ts), in process:
// what a trace holds (every signal, watched or not; what ran inside which call; no password), and
// that two runs of one program compare alike and a changed one does not. test/net/traceParity
// proves both on real programs against PyQt6.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  QAbstractSocket,
  QHostAddress,
  QNetworkAccessManager,
  QNetworkProxy,
  QNetworkRequest,
  QTcpServer,
  QTcpSocket,
  QUdpSocket,
  QUrl,
} from '../../lib';
import { compare } from '../../lib/parity';
import * as trace from '../../lib/trace';
import { until } from '../helpers';

const LOOP = (process.env.QTNETWORK_RUNTIME ?? 'loop') === 'loop';
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qtn-trace-unit-'));
});
afterAll(() => {
  trace.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

type Line = { t: string; d: number; obj: string; name?: string; args?: unknown[]; value?: unknown };
const read = (file: string): Line[] =>
  fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);

/** A client that sends `message` to a server of its own and reads the answer; recorded to a new file. */
async function recordExchange(name: string, message: string): Promise<string> {
  const file = path.join(dir, `${name}.jsonl`);
  trace.start(file);
  try {
    const server = new QTcpServer();
    expect(await server.listen(new QHostAddress('127.0.0.1'), 0)).toBe(true);
    server.newConnection.connect(() => {
      const peer = server.nextPendingConnection()!;
      peer.readyRead.connect(() => {
        peer.write(peer.readAll());
        peer.disconnectFromHost();
      });
    });
    const sock = new QTcpSocket(); // no bytesWritten slot: recorded all the same
    sock.connectToHost('127.0.0.1', server.serverPort());
    expect(await sock.waitForConnected(5000)).toBe(true);
    sock.write(message);
    await until(() => sock.state() === QAbstractSocket.SocketState.UnconnectedState, 5000, 'the echo and close');
    expect(sock.readAll().toString()).toBe(message);
    sock.abort();
    server.close();
  } finally {
    trace.stop();
  }
  return file;
}

test('every signal of the objects the program meets, and the calls it makes on them', async () => {
  const lines = read(await recordExchange('exchange', 'hello'));
  expect(lines[0]).toMatchObject({ t: 'trace', recorder: 'qtnetwork' });
  const signals = (obj: string): string[] => lines.filter((l) => l.t === 'signal' && l.obj === obj).map((l) => l.name!);
  expect(lines.filter((l) => l.t === 'object').map((l) => l.obj)).toEqual([
    'QTcpServer#1',
    'QTcpSocket#1',
    'QTcpSocket#2', // the server's connection, when nextPendingConnection hands it over
  ]);
  expect(signals('QTcpSocket#1')).toEqual(expect.arrayContaining(['bytesWritten', 'channelBytesWritten']));
  expect(signals('QTcpSocket#2')).toEqual(expect.arrayContaining(['readyRead', 'bytesWritten', 'disconnected']));
  expect(lines).toContainEqual(
    expect.objectContaining({
      t: 'return',
      obj: 'QTcpServer#1',
      name: 'nextPendingConnection',
      value: { obj: 'QTcpSocket#2' },
    }),
  );
  expect(lines).toContainEqual(
    expect.objectContaining({ t: 'return', obj: 'QTcpSocket#2', name: 'readAll', value: { bytes: 'hello' } }),
  );
  // The package's own calls (waitForConnected's, the server's) are not the program's.
  const calls = (obj: string): string[] => lines.filter((l) => l.t === 'call' && l.obj === obj).map((l) => l.name!);
  expect(calls('QTcpServer#1')).toEqual(['listen', 'nextPendingConnection', 'close']);
  expect(calls('QTcpSocket#1')).toEqual(['connectToHost', 'waitForConnected', 'write', 'readAll', 'abort']);
  expect(calls('QTcpSocket#2')).toEqual(['readAll', 'write', 'disconnectFromHost']);
});

(LOOP ? test : test.skip)('what Qt emits inside a call is recorded inside it (the loop runtime)', async () => {
  const lines = read(await recordExchange('nesting', 'x'));
  const at = lines.findIndex((l) => l.t === 'call' && l.name === 'connectToHost');
  expect(lines[at].d).toBe(0);
  expect(lines.slice(at + 1, at + 3)).toMatchObject([
    { t: 'signal', d: 1, name: 'stateChanged', args: [QAbstractSocket.SocketState.HostLookupState] },
    { t: 'signal', d: 1, name: 'stateChanged', args: [QAbstractSocket.SocketState.ConnectingState] },
  ]);
  // A wait holds what Qt emits while it runs, as PyQt6's blocking wait does.
  const wait = lines.findIndex((l) => l.t === 'call' && l.name === 'waitForConnected');
  const end = lines.findIndex((l, k) => k > wait && l.t === 'return' && l.name === 'waitForConnected');
  expect(lines.slice(wait + 1, end).every((l) => l.d === 1)).toBe(true);
  expect(lines.slice(wait + 1, end)).toContainEqual(expect.objectContaining({ t: 'signal', name: 'connected' }));
  // The server's slot's calls: inside newConnection's emission, which is inside the wait.
  expect(lines).toContainEqual(expect.objectContaining({ t: 'call', name: 'nextPendingConnection', d: 1 }));
});

test('bytesWritten, which Qt is asked for only while a slot listens, is recorded without one', async () => {
  // A bound QUdpSocket with no bytesWritten slot sends by itself, and Qt emits nothing: recording
  // makes every signal watched, so the datagrams go through Qt, which emits bytesWritten for each.
  const file = path.join(dir, 'udp.jsonl');
  trace.start(file);
  try {
    const udp = new QUdpSocket();
    expect(await udp.bind(new QHostAddress('127.0.0.1'), 0)).toBe(true);
    for (const m of ['a', 'bb', 'ccc']) udp.writeDatagram(m, new QHostAddress('127.0.0.1'), udp.localPort());
    const got: string[] = [];
    await until(
      () => {
        while (udp.hasPendingDatagrams()) got.push(String(udp.readDatagram(16)[0]));
        return got.length === 3;
      },
      5000,
      'the three datagrams',
    );
    udp.close();
  } finally {
    trace.stop();
  }
  const written = read(file).filter((l) => l.t === 'signal' && l.name === 'bytesWritten');
  expect(written.map((l) => l.args)).toEqual([[1], [2], [3]]);
});

test('passwords are never recorded: a socket proxy, the application proxy, a URL', async () => {
  const file = path.join(dir, 'secrets.jsonl');
  const secret = 'never-in-a-trace-3b9';
  trace.start(file);
  try {
    const sock = new QTcpSocket();
    sock.setProxy(new QNetworkProxy(QNetworkProxy.ProxyType.Socks5Proxy, '127.0.0.1', 1, 'user', secret));
    QNetworkProxy.setApplicationProxy(new QNetworkProxy(QNetworkProxy.ProxyType.NoProxy, '', 0, 'app', secret));
    const manager = new QNetworkAccessManager();
    const reply = manager.get(new QNetworkRequest(new QUrl(`http://user:${secret}@127.0.0.1:1/`)));
    await until(() => reply.isFinished(), 5000, 'the refused request');
    reply.abort();
  } finally {
    QNetworkProxy.setApplicationProxy(new QNetworkProxy(QNetworkProxy.ProxyType.DefaultProxy));
    trace.stop();
  }
  const text = fs.readFileSync(file, 'utf8');
  expect(text).not.toContain(secret);
  expect(text).toContain('"password":"<hidden>"');
  expect(text).toContain('"QNetworkRequest":"http://user@127.0.0.1:1/"');
  expect(text).toMatch(/"class":"QNetworkProxy","name":"setApplicationProxy"/);
});

test('two runs of a program compare alike; a changed one diverges where it changes', async () => {
  const [a, b, c] = [
    await recordExchange('a', 'same'),
    await recordExchange('b', 'same'),
    await recordExchange('c', 'other'),
  ];
  const text = (f: string): string => fs.readFileSync(f, 'utf8');
  // Other ports, other timing, the same program.
  expect(text(a)).not.toBe(text(b));
  const options = LOOP ? {} : { nesting: false };
  expect(compare(text(a), text(b), options)).toBeNull();
  const report = compare(text(a), text(c), options);
  expect(report).toMatch(/^the traces diverge at event \d+/);
  expect(report).toMatch(/^ {2}- .*QTcpSocket#1\.write\("same"\)$/m);
  expect(report).toMatch(/^ {2}\+ .*QTcpSocket#1\.write\("other"\)$/m);
});

test('qtnetwork-parity: exit 0 when alike, 1 with the divergence, 2 on bad usage', async () => {
  const [a, b, c] = [
    await recordExchange('cli-a', 'same'),
    await recordExchange('cli-b', 'same'),
    await recordExchange('cli-c', 'other'),
  ];
  const bin = path.join(__dirname, '..', '..', 'dist', 'parity.js');
  const nesting = LOOP ? [] : ['--no-nesting'];
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [bin, ...nesting, ...args], { encoding: 'utf8', timeout: 20000 });
  expect(run(a, b)).toMatchObject({ status: 0, stdout: expect.stringMatching(/the traces match/) });
  expect(run(a, c)).toMatchObject({ status: 1, stdout: expect.stringMatching(/diverge at event/) });
  expect(run(a)).toMatchObject({ status: 2, stderr: expect.stringMatching(/^usage: qtnetwork-parity/) });
  expect(run('--bogus', a, b)).toMatchObject({ status: 2 });
});

test("the recorders' lists are the same in JS and in Python", () => {
  const py = spawnSync(
    '/usr/bin/python3',
    [
      '-c',
      'import json, qtnetwork_trace as t; print(json.dumps([t.TRACED_CALLS, t.TRACED_STATICS, t.UNTRACED_SIGNALS]))',
    ],
    {
      encoding: 'utf8',
      timeout: 20000,
      env: { ...process.env, PYTHONPATH: path.join(__dirname, '..', '..', 'python') },
    },
  );
  expect(py.status).toBe(0);
  expect(JSON.parse(py.stdout)).toEqual([trace.TRACED_CALLS, trace.TRACED_STATICS, trace.UNTRACED_SIGNALS]);
});

test('off: nothing recorded, and start/stop say so', () => {
  expect(trace.isRecording()).toBe(false);
  const file = path.join(dir, 'off.jsonl');
  trace.start(file);
  expect(trace.isRecording()).toBe(true);
  trace.stop();
  expect(trace.isRecording()).toBe(false);
  const size = fs.statSync(file).size;
  new QTcpSocket().abort();
  expect(fs.statSync(file).size).toBe(size);
});

test("QTNETWORK_TRACE records from the package's CommonJS and ESM entries; qtnetwork/trace is both too", () => {
  const root = path.join(__dirname, '..', '..');
  const program = (esm: boolean, file: string): string =>
    esm
      ? `import { QTcpSocket } from 'qtnetwork'; import { isRecording } from 'qtnetwork/trace'; import cjs from 'qtnetwork/trace';\n` +
        `if (!isRecording() || cjs.isRecording !== isRecording) process.exit(3); new QTcpSocket().abort();`
      : `const { QTcpSocket } = require('qtnetwork'); const t = require('qtnetwork/trace');\n` +
        `if (!t.isRecording()) process.exit(3); new QTcpSocket().abort(); t.stop(); t.start(${JSON.stringify(file + '.2')});`;
  for (const esm of [false, true]) {
    const file = path.join(dir, `entry-${esm ? 'esm' : 'cjs'}.jsonl`);
    const r = spawnSync(process.execPath, [...(esm ? ['--input-type=module'] : []), '-e', program(esm, file)], {
      cwd: root, // the package resolves its own name (package.json "exports")
      encoding: 'utf8',
      timeout: 20000,
      env: { ...process.env, QTNETWORK_TRACE: file },
    });
    expect({ esm, status: r.status, stderr: r.stderr }).toEqual({ esm, status: 0, stderr: '' });
    expect(read(file).map((l) => `${l.t} ${l.obj ?? ''} ${l.name ?? ''}`.trim())).toEqual([
      'trace',
      'object QTcpSocket#1',
      'call QTcpSocket#1 abort',
    ]);
    if (!esm) expect(read(`${file}.2`)).toHaveLength(1); // a new trace, started by the call
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  expect(pkg.bin['qtnetwork-parity']).toBe('dist/parity.js');
  expect(fs.readFileSync(path.join(root, pkg.bin['qtnetwork-parity']), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
  expect(pkg.files).toContain('python/qtnetwork_trace.py');
});
