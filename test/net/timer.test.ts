// QTimer: Qt's timer run by Qt's event loop, in each runtime. What is checked is order and state,
// never how long something took (the machine is shared): single shot, restart, stop inside the
// timeout, setInterval while active, remainingTime's bounds, keep-alive and exit, bad input.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { QHostAddress, QTcpServer, QTcpSocket, QTimer, Qt } from '../../lib';

const until = (what: string, done: () => boolean, ms = 5000): Promise<void> =>
  new Promise((resolve, reject) => {
    const t0 = Date.now();
    const poll = (): void => {
      if (done()) resolve();
      else if (Date.now() - t0 > ms) reject(new Error(`timed out waiting for ${what}`));
      else setTimeout(poll, 2);
    };
    poll();
  });

test('a repeating timer fires until stopped inside its timeout; state follows Qt', async () => {
  const t = new QTimer();
  expect([t.isActive(), t.interval(), t.isSingleShot(), t.timerType(), t.timerId()]).toEqual([
    false,
    0,
    false,
    Qt.TimerType.CoarseTimer,
    -1,
  ]);
  expect(t.remainingTime()).toBe(-1);
  let n = 0;
  t.timeout.connect(() => {
    n++;
    expect(t.isActive()).toBe(true);
    if (n === 3) t.stop();
  });
  t.start(5);
  expect([t.isActive(), t.interval()]).toEqual([true, 5]);
  expect(t.timerId()).toBeGreaterThan(0);
  await until('three timeouts', () => !t.isActive());
  await new Promise((r) => setTimeout(r, 30));
  expect(n).toBe(3); // none after stop()
  expect(t.timerId()).toBe(-1);
  t.deleteLater();
});

test('a single-shot timer fires once and is inactive in its slot', async () => {
  const t = new QTimer();
  t.setSingleShot(true);
  const seen: boolean[] = [];
  t.timeout.connect(() => seen.push(t.isActive()));
  t.start(1);
  await until('the timeout', () => seen.length > 0);
  await new Promise((r) => setTimeout(r, 20));
  expect(seen).toEqual([false]);
  // start() again restarts it: it fires once more.
  t.start();
  await until('the second timeout', () => seen.length > 1);
  expect(seen).toEqual([false, false]);
});

test('start() while active restarts; setInterval while active keeps it running with the new interval', async () => {
  const t = new QTimer();
  // Precise: a coarse timer's deadline may be moved up to 5 % later, past its interval.
  t.setTimerType(Qt.TimerType.PreciseTimer);
  let n = 0;
  t.timeout.connect(() => n++);
  t.start(60000);
  const first = t.timerId();
  expect(t.remainingTime()).toBeGreaterThan(50000);
  expect(t.remainingTime()).toBeLessThanOrEqual(60000);
  t.start(1000);
  expect(t.isActive()).toBe(true);
  expect(t.remainingTime()).toBeLessThanOrEqual(1000);
  expect(t.remainingTime()).toBeGreaterThanOrEqual(0);
  t.setInterval(2);
  expect([t.isActive(), t.interval()]).toEqual([true, 2]);
  expect(t.remainingTime()).toBeLessThanOrEqual(2);
  await until('a timeout at the new interval', () => n > 0);
  expect(first).toBeGreaterThan(0);
  t.stop();
  t.setInterval(50);
  expect(t.isActive()).toBe(false); // setInterval does not start a stopped timer
});

test('static singleShot runs a function or emits a signal, once, with either overload', async () => {
  const order: string[] = [];
  QTimer.singleShot(5, () => order.push('five'));
  QTimer.singleShot(0, Qt.TimerType.PreciseTimer, () => order.push('zero'));
  const t = new QTimer();
  t.timeout.connect(() => order.push('signal'));
  QTimer.singleShot(10, t.timeout);
  await until('every single shot', () => order.length === 3);
  await new Promise((r) => setTimeout(r, 20));
  expect(order).toEqual(['zero', 'five', 'signal']);
});

test('setTimerType and timerType; a deleted timer ignores calls', async () => {
  const t = new QTimer();
  t.setTimerType(Qt.TimerType.PreciseTimer);
  expect(t.timerType()).toBe(Qt.TimerType.PreciseTimer);
  t.setTimerType(Qt.TimerType.VeryCoarseTimer);
  expect(t.timerType()).toBe(Qt.TimerType.VeryCoarseTimer);
  let destroyed = 0;
  t.destroyed.connect(() => destroyed++);
  t.start(10);
  t.deleteLater();
  await until('destroyed', () => destroyed === 1);
  expect(t.isActive()).toBe(false);
  const warn = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
  t.start(1);
  expect(warn).toHaveBeenCalledWith(expect.stringMatching(/QTimer.start: the timer was deleted/));
  warn.mockRestore();
  expect(t.isActive()).toBe(false);
});

