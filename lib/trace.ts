// The trace recorder (`qtnetwork/trace`): every signal a QtNetwork object emits and every call a
// program makes that changes one, as JSON lines, in the format python/qtnetwork_trace.py records a
// PyQt6 program in; `qtnetwork-parity` (lib/parity.ts) diffs two traces. On with
// QTNETWORK_TRACE=file.jsonl (read when the package loads) or start(file); off, it costs emit one
// test of a module variable (lib/core/signal.ts).
//
// A line: {"t": "object" | "call" | "return" | "signal", "d": depth, "obj": "QTcpSocket#1", "class",
// "name", "args" | "value"}. Depth counts the recorded calls running: a signal emitted inside
// connectToHost() has the call's depth + 1, as do the calls its slots make. A pending waitFor…
// counts as running until it settles (PyQt6 blocks in it, and what Qt emits meanwhile is inside it).
// Objects are labelled by class and the order the program first meets them (made, or handed to it
// by a call or a signal); what an object emits before that (a connection not yet taken) is not
// recorded, as PyQt6 cannot connect to it. Passwords are never written (see jsonOf).
import fs from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import * as qt from './index';
import { wrapBoundMethods } from './core/bound';
import { type EmitRecorder, type Signal, setEmitRecorder } from './core/signal';
import { runtime } from './core/runtime';

type AnyFunction = (...args: unknown[]) => unknown;

/** The QtNetwork classes (PyQt6.QtNetwork) whose objects are traced; a subclass is traced as its base. */
export const TRACED_CLASSES: readonly string[] = [
  'QAbstractSocket',
  'QTcpSocket',
  'QUdpSocket',
  'QSslSocket',
  'QTcpServer',
  'QSslServer',
  'QLocalSocket',
  'QLocalServer',
  'QNetworkAccessManager',
  'QNetworkReply',
  'QNetworkCookieJar',
  'QAbstractNetworkCache',
  'QNetworkDiskCache',
];

/** The calls recorded (on a traced object): those that change it, move data or wait. The same list
 * is in python/qtnetwork_trace.py (test/unit/trace.test.ts holds them equal). */
export const TRACED_CALLS: readonly string[] = [
  'abort',
  'addPendingConnection',
  'bind',
  'close',
  'connectToHost',
  'connectToHostEncrypted',
  'connectToServer',
  'deleteResource',
  'disconnectFromHost',
  'disconnectFromServer',
  'flush',
  'get',
  'head',
  'ignoreSslErrors',
  'joinMulticastGroup',
  'leaveMulticastGroup',
  'listen',
  'nextPendingConnection',
  'pauseAccepting',
  'post',
  'put',
  'read',
  'readAll',
  'readDatagram',
  'readLine',
  'receiveDatagram',
  'resume',
  'resumeAccepting',
  'sendCustomRequest',
  'setMaxPendingConnections',
  'setMulticastInterface',
  'setPauseMode',
  'setProxy',
  'setReadBufferSize',
  'setSocketDescriptor',
  'setSocketOption',
  'startClientEncryption',
  'startServerEncryption',
  'waitForBytesWritten',
  'waitForConnected',
  'waitForDisconnected',
  'waitForEncrypted',
  'waitForNewConnection',
  'waitForReadyRead',
  'write',
  'writeDatagram',
];

/** Static calls recorded, as Class.name. */
export const TRACED_STATICS: readonly string[] = [
  'QNetworkProxy.setApplicationProxy',
  'QNetworkProxyFactory.setApplicationProxyFactory',
  'QNetworkProxyFactory.setUseSystemConfiguration',
];

/** Signals not recorded: Qt emits destroyed while it tears objects down, in an order no program sets. */
export const UNTRACED_SIGNALS: readonly string[] = ['destroyed'];

const tracedClasses = new Set(TRACED_CLASSES);
const tracedCalls = new Set(TRACED_CALLS);
const untracedSignals = new Set(UNTRACED_SIGNALS);

class Recorder implements EmitRecorder {
  private readonly fd: number;
  private readonly t0 = performance.now();
  private readonly labels = new WeakMap<object, string>();
  private readonly counts = new Map<string, number>();
  private depth = 0;
  // Calls of the package's own methods running since the program last had control (a slot): the
  // package's calls on itself (QDataStream reading its socket, abort() closing) are not the program's.
  private quiet = 0;
  // waitFor… calls made at depth 0 and not settled yet: what Qt emits meanwhile is inside them.
  private waits = 0;

