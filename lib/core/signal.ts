// PyQt-style signals: `obj.readyRead.connect(slot)`, `.disconnect(slot)`, `.disconnect()`, `.emit(...)`.
import { describe } from './args';
import { bindTo, sameSlot, slotFor } from './bound';

export type Slot<A extends unknown[]> = (...args: A) => unknown;

export class Signal<A extends unknown[] = []> {
  // One slot is held as itself, more as an array that is replaced, never changed in place (an
  // emission goes on over the slots it started with): most signals have one slot or none, and an
  // array of one costs ~180 bytes (V8 grows its backing store to 17 on the first push), per signal
  // of every socket.
  private slots: Slot<A> | readonly Slot<A>[] | undefined = undefined;

  constructor(
    readonly name: string,
    private readonly owner?: { _signalsBlocked: boolean },
    // Told after every connect and disconnect (a socket asks Qt for the events someone watches).
    private readonly watch?: () => void,
  ) {
    // A user's own signal (`new Signal('valueChanged')`): its name shows in every message.
    if (typeof name !== 'string')
      throw new TypeError(`Signal: argument 'name' must be a string, got ${describe(name)}`);
    if (owner !== undefined && (owner === null || typeof owner !== 'object'))
      throw new TypeError(`Signal: argument 'owner' must be an object or undefined, got ${describe(owner)}`);
    if (watch !== undefined && typeof watch !== 'function')
      throw new TypeError(`Signal: argument 'watch' must be a function or undefined, got ${describe(watch)}`);
  }

  /** A function, or another Signal (its emit runs, as PyQt6 connects a signal to a signal). */
  connect(slot: Slot<A> | Signal<A>): void {
    slot = slot instanceof Signal ? (bindTo(Signal.prototype.emit, slot) as Slot<A>) : slotFor(slot);
    if (typeof slot !== 'function') {
      throw new TypeError(`${this.name}.connect(slot): slot must be a function, got ${describe(slot)}`);
    }
    const slots = this.slots;
    this.slots = slots === undefined ? slot : typeof slots === 'function' ? [slots, slot] : [...slots, slot];
    this.watch?.();
  }

  /** Without an argument: disconnects every slot. With one: that slot (TypeError if not connected, as PyQt6). */
  disconnect(slot?: Slot<A> | Signal<A>): void {
    if (slot instanceof Signal) slot = bindTo(Signal.prototype.emit, slot) as Slot<A>;
    const slots = this.slots;
    if (slot === undefined) {
      this.slots = undefined;
    } else if (sameSlot(slots, slot)) {
      this.slots = undefined;
    } else {
      // The newest connection of that slot; a method read again (`sock.deleteLater`) is the same slot.
      let at = -1;
      if (typeof slots === 'object')
        for (let k = slots.length - 1; at < 0 && k >= 0; k--) if (sameSlot(slots[k], slot)) at = k;
      if (at < 0) throw new TypeError(`${this.name}.disconnect(slot): the slot is not connected`);
      const rest = (slots as readonly Slot<A>[]).filter((_, k) => k !== at);
      this.slots = rest.length === 1 ? rest[0] : rest;
    }
    this.watch?.();
  }

  /** Runs the slots in connection order. A throwing slot does not stop the others or the event
   * batch; its error is rethrown as an uncaught exception, as a throwing net.Socket listener's is. */
  emit(...args: A): void {
    if (recorder !== undefined && this.owner !== undefined) recorder.emitted(this, this.owner, args);
    else this.deliver(args);
  }

  /** @internal runs the slots (emit, and the trace recorder around them). */
  deliver(args: A): void {
    const slots = this.slots;
    if (slots === undefined || (this.owner !== undefined && this.owner._signalsBlocked)) return;
    // A signal connected to itself, directly or through others (`sig.connect(sig)`,
    // `a.connect(b.emit); b.connect(a.emit)`), would recurse until the stack overflows, and every
    // level would report that error and go on to its next slot: a RangeError here unwinds it once.
    if (emitDepth >= MAX_EMIT_DEPTH)
      throw new RangeError(
        `${this.name}.emit: signals nested ${MAX_EMIT_DEPTH} deep (a signal connected to itself, directly or through other slots)`,
      );
    emitDepth++;
    try {
      if (typeof slots === 'function') call(slots, args);
      else for (const slot of slots) call(slot, args);
    } finally {
      emitDepth--;
    }
  }

  get connected(): number {
    const slots = this.slots;
    return slots === undefined ? 0 : typeof slots === 'function' ? 1 : slots.length;
  }
}

