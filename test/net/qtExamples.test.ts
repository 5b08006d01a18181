// Qt's network examples (examples/qt/): each port (.js) run against its PyQt6 original (.py), live,
// in both directions (our server with PyQt6's client and the reverse) and against itself; every
// pairing must print what the PyQt6 pair prints (the ephemeral port normalised) and exit alike.
import net from 'node:net';
import path from 'node:path';
import { enableLoopbackMulticast, startProgram, type Program, type ProgramResult } from '../helpers';

const DIR = path.join(__dirname, '..', '..', 'examples', 'qt');
type Side = 'py' | 'js';
const PAIRS: [Side, Side][] = [
  ['py', 'py'], // the reference: PyQt6 on both ends
  ['js', 'py'],
  ['py', 'js'],
  ['js', 'js'],
];
// A seed that makes the server send one fortune twice in a row, so that the clients' "same fortune
// again: ask again" path runs (checked below).
const SEED = 7;

type Result = ProgramResult;

/** Starts one program; it is killed (by its pid) if it has not ended within `ms`. */
function start(side: Side, name: string, args: (string | number)[], ms = 20000): Program {
  const [cmd, file] = side === 'py' ? ['/usr/bin/python3', `${name}.py`] : [process.execPath, `${name}.js`];
  return startProgram(cmd, [path.join(DIR, file), ...args.map(String)], {}, ms);
}

const lines = (out: string): string[] => out.replace(/^port: \d+$/m, 'port: PORT').split('\n');
const comparable = ({ code, signal, stdout, stderr }: Result): unknown => ({
  code,
  signal,
  stdout: lines(stdout),
  stderr,
});

/** A fortune server (ours or PyQt6's) and a client of it; both results as they compare. */
async function fortunes(server: [Side, string], client: [Side, string], count = 3): Promise<[Result, Result]> {
  const [c, s] = await clientOf(server, client, count);
  return [c, await s.done];
}

async function clientOf(server: [Side, string], client: [Side, string], count: number): Promise<[Result, Program]> {
  const s = start(server[0], server[1], [0, SEED]);
  try {
    const [, port] = await s.waitFor(/^port: (\d+)$/m);
    return [await start(client[0], client[1], ['127.0.0.1', port, count]).done, s];
  } finally {
    s.closeStdin(); // the Quit button
  }
}

function expectFortunesIntact(client: Result, server: Result): void {
  const sent = server.stdout.match(/^sent: .*$/gm)!.map((l) => l.slice('sent: '.length));
  const got = client.stdout.trimEnd().split('\n').slice(1); // after the server-name line
  expect(got).toHaveLength(3);
  expect(sent.length).toBeGreaterThan(got.length); // a repeat was sent, and asked again for
  expect(sent.filter((f, k) => f !== sent[k - 1])).toEqual(got);
}

/** Every pairing prints what the PyQt6 pair prints and exits as it does. */
async function expectPairsAlike(run: (server: Side, client: Side) => Promise<[Result, Result]>): Promise<void> {
  const results: [Result, Result][] = [];
  for (const [server, client] of PAIRS) results.push(await run(server, client));
  const [reference, ...rest] = results.map(([c, s]) => ({ client: comparable(c), server: comparable(s) }));
  expect((reference.client as { code: number }).code).toBe(0);
  for (const [k, r] of rest.entries())
    expect({ pair: PAIRS[k + 1], ...r }).toEqual({ pair: PAIRS[k + 1], ...reference });
}

jest.setTimeout(60000);