  constructor(file: string) {
    this.fd = fs.openSync(file, 'w');
    this.write({ t: 'trace', format: 1, recorder: 'qtnetwork', runtime });
  }

  close(): void {
    fs.closeSync(this.fd);
  }

  private write(line: Record<string, unknown>): void {
    line.ms = Math.round((performance.now() - this.t0) * 1000) / 1000;
    fs.writeSync(this.fd, JSON.stringify(line) + '\n');
  }

  private at(): number {
    return this.depth === 0 && this.waits > 0 ? 1 : this.depth;
  }

  /** The Qt class an object is traced as, or undefined if it is not a QtNetwork object. */
  private tracedClass(object: object): string | undefined {
    for (let p = Object.getPrototypeOf(object); p !== null; p = Object.getPrototypeOf(p)) {
      const name = (p as { constructor?: { name?: string } }).constructor?.name;
      if (name !== undefined && Object.hasOwn(p, 'constructor') && tracedClasses.has(name)) return name;
    }
    return undefined;
  }

  /** The object's label, given (and recorded) when the program first meets it. */
  labelOf(object: object): string | undefined {
    let label = this.labels.get(object);
    if (label !== undefined) return label;
    const cls = this.tracedClass(object);
    if (cls === undefined) return undefined;
    const n = (this.counts.get(cls) ?? 0) + 1;
    this.counts.set(cls, n);
    label = `${cls}#${n}`;
    this.labels.set(object, label);
    this.write({ t: 'object', d: this.at(), obj: label, class: cls });
    return label;
  }

  created(object: object): void {
    // Made by the package for the program (a pending connection): labelled when handed over.
    if (this.quiet === 0) this.labelOf(object);
  }

  emitted(signal: Signal<unknown[]>, owner: object, args: unknown[]): void {
    const label = this.labels.get(owner);
    const blocked = (owner as { _signalsBlocked?: boolean })._signalsBlocked === true;
    if (label === undefined || blocked || untracedSignals.has(signal.name)) {
      signal.deliver(args);
      return;
    }
    this.write({
      t: 'signal',
      d: this.at(),
      obj: label,
      class: label.slice(0, label.indexOf('#')),
      name: signal.name,
      args: args.map((a) => this.jsonOf(a)),
    });
    // The slots are the program's: its calls there are recorded, inside the signal's call.
    const quiet = this.quiet;
    const depth = this.depth;
    this.quiet = 0;
    this.depth = this.at();
    try {
      signal.deliver(args);
    } finally {
      this.quiet = quiet;
      this.depth = depth;
    }
  }

  /** A call of the package's, or on an object not traced: not recorded, nor what it calls. */
  quietly(fn: AnyFunction, self: unknown, args: unknown[]): unknown {
    this.quiet++;
    try {
      return fn.apply(self, args);
    } finally {
      this.quiet--;
    }
  }

  /** `fn` (a method of `cls`, or a static of it when `self` is the class) with its call recorded. */
  call(fn: AnyFunction, self: unknown, args: unknown[], name: string, statik?: string): unknown {
    const label = statik ?? (this.quiet === 0 ? this.labels.get(self as object) : undefined);
    if (label === undefined) return this.quietly(fn, self, args);
    const depth = this.at();
    const cls = statik ?? label.slice(0, label.indexOf('#'));
    this.write({ t: 'call', d: depth, obj: label, class: cls, name, args: args.map((a) => this.jsonOf(a)) });
    const saved = this.depth;
    this.depth = depth + 1;
    this.quiet++;
    let result: unknown;
    try {
      result = fn.apply(self, args);
    } finally {
      this.quiet--;
      this.depth = saved;
    }
    const ret = (value: unknown): void => {
      if (value !== undefined)
        this.write({ t: 'return', d: depth, obj: label, class: cls, name, value: this.jsonOf(value) });
    };
    if (result instanceof Promise) {
      // What PyQt6 returns when its blocking call does: recorded when the promise settles.
      const wait = depth === 0 && name.startsWith('waitFor');
      if (wait) this.waits++;
      result.then(
        (v) => {
          if (wait) this.waits--;
          ret(v);
        },
        () => {
          if (wait) this.waits--;
        },
      );
    } else ret(result);
    return result;
  }

