// QPasswordDigestor against PyQt6, live (test/fixtures/parity/value_calls.py runs the same calls):
// PBKDF1 and PBKDF2 for several hashes, lengths and iteration counts, including what Qt refuses
// (an empty result); and PBKDF2 against Node's own crypto.pbkdf2Sync, an independent check.
import { execFileSync } from 'node:child_process';
import { QCryptographicHash, QPasswordDigestor } from '../../lib';
import { describeParity, resultsOf, type Arg, type Scenario } from '../fixtures/parity/value_calls';

const A = QCryptographicHash.Algorithm;
const alg = (v: number): Arg => ({ enum: 'Algorithm', v });
const PD = 'QPasswordDigestor';
const salt8 = { utf8: 'saltsalt' };

const cases: Record<string, Scenario[]> = {
  pbkdf2: [
    {
      objects: {},
      calls: [
        ...[A.Sha1, A.Sha256, A.Sha512, A.Md5, A.Md4, A.Sha3_256, A.Keccak_256, A.Blake2b_256, A.Blake2s_128].map(
          (a): [string, string, ...Arg[]] => [
            PD,
            'deriveKeyPbkdf2',
            alg(a),
            { utf8: 'password' },
            { utf8: 'salt' },
            3,
            40,
          ],
        ),
        [PD, 'deriveKeyPbkdf2', alg(A.Sha1), { raw: '' }, { raw: '' }, 1, 20],
        [PD, 'deriveKeyPbkdf2', alg(A.Sha256), { utf8: 'p' }, { utf8: 's' }, 0, 20],
        [PD, 'deriveKeyPbkdf2', alg(A.Sha256), { utf8: 'p' }, { utf8: 's' }, -1, 20],
        [PD, 'deriveKeyPbkdf2', alg(A.Sha256), { utf8: 'p' }, { utf8: 's' }, 1, 0],
        [PD, 'deriveKeyPbkdf2', alg(A.Sha256), { utf8: 'p' }, { utf8: 's' }, 2 ** 31, 1],
        [PD, 'deriveKeyPbkdf2', alg(A.Sha256), { utf8: 'p' }, { utf8: 's' }, 1, -1],
        [PD, 'deriveKeyPbkdf2', alg(A.Sha256), { utf8: 'p' }, { utf8: 's' }, 1.5, 1],
      ],
    },
  ],
  pbkdf1: [
    {
      objects: {},
      calls: [
        [PD, 'deriveKeyPbkdf1', alg(A.Sha1), { utf8: 'password' }, salt8, 5, 20],
        [PD, 'deriveKeyPbkdf1', alg(A.Md5), { utf8: 'password' }, salt8, 5, 16],
        [PD, 'deriveKeyPbkdf1', alg(A.Md5), { utf8: 'password' }, salt8, 1, 8],
        [PD, 'deriveKeyPbkdf1', alg(A.Md5), { utf8: 'password' }, salt8, 1, 17], // longer than the hash
        [PD, 'deriveKeyPbkdf1', alg(A.Sha256), { utf8: 'password' }, salt8, 1, 16], // not SHA-1 or MD5
        [PD, 'deriveKeyPbkdf1', alg(A.Sha1), { utf8: 'password' }, { utf8: 'salt' }, 1, 16], // not 8 bytes
        [PD, 'deriveKeyPbkdf1', alg(A.Sha1), { utf8: 'password' }, salt8, 0, 16],
      ],
    },
  ],
};

describeParity(cases, (answered) => {
  const keys = (cat: string) => resultsOf(answered, cat) as ({ bytes: string } | { raises: string })[];
  const long = keys('pbkdf2').filter((k) => 'bytes' in k && k.bytes.length === 80);
  expect(new Set(long.map((k) => ('bytes' in k ? k.bytes : ''))).size).toBe(9); // a different key per hash
  expect(keys('pbkdf2')).toContainEqual({ bytes: '' });
  expect(keys('pbkdf2').filter((k) => 'raises' in k).length).toBe(3);
  const p1 = keys('pbkdf1').map((k) => ('bytes' in k ? k.bytes.length / 2 : -1));
  expect(p1).toEqual([20, 16, 8, 0, 0, 0, 0]);
});

describe('QPasswordDigestor', () => {
  test("PBKDF2 equals Node's crypto.pbkdf2Sync for SHA-1, SHA-256 and SHA-512", () => {
    for (const [a, name] of [
      [A.Sha1, 'sha1'],
      [A.Sha256, 'sha256'],
      [A.Sha512, 'sha512'],
    ] as const) {
      const ours = QPasswordDigestor.deriveKeyPbkdf2(a, 'pass word', Buffer.from([0, 1, 2, 255]), 1000, 50);
      // Node's in a process of its own: in this one Qt's TLS backend may have loaded the system's
      // OpenSSL beside Node's (test/certificates.ts nodeCryptoView says why that matters).
      const node = execFileSync(
        process.execPath,
        [
          '-e',
          `process.stdout.write(require('node:crypto').pbkdf2Sync('pass word', Buffer.from([0, 1, 2, 255]), 1000, 50, '${name}').toString('hex'))`,
        ],
        { encoding: 'utf8', timeout: 30000 },
      );
      expect(ours.toString('hex')).toBe(node);
    }
  });

  test('arguments are checked with the function and argument named; it is not a class to make', () => {
    expect(() => QPasswordDigestor.deriveKeyPbkdf2(99 as never, 'p', 's', 1, 1)).toThrow(
      /QPasswordDigestor.deriveKeyPbkdf2: argument 'algorithm' must be a QCryptographicHash.Algorithm member/,
    );
    expect(() => QPasswordDigestor.deriveKeyPbkdf1(A.Sha1, 'p', 's', 2 ** 31, 1)).toThrow(RangeError);
    expect(() => QPasswordDigestor.deriveKeyPbkdf1(A.Sha1, 'p', {} as never, 1, 1)).toThrow(/argument 'salt'/);
    expect(() => (QPasswordDigestor.deriveKeyPbkdf2 as (...a: unknown[]) => Buffer)(A.Sha1, 'p', 's', 1)).toThrow(
      /expected 5 argument/,
    );
    expect(() => new (QPasswordDigestor as unknown as new () => object)()).toThrow(TypeError);
  });
});