describe('fortune server and clients', () => {
  test('fortune client: each fortune intact, in every pairing, as PyQt6', async () => {
    await expectPairsAlike(async (server, client) => {
      const [c, s] = await fortunes([server, 'fortuneserver'], [client, 'fortuneclient']);
      expectFortunesIntact(c, s);
      return [c, s];
    });
  });

  test('blocking fortune client (awaited waits), in every pairing, as PyQt6', async () => {
    await expectPairsAlike(async (server, client) => {
      const [c, s] = await fortunes([server, 'fortuneserver'], [client, 'blockingfortuneclient']);
      expectFortunesIntact(c, s);
      return [c, s];
    });
  });

  test('threaded fortune server (incomingConnection, a Worker per connection), in every pairing, as PyQt6', async () => {
    await expectPairsAlike(async (server, client) => {
      const [c, s] = await fortunes([server, 'threadedfortuneserver'], [client, 'fortuneclient']);
      expectFortunesIntact(c, s);
      return [c, s];
    });
  });

  /** What a raw client receives from a fortune server's first connection. */
  async function firstBlock(side: Side, name: string): Promise<Buffer> {
    const s = start(side, name, [0, SEED]);
    try {
      const [, port] = await s.waitFor(/^port: (\d+)$/m);
      return await new Promise<Buffer>((resolve, reject) => {
        const chunks: Buffer[] = [];
        net
          .connect(Number(port), '127.0.0.1')
          .on('data', (d) => chunks.push(d))
          .on('end', () => resolve(Buffer.concat(chunks)))
          .on('error', reject);
      });
    } finally {
      s.closeStdin();
      expect((await s.done).code).toBe(0);
    }
  }

  test("the servers' QDataStream bytes are PyQt6's", async () => {
    const reference = await firstBlock('py', 'fortuneserver');
    // QDataStream's QString: a big-endian byte count, then UTF-16BE.
    expect(reference.readUInt32BE(0)).toBe(reference.length - 4);
    expect(Buffer.from(reference.subarray(4)).swap16().toString('utf16le')).toBe(
      "You've been leading a dog's life. Stay off the furniture.",
    );
    expect(await firstBlock('js', 'fortuneserver')).toEqual(reference);
  });

  /**
   * A server that sends `block` in pieces (the size's first bytes, the rest of the size and the
   * string's first byte, the rest), 50 ms apart, so that a client's first reads are short: a client
   * that did not roll its transaction back would lose the fortune. (Were the pieces to arrive
   * together, the test would still pass: it does not rely on the delay, only checks less.)
   */
  async function trickleServer(block: Buffer, run: (port: number) => Promise<Result>): Promise<Result> {
    const server = net.createServer(async (sock) => {
      for (const piece of [block.subarray(0, 3), block.subarray(3, 5), block.subarray(5)]) {
        await new Promise((r) => setTimeout(r, 50));
        sock.write(piece);
      }
      sock.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      return await run((server.address() as net.AddressInfo).port);
    } finally {
      server.close();
    }
  }

  test('a fortune that arrives in pieces is read whole (transactions roll back), as PyQt6', async () => {
    const block = await firstBlock('py', 'fortuneserver');
    for (const name of ['fortuneclient', 'blockingfortuneclient']) {
      const results = [];
      for (const side of ['py', 'js'] as Side[])
        results.push(await trickleServer(block, (port) => start(side, name, ['127.0.0.1', port, 1]).done));
      expect(results[0].code).toBe(0);
      expect(results[0].stdout).toMatch(/\nYou've been leading a dog's life\. Stay off the furniture\.\n$/);
      expect(comparable(results[1])).toEqual(comparable(results[0]));
    }
  });

  test("failures: the clients' message boxes and exit codes are PyQt6's", async () => {
    // A port nobody listens on (taken, then given back).
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const closedPort = (probe.address() as net.AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const cases: [string, (side: Side) => Promise<Result>][] = [
      ['refused', (side) => start(side, 'fortuneclient', ['127.0.0.1', closedPort]).done],
      ['refused', (side) => start(side, 'blockingfortuneclient', ['127.0.0.1', closedPort]).done],
      ['host not found', (side) => start(side, 'fortuneclient', ['no-such-host.invalid', 1]).done],
      ['host not found', (side) => start(side, 'blockingfortuneclient', ['no-such-host.invalid', 1]).done],
      // Closed before a fortune: the blocking client's waitForReadyRead fails, and its message
      // carries errorString() as it is after the wait.
      [
        'closed',
        (side) =>
          trickleServer(Buffer.alloc(0), (port) => start(side, 'blockingfortuneclient', ['127.0.0.1', port]).done),
      ],
    ];
    for (const [what, run] of cases) {
      const [py, js] = [await run('py'), await run('js')];
      expect({ what, code: py.code }).toEqual({ what, code: 1 });
      expect({ what, ...(comparable(js) as object) }).toEqual({ what, ...(comparable(py) as object) });
    }
  });
});

test('loopback: client and server in one process, bytesWritten progress, as PyQt6', async () => {
  const run = async (side: Side): Promise<unknown> => {
    const r = await start(side, 'loopback', [4 * 1024 * 1024, 64 * 1024]).done;
    const out = lines(r.stdout);
    // The client's and the server's lines interleave as the bytes go: each side's own order is compared.
    return {
      ...(comparable(r) as object),
      stdout: undefined,
      client: out.filter((l) => l.startsWith('client: ')),
      server: out.filter((l) => l.startsWith('server: ')),
    };
  };
  const py = await run('py');
  expect(py).toMatchObject({ code: 0, client: expect.arrayContaining(['client: Sent 4MB']) });
  expect(await run('js')).toEqual(py);
});

describe('UDP', () => {
  /** A receiver (started first, until it listens) and a sender; both results. */
  async function udp(receiver: [Side, string], sender: [Side, string], port: number, args: (string | number)[]) {
    const r = start(receiver[0], receiver[1], [port, 3]);
    await r.waitFor(/^Listening for .*\n/m);
    const s = await start(sender[0], sender[1], [...args, 3, 50]).done;
    return [await r.done, s] as [Result, Result];
  }

  test('broadcast sender and receiver, in every pairing, as PyQt6', async () => {
    // The namespace has only lo: its broadcast address is 127.255.255.255.
    await expectPairsAlike((receiver, sender) =>
      udp([receiver, 'broadcastreceiver'], [sender, 'broadcastsender'], 45454, ['127.255.255.255', 45454]),
    );
  });

  test('multicast sender and receiver, in every pairing, as PyQt6', async () => {
    enableLoopbackMulticast();
    await expectPairsAlike((receiver, sender) =>
      udp([receiver, 'multicastreceiver'], [sender, 'multicastsender'], 45455, [45455]),
    );
  });
});
