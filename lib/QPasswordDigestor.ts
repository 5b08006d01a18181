// QPasswordDigestor: PyQt6's namespace of Qt's key derivation functions (PBKDF1 and PBKDF2 of
// RFC 8018), run by Qt on the JS thread. What Qt refuses (an iteration count below 1, a key longer
// than PBKDF1's hash or PBKDF2's limit) gives empty bytes, as in PyQt6.
import { checkArity, checkEnum, checkInt, toBuffer, type BytesInput } from './core/args';
import type { NativeDeriveKey } from './core/native';
import { native } from './core/runtime';
import { Algorithm, type QCryptographicHash } from './QCryptographicHash';

// The checks both functions share; args: the caller's arguments.
function derive(method: string, f: NativeDeriveKey, args: IArguments): Buffer {
  checkArity(method, args, 5, 5);
  const [algorithm, password, salt, iterations, dkLen] = args;
  return f(
    checkEnum(method, 'algorithm', algorithm, Algorithm, 'QCryptographicHash.Algorithm'),
    toBuffer(method, 'password', password),
    toBuffer(method, 'salt', salt),
    checkInt(method, 'iterations', iterations, -(2 ** 31), 2 ** 31 - 1),
    // Qt's quint64, as far as a JS number holds integers exactly.
    checkInt(method, 'dkLen', dkLen, 0, Number.MAX_SAFE_INTEGER),
  );
}

/** Key derivation from a password (PyQt6's QPasswordDigestor namespace: static functions only). */
export class QPasswordDigestor {
  private constructor() {
    throw new TypeError('QPasswordDigestor cannot be instantiated');
  }

  /**
   * PBKDF1: SHA-1 or MD5 only, a salt of exactly 8 bytes, at most the hash's length of key;
   * anything else gives empty bytes (and Qt's warning on stderr), as in PyQt6.
   */
  static deriveKeyPbkdf1(
    algorithm: QCryptographicHash.Algorithm,
    password: BytesInput,
    salt: BytesInput,
    iterations: number,
    dkLen: number,
  ): Buffer;
  static deriveKeyPbkdf1(_algorithm: unknown): Buffer {
    return derive('QPasswordDigestor.deriveKeyPbkdf1', native.QPasswordDigestor.deriveKeyPbkdf1, arguments);
  }

  /** PBKDF2 with HMAC of the given hash. */
  static deriveKeyPbkdf2(
    algorithm: QCryptographicHash.Algorithm,
    password: BytesInput,
    salt: BytesInput,
    iterations: number,
    dkLen: number,
  ): Buffer;
  static deriveKeyPbkdf2(_algorithm: unknown): Buffer {
    return derive('QPasswordDigestor.deriveKeyPbkdf2', native.QPasswordDigestor.deriveKeyPbkdf2, arguments);
  }
}
