// QAuthenticator: PyQt6's API over Qt's own QAuthenticator, used on the JS thread directly (a
// reentrant value type). A socket's proxyAuthenticationRequired slot receives one to fill in.
import { inspect, type InspectOptionsStylized } from 'node:util';
import { checkArity, checkSecret, checkString, checkVariant, describe, type VariantInput } from './core/args';
import type { NativeAuthenticator, NativeVariant } from './core/native';
import { native } from './core/runtime';
import { holdsNative, Value, valueKit } from './core/value';

/** An option's value: Qt's QVariant as JS (strings, numbers, booleans, bytes, dates), null for none. */
export type OptionValue = string | number | boolean | Buffer | Date | string[] | null;

// Qt's options hold what setOption() stored and the strings Qt sets itself: never a cookie list,
// the one QVariant result (Buffer[]) that is not an OptionValue.
const asOption = (v: NativeVariant): OptionValue => v as OptionValue;
const optionsOf = (n: NativeAuthenticator): Record<string, OptionValue> =>
  Object.fromEntries(n.options()) as Record<string, OptionValue>;

/**
 * Credentials for a proxy or server: user, password, the realm Qt read from the challenge, and
 * options. A new one is null until something is set (setting even an empty user makes it not null).
 *
 * The password never appears in util.inspect(), console.log() or JSON.stringify() output, nor in
 * an error message: it is read only with password().
 */
export class QAuthenticator extends Value<NativeAuthenticator> {
  constructor();
  constructor(other: QAuthenticator);
  constructor(other?: QAuthenticator) {
    checkArity('QAuthenticator', arguments, 0, 1);
    if (arguments.length === 1 && !(other instanceof QAuthenticator))
      throw new TypeError(`QAuthenticator: argument 'other' must be a QAuthenticator, got ${describe(other)}`);
    super(other === undefined ? new native.QAuthenticator() : new native.QAuthenticator(nativeOf(other)));
  }

  isNull(): boolean {
    checkArity('QAuthenticator.isNull', arguments, 0, 0);
    return nativeOf(this).isNull();
  }

  user(): string {
    checkArity('QAuthenticator.user', arguments, 0, 0);
    return nativeOf(this).user();
  }

  setUser(user: string): void {
    checkArity('QAuthenticator.setUser', arguments, 1, 1);
    nativeOf(this).setUser(checkString('QAuthenticator.setUser', 'user', user));
  }

  password(): string {
    checkArity('QAuthenticator.password', arguments, 0, 0);
    return nativeOf(this).password();
  }

  setPassword(password: string): void {
    checkArity('QAuthenticator.setPassword', arguments, 1, 1);
    nativeOf(this).setPassword(checkSecret('QAuthenticator.setPassword', 'password', password));
  }

  /** Set by Qt from the server's or proxy's challenge (PyQt6 has no setRealm). */
  realm(): string {
    checkArity('QAuthenticator.realm', arguments, 0, 0);
    return nativeOf(this).realm();
  }

  /** null if there is no such option. */
  option(opt: string): OptionValue {
    checkArity('QAuthenticator.option', arguments, 1, 1);
    return asOption(nativeOf(this).option(checkString('QAuthenticator.option', 'opt', opt)));
  }

  /** PyQt6's dict, as a plain object (a fresh copy: changing it changes nothing here). */
  options(): Record<string, OptionValue> {
    checkArity('QAuthenticator.options', arguments, 0, 0);
    return optionsOf(nativeOf(this));
  }

  /**
   * Qt stores the value only if it differs from the current one by QVariant's ==, which compares
   * numbers and booleans by value: after setOption('k', 1), setOption('k', true) keeps 1.
   */
  setOption(opt: string, value: VariantInput): void {
    const method = 'QAuthenticator.setOption';
    checkArity(method, arguments, 2, 2);
    nativeOf(this).setOption(checkString(method, 'opt', opt), checkVariant(method, 'value', value));
  }

  /**
   * Python's `==` (Qt's operator==: user, password, realm, method and options; two null ones are
   * equal, a null one equals no other). False for anything that is not a QAuthenticator.
   */
  equals(other: unknown): boolean {
    checkArity('QAuthenticator.equals', arguments, 1, 1);
    return other instanceof QAuthenticator && nativeOf(this).equals(nativeOf(other));
  }

  /** Everything but the password. */
  toJSON(): { user: string; realm: string; options: Record<string, OptionValue> } {
    const n = nativeOf(this);
    return { user: n.user(), realm: n.realm(), options: optionsOf(n) };
  }

  [inspect.custom](depth: number, options: InspectOptionsStylized, show: typeof inspect): string {
    if (!holdsNative(this)) return 'QAuthenticator {}'; // the prototype itself
    const n = nativeOf(this);
    if (n.isNull()) return 'QAuthenticator()';
    const shown = {
      user: n.user(),
      password: n.password() === '' ? '' : '<hidden>',
      realm: n.realm(),
      options: optionsOf(n),
    };
    return `QAuthenticator ${show(shown, options)}`;
  }
}

// @internal nativeOf: the native object inside an authenticator, for the socket wrappers: a
// proxyAuthenticationRequired slot fills the QAuthenticator made with fromNative() (a copy of the
// addon's), and the socket hands nativeOf() of it back to the addon (UnwrapAuthenticator) once the
// slot returns.
const { nativeOf, fromNative } = valueKit<QAuthenticator, NativeAuthenticator>(QAuthenticator, native.QAuthenticator);
export { nativeOf, fromNative };
