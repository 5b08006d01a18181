// A method read from a qtnetwork object comes bound to that object, as a Python attribute read gives a
// bound method: `sock.disconnected.connect(sock.deleteLater)` runs deleteLater on sock, as in PyQt6.
//
// The public methods (lib/core/methods.ts) become accessors on their prototypes whose getter binds the
// method to the object it is read from. Nothing is kept per object: a bound function is made per read
// and dropped with it, as Python makes a bound method per read, so objects that never pass a method
// cost no memory; a call costs one short-lived allocation more (~20 ns). Private and protected
// methods stay plain: the package calls them per event.
//
// As in Python, two reads are equal, not identical: Signal.disconnect(sock.deleteLater) finds the slot
// that connect(sock.deleteLater) made, by object and method. For that, the getter notes its last read
// until the current job ends, and connect tags a slot that is that read (the argument of
// `connect(sock.m)` always is); tagging every read would double a call's cost.
//
// A user's subclass of QObject gets the same for all its own methods, when its first object is made:
// `this.sock.readyRead.connect(this.onReadyRead)` works as `self.sock.readyRead.connect(self.onReadyRead)`.
import { publicMethods } from './methods';

// On a slot connect tagged: the object and the method it binds.
const SELF = Symbol('qtnetwork.self');
const FUNC = Symbol('qtnetwork.func');
// On each converted prototype, itself: a getter that finds `this[PROTO] === this` was read from a
// prototype (`QTcpSocket.prototype.write`, to `.call` it) and gives the method unbound.
const PROTO = Symbol('qtnetwork.proto');

type AnyFunction = (...args: unknown[]) => unknown;
type Tagged = AnyFunction & { [SELF]?: object; [FUNC]?: AnyFunction };

let lastBound: AnyFunction | undefined;
let lastSelf: object | undefined;
let lastFunc: AnyFunction | undefined;
let forgetQueued = false;
const RESOLVED = Promise.resolve();
// The note must not keep an object alive past the job that read it.
function forget(): void {
  forgetQueued = false;
  lastBound = lastSelf = lastFunc = undefined;
}

function note(b: AnyFunction, self: object, fn: AnyFunction): AnyFunction {
  lastBound = b;
  lastSelf = self;
  lastFunc = fn;
  if (!forgetQueued) {
    forgetQueued = true;
    // A promise job: Node's queueMicrotask makes an AsyncResource per call (one per job that reads a method).
    void RESOLVED.then(forget);
  }
  return b;
}

function convert(proto: object, names: readonly string[]): void {
  for (const key of names) {
    const d = Object.getOwnPropertyDescriptor(proto, key);
    if (d === undefined || typeof d.value !== 'function' || !d.configurable) continue;
    defineBound(proto, key, d.value as AnyFunction, d.enumerable);
  }
  Object.defineProperty(proto, PROTO, { value: proto });
}

function defineBound(proto: object, key: string, fn: AnyFunction, enumerable: boolean | undefined): void {
  const get = function (this: { [PROTO]?: object }): AnyFunction {
    if (this[PROTO] === this) return fn;
    return note(fn.bind(this), this, fn);
  };
  getters.set(get, fn);
  Object.defineProperty(proto, key, {
    configurable: true,
    enumerable,
    get,
    // An assignment (`sock.write = ...`, a test's stub) makes an own property, as for a method.
    set(this: object, value: unknown) {
      Object.defineProperty(this, key, { value, writable: true, configurable: true, enumerable: true });
    },
  });
}

/** The trace recorder: each method of `proto` that comes bound on read becomes `wrap(method, name)`. */
export function wrapBoundMethods(proto: object, wrap: (fn: AnyFunction, key: string) => AnyFunction): void {
  for (const key of Object.getOwnPropertyNames(proto)) {
    const d = Object.getOwnPropertyDescriptor(proto, key)!;
    const fn = d.get === undefined ? undefined : getters.get(d.get as AnyFunction);
    if (fn !== undefined) defineBound(proto, key, wrap(fn, key), d.enumerable);
  }
}

// Each getter's method, for reflection (methodAt).
const getters = new WeakMap<AnyFunction, AnyFunction>();

/** The method `proto` defines as `key` (a plain one or one bound on read), else undefined: for reflection. */
export function methodAt(proto: object, key: string | symbol): AnyFunction | undefined {
  const d = Object.getOwnPropertyDescriptor(proto, key);
  if (d === undefined) return undefined;
  if (typeof d.value === 'function') return d.value as AnyFunction;
  return d.get === undefined ? undefined : getters.get(d.get as AnyFunction);
}

function chainToBind(cls: { prototype: object }): object[] {
  const chain: object[] = [];
  for (let p: object | null = cls.prototype; p !== null && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    if (Object.hasOwn(p, PROTO)) break;
    chain.push(p);
  }
  return chain;
}

/** The package's classes, at load: the public methods of `cls` and of its bases come bound on read. */
export function bindMethods(cls: { prototype: object }): void {
  for (const p of chainToBind(cls)) {
    const ctor = (p as { constructor?: { name?: unknown } }).constructor;
    const name = ctor?.name;
    convert(p, typeof name === 'string' && Object.hasOwn(publicMethods, name) ? publicMethods[name] : []);
  }
}

/** For QObject's constructor: a user's subclass's own methods, all of them, when its first object is made. */
export function bindSubclass(target: { prototype: object }): void {
  if (Object.hasOwn(target.prototype, PROTO)) return;
  for (const p of chainToBind(target)) {
    convert(
      p,
      Object.getOwnPropertyNames(p).filter((k) => k !== 'constructor'),
    );
  }
}

/** The method a read gave, unbound, for the read just made: `unbound(this.incomingConnection)`. */
export function unbound<F>(f: F): F {
  return f === lastBound && f !== undefined ? (lastFunc as F) : f;
}

/** What Signal.connect holds for `slot`: tagged with its object and method if it is the last read. */
export function slotFor<S>(slot: S): S {
  if (slot === lastBound && lastBound !== undefined) {
    (slot as Tagged)[SELF] = lastSelf;
    (slot as Tagged)[FUNC] = lastFunc;
  }
  return slot;
}

/** Whether `connected` (held by a signal) is `slot`: identical, or the same method of the same object. */
export function sameSlot(connected: unknown, slot: unknown): boolean {
  if (connected === slot) return true;
  if (typeof connected !== 'function' || typeof slot !== 'function') return false;
  const tagged = (connected as Tagged)[SELF];
  if (tagged === undefined) return false;
  if (SELF in slot) return tagged === (slot as Tagged)[SELF] && (connected as Tagged)[FUNC] === (slot as Tagged)[FUNC];
  return slot === lastBound && tagged === lastSelf && (connected as Tagged)[FUNC] === lastFunc;
}

/** A function that runs `self`'s method `fn`, tagged as a read of it is (a Signal passed as a slot). */
export function bindTo(fn: AnyFunction, self: object): AnyFunction {
  const b = fn.bind(self) as Tagged;
  b[SELF] = self;
  b[FUNC] = fn;
  return b;
}
