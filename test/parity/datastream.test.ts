// QDataStream parity: test/fixtures/parity/datastream_scenarios.json runs live in PyQt6
// (/usr/bin/python3) and in qtnetwork, each side in one fresh process per phase
// (datastream_runner.{py,js}). Writes: the bytes and the status after each step must be equal.
// Reads, crossed: qtnetwork reads what PyQt6 wrote and PyQt6 reads what qtnetwork wrote, whole and
// cut short (half, and all but the last byte), and the hand-made inputs (corrupt, truncated,
// transactions): every value read, the status after each step and atEnd must be equal.
// Live: Qt's fortune exchange over TCP and local sockets, both directions, PyQt6 on the other end.
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import {
  QByteArray,
  QDataStream,
  QHostAddress,
  QIODevice,
  QLocalServer,
  QLocalSocket,
  QTcpServer,
  QTcpSocket,
} from '../../lib';
import { loadScenarios, makeTempDir } from '../helpers';

type Step = [string, ...unknown[]];
type DsScenario = {
  name: string;
  steps: { op: string }[];
  setup?: { noDevice?: boolean };
  w?: Step[];
  r?: Step[];
  input?: string;
};
type ReadTrace = { steps: { st: number }[]; atEnd: boolean };
type Written = Record<string, { hex: string; steps: unknown[] }>;
type Read = Record<string, unknown[]>;

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'parity');
const scenarios = loadScenarios<DsScenario>('datastream_scenarios.json');

function run<T>(side: 'ours' | 'pyqt', request: object): T {
  const [cmd, script] =
    side === 'pyqt' ? ['/usr/bin/python3', 'datastream_runner.py'] : [process.execPath, 'datastream_runner.js'];
  const out = execFileSync(cmd, [path.join(FIXTURES, script)], {
    input: JSON.stringify(request),
    encoding: 'utf8',
    timeout: 60000,
    // Qt's and our warnings (no transaction in progress, a type with no value) are expected here.
    stdio: ['pipe', 'pipe', 'ignore'],
    env: { ...process.env, QTN_DIST: path.join(__dirname, '..', '..', 'dist') },
  });
  return JSON.parse(out) as T;
}

/** What each scenario reads: its own input, or the bytes written, whole and cut short. */
function inputs(written: Written): Record<string, string[]> {
  return Object.fromEntries(
    scenarios.map((s) => {
      if (s.input !== undefined) return [s.name, [s.input]];
      const hex = written[s.name].hex;
      const n = hex.length / 2;
      return [s.name, [hex, hex.slice(0, 2 * Math.floor(n / 2)), hex.slice(0, 2 * (n - 1))]];
    }),
  );
}

let ours: Written;
let pyqt: Written;
let oursRead: Read;
let pyqtRead: Read;

beforeAll(() => {
  ours = run<Written>('ours', { mode: 'write', scenarios });
  pyqt = run<Written>('pyqt', { mode: 'write', scenarios });
  oursRead = run<Read>('ours', { mode: 'read', scenarios, inputs: inputs(pyqt) });
  pyqtRead = run<Read>('pyqt', { mode: 'read', scenarios, inputs: inputs(ours) });
}, 120000);

test('there are at least 25 scenarios, writing and reading', () => {
  expect(scenarios.length).toBeGreaterThanOrEqual(25);
  expect(scenarios.filter((s) => s.w).length).toBeGreaterThanOrEqual(20);
  expect(scenarios.filter((s) => s.input !== undefined).length).toBeGreaterThanOrEqual(8);
});

const writers = scenarios.filter((s) => s.w);

test.each(writers.map((s) => [s.name, s] as const))('write: %s', (name, s) => {
  if (!s.setup?.noDevice) expect(pyqt[name].hex.length).toBeGreaterThan(0);
  expect(ours[name]).toEqual(pyqt[name]);
});

test.each(scenarios.map((s) => [s.name] as const))('read: %s', (name) => {
  expect(oursRead[name].length).toBeGreaterThan(0);
  expect(oursRead[name]).toEqual(pyqtRead[name]);
});