// Where a throwing slot's error goes: an uncaught exception once the current task's synchronous
// part is done (the thread runtime, whose slots run in a batch after Qt's emission); the loop
// runtime, whose slots run inside Qt's emission, reports it at once (lib/core/runtime.ts), so that
// the process ends, or the handler runs, before Qt goes on to emit what follows.
let reportSlotError = (err: unknown): void =>
  queueMicrotask(() => {
    throw err;
  });

/** @internal where a JS override that Qt calls (a proxy factory's queryProxy) reports a throw. */
export function reportCallbackError(err: unknown): void {
  reportSlotError(err);
}

/** @internal */
export function setSlotErrorReporter(report: (err: unknown) => void): void {
  reportSlotError = report;
}

// Emissions in progress, nested: recursion through slots is stopped at MAX_EMIT_DEPTH, well within
// V8's stack (a level is a few frames).
let emitDepth = 0;
const MAX_EMIT_DEPTH = 200;

function call<A extends unknown[]>(slot: Slot<A>, args: A): void {
  try {
    slot(...args);
  } catch (err) {
    // Runaway recursion (ours above, or the stack's own overflow) goes up to the outermost
    // emission and is reported once there, not once per level.
    if (
      emitDepth > 1 &&
      err instanceof RangeError &&
      (err.message.includes('.emit: signals nested') || err.message.includes('Maximum call stack'))
    )
      throw err;
    reportSlotError(err);
  }
}

/** @internal the trace recorder (lib/trace.ts): told of every emission of an owned signal, and
 * delivers it itself (so that what the slots do is recorded inside it). */
export interface EmitRecorder {
  emitted(signal: Signal<any[]>, owner: object, args: unknown[]): void; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** A QObject was made (by the program, or by the package for it: the recorder tells which). */
  created(object: object): void;
}
// Undefined unless a trace records: then emit's one extra test is all it costs.
let recorder: EmitRecorder | undefined;

/** @internal */
export function setEmitRecorder(r: EmitRecorder | undefined): void {
  recorder = r;
}

/** @internal whether a trace records: every signal is then made and watched (Qt asked for all events). */
export function recording(): boolean {
  return recorder !== undefined;
}

/** @internal QObject's constructor tells the recorder. */
export function recordCreated(object: object): void {
  recorder?.created(object);
}

// Signals made on first use (see defineSignals), per object: an own field of every QObject
// (QObject.ts), so that the getter reached through a prototype never shares one store.
export const made = Symbol('signals');
type SignalOwner = { _signalsBlocked: boolean; [made]?: Record<string, Signal<unknown[]>> };

/**
 * Defines the named signals on `cls.prototype` as getters that make each Signal on first use. A
 * socket has a dozen signals and most are never connected: making them all per object was a fair
 * share of the memory an idle connection costs. `watch(owner)` is told of connects/disconnects.
 */
export function defineSignals(cls: { prototype: object }, names: string[], watch?: (owner: never) => void): void {
  for (const name of names) {
    Object.defineProperty(cls.prototype, name, {
      configurable: true,
      enumerable: false,
      get(this: SignalOwner): Signal<unknown[]> {
        const all = (this[made] ??= {});
        return (all[name] ??= new Signal(name, this, watch && (() => watch(this as never))));
      },
    });
  }
}

/**
 * A signal whose event tells JS nothing but its owner's state, and the event's kind: the Qt side
 * sends such events only while a slot or wait watches them, or when the state they carry is new
 * to JS (native/handle_wrap.h QtHandle::sendOf).
 */
export type StateSignal = readonly [name: string, kind: number];

/**
 * The kinds (a bit each) of `signals` that slots of `owner` watch now; all while a trace records
 * every signal, as PyQt6 shows them (lib/trace.ts).
 */
export function watchedKinds(owner: object, signals: readonly StateSignal[]): number {
  const all = recording();
  let kinds = 0;
  // Indexed, not destructured: the iterator protocol, per reply, in code not yet optimized.
  for (let k = 0; k < signals.length; k++) {
    const s = signals[k];
    if (all || ((madeSignal(owner, s[0] as never) as Signal<unknown[]> | undefined)?.connected ?? 0) > 0)
      kinds |= 1 << s[1];
  }
  return kinds;
}

/**
 * The owner's signal `name` if anything has used it yet, else undefined (then it has no slots):
 * `madeSignal(this, 'connected')?.emit()` emits without making it.
 */
export function madeSignal<O extends object, K extends keyof O & string>(owner: O, name: K): O[K] | undefined {
  // A trace records every emission, slots or not.
  if (recorder !== undefined) return owner[name];
  return (owner as SignalOwner)[made]?.[name] as O[K] | undefined;
}
