// Parity testing as a feature (docs/parity-testing.md), proven on real programs: Qt's network
// examples (examples/qt/: each PyQt6 original and its port) and a program that goes through a
// SOCKS5 proxy with credentials are recorded, the original with python/qtnetwork_trace.py and the
// port with QTNETWORK_TRACE, against the same kind of peer, and diffed with the qtnetwork-parity
// command, which must find them alike; a port changed on purpose must be found to diverge.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { enableLoopbackMulticast, startProgram, type Program, type ProgramResult } from '../helpers';
import { startMicrosocks, stopAllProxies } from '../proxies';

const ROOT = path.join(__dirname, '..', '..');
const EXAMPLES = path.join(ROOT, 'examples', 'qt');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'trace');
const RECORDER = path.join(ROOT, 'python', 'qtnetwork_trace.py');
const PARITY = path.join(ROOT, 'dist', 'parity.js');
// The thread runtime runs slots after the call that made Qt emit (README, How it works): there,
// what ran inside which call is not compared.
const THREAD = process.env.QTNETWORK_RUNTIME === 'thread';
const NESTING = THREAD ? ['--no-nesting'] : [];
// And where a slot closes a socket, Qt has gone on meanwhile: its later events of the socket (the
// peer's close, the last bytesWritten) come before the close there, after it in PyQt6. Programs
// that close in a slot are compared in the loop runtime.
const closesInASlot = THREAD ? test.skip : test;

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qtn-trace-'));
});
afterAll(async () => {
  await stopAllProxies();
  fs.rmSync(dir, { recursive: true, force: true });
});

type Result = ProgramResult;
const run = startProgram;

type Side = 'py' | 'js';
let traces = 0;

/** Runs `file` (.py or .js) recorded, or plain (trace undefined); the trace's path is `trace`. */
function program(side: Side, file: string, args: (string | number)[], trace?: string): Program {
  const a = args.map(String);
  if (side === 'py')
    return trace === undefined
      ? run('/usr/bin/python3', [file, ...a])
      : run('/usr/bin/python3', [RECORDER, '-o', trace, file, ...a]);
  return run(process.execPath, [file, ...a], trace === undefined ? {} : { QTNETWORK_TRACE: trace });
}

/** A new trace file's path. */
const traceFile = (side: Side): string => path.join(dir, `${++traces}.${side}.jsonl`);

/** qtnetwork-parity's verdict on two traces. */
async function parity(a: string, b: string, options: string[] = []): Promise<Result> {
  return run(process.execPath, [PARITY, ...NESTING, ...options, a, b]).done;
}

async function expectAlike(traces: Record<Side, string>, options: string[] = []): Promise<void> {
  const verdict = await parity(traces.py, traces.js, options);
  expect({ code: verdict.code, out: verdict.stdout, err: verdict.stderr }).toMatchObject({
    code: 0,
    out: expect.stringMatching(/the traces match/),
  });
  // Not an empty match: both recorded the program's sockets.
  expect(fs.readFileSync(traces.js, 'utf8')).toMatch(/"t":"signal"/);
}

jest.setTimeout(90000);

/** Records a fortune client (each side's) against a PyQt6 fortune server of the same seed. */
async function recordClient(
  name: string,
  file = (side: Side) => path.join(EXAMPLES, `${name}.${side}`),
  check = true,
): Promise<Record<Side, string>> {
  const traces = {} as Record<Side, string>;
  for (const side of ['py', 'js'] as Side[]) {
    const server = program('py', path.join(EXAMPLES, 'fortuneserver.py'), [0, 7]);
    try {
      const [, port] = await server.waitFor(/^port: (\d+)$/m);
      traces[side] = traceFile(side);
      const r = await program(side, file(side), ['127.0.0.1', port, 3], traces[side]).done;
      if (check) expect({ side, code: r.code, stderr: r.stderr }).toEqual({ side, code: 0, stderr: '' });
    } finally {
      server.closeStdin();
      await server.done;
    }
  }
  return traces;
}