test('cut-short inputs do reach ReadPastEnd (the truncation is exercised)', () => {
  // Where reading the whole input ends Ok and at its end, the input less its last byte cannot.
  const readToEnd = writers.filter((s) => {
    const whole = oursRead[s.name][0] as ReadTrace;
    return pyqt[s.name].hex.length > 0 && whole.atEnd && whole.steps.every((step) => step.st === 0);
  });
  expect(readToEnd.length).toBeGreaterThanOrEqual(20);
  for (const s of readToEnd)
    expect([s.name, (oursRead[s.name][2] as ReadTrace).steps.some((step) => step.st === 1)]).toEqual([s.name, true]);
});

// ---- live: QDataStream over a socket, PyQt6 on the other end ----

const FORTUNE = "You've been leading a dog's life. Stay off the furniture.";
const VERSION = QDataStream.Version.Qt_6_4;
const WAIT_MS = 20000;
const MAX_WAITS = 200;

type StreamSock = QTcpSocket | QLocalSocket;
type Received = { got: unknown[]; failed: number[] };

/** What datastream_peer.py sends, made with ours: each message as the pieces it is sent in. */
function messages(): QByteArray[][] {
  const one = new QByteArray();
  let out = new QDataStream(one, QIODevice.OpenModeFlag.WriteOnly);
  out.setVersion(VERSION);
  out.writeQString(FORTUNE);
  const two = new QByteArray();
  out = new QDataStream(two, QIODevice.OpenModeFlag.WriteOnly);
  out.setVersion(VERSION);
  out.writeUInt16(0);
  out.writeQString('second');
  out.writeInt32(-42);
  out.writeQStringList(['a', 'é']);
  out.writeQVariantMap({ n: 1, s: 'x', l: [1.5, null] });
  out.writeQHostAddress(new QHostAddress('fe80::1%lo'));
  out.device()!.seek(0);
  out.writeUInt16(two.size() - 2);
  return [
    [one.mid(0, 2), one.mid(2, 18), one.mid(20)],
    [two.mid(0, 1), two.mid(1, 8), two.mid(9)],
  ];
}

const expected = (): unknown[] => [
  FORTUNE,
  [
    messages()[1].reduce((n, piece) => n + piece.size(), 0) - 2,
    'second',
    -42,
    ['a', 'é'],
    { n: 1, s: 'x', l: [1.5, null] },
    'fe80::1%lo',
  ],
  'direct',
];

