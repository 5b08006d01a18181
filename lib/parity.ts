#!/usr/bin/env node
// qtnetwork-parity: diffs two traces (lib/trace.ts, python/qtnetwork_trace.py) after the
// normalisations a port needs: ports (each run gets its own) and object labels become numbered by
// first appearance, timing goes, bytes compare with the strings a port writes for them; with
// --addresses, addresses too. Prints the first divergence with the events before it; exits 0 when
// the traces match, 1 when not, 2 on bad usage.
import fs from 'node:fs';

const USAGE = `usage: qtnetwork-parity [options] original.jsonl port.jsonl

Compares two qtnetwork traces (PyQt6's python/qtnetwork_trace.py, qtnetwork's QTNETWORK_TRACE)
event by event, ports and object labels numbered by first appearance, timing left out.

  --no-nesting       ignore what ran inside which call (the thread runtime runs slots after it)
  --addresses        number addresses by first appearance too (runs on other hosts)
  --ignore-signal S  leave out the signal S (repeatable)
  --ignore-call C    leave out calls of C and their returns (repeatable)
  --per-object       compare each object's events by themselves (objects that run side by side in
                     one process, whose events interleave as the kernel schedules them)
  --strict-end       compare the programs' ends too (by default each trace's last events, if they
                     only close its sockets or see their peers close, are left out: a PyQt6
                     program quits and Qt closes them as it tears them down; a Node port closes
                     them so that it may exit)
  --context N        events shown before the divergence (default 5)`;

export interface ParityOptions {
  nesting?: boolean;
  addresses?: boolean;
  ignoreSignals?: readonly string[];
  ignoreCalls?: readonly string[];
  strictEnd?: boolean;
  perObject?: boolean;
}

const TEARDOWN_CALLS = new Set(['abort', 'close', 'disconnectFromHost', 'disconnectFromServer']);
const TEARDOWN_SIGNALS = new Set(['aboutToClose', 'stateChanged', 'readChannelFinished', 'disconnected']);
// errorOccurred(RemoteHostClosedError): the peer closed as its program ended.
const REMOTE_HOST_CLOSED = 1;

/** Where a trace's closing events begin: the sockets closed (a call and what it emits, or what
 * Qt emits as it destroys them), and nothing else, to the end. */
function teardownStart(events: readonly Event[]): number {
  let at = events.length;
  for (let k = events.length - 1; k >= 0; k--) {
    const e = events[k];
    const name = e.name as string;
    if (e.t === 'call' || e.t === 'return') {
      if (!TEARDOWN_CALLS.has(name)) break;
      if (e.t === 'call' && (e.d ?? 0) === 0) at = k;
    } else if (
      e.t === 'signal' &&
      (TEARDOWN_SIGNALS.has(name) || (name === 'errorOccurred' && (e.args as unknown[])[0] === REMOTE_HOST_CLOSED))
    ) {
      if ((e.d ?? 0) === 0) at = k;
    } else break;
  }
  return at;
}

type Event = Record<string, unknown>;

// The argument that is a port, per call: connectToHost(host, port), bind([address,] port), ...
function portArg(name: string, args: unknown[]): number {
  switch (name) {
    case 'connectToHost':
    case 'connectToHostEncrypted':
    case 'listen':
      return 1;
    case 'bind':
      return typeof args[0] === 'number' ? 0 : 1;
    case 'writeDatagram':
      return args.length >= 3 ? 2 : -1;
    default:
      return -1;
  }
}

class Numbering {
  private readonly seen = new Map<string, string>();
  private readonly counts = new Map<string, number>();
  of(kind: string, value: unknown): string {
    const key = `${kind}:${JSON.stringify(value)}`;
    let name = this.seen.get(key);
    if (name === undefined) {
      const n = (this.counts.get(kind) ?? 0) + 1;
      this.counts.set(kind, n);
      name = `${kind}#${n}`;
      this.seen.set(key, name);
    }
    return name;
  }
}