test("a timer's timeout and a socket's readyRead interleave in one Qt event loop", async () => {
  const server = new QTcpServer();
  expect(await server.listen(new QHostAddress('127.0.0.1'), 0)).toBe(true);
  const client = new QTcpSocket();
  client.connectToHost('127.0.0.1', server.serverPort());
  expect(await client.waitForConnected(3000)).toBe(true);
  expect(await server.waitForNewConnection(3000)).toEqual([true, false]);
  const peer = server.nextPendingConnection()!;
  const seen: string[] = [];
  // Each timeout makes the peer write; each readyRead is seen before the next timeout stops it.
  const t = new QTimer();
  t.timeout.connect(() => {
    seen.push('timeout');
    peer.write('x');
    if (seen.filter((s) => s === 'timeout').length === 3) t.stop();
  });
  client.readyRead.connect(() => {
    client.readAll();
    seen.push('readyRead');
  });
  t.start(20);
  await until('three exchanges', () => seen.filter((s) => s === 'readyRead').length === 3);
  expect(seen).toEqual(['timeout', 'readyRead', 'timeout', 'readyRead', 'timeout', 'readyRead']);
  client.abort();
  peer.abort();
  server.close();
});

test('bad input is a TypeError or RangeError naming the method and the argument', () => {
  const t = new QTimer();
  expect(() => t.start('5' as never)).toThrow(/QTimer.start: argument 'msec' must be an integer, got string "5"/);
  expect(() => t.start(2 ** 31)).toThrow(RangeError);
  expect(() => t.setInterval(1.5)).toThrow(/QTimer.setInterval: argument 'msec' must be an integer/);
  expect(() => t.setSingleShot(1 as never)).toThrow(/QTimer.setSingleShot: argument 'asingleShot' must be a boolean/);
  expect(() => t.setTimerType(3 as never)).toThrow(
    /QTimer.setTimerType: argument 'atype' must be a Qt.TimerType member/,
  );
  expect(() => QTimer.singleShot(5, 'slot' as never)).toThrow(/QTimer.singleShot: argument 'slot' must be a function/);
  expect(() => QTimer.singleShot(5, 9 as never, () => undefined)).toThrow(/argument 'timerType'/);
  expect(() => new QTimer({} as never)).toThrow(/parents are not supported/);
  expect(t.isActive()).toBe(false);
});

// A child process, bounded: an active timer keeps it alive, stopping it lets it exit; unref() too.
const run = (code: string): { status: number | null; stdout: string } => {
  const lib = path.join(__dirname, '..', '..', 'dist');
  const r = spawnSync(process.execPath, ['-e', `const { QTimer } = require(${JSON.stringify(lib)});\n${code}`], {
    encoding: 'utf8',
    timeout: 20000,
    env: process.env,
  });
  return { status: r.status, stdout: r.stdout };
};

test('an active timer keeps the process alive; a stopped or unref()ed one does not', () => {
  // Stopped after three timeouts: the process then exits by itself, having seen all three.
  const three = run(
    `const t = new QTimer(); let n = 0;
     t.timeout.connect(() => { console.log('tick'); if (++n === 3) t.stop(); }); t.start(5);`,
  );
  expect(three).toEqual({ status: 0, stdout: 'tick\ntick\ntick\n' });
  // unref()ed, with nothing else: it exits before its first timeout.
  expect(run(`const t = new QTimer(); t.timeout.connect(() => console.log('tick')); t.start(50); t.unref();`)).toEqual({
    status: 0,
    stdout: '',
  });
  // A pending singleShot keeps it alive until it has run.
  expect(run(`QTimer.singleShot(30, () => console.log('shot'));`)).toEqual({ status: 0, stdout: 'shot\n' });
  // A timer that was never started keeps nothing alive.
  expect(run(`new QTimer(); console.log('made');`)).toEqual({ status: 0, stdout: 'made\n' });
});

// A 0 ms repeating timer is due again as soon as it fired: Node's loop must still turn (immediates,
// I/O), as Qt's runs a zero timer once per pass. The loop runtime's dispatcher once re-armed it
// inside libuv's timer pass, which then never ended.
test('a repeating 0 ms timer leaves Node its turns', async () => {
  const t = new QTimer();
  let ticks = 0;
  t.timeout.connect(() => ticks++);
  t.start(0);
  let immediates = 0;
  for (let k = 0; k < 20; k++) {
    await new Promise((r) => setImmediate(r));
    immediates++;
  }
  await until('ticks', () => ticks >= 3);
  t.stop();
  expect(immediates).toBe(20);
  expect(t.isActive()).toBe(false);
});
