// QSslDiffieHellmanParameters: PyQt6's API over Qt's own QSslDiffieHellmanParameters, used on the
// JS thread directly (a reentrant value type). Decoding and the safety check of what was decoded
// are the TLS backend's, as in PyQt6: bad input is not an exception but error() and errorString().
import { inspect, type InspectOptionsStylized } from 'node:util';
import { checkArity, checkEnum, describe, toBuffer, type BytesInput } from './core/args';
import type { NativeSslDiffieHellmanParameters } from './core/native';
import { QIODevice } from './core/QIODevice';
import { native } from './core/runtime';
import { holdsNative, Value, valueKit } from './core/value';
import { EncodingFormat, type QSsl } from './QSsl';

// Not named Error here: that would hide the global Error in this module.
export enum DhError {
  NoError = 0,
  InvalidInputDataError = 1,
  UnsafeParametersError = 2,
}

/** Diffie-Hellman parameters (a prime and a generator) for a TLS server's DHE key exchange. */
export class QSslDiffieHellmanParameters extends Value<NativeSslDiffieHellmanParameters> {
  static readonly Error = DhError;

  constructor();
  constructor(other: QSslDiffieHellmanParameters);
  constructor(other?: QSslDiffieHellmanParameters) {
    checkArity('QSslDiffieHellmanParameters', arguments, 0, 1);
    if (arguments.length === 1 && !(other instanceof QSslDiffieHellmanParameters))
      throw new TypeError(
        `QSslDiffieHellmanParameters: argument 'other' must be a QSslDiffieHellmanParameters, got ${describe(other)}`,
      );
    super(
      other === undefined
        ? new native.QSslDiffieHellmanParameters()
        : new native.QSslDiffieHellmanParameters(nativeOf(other)),
    );
  }

  /** Qt's default parameters (RFC 7919's 2048-bit ffdhe2048 group). */
  static defaultParameters(): QSslDiffieHellmanParameters {
    checkArity('QSslDiffieHellmanParameters.defaultParameters', arguments, 0, 0);
    return adopt(native.QSslDiffieHellmanParameters.defaultParameters());
  }

  /**
   * Parameters from their PEM or DER encoding, or from what a QIODevice (a QBuffer, a socket) has
   * to read (all of it is read, as Qt's device->readAll()). Bad or unsafe input gives parameters
   * whose error() says so. A null device (PyQt6's None) gives the empty parameters, as in Qt.
   */
  static fromEncoded(encoded: BytesInput, encoding?: QSsl.EncodingFormat): QSslDiffieHellmanParameters;
  static fromEncoded(device: QIODevice | null, encoding?: QSsl.EncodingFormat): QSslDiffieHellmanParameters;
  static fromEncoded(
    source: BytesInput | QIODevice | null,
    encoding: QSsl.EncodingFormat = EncodingFormat.Pem,
  ): QSslDiffieHellmanParameters {
    const method = 'QSslDiffieHellmanParameters.fromEncoded';
    checkArity(method, arguments, 1, 2);
    const format = checkEnum(method, 'encoding', encoding, EncodingFormat, 'QSsl.EncodingFormat');
    if (source === null) return new QSslDiffieHellmanParameters();
    const bytes = source instanceof QIODevice ? source.readAll() : toBuffer(method, 'encoded', source);
    return adopt(native.QSslDiffieHellmanParameters.fromEncoded(bytes, format));
  }

  error(): QSslDiffieHellmanParameters.Error {
    checkArity('QSslDiffieHellmanParameters.error', arguments, 0, 0);
    return nativeOf(this).error();
  }

  /** Qt's description of error() ('No error' when there is none). */
  errorString(): string {
    checkArity('QSslDiffieHellmanParameters.errorString', arguments, 0, 0);
    return nativeOf(this).errorString();
  }

  /** Whether these are the default-constructed (empty) parameters. */
  isEmpty(): boolean {
    checkArity('QSslDiffieHellmanParameters.isEmpty', arguments, 0, 0);
    return nativeOf(this).isEmpty();
  }

  /** Whether error() is NoError (empty parameters are valid). */
  isValid(): boolean {
    checkArity('QSslDiffieHellmanParameters.isValid', arguments, 0, 0);
    return nativeOf(this).isValid();
  }

  swap(other: QSslDiffieHellmanParameters): void {
    checkArity('QSslDiffieHellmanParameters.swap', arguments, 1, 1);
    if (!(other instanceof QSslDiffieHellmanParameters))
      throw new TypeError(
        `QSslDiffieHellmanParameters.swap: argument 'other' must be a QSslDiffieHellmanParameters, got ${describe(other)}`,
      );
    nativeOf(this).swap(nativeOf(other));
  }

  /** Python's `==` (Qt's operator==); false for anything that is not a QSslDiffieHellmanParameters. */
  equals(other: unknown): boolean {
    checkArity('QSslDiffieHellmanParameters.equals', arguments, 1, 1);
    return other instanceof QSslDiffieHellmanParameters && nativeOf(this).equals(nativeOf(other));
  }

  [inspect.custom](depth: number, options: InspectOptionsStylized, show: typeof inspect): string {
    if (!holdsNative(this)) return 'QSslDiffieHellmanParameters {}';
    const n = nativeOf(this);
    if (n.isEmpty()) return 'QSslDiffieHellmanParameters()';
    return `QSslDiffieHellmanParameters ${show({ isValid: n.isValid(), errorString: n.errorString() }, options)}`;
  }
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace QSslDiffieHellmanParameters {
  type Error = import('./QSslDiffieHellmanParameters').DhError;
}

// @internal nativeOf: the native parameters inside one (read it, don't keep it); fromNative: a
// QSslDiffieHellmanParameters holding a copy of a native one.
const { nativeOf, fromNative, adopt } = valueKit<QSslDiffieHellmanParameters, NativeSslDiffieHellmanParameters>(
  QSslDiffieHellmanParameters,
  native.QSslDiffieHellmanParameters,
);
export { nativeOf, fromNative, adopt };
