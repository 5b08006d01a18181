// The JS side of the runtime: loads the addon, receives the Qt thread's event batches and hands
// each event to the object it belongs to; keeps the process alive while any socket is active.
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import type { NativeModule } from './native';
import { EventSlot } from './protocol';
import { setSlotErrorReporter } from './signal';

/** A JS object that receives the Qt-side events of its handle. */
export interface EventSink {
  onEvent(
    kind: number,
    seq: number,
    i0: number,
    i1: number,
    i2: number,
    i3: number,
    d0: number,
    d1: number,
    payload: unknown,
    more: boolean,
  ): void;
}

const SLOTS = EventSlot.Count; // numbers per event (native/protocol.h EventSlot)

/** What the package needs at run time, as the missing-Qt message says it. */
export const QT_REQUIRED = { version: '6.4', debianPackage: 'libqt6network6' } as const;

/**
 * The one error a user sees when the addon's Qt libraries cannot be loaded, in place of the
 * dynamic loader's: what is missing, what to install, and the loader's own reason on one line.
 * Anything else (a missing build, a broken file) is rethrown as it is.
 */
export function qtLoadError(err: unknown): Error | undefined {
  const reason = String((err as Error)?.message ?? err).split('\n')[0];
  const tooOld = /version `Qt_[\d.]+' not found/.test(reason);
  if (!tooOld && !/libQt6\w*\.so/.test(reason)) return undefined;
  const what = tooOld
    ? `the Qt 6 on this system is older than Qt ${QT_REQUIRED.version}, which qtnetwork needs`
    : `qtnetwork needs the Qt 6 Network library (Qt ${QT_REQUIRED.version} or newer) and it is not installed`;
  const e = new Error(
    `${what}. On Debian/Ubuntu: apt-get install ${QT_REQUIRED.debianPackage} (Qt ${QT_REQUIRED.version} or newer: Debian 12, Ubuntu 23.04 and later); ` +
      `elsewhere install the Qt ${QT_REQUIRED.version}+ Core and Network libraries. (The loader said: ${reason})`,
  );
  (e as NodeJS.ErrnoException).code = 'QTNETWORK_QT_MISSING';
  return e;
}

function loadNative(): NativeModule {
  const root = path.join(__dirname, '..', '..');
  try {
    // QTNETWORK_ADDON names a .node file to load instead (the node-gyp build check, sanitizer builds).
    const explicit = process.env.QTNETWORK_ADDON;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- which file is decided at run time
    return explicit ? require(path.resolve(explicit)) : require('node-gyp-build')(root);
  } catch (err) {
    throw qtLoadError(err) ?? err;
  }
}

export const native: NativeModule = loadNative();

// Active objects (an open socket, a listening server) are held strongly, as net.Socket keeps itself
// reachable while open; inactive ones weakly, so that an unreachable closed socket is collected.
const sinks = new Map<number, EventSink | WeakRef<EventSink>>();
const isWeak = (e: unknown): e is WeakRef<EventSink> => typeof (e as WeakRef<EventSink>).deref === 'function';
const forget = new FinalizationRegistry<number>((id) => {
  const entry = sinks.get(id);
  if (entry !== undefined && isWeak(entry) && entry.deref() === undefined) sinks.delete(id);
});
let refs = 0;

/** The object registered for a handle's events (a reply the manager names by id), if still there. */
export function sinkOf(id: number): EventSink | undefined {
  const entry = sinks.get(id);
  return entry !== undefined && isWeak(entry) ? entry.deref() : entry;
}

// The batch being delivered: SLOTS numbers per event (native/runtime/event_queue.cc
// dispatchBatch), payloads apart (null when no event has one), how many events, and the next one.
// `shared` views the buffer the native side reuses for every batch; events that must wait for a
// later task (yieldToWaiter) are copied out of it first.
let shared = new Float64Array(0);
let nums = shared;
let pays: unknown[] | null = null;
let count = 0;
let at = 0;
let depth = 0; // dispatch() calls in progress (a nested one gets a buffer of its own)
let flushing = false; // drainEvents(): everything now, no yielding
let yieldRequested = false;
let resumeScheduled = false;

/**
 * Called when an event answers a pending wait (waitForConnected...): the events after it are
 * delivered in a later task, so that the code after `await` sees the object as it was when the
 * wait was answered (PyQt6's blocking wait returns there), not as later events in the batch left it.
 */
export function yieldToWaiter(): void {
  if (!flushing) yieldRequested = true;
}

// Whether the events being delivered now were emitted inside a call from JS (the loop runtime says
// so; false for the thread runtime's and for events held back and delivered later).
let insideCall = false;

/** Whether the event being delivered now was emitted by Qt inside a call JS made (loop runtime). */
export function eventInsideCall(): boolean {
  return insideCall;
}

function dispatch(n: number, buf: ArrayBuffer | undefined, payloads: unknown[] | null, inside?: boolean): void {
  const wasInside = insideCall;
  insideCall = inside === true;
  try {
    dispatchBatch(n, buf, payloads);
  } finally {
    insideCall = wasInside;
  }
}

function dispatchBatch(n: number, buf: ArrayBuffer | undefined, payloads: unknown[] | null): void {
  let batch = shared;
  if (buf !== undefined) {
    batch = new Float64Array(buf);
    if (depth === 0) shared = batch;
  }
  depth++;
  try {
    if (at < count) {
      // Events held back by a yield go first; the new ones queue behind them.
      const held = count - at;
      const merged = new Float64Array((held + n) * SLOTS);
      merged.set(nums.subarray(at * SLOTS, count * SLOTS));
      merged.set(batch.subarray(0, n * SLOTS), held * SLOTS);
      const mergedPays = new Array<unknown>(held + n).fill(null);
      for (let k = 0; k < held; k++) mergedPays[k] = pays?.[at + k] ?? null;
      for (let k = 0; k < n; k++) mergedPays[held + k] = payloads?.[k] ?? null;
      nums = merged;
      pays = mergedPays;
      count = held + n;
      at = 0;
      if (flushing) deliverBacklog();
      return;
    }
    nums = batch;
    pays = payloads;
    count = n;
    at = 0;
    deliverBacklog();
  } finally {
    depth--;
  }
}

// Reads the module's state afresh for each event: a slot may deliver (drainEvents) meanwhile.
function deliverBacklog(): void {
  while (at < count) {
    const b = nums;
    const k = at * SLOTS;
    const payload = pays === null ? null : (pays[at] ?? null);
    at++;
    const id = b[k + EventSlot.Handle];
    const sink = sinkOf(id);
    if (sink === undefined) continue; // its JS object is gone: nothing to tell
    const kind = b[k + EventSlot.Kind];
    const more = at < count && b[k + SLOTS + EventSlot.Handle] === id && b[k + SLOTS + EventSlot.Kind] === kind;
    yieldRequested = false;
    sink.onEvent(
      kind,
      b[k + EventSlot.Seq],
      b[k + EventSlot.I0],
      b[k + EventSlot.I1],
      b[k + EventSlot.I2],
      b[k + EventSlot.I3],
      b[k + EventSlot.D0],
      b[k + EventSlot.D1],
      payload,
      more,
    );
    if (yieldRequested && at < count) {
      yieldRequested = false;
      // The rest waits for a later task; the native side reuses its buffer meanwhile.
      nums = nums.slice(at * SLOTS, count * SLOTS);
      pays = pays === null ? null : pays.slice(at, count);
      count -= at;
      at = 0;
      if (!resumeScheduled) {
        resumeScheduled = true;
        setImmediate(resume);
      }
      return;
    }
  }
  count = 0;
  at = 0;
  pays = null;
}

function resume(): void {
  resumeScheduled = false;
  insideCall = false;
  deliverBacklog();
}

// Commands of one JS task go to the Qt thread together when the task ends (native/runtime/command_queue.cc):
// at the event loop's next check phase, so that awaiting a settled promise between two calls does
// not split them.
// endTask() answers true when the Qt thread's answer to those commands is already here: deliver it
// now rather than after a wake-up.
const endTask = (): void => {
  if (native.endTask()) native.drain();
};
native.open(dispatch, () => setImmediate(endTask));

// Stop Qt while the process can still run code: after 'exit', static destructors (Qt's among them)
// run while the Qt thread would still be using them, and process.exit() skips cleanup hooks.
if (isMainThread) process.on('exit', () => native.shutdown());

/** Events for `id` go to `sink`; `strong` keeps the sink reachable (see setStrong). */
export function register(id: number, sink: EventSink, strong = false): void {
  sinks.set(id, strong ? sink : new WeakRef(sink));
  if (!strong) forget.register(sink, id, sink);
}

/** Hold the sink strongly while it is active, weakly otherwise. */
export function setStrong(id: number, sink: EventSink, strong: boolean): void {
  if (!sinks.has(id)) return;
  sinks.set(id, strong ? sink : new WeakRef(sink));
  // Only a weakly held sink can be collected: the registry (a cell of ~70 B per registration)
  // watches just those, so that an open socket keeps none.
  if (strong) forget.unregister(sink);
  else forget.register(sink, id, sink);
}

export function unregister(id: number, sink: EventSink): void {
  sinks.delete(id);
  forget.unregister(sink);
}

/** Delivers the events the Qt thread has queued so far, now (from a timer callback, between tasks). */
export function drainEvents(): void {
  flushing = true;
  try {
    deliverBacklog();
    native.drain();
  } finally {
    flushing = false;
  }
}

/**
 * How one socket or server takes part in keeping the process alive, as a net.Socket does: while
 * active (open, connecting, listening) its JS object is held strongly and, unless unref()'d,
 * counted; inactive, it is held weakly and may be collected. The state is a number its owner
 * keeps (0 to start: inactive, referenced), not an object of its own for every socket.
 */
const ACTIVE = 1;
const UNREFED = 2;

/** The state once the owner became active or inactive; `strong`: an inactive one stays held strongly. */
export function keepAlive(id: number, sink: EventSink, state: number, active: boolean, strong = active): number {
  if (active === ((state & ACTIVE) !== 0)) return state;
  // An active one was held strongly: nothing to change if it stays so.
  if (active || !strong) setStrong(id, sink, active);
  if ((state & UNREFED) === 0) {
    if (active) addRef();
    else releaseRef();
  }
  return active ? state | ACTIVE : state & ~ACTIVE;
}

/** The state of an owner registered strongly (register's `strong`) as active from the start. */
export function startActive(): number {
  addRef();
  return ACTIVE;
}

/** The state after ref() (`ref` true) or unref(). */
export function keepAliveRef(state: number, ref: boolean): number {
  if (ref === ((state & UNREFED) === 0)) return state;
  if ((state & ACTIVE) !== 0) {
    if (ref) addRef();
    else releaseRef();
  }
  return ref ? state & ~UNREFED : state | UNREFED;
}

/** One more active, referenced handle: the process stays alive while there is any. */
export function addRef(): void {
  if (refs++ === 0) native.setRef(true);
}

export function releaseRef(): void {
  if (--refs === 0) native.setRef(false);
}

/** For leak checks: the native handles (sockets, servers) this environment still owns. */
export function liveHandleCount(): number {
  return native.liveHandles();
}

/**
 * For leak checks, process-wide (every environment, not only this one): native handles (sockets,
 * servers) not yet destroyed, and the Qt objects of theirs still alive. Zero once every socket
 * and server is closed, collected and freed on the Qt thread.
 */
export function liveNativeObjects(): { handles: number; qobjects: number } {
  const [handles, qobjects] = native.liveObjects();
  return { handles, qobjects };
}

/** For leak checks that read RSS: returns the C heap's free memory to the system (glibc). */
export function trimNativeHeap(): void {
  native.trimHeap();
}

/**
 * Which runtime runs Qt in this process (QTNETWORK_RUNTIME, read once): "loop", Qt's event
 * processing on Node's own event loop, or "thread", Qt on a thread of its own.
 */
export const runtime: 'loop' | 'thread' = native.runtime();
if (runtime === 'loop') setSlotErrorReporter((err) => native.reportUncaught(err));