describe("Qt's examples: the PyQt6 original and its port record alike", () => {
  closesInASlot('fortune client', async () => {
    // The port quits by closing its socket inside the readyRead slot; the original quits the
    // application there, and Qt emits channelReadyRead (after readyRead) before it returns.
    await expectAlike(await recordClient('fortuneclient'), ['--ignore-signal', 'channelReadyRead']);
  });

  test.each(['fortuneserver', 'threadedfortuneserver'])('%s', async (name) => {
    const traces = {} as Record<Side, string>;
    for (const side of ['py', 'js'] as Side[]) {
      traces[side] = traceFile(side);
      const server = program(side, path.join(EXAMPLES, `${name}.${side}`), [0, 7], traces[side]);
      try {
        const [, port] = await server.waitFor(/^port: (\d+)$/m);
        const client = await program('py', path.join(EXAMPLES, 'fortuneclient.py'), ['127.0.0.1', port, 3]).done;
        expect(client.code).toBe(0);
      } finally {
        server.closeStdin();
        expect((await server.done).code).toBe(0);
      }
    }
    await expectAlike(traces);
  });

  closesInASlot.each([
    ['broadcastsender', 'broadcastreceiver', 45456, ['127.255.255.255', 45456]],
    ['multicastsender', 'multicastreceiver', 45457, [45457]],
  ] as const)('%s and %s', async (sender, receiver, port, args) => {
    enableLoopbackMulticast();
    for (const [recorded, peer] of [
      [sender, receiver],
      [receiver, sender],
    ]) {
      const traces = {} as Record<Side, string>;
      for (const side of ['py', 'js'] as Side[]) {
        traces[side] = traceFile(side);
        const isReceiver = recorded === receiver;
        const r = isReceiver
          ? program(side, path.join(EXAMPLES, `${receiver}.${side}`), [port, 3], traces[side])
          : program('py', path.join(EXAMPLES, `${receiver}.py`), [port, 3]);
        await r.waitFor(/^Listening for .*\n/m);
        const s = isReceiver
          ? program('py', path.join(EXAMPLES, `${sender}.py`), [...args, 3, 50])
          : program(side, path.join(EXAMPLES, `${sender}.${side}`), [...args, 3, 50], traces[side]);
        expect([(await s.done).code, (await r.done).code]).toEqual([0, 0]);
      }
      // The multicast receiver's port closes its IPv6 socket when it cannot join (an open one
      // would keep Node running), where the original leaves it: each socket is compared alone.
      // The receivers' ports close their sockets in readyRead's slot (quit), before Qt's
      // channelReadyRead, as the fortune client does.
      await expectAlike(traces, ['--ignore-signal', 'channelReadyRead', '--per-object']);
      void peer;
    }
  });
});

/** An echo server the proxy scenario talks to, through the proxy. */
async function echoServer(): Promise<net.Server> {
  const server = net.createServer((c) => c.on('data', (d) => c.end(d)));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return server;
}

test('through a SOCKS5 proxy with credentials: alike, and the password in neither trace', async () => {
  const password = 'trace-secret-8d1f';
  const proxy = await startMicrosocks({ user: 'tracer', password });
  const echo = await echoServer();
  try {
    const port = (echo.address() as net.AddressInfo).port;
    const traces = {} as Record<Side, string>;
    const outputs = {} as Record<Side, string>;
    for (const side of ['py', 'js'] as Side[]) {
      traces[side] = traceFile(side);
      const args = [proxy.port, 'tracer', password, port];
      const r = await program(side, path.join(FIXTURES, `proxyclient.${side}`), args, traces[side]).done;
      expect({ side, code: r.code, stderr: r.stderr }).toEqual({ side, code: 0, stderr: '' });
      outputs[side] = r.stdout;
    }
    expect(outputs.js).toBe(outputs.py);
    expect(outputs.py).toMatch(/^echo: hello through the proxy$/m);
    await expectAlike(traces);
    for (const side of ['py', 'js'] as Side[]) {
      const text = fs.readFileSync(traces[side], 'utf8');
      expect(text).toMatch(/"setApplicationProxy"/);
      expect(text).toMatch(/"password":"<hidden>"/);
      expect(text).not.toContain(password);
    }
  } finally {
    echo.close();
    await proxy.stop();
  }
});

test('a port changed on purpose is found to diverge, at the change', async () => {
  // The fortune client with requestNewFortune's abort() left out, loaded from a copy.
  const source = fs.readFileSync(path.join(EXAMPLES, 'fortuneclient.js'), 'utf8');
  const changed = source
    .replace("require('qtnetwork')", `require(${JSON.stringify(ROOT)})`)
    .replace(/requestNewFortune\(\) \{\n\s*this\.tcpSocket\.abort\(\);/, 'requestNewFortune() {');
  expect(changed).not.toContain('this.tcpSocket.abort();\n    this.tcpSocket.connectToHost');
  const copy = path.join(dir, 'fortuneclient-changed.js');
  fs.writeFileSync(copy, changed);
  const traces = await recordClient(
    'fortuneclient',
    (side) => (side === 'js' ? copy : path.join(EXAMPLES, 'fortuneclient.py')),
    false, // the changed port connects while connected: Qt warns, and it fails
  );
  const verdict = await parity(traces.py, traces.js, ['--ignore-signal', 'channelReadyRead']);
  expect(verdict.code).toBe(1);
  // The first call the original makes and the changed port does not.
  expect(verdict.stdout).toMatch(/diverge at event \d+/);
  expect(verdict.stdout).toMatch(/^ {2}- QTcpSocket#1\.abort\(\)$/m);
});
