// What the value classes (QHostAddress, QNetworkProxy, QNetworkDatagram...) share: each holds one
// object of the addon's class of the same name (native/value_wrap.h), in a private field no user
// code can reach, and the other modules of the package get at it through the class's kit
// (`nativeOf`, `adopt`, `fromNative`), which its module exports as @internal functions.

let read: <N>(v: Value<N>) => N;
let write: <N>(v: Value<N>, n: N) => void;
let holds: (o: object) => boolean;

/** The base of every value class: it only holds the native object. */
export abstract class Value<N> {
  #n: N;

  static {
    read = <M>(v: Value<M>): M => v.#n;
    write = <M>(v: Value<M>, n: M): void => {
      v.#n = n;
    };
    holds = (o) => #n in o;
  }

  /** `n`: the native object, made by the subclass's constructor (or by adopt, without it). */
  protected constructor(n: N) {
    this.#n = n;
  }
}

/**
 * For a class whose native object is made when first needed (QNetworkRequest from a URL string):
 * `v`, made with none, gets `n`.
 */
export function settleNative<N>(v: Value<N>, n: N): void {
  write(v, n);
}

/**
 * Whether `o` holds a native object: false for a class's prototype and for an object made from it
 * without the constructor, which a custom inspector must show without reading one (inspect with
 * showHidden reaches prototypes).
 */
export function holdsNative(o: object): boolean {
  return holds(o);
}

export interface ValueKit<C, N> {
  /**
   * A C around `n`, which the addon just made and nothing else holds: no copy, and none of C's
   * constructor (no argument checks, no native object made only to be replaced), since these are
   * made per datagram and per event.
   */
  adopt(n: N): C;
  /** The native object inside `v` (read it, don't keep it); a TypeError for anything that is not a C. */
  nativeOf(v: C): N;
  /** A C holding a copy of `n` (made by the addon). */
  fromNative(n: N): C;
}

/** The kit of value class `cls`, whose native class (the addon's, copy constructor included) is `Native`. */
export function valueKit<C extends Value<N>, N>(
  cls: abstract new (...args: never[]) => C,
  Native: new (other: N) => N,
): ValueKit<C, N> {
  // Value's constructor with `cls` as new.target: an object of class `cls` whose field is `n`.
  const adopt = (n: N): C => Reflect.construct(Value, [n], cls) as C;
  return { adopt, nativeOf: read, fromNative: (n) => adopt(new Native(n)) };
}
