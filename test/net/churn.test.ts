// Churn (issue 7): 100,000 TCP connect/echo/close cycles and 1,000,000 datagrams between our own
// sockets, each run in a child process of its own (test/fixtures/churn.js) so that RSS, fd count
// and the native object counters are that run's alone. After a warm-up: RSS within 10% of the warm
// baseline, the fd count back to it, and no native handle or QObject of ours left once everything
// is closed and collected. QTNETWORK_CHURN_SCALE shrinks the counts (the sanitizer run uses it).
import { execFile } from 'node:child_process';
import path from 'node:path';

const SCALE = Number(process.env.QTNETWORK_CHURN_SCALE ?? 1);
// Under AddressSanitizer (scripts/test-sanitizers) freed memory waits in its quarantine (256 MiB)
// by design: RSS says nothing there; the counters and fds still do.
const UNDER_ASAN = /libasan/.test(process.env.LD_PRELOAD ?? '');
const LIMIT_MS = 300000;
const FIXTURE = path.join(__dirname, '..', 'fixtures', 'churn.js');

// rss: after glibc returned its free memory (see settle() in the fixture); rssUntrimmed: before.
type Measure = {
  rss: number;
  rssUntrimmed: number;
  heapUsed: number;
  fds: number;
  live: { handles: number; qobjects: number };
};
type Churn = {
  error?: string;
  start: Measure;
  baseline: Measure;
  final: Measure;
  end: { live: { handles: number; qobjects: number }; fds: number };
  samples: { rss: number; fds: number }[];
  churnMs: number;
  totalMs: number;
  accepted?: number;
  received?: number;
  dropped?: number;
};

function churn(...args: (string | number)[]): Promise<Churn> {
  // V8 grows its young generation by megabytes at a time of its own accord; fixed, RSS moves only
  // with what is allocated and kept.
  const flags = ['--expose-gc', '--min-semi-space-size=8', '--max-semi-space-size=8'];
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [...flags, FIXTURE, ...args.map(String)],
      { timeout: LIMIT_MS + 30000, env: { ...process.env, CHURN_LIMIT_MS: String(LIMIT_MS) }, maxBuffer: 1 << 20 },
      (err, stdout, stderr) => {
        const line = stdout.trim().split('\n').pop() ?? '';
        let out: Churn;
        try {
          out = JSON.parse(line);
        } catch {
          return reject(new Error(`churn ${args.join(' ')}: ${err?.message ?? 'no result'}\n${stdout}\n${stderr}`));
        }
        if (out.error || err)
          return reject(new Error(`churn ${args.join(' ')}: ${out.error ?? err?.message}\n${stderr}`));
        const mb = (n: number): string => (n / 1048576).toFixed(1);
        process.stderr.write(
          `churn ${args.join(' ')}: ${out.churnMs} ms (total ${out.totalMs} ms); RSS ${mb(out.baseline.rss)} -> ${mb(out.final.rss)} MiB ` +
            `(untrimmed ${mb(out.baseline.rssUntrimmed)} -> ${mb(out.final.rssUntrimmed)}; samples ${out.samples.map((s) => mb(s.rss)).join(' ')}); fds ${out.baseline.fds} -> ${out.final.fds} -> ${out.end.fds} closed; ` +
            `live handles ${out.final.live.handles} -> ${out.end.live.handles}, QObjects ${out.final.live.qobjects} -> ${out.end.live.qobjects}\n`,
        );
        resolve(out);
      },
    );
  });
}

function expectNoLeak(out: Churn, ownSockets: number): void {
  // Warm: only the run's own sockets are alive, before and after the churn.
  expect(out.start.live).toEqual({ handles: 0, qobjects: 0 });
  expect(out.baseline.live).toEqual({ handles: ownSockets, qobjects: ownSockets });
  expect(out.final.live).toEqual({ handles: ownSockets, qobjects: ownSockets });
  if (!UNDER_ASAN) expect(out.final.rss).toBeLessThanOrEqual(out.baseline.rss * 1.1);
  expect(out.final.fds).toBe(out.baseline.fds);
  // Everything closed and collected: nothing of ours left, and their descriptors closed.
  expect(out.end.live).toEqual({ handles: 0, qobjects: 0 });
  expect(out.end.fds).toBe(out.baseline.fds - ownSockets);
}

test(
  `${Math.round(100000 * SCALE)} TCP connect/echo/close cycles, 50 in flight, leave nothing behind`,
  async () => {
    const cycles = Math.round(100000 * SCALE);
    const warm = Math.round(20000 * SCALE);
    const out = await churn('tcp', cycles, warm, 50);
    expect(out.accepted).toBe(cycles + warm);
    expectNoLeak(out, 1);
  },
  LIMIT_MS + 60000,
);

test(
  `${Math.round(1000000 * SCALE)} UDP datagrams over loopback arrive in order and leave nothing behind`,
  async () => {
    const datagrams = Math.round(1000000 * SCALE);
    const warm = Math.round(100000 * SCALE);
    const out = await churn('udp', datagrams, warm, 100);
    expect(out.received).toBe(datagrams + warm);
    expect(out.dropped).toBe(0);
    expectNoLeak(out, 2);
  },
  LIMIT_MS + 60000,
);
