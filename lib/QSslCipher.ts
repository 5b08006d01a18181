// QSslCipher: PyQt6's API over Qt's own QSslCipher, used on the JS thread directly (a reentrant
// value type). A name is looked up among the TLS backend's supported ciphers, as Qt does: an
// unknown one (or one given with another protocol than its own) makes a null cipher.
import { inspect, type InspectOptionsStylized } from 'node:util';
import { checkArity, checkEnum, describe } from './core/args';
import type { NativeSslCipher } from './core/native';
import { native } from './core/runtime';
import { holdsNative, Value, valueKit } from './core/value';
import { SslProtocol, type QSsl } from './QSsl';

/** One of the TLS backend's ciphers, by its OpenSSL name ('ECDHE-RSA-AES128-GCM-SHA256'). */
export class QSslCipher extends Value<NativeSslCipher> {
  constructor();
  constructor(name: string);
  constructor(name: string, protocol: QSsl.SslProtocol);
  constructor(other: QSslCipher);
  constructor(...args: unknown[]) {
    const method = 'QSslCipher';
    checkArity(method, args, 0, 2);
    let n: NativeSslCipher;
    if (args.length === 0) n = new native.QSslCipher();
    else if (args[0] instanceof QSslCipher && args.length === 1) n = new native.QSslCipher(nativeOf(args[0]));
    else if (typeof args[0] !== 'string')
      throw new TypeError(`${method}: argument 'name' must be a string or a QSslCipher, got ${describe(args[0])}`);
    else if (args.length === 1) n = new native.QSslCipher(args[0]);
    else n = new native.QSslCipher(args[0], checkEnum(method, 'protocol', args[1], SslProtocol, 'QSsl.SslProtocol'));
    super(n);
  }

  /** '' for a null cipher. */
  name(): string {
    checkArity('QSslCipher.name', arguments, 0, 0);
    return nativeOf(this).name();
  }

  protocol(): QSsl.SslProtocol {
    checkArity('QSslCipher.protocol', arguments, 0, 0);
    return nativeOf(this).protocol();
  }

  /** OpenSSL's name of the protocol ('TLSv1.2'). */
  protocolString(): string {
    checkArity('QSslCipher.protocolString', arguments, 0, 0);
    return nativeOf(this).protocolString();
  }

  keyExchangeMethod(): string {
    checkArity('QSslCipher.keyExchangeMethod', arguments, 0, 0);
    return nativeOf(this).keyExchangeMethod();
  }

  authenticationMethod(): string {
    checkArity('QSslCipher.authenticationMethod', arguments, 0, 0);
    return nativeOf(this).authenticationMethod();
  }

  encryptionMethod(): string {
    checkArity('QSslCipher.encryptionMethod', arguments, 0, 0);
    return nativeOf(this).encryptionMethod();
  }

  supportedBits(): number {
    checkArity('QSslCipher.supportedBits', arguments, 0, 0);
    return nativeOf(this).supportedBits();
  }

  usedBits(): number {
    checkArity('QSslCipher.usedBits', arguments, 0, 0);
    return nativeOf(this).usedBits();
  }

  isNull(): boolean {
    checkArity('QSslCipher.isNull', arguments, 0, 0);
    return nativeOf(this).isNull();
  }

  swap(other: QSslCipher): void {
    checkArity('QSslCipher.swap', arguments, 1, 1);
    if (!(other instanceof QSslCipher))
      throw new TypeError(`QSslCipher.swap: argument 'other' must be a QSslCipher, got ${describe(other)}`);
    nativeOf(this).swap(nativeOf(other));
  }

  /** Python's `==` (Qt's operator==: name and protocol); false for anything that is not a QSslCipher. */
  equals(other: unknown): boolean {
    checkArity('QSslCipher.equals', arguments, 1, 1);
    return other instanceof QSslCipher && nativeOf(this).equals(nativeOf(other));
  }

  [inspect.custom](depth: number, options: InspectOptionsStylized, show: typeof inspect): string {
    if (!holdsNative(this)) return 'QSslCipher {}';
    const n = nativeOf(this);
    if (n.isNull()) return 'QSslCipher()';
    return `QSslCipher ${show({ name: n.name(), protocolString: n.protocolString() }, options)}`;
  }
}

// @internal nativeOf: the native cipher inside one (read it, don't keep it); fromNative: a
// QSslCipher holding a copy of a native one.
const { nativeOf, fromNative, adopt } = valueKit<QSslCipher, NativeSslCipher>(QSslCipher, native.QSslCipher);
export { nativeOf, fromNative, adopt };
