// QCryptographicHash: only its Algorithm enum, with PyQt6's values, for QSslCertificate.digest();
// Node's `crypto.createHash` does the hashing itself.

export enum Algorithm {
  Md4 = 0,
  Md5 = 1,
  Sha1 = 2,
  Sha224 = 3,
  Sha256 = 4,
  Sha384 = 5,
  Sha512 = 6,
  Keccak_224 = 7,
  Keccak_256 = 8,
  Keccak_384 = 9,
  Keccak_512 = 10,
  Sha3_224 = 11,
  Sha3_256 = 12,
  Sha3_384 = 13,
  Sha3_512 = 14,
  Blake2b_160 = 15,
  Blake2b_256 = 16,
  Blake2b_384 = 17,
  Blake2b_512 = 18,
  Blake2s_128 = 19,
  Blake2s_160 = 20,
  Blake2s_224 = 21,
  Blake2s_256 = 22,
}

/** PyQt6's `QCryptographicHash.Algorithm.Sha256`; the class's hashing methods are not here. */
export class QCryptographicHash {
  static readonly Algorithm = Algorithm;

  private constructor() {}
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace QCryptographicHash {
  type Algorithm = import('./QCryptographicHash').Algorithm;
}
