// QSslKey: PyQt6's API over Qt's own QSslKey (decoding, encoding with or without a passphrase,
// equality are Qt's, through its OpenSSL backend), used on the JS thread directly: it is a
// reentrant value type. Its key material and passphrases stay out of inspect, JSON and messages.
import { inspect, type InspectOptionsStylized } from 'node:util';
import { checkArity, checkEnum, describe, toSecretBuffer, type BytesInput } from './core/args';
import type { NativeSslKey } from './core/native';
import { native } from './core/runtime';
import { holdsNative, Value, valueKit } from './core/value';
import { EncodingFormat, KeyAlgorithm, KeyType, type QSsl } from './QSsl';
import { dataOrDevice } from './QSslCertificate';
import type { QIODevice } from './core/QIODevice';

function passPhraseArg(method: string, v: unknown): Buffer | null {
  return v === undefined ? null : toSecretBuffer(method, 'passPhrase', v);
}

/** An RSA, DSA, EC or DH key, private or public, as Qt's backend decodes it. */
export class QSslKey extends Value<NativeSslKey> {
  constructor();
  /**
   * Decodes `encoded` (a QIODevice is read to its end), decrypting a PEM private key with
   * passPhrase. What Qt cannot decode or decrypt gives the null key: isNull() is true.
   */
  constructor(
    encoded: BytesInput | QIODevice,
    algorithm: QSsl.KeyAlgorithm,
    encoding?: QSsl.EncodingFormat,
    type?: QSsl.KeyType,
    passPhrase?: BytesInput,
  );
  constructor(other: QSslKey);
  constructor(
    encoded?: BytesInput | QIODevice | QSslKey,
    algorithm?: QSsl.KeyAlgorithm,
    encoding: QSsl.EncodingFormat = EncodingFormat.Pem,
    type: QSsl.KeyType = KeyType.PrivateKey,
    passPhrase?: BytesInput,
  ) {
    const method = 'QSslKey';
    checkArity(method, arguments, 0, 5);
    if (arguments.length === 0) {
      super(new native.QSslKey());
      return;
    }
    if (encoded instanceof QSslKey) {
      if (arguments.length !== 1) throw new TypeError(`${method}: no other argument is taken with a QSslKey to copy`);
      super(new native.QSslKey(nativeOf(encoded)));
      return;
    }
    checkArity(method, arguments, 2, 5);
    super(
      new native.QSslKey(
        dataOrDevice(method, 'encoded', encoded),
        checkEnum(method, 'algorithm', algorithm, KeyAlgorithm, 'QSsl.KeyAlgorithm'),
        checkEnum(method, 'encoding', encoding, EncodingFormat, 'QSsl.EncodingFormat'),
        checkEnum(method, 'type', type, KeyType, 'QSsl.KeyType'),
        passPhraseArg(method, passPhrase),
      ),
    );
  }

  algorithm(): QSsl.KeyAlgorithm {
    checkArity('QSslKey.algorithm', arguments, 0, 0);
    return nativeOf(this).algorithm();
  }

  clear(): void {
    checkArity('QSslKey.clear', arguments, 0, 0);
    nativeOf(this).clear();
  }

  isNull(): boolean {
    checkArity('QSslKey.isNull', arguments, 0, 0);
    return nativeOf(this).isNull();
  }

  /** The key's length in bits; -1 for the null key. */
  length(): number {
    checkArity('QSslKey.length', arguments, 0, 0);
    return nativeOf(this).length();
  }

  type(): QSsl.KeyType {
    checkArity('QSslKey.type', arguments, 0, 0);
    return nativeOf(this).type();
  }

  /** The DER form; Qt gives none (empty) for a private key with a passphrase: DER has no encryption. */
  toDer(passPhrase?: BytesInput): Buffer {
    const method = 'QSslKey.toDer';
    checkArity(method, arguments, 0, 1);
    return nativeOf(this).toDer(passPhraseArg(method, passPhrase));
  }

  /** The PEM form, a private key encrypted with passPhrase when one is given. */
  toPem(passPhrase?: BytesInput): Buffer {
    const method = 'QSslKey.toPem';
    checkArity(method, arguments, 0, 1);
    return nativeOf(this).toPem(passPhraseArg(method, passPhrase));
  }

  swap(other: QSslKey): void {
    const method = 'QSslKey.swap';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).swap(nativeOf(keyArg(method, 'other', other)));
  }

  /** Python's `==` (Qt's operator==: the same algorithm, type, length and DER form); false for a non-key. */
  equals(other: unknown): boolean {
    checkArity('QSslKey.equals', arguments, 1, 1);
    return other instanceof QSslKey && nativeOf(this).equals(nativeOf(other));
  }

  /** What the key is, never its material: { algorithm, type, length, isNull }. */
  toJSON(): { algorithm: string; type: string; length: number; isNull: boolean } {
    const n = nativeOf(this);
    return { algorithm: KeyAlgorithm[n.algorithm()], type: KeyType[n.type()], length: n.length(), isNull: n.isNull() };
  }

  [inspect.custom](depth: number, options: InspectOptionsStylized, show: typeof inspect): string {
    if (!holdsNative(this)) return 'QSslKey {}';
    if (nativeOf(this).isNull()) return 'QSslKey (null)';
    const { algorithm, type, length } = this.toJSON();
    return `QSslKey ${show({ algorithm, type, length }, options)}`;
  }
}

/** @internal A QSslKey argument, or a TypeError naming the method and the argument. */
export function keyArg(method: string, arg: string, v: unknown): QSslKey {
  if (v instanceof QSslKey) return v;
  throw new TypeError(`${method}: argument '${arg}' must be a QSslKey, got ${describe(v)}`);
}

// @internal nativeOf: the native key inside one (read it, don't keep it); adopt: a QSslKey
// around a native one the addon just made; fromNative: around a copy.
const { nativeOf, adopt, fromNative } = valueKit<QSslKey, NativeSslKey>(QSslKey, native.QSslKey);
export { nativeOf, adopt, fromNative };