/** Qt 6's fortune client, with ours: a transaction per readyRead; "n" after a rollback, "d" once decoded. */
function receive(sock: StreamSock): Promise<Received> {
  const inp = new QDataStream(sock);
  inp.setVersion(VERSION);
  const got: unknown[] = [];
  const failed = [0, 0, 0];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out; got ${JSON.stringify(got)}`)), 30000);
    sock.readyRead.connect(() => {
      for (let i = 0; i < 10 && got.length < 3 && sock.bytesAvailable() > 0; i++) {
        inp.startTransaction();
        const stage = got.length;
        const value =
          stage === 1
            ? [
                inp.readUInt16(),
                inp.readQString(),
                inp.readInt32(),
                inp.readQStringList(),
                inp.readQVariantMap(),
                inp.readQHostAddress().toString(),
              ]
            : inp.readQString();
        if (!inp.commitTransaction()) {
          failed[stage]++;
          sock.write('n');
          sock.flush();
          return;
        }
        got.push(value);
        sock.write('d');
        sock.flush();
      }
      if (got.length === 3) {
        clearTimeout(timer);
        resolve({ got, failed });
      }
    });
  });
}

/** The sender, with ours: the pieces (QByteArrays written to the socket), an answer awaited after each. */
async function send(sock: StreamSock): Promise<string[]> {
  const acks: string[] = [];
  const waitAck = async (final: boolean): Promise<string> => {
    let got = '';
    for (let i = 0; i < MAX_WAITS; i++) {
      if (sock.bytesAvailable() === 0 && !(await sock.waitForReadyRead(WAIT_MS)))
        throw new Error(`no answer from the reader (got ${got}): ${sock.errorString()}`);
      got += sock.readAll().toString();
      if (final ? got.includes('d') : got.length > 0) return got;
    }
    throw new Error('too many answers');
  };
  for (const pieces of messages()) {
    for (const [k, piece] of pieces.entries()) {
      sock.write(piece);
      sock.flush();
      acks.push(await waitAck(k === pieces.length - 1));
    }
  }
  const out = new QDataStream(sock);
  out.setVersion(VERSION);
  out.writeQString('direct');
  sock.flush();
  acks.push(await waitAck(true));
  return acks;
}

/** The PyQt6 peer: resolves `listening` with what its server prints, `result` with its JSON. */
function peer(...args: string[]): { listening: Promise<string>; result: Promise<Record<string, unknown>> } {
  const child = spawn('/usr/bin/python3', [path.join(FIXTURES, 'datastream_peer.py'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let listened: (s: string) => void;
  const listening = new Promise<string>((r) => (listened = r));
  child.stdout.on('data', (d) => {
    out += d;
    const m = /^listening (.*)$/m.exec(out);
    if (m) listened(m[1]);
  });
  child.stderr.on('data', (d) => (err += d));
  const result = new Promise<Record<string, unknown>>((resolve, reject) => {
    const timer = setTimeout(() => child.kill(), 60000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      const lines = out.trim().split('\n');
      if (code === 0) resolve(JSON.parse(lines[lines.length - 1]));
      else reject(new Error(`datastream_peer.py ${args.join(' ')} exited ${code}: ${err}${out}`));
    });
  });
  return { listening, result };
}

/** Non-final pieces are each answered with "n" only (a rollback), a message's last with a "d". */
function expectAcks(acks: unknown): void {
  expect(acks).toHaveLength(7);
  (acks as string[]).forEach((a, k) => {
    if ([2, 5, 6].includes(k)) expect(a).toMatch(/^n*d$/);
    else expect(a).toMatch(/^n+$/);
  });
}

function expectReceived(r: Received): void {
  expect(r.got).toEqual(expected());
  expect(r.failed[0]).toBeGreaterThanOrEqual(2);
  expect(r.failed[1]).toBeGreaterThanOrEqual(2);
}

describe.each(['tcp', 'local'] as const)('live over %s', (transport) => {
  let tmp: ReturnType<typeof makeTempDir>;
  beforeAll(() => (tmp = makeTempDir('datastream')));
  afterAll(() => tmp.remove());

  test('a PyQt6 server sends in pieces; ours reads with transactions', async () => {
    const name = path.join(tmp.dir, 'from-pyqt');
    const py = peer('server', transport, transport === 'tcp' ? '-' : name, 'send');
    const where = await py.listening;
    const sock = transport === 'tcp' ? new QTcpSocket() : new QLocalSocket();
    if (sock instanceof QTcpSocket) sock.connectToHost(new QHostAddress('127.0.0.1'), Number(where));
    else sock.connectToServer(where);
    expect(await sock.waitForConnected(WAIT_MS)).toBe(true);
    const received = await receive(sock);
    const pyqt = await py.result;
    sock.abort();
    expectReceived(received);
    expectAcks(pyqt.acks);
  }, 90000);

  test('ours sends in pieces; a PyQt6 client reads with transactions', async () => {
    const server = transport === 'tcp' ? new QTcpServer() : new QLocalServer();
    const name = path.join(tmp.dir, 'from-ours');
    const listening =
      server instanceof QTcpServer ? await server.listen(new QHostAddress('127.0.0.1'), 0) : await server.listen(name);
    expect(listening).toBe(true);
    const py = peer('client', transport, server instanceof QTcpServer ? String(server.serverPort()) : name, 'receive');
    const [ok] = await server.waitForNewConnection(WAIT_MS);
    expect(ok).toBe(true);
    const sock = server.nextPendingConnection()!;
    const acks = await send(sock);
    const pyqt = (await py.result) as Received;
    sock.abort();
    server.close();
    expectAcks(acks);
    expectReceived(pyqt);
  }, 90000);
});