/** The events of a trace's text, normalised as `options` says, ready to compare. */
export function normalise(text: string, options: ParityOptions = {}): Event[] {
  const ports = new Numbering();
  const labels = new Numbering();
  const addresses = new Numbering();
  const ignoreSignals = new Set(options.ignoreSignals ?? []);
  const ignoreCalls = new Set(options.ignoreCalls ?? []);
  const port = (p: unknown): unknown => (typeof p === 'number' && p > 0 ? ports.of('PORT', p) : p);
  const address = (a: unknown): unknown =>
    options.addresses && typeof a === 'string' && a !== '' ? addresses.of('ADDRESS', a) : a;
  const value = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(value);
    if (v === null || typeof v !== 'object') return v;
    const o = v as Record<string, unknown>;
    if ('bytes' in o) return o.bytes; // a port writes a string where PyQt6 writes bytes
    if ('obj' in o && typeof o.obj === 'string' && o.obj.includes('#'))
      return { obj: labels.of(o.obj.split('#')[0], o.obj) };
    if ('QHostAddress' in o) return { QHostAddress: address(o.QHostAddress) };
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(o)) {
      if (k === 'port' || k === 'senderPort' || k === 'destinationPort') out[k] = port(x);
      else if (k === 'senderAddress' || k === 'destinationAddress') out[k] = address(x);
      else out[k] = value(x);
    }
    return out;
  };
  const events: Event[] = [];
  for (const [k, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    let e: Event;
    try {
      e = JSON.parse(line) as Event;
    } catch {
      throw new Error(`line ${k + 1} is not JSON: ${line.slice(0, 80)}`);
    }
    if (e.t === 'trace') continue;
    const name = e.name as string;
    if (e.t === 'signal' && ignoreSignals.has(name)) continue;
    if ((e.t === 'call' || e.t === 'return') && ignoreCalls.has(name)) continue;
    const out: Event = { t: e.t };
    // An object appears where the program first meets it: PyQt6 may make its wrapper inside the
    // call that returns it, we after; the order tells.
    if (options.nesting !== false && e.t !== 'object') out.d = e.d;
    out.obj = typeof e.obj === 'string' && e.obj.includes('#') ? labels.of(e.class as string, e.obj) : e.obj;
    if (name !== undefined) out.name = name;
    if (Array.isArray(e.args)) {
      const at = e.t === 'call' ? portArg(name, e.args) : -1;
      out.args = e.args.map((a, i) => (i === at ? port(a) : value(a)));
      if (e.t === 'call' && (name === 'connectToHost' || name === 'connectToHostEncrypted'))
        out.args = (out.args as unknown[]).map((a, i) => (i === 0 ? address(a) : a));
    }
    if ('value' in e) out.value = value(e.value);
    // readDatagram's [data, host, port]: the sender's port.
    if (e.t === 'return' && name === 'readDatagram' && Array.isArray(out.value))
      out.value = (out.value as unknown[]).map((x, i) => (i === 2 ? port(x) : x));
    if (e.t === 'return' && options.nesting === false) {
      // Without nesting, a call's result goes with the call: the thread runtime's signals of a
      // call come after it has returned, PyQt6's before.
      let k = events.length - 1;
      while (k >= 0 && !(events[k].t === 'call' && events[k].obj === out.obj && events[k].name === name)) k--;
      if (k >= 0 && !('value' in events[k])) {
        events[k].value = out.value;
        continue;
      }
    }
    events.push(out);
  }
  const untorn = (list: Event[]): Event[] => (options.strictEnd ? list : list.slice(0, teardownStart(list)));
  if (!options.perObject) return untorn(events);
  // Each object's events together, the objects in the order they appear; nesting can't hold then.
  const order = [...new Set(events.map((e) => e.obj))];
  return order.flatMap((obj) => untorn(events.filter((e) => e.obj === obj)).map(({ d: _d, ...e }) => e));
}

const show = (e: Event | undefined): string => {
  if (e === undefined) return '(the trace ends)';
  const pad = '  '.repeat(typeof e.d === 'number' ? e.d : 0);
  const what =
    e.t === 'object'
      ? `${e.obj} appears`
      : e.t === 'return'
        ? `${e.obj}.${e.name} -> ${JSON.stringify(e.value)}`
        : `${e.t === 'signal' ? 'signal ' : ''}${e.obj}.${e.name}(${(e.args as unknown[]).map((a) => JSON.stringify(a)).join(', ')})`;
  return pad + what;
};

/** Compares two traces' texts: null when they match, else the report of the first divergence. */
export function compare(a: string, b: string, options: ParityOptions = {}, context = 5): string | null {
  const [x, y] = [normalise(a, options), normalise(b, options)];
  const n = Math.max(x.length, y.length);
  let at = 0;
  while (at < n && JSON.stringify(x[at]) === JSON.stringify(y[at])) at++;
  if (at === n) return null;
  const lines = [`the traces diverge at event ${at + 1} (of ${x.length} and ${y.length}):`];
  for (let k = Math.max(0, at - context); k < at; k++) lines.push(`    ${show(x[k])}`);
  // Then each side's next events, as a diff's hunk: the first is where they part.
  for (const [sign, events] of [
    ['-', x],
    ['+', y],
  ] as const) {
    for (let k = at; k < Math.min(events.length, at + 3); k++) lines.push(`  ${sign} ${show(events[k])}`);
    if (at >= events.length) lines.push(`  ${sign} ${show(undefined)}`);
  }
  return lines.join('\n');
}

function main(argv: string[]): number {
  const options: ParityOptions = { ignoreSignals: [], ignoreCalls: [] };
  const files: string[] = [];
  let context = 5;
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === '--no-nesting') options.nesting = false;
    else if (a === '--addresses') options.addresses = true;
    else if (a === '--strict-end') options.strictEnd = true;
    else if (a === '--per-object') options.perObject = true;
    else if (a === '--ignore-signal' && k + 1 < argv.length) (options.ignoreSignals as string[]).push(argv[++k]);
    else if (a === '--ignore-call' && k + 1 < argv.length) (options.ignoreCalls as string[]).push(argv[++k]);
    else if (a === '--context' && k + 1 < argv.length) context = Number(argv[++k]);
    else if (a === '-h' || a === '--help') {
      console.log(USAGE);
      return 0;
    } else if (a.startsWith('-')) {
      console.error(`qtnetwork-parity: unknown option ${a}\n${USAGE}`);
      return 2;
    } else files.push(a);
  }
  if (files.length !== 2 || !Number.isInteger(context) || context < 0) {
    console.error(USAGE);
    return 2;
  }
  let report: string | null;
  try {
    report = compare(fs.readFileSync(files[0], 'utf8'), fs.readFileSync(files[1], 'utf8'), options, context);
  } catch (err) {
    console.error(`qtnetwork-parity: ${(err as Error).message}`);
    return 2;
  }
  if (report === null) {
    console.log(
      `qtnetwork-parity: the traces match (${normalise(fs.readFileSync(files[0], 'utf8'), options).length} events)`,
    );
    return 0;
  }
  console.log(`qtnetwork-parity: ${files[0]} (-) and ${files[1]} (+): ${report}`);
  return 1;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
