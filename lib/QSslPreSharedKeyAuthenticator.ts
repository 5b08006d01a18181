// QSslPreSharedKeyAuthenticator: PyQt6's API over Qt's own QSslPreSharedKeyAuthenticator, used on
// the JS thread directly (a reentrant value type). A socket's preSharedKeyAuthenticationRequired
// slot receives one to fill in; the identity hint and the maximum lengths are the TLS backend's
// (0 outside a handshake).
import { inspect, type InspectOptionsStylized } from 'node:util';
import { checkArity, describe, toBuffer, type BytesInput } from './core/args';
import type { NativeSslPreSharedKeyAuthenticator } from './core/native';
import { native } from './core/runtime';
import { holdsNative, Value, valueKit } from './core/value';

/**
 * The identity and pre-shared key a TLS-PSK handshake asks for.
 *
 * The pre-shared key never appears in util.inspect(), console.log() or JSON.stringify() output,
 * nor in an error message: it is read only with preSharedKey().
 */
export class QSslPreSharedKeyAuthenticator extends Value<NativeSslPreSharedKeyAuthenticator> {
  constructor();
  constructor(authenticator: QSslPreSharedKeyAuthenticator);
  constructor(authenticator?: QSslPreSharedKeyAuthenticator) {
    checkArity('QSslPreSharedKeyAuthenticator', arguments, 0, 1);
    if (arguments.length === 1 && !(authenticator instanceof QSslPreSharedKeyAuthenticator))
      throw new TypeError(
        `QSslPreSharedKeyAuthenticator: argument 'authenticator' must be a QSslPreSharedKeyAuthenticator, got ${describe(authenticator)}`,
      );
    super(
      authenticator === undefined
        ? new native.QSslPreSharedKeyAuthenticator()
        : new native.QSslPreSharedKeyAuthenticator(nativeOf(authenticator)),
    );
  }

  /** The hint the server sent (set by the TLS backend). */
  identityHint(): Buffer {
    checkArity('QSslPreSharedKeyAuthenticator.identityHint', arguments, 0, 0);
    return nativeOf(this).identityHint();
  }

  identity(): Buffer {
    checkArity('QSslPreSharedKeyAuthenticator.identity', arguments, 0, 0);
    return nativeOf(this).identity();
  }

  /** Qt keeps what is given; past maximumIdentityLength() the handshake uses only that much of it. */
  setIdentity(identity: BytesInput): void {
    const method = 'QSslPreSharedKeyAuthenticator.setIdentity';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).setIdentity(toBuffer(method, 'identity', identity));
  }

  maximumIdentityLength(): number {
    checkArity('QSslPreSharedKeyAuthenticator.maximumIdentityLength', arguments, 0, 0);
    return nativeOf(this).maximumIdentityLength();
  }

  preSharedKey(): Buffer {
    checkArity('QSslPreSharedKeyAuthenticator.preSharedKey', arguments, 0, 0);
    return nativeOf(this).preSharedKey();
  }

  /** Qt keeps what is given; past maximumPreSharedKeyLength() the handshake uses only that much of it. */
  setPreSharedKey(preSharedKey: BytesInput): void {
    const method = 'QSslPreSharedKeyAuthenticator.setPreSharedKey';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).setPreSharedKey(secretBytes(method, preSharedKey));
  }

  maximumPreSharedKeyLength(): number {
    checkArity('QSslPreSharedKeyAuthenticator.maximumPreSharedKeyLength', arguments, 0, 0);
    return nativeOf(this).maximumPreSharedKeyLength();
  }

  swap(authenticator: QSslPreSharedKeyAuthenticator): void {
    const method = 'QSslPreSharedKeyAuthenticator.swap';
    checkArity(method, arguments, 1, 1);
    if (!(authenticator instanceof QSslPreSharedKeyAuthenticator))
      throw new TypeError(
        `${method}: argument 'authenticator' must be a QSslPreSharedKeyAuthenticator, got ${describe(authenticator)}`,
      );
    nativeOf(this).swap(nativeOf(authenticator));
  }

  /**
   * Python's `==` (Qt's operator==: identity, hint, key and both maximum lengths); false for
   * anything that is not a QSslPreSharedKeyAuthenticator.
   */
  equals(other: unknown): boolean {
    checkArity('QSslPreSharedKeyAuthenticator.equals', arguments, 1, 1);
    return other instanceof QSslPreSharedKeyAuthenticator && nativeOf(this).equals(nativeOf(other));
  }

  [inspect.custom](depth: number, options: InspectOptionsStylized, show: typeof inspect): string {
    if (!holdsNative(this)) return 'QSslPreSharedKeyAuthenticator {}';
    const n = nativeOf(this);
    const shown = {
      identity: n.identity(),
      identityHint: n.identityHint(),
      preSharedKey: n.preSharedKey().length === 0 ? '' : '<hidden>',
      maximumIdentityLength: n.maximumIdentityLength(),
      maximumPreSharedKeyLength: n.maximumPreSharedKeyLength(),
    };
    return `QSslPreSharedKeyAuthenticator ${show(shown, options)}`;
  }
}

/** toBuffer's check, with a message that says only what type was given, never the value. */
function secretBytes(method: string, v: unknown): Buffer {
  try {
    return toBuffer(method, 'preSharedKey', v);
  } catch {
    const kind = v === null ? 'null' : typeof v === 'object' ? 'an object' : typeof v;
    throw new TypeError(
      `${method}: argument 'preSharedKey' must be a Buffer, Uint8Array, QByteArray or string, got ${kind}`,
    );
  }
}

// @internal nativeOf: the native authenticator inside one, for the socket wrappers: a
// preSharedKeyAuthenticationRequired slot fills the object made with fromNative() (a copy of the
// addon's), and the socket hands nativeOf() of it back to the addon once the slot returns.
const { nativeOf, fromNative } = valueKit<QSslPreSharedKeyAuthenticator, NativeSslPreSharedKeyAuthenticator>(
  QSslPreSharedKeyAuthenticator,
  native.QSslPreSharedKeyAuthenticator,
);
export { nativeOf, fromNative };
