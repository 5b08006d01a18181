// QAuthenticator: PyQt6's API over Qt's own QAuthenticator, used on the JS thread directly (a
// reentrant value type). A socket's proxyAuthenticationRequired slot receives one to fill in.
import { inspect, type InspectOptionsStylized } from 'node:util';
import { checkArity, checkSecret, checkString, checkVariant, type VariantInput } from './core/args';
import { native } from './core/runtime';
import { describe } from './core/signal';

/** An option's value: Qt's QVariant as JS (strings, numbers, booleans, bytes, dates), null for none. */
export type OptionValue = string | number | boolean | Buffer | Date | string[] | null;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type NativeAuthenticator = any;

// Set by adopt() for the one constructor call that wraps a native object made by the addon.
let adopting: NativeAuthenticator | undefined;
let nativeOfImpl: (a: QAuthenticator) => NativeAuthenticator;

/**
 * Credentials for a proxy or server: user, password, the realm Qt read from the challenge, and
 * options. A new one is null until something is set (setting even an empty user makes it not null).
 *
 * The password never appears in util.inspect(), console.log() or JSON.stringify() output, nor in
 * an error message: it is read only with password().
 */
export class QAuthenticator {
  readonly #n: NativeAuthenticator;

  static {
    nativeOfImpl = (a) => a.#n;
  }

  constructor();
  constructor(other: QAuthenticator);
  constructor(other?: QAuthenticator) {
    if (adopting !== undefined) {
      this.#n = adopting;
      adopting = undefined;
      return;
    }
    checkArity('QAuthenticator', arguments, 0, 1);
    if (arguments.length === 0) {
      this.#n = new native.QAuthenticator();
    } else if (other instanceof QAuthenticator) {
      this.#n = new native.QAuthenticator(other.#n);
    } else {
      throw new TypeError(`QAuthenticator: argument 'other' must be a QAuthenticator, got ${describe(other)}`);
    }
  }

  isNull(): boolean {
    checkArity('QAuthenticator.isNull', arguments, 0, 0);
    return this.#n.isNull();
  }

  user(): string {
    checkArity('QAuthenticator.user', arguments, 0, 0);
    return this.#n.user();
  }

  setUser(user: string): void {
    checkArity('QAuthenticator.setUser', arguments, 1, 1);
    this.#n.setUser(checkString('QAuthenticator.setUser', 'user', user));
  }

  password(): string {
    checkArity('QAuthenticator.password', arguments, 0, 0);
    return this.#n.password();
  }

  setPassword(password: string): void {
    checkArity('QAuthenticator.setPassword', arguments, 1, 1);
    this.#n.setPassword(checkSecret('QAuthenticator.setPassword', 'password', password));
  }

  /** Set by Qt from the server's or proxy's challenge (PyQt6 has no setRealm). */
  realm(): string {
    checkArity('QAuthenticator.realm', arguments, 0, 0);
    return this.#n.realm();
  }

  /** null if there is no such option. */
  option(opt: string): OptionValue {
    checkArity('QAuthenticator.option', arguments, 1, 1);
    return this.#n.option(checkString('QAuthenticator.option', 'opt', opt));
  }

  /** PyQt6's dict, as a plain object (a fresh copy: changing it changes nothing here). */
  options(): Record<string, OptionValue> {
    checkArity('QAuthenticator.options', arguments, 0, 0);
    return Object.fromEntries(this.#n.options());
  }

  /**
   * Qt stores the value only if it differs from the current one by QVariant's ==, which compares
   * numbers and booleans by value: after setOption('k', 1), setOption('k', true) keeps 1.
   */
  setOption(opt: string, value: VariantInput): void {
    const method = 'QAuthenticator.setOption';
    checkArity(method, arguments, 2, 2);
    this.#n.setOption(checkString(method, 'opt', opt), checkVariant(method, 'value', value));
  }

  /**
   * Python's `==` (Qt's operator==: user, password, realm, method and options; two null ones are
   * equal, a null one equals no other). False for anything that is not a QAuthenticator.
   */
  equals(other: unknown): boolean {
    checkArity('QAuthenticator.equals', arguments, 1, 1);
    return other instanceof QAuthenticator && this.#n.equals(other.#n);
  }

  /** Everything but the password. */
  toJSON(): { user: string; realm: string; options: Record<string, OptionValue> } {
    const n = this.#n;
    return { user: n.user(), realm: n.realm(), options: Object.fromEntries(n.options()) };
  }

  [inspect.custom](depth: number, options: InspectOptionsStylized, show: typeof inspect): string {
    if (!(#n in this)) return 'QAuthenticator {}'; // the prototype itself
    const n = this.#n;
    if (n.isNull()) return 'QAuthenticator()';
    const shown = {
      user: n.user(),
      password: n.password() === '' ? '' : '<hidden>',
      realm: n.realm(),
      options: Object.fromEntries(n.options()),
    };
    return `QAuthenticator ${show(shown, options)}`;
  }
}

/** A QAuthenticator around `n`, which the addon just made and nothing else holds. */
function adopt(n: NativeAuthenticator): QAuthenticator {
  adopting = n;
  return new QAuthenticator();
}

/**
 * @internal the native object inside `a`, for the socket wrappers: a proxyAuthenticationRequired
 * slot fills the QAuthenticator made with fromNative(), and the socket hands nativeOf() of it back
 * to the addon (UnwrapAuthenticator) once the slot returns.
 */
export function nativeOf(a: QAuthenticator): NativeAuthenticator {
  return nativeOfImpl(a);
}

/** @internal a QAuthenticator holding a copy of the native object `n` (made by the addon). */
export function fromNative(n: NativeAuthenticator): QAuthenticator {
  return adopt(new native.QAuthenticator(n));
}