  /** A value as JSON, the same in both recorders: objects by label, values by what they hold,
   * bytes as text when they are UTF-8, else as hex; never a password. */
  jsonOf(v: unknown): unknown {
    if (v === null || v === undefined) return null;
    if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'bigint') return Number(v);
    if (Buffer.isBuffer(v) || v instanceof Uint8Array)
      return bytesJson(Buffer.from(v.buffer, v.byteOffset, v.byteLength));
    if (v instanceof qt.QByteArray) return bytesJson(v.toBuffer());
    if (Array.isArray(v)) return v.map((x) => this.jsonOf(x));
    if (v instanceof qt.QObject) return { obj: this.labelOf(v) ?? v.constructor.name };
    if (v instanceof qt.QHostAddress) return { QHostAddress: v.toString() };
    if (v instanceof qt.QUrl) return { QUrl: v.toJSON() };
    if (v instanceof qt.QNetworkRequest) return { QNetworkRequest: v.url().toJSON() };
    if (v instanceof qt.QNetworkProxy)
      return {
        QNetworkProxy: {
          type: v.type(),
          hostName: v.hostName(),
          port: v.port(),
          user: v.user(),
          password: v.password() === '' ? '' : '<hidden>',
        },
      };
    if (v instanceof qt.QAuthenticator)
      return {
        QAuthenticator: { user: v.user(), password: v.password() === '' ? '' : '<hidden>', realm: v.realm() },
      };
    if (v instanceof qt.QNetworkDatagram)
      return {
        QNetworkDatagram: {
          data: bytesJson(v.data()),
          senderAddress: v.senderAddress().toString(),
          senderPort: v.senderPort(),
          destinationAddress: v.destinationAddress().toString(),
          destinationPort: v.destinationPort(),
        },
      };
    if (v instanceof qt.QSslError) return { QSslError: v.error() };
    return { type: (v as object).constructor?.name ?? typeof v };
  }
}

function bytesJson(b: Buffer): unknown {
  const text = b.toString('utf8');
  return Buffer.from(text, 'utf8').equals(b) ? { bytes: text } : { hex: b.toString('hex') };
}

let active: Recorder | undefined;
let wrapped = false;

// Every public method of the package's classes goes through the recorder (lib/core/bound.ts), so
// that it can tell the program's calls from the package's own; statics named in TRACED_STATICS too,
// and the package's own `_adopt` (a pending connection's object is not the program's until taken).
function wrapAll(): void {
  if (wrapped) return;
  wrapped = true;
  const seen = new Set<object>();
  for (const value of Object.values(qt)) {
    // Signal's emit runs the program's slots (a singleShot's): not a call of the package's.
    if (typeof value !== 'function' || value.prototype === undefined || value === qt.Signal) continue;
    for (let p = value.prototype as object | null; p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
      if (seen.has(p)) break;
      seen.add(p);
      wrapBoundMethods(p, (fn, key) => (tracedCalls.has(key) ? recorded(fn, key) : quiet(fn)));
    }
    const cls = value as unknown as Record<string, unknown>;
    if (Object.hasOwn(cls, '_adopt') && typeof cls._adopt === 'function') cls._adopt = quiet(cls._adopt as AnyFunction);
  }
  for (const spec of TRACED_STATICS) {
    const [clsName, name] = spec.split('.');
    const cls = (qt as unknown as Record<string, Record<string, AnyFunction>>)[clsName];
    cls[name] = recorded(cls[name], name, clsName);
  }
}

function recorded(fn: AnyFunction, name: string, statik?: string): AnyFunction {
  return function (this: unknown, ...args: unknown[]) {
    return active === undefined ? fn.apply(this, args) : active.call(fn, this, args, name, statik);
  };
}

function quiet(fn: AnyFunction): AnyFunction {
  return function (this: unknown, ...args: unknown[]) {
    return active === undefined ? fn.apply(this, args) : active.quietly(fn, this, args);
  };
}

/** Starts recording to `file` (JSON lines), replacing a trace already recording. Objects made
 * before are recorded from when the program next meets them. */
export function start(file: string): void {
  stop();
  wrapAll();
  active = new Recorder(file);
  setEmitRecorder(active);
}

/** Stops recording and closes the file. */
export function stop(): void {
  if (active === undefined) return;
  setEmitRecorder(undefined);
  active.close();
  active = undefined;
}

/** Whether a trace is recording. */
export function isRecording(): boolean {
  return active !== undefined;
}

// QTNETWORK_TRACE=file.jsonl: recording from the start (the package loads this module then), on
// the main thread: a worker's objects are its own (PyQt6's recorder records the main thread's too).
if (process.env.QTNETWORK_TRACE && isMainThread && active === undefined) start(process.env.QTNETWORK_TRACE);
