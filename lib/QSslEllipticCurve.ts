// QSslEllipticCurve: PyQt6's API over Qt's own QSslEllipticCurve (an id of the TLS backend's),
// used on the JS thread directly. A name the backend does not know makes an invalid curve.
import { inspect, type InspectOptionsStylized } from 'node:util';
import { checkArity, checkString, describe } from './core/args';
import type { NativeSslEllipticCurve } from './core/native';
import { native } from './core/runtime';
import { holdsNative, Value, valueKit } from './core/value';

/** An elliptic curve for key exchange, by its short ('prime256v1') or long name. */
export class QSslEllipticCurve extends Value<NativeSslEllipticCurve> {
  constructor();
  constructor(other: QSslEllipticCurve);
  constructor(other?: QSslEllipticCurve) {
    checkArity('QSslEllipticCurve', arguments, 0, 1);
    if (arguments.length === 1 && !(other instanceof QSslEllipticCurve))
      throw new TypeError(`QSslEllipticCurve: argument 'other' must be a QSslEllipticCurve, got ${describe(other)}`);
    super(other === undefined ? new native.QSslEllipticCurve() : new native.QSslEllipticCurve(nativeOf(other)));
  }

  /** The curve of OpenSSL's short name ('prime256v1', 'secp384r1'); invalid if there is none. */
  static fromShortName(name: string): QSslEllipticCurve {
    const method = 'QSslEllipticCurve.fromShortName';
    checkArity(method, arguments, 1, 1);
    return adopt(native.QSslEllipticCurve.fromShortName(checkString(method, 'name', name)));
  }

  /** The curve of OpenSSL's long name ('ANSI X9.62 Prime 256v1'); invalid if there is none. */
  static fromLongName(name: string): QSslEllipticCurve {
    const method = 'QSslEllipticCurve.fromLongName';
    checkArity(method, arguments, 1, 1);
    return adopt(native.QSslEllipticCurve.fromLongName(checkString(method, 'name', name)));
  }

  /** '' for an invalid curve. */
  shortName(): string {
    checkArity('QSslEllipticCurve.shortName', arguments, 0, 0);
    return nativeOf(this).shortName();
  }

  longName(): string {
    checkArity('QSslEllipticCurve.longName', arguments, 0, 0);
    return nativeOf(this).longName();
  }

  isValid(): boolean {
    checkArity('QSslEllipticCurve.isValid', arguments, 0, 0);
    return nativeOf(this).isValid();
  }

  /** Whether TLS names this curve (RFC 8422's list), so that a handshake can offer it. */
  isTlsNamedCurve(): boolean {
    checkArity('QSslEllipticCurve.isTlsNamedCurve', arguments, 0, 0);
    return nativeOf(this).isTlsNamedCurve();
  }

  /** Python's `==` (the same curve); false for anything that is not a QSslEllipticCurve. */
  equals(other: unknown): boolean {
    checkArity('QSslEllipticCurve.equals', arguments, 1, 1);
    return other instanceof QSslEllipticCurve && nativeOf(this).equals(nativeOf(other));
  }

  [inspect.custom](depth: number, options: InspectOptionsStylized, show: typeof inspect): string {
    if (!holdsNative(this)) return 'QSslEllipticCurve {}';
    const n = nativeOf(this);
    if (!n.isValid()) return 'QSslEllipticCurve()';
    return `QSslEllipticCurve ${show({ shortName: n.shortName(), longName: n.longName() }, options)}`;
  }
}

// @internal nativeOf: the native curve inside one (read it, don't keep it); fromNative: a
// QSslEllipticCurve holding a copy of a native one.
const { nativeOf, fromNative, adopt } = valueKit<QSslEllipticCurve, NativeSslEllipticCurve>(
  QSslEllipticCurve,
  native.QSslEllipticCurve,
);
export { nativeOf, fromNative, adopt };
