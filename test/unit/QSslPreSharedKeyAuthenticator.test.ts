// QSslPreSharedKeyAuthenticator against PyQt6, live (test/fixtures/parity/value_calls.py runs the
// same calls): setters, copies, swap, equality and the limits (0 outside a handshake); and the
// pre-shared key kept out of inspect, JSON and error messages.
import { inspect } from 'node:util';
import { QByteArray, QSslPreSharedKeyAuthenticator } from '../../lib';
import { describeParity, resultsOf, type Scenario } from '../fixtures/parity/value_calls';

const PSK = 'QSslPreSharedKeyAuthenticator';
const SECRET = 'Psk-secret-4711';

const cases: Record<string, Scenario[]> = {
  setters: [
    {
      objects: { a: [PSK], b: [PSK], untouched: [PSK] },
      calls: [
        ['a', 'equals', { obj: 'b' }],
        ['a', 'setIdentity', { utf8: 'client-1' }],
        ['a', 'identity'],
        ['a', 'equals', { obj: 'b' }],
        ['b', 'setIdentity', { raw: '636c69656e742d31' }],
        ['a', 'equals', { obj: 'b' }],
        ['a', 'setPreSharedKey', { raw: '00ff10' }],
        ['a', 'preSharedKey'],
        ['a', 'equals', { obj: 'b' }],
        ['a', 'setIdentity', { raw: '78'.repeat(300) }],
        ['a', 'identity'],
        ['a', 'maximumIdentityLength'],
        ['a', 'maximumPreSharedKeyLength'],
        ['a', 'identityHint'],
        ['a', 'setPreSharedKey', { raw: '' }],
        ['a', 'setIdentity', 5],
        ['a', 'swap', { obj: 'b' }],
        ['a', 'identity'],
      ],
    },
    {
      objects: { a: [PSK], copy: [PSK, { obj: 'a' }] },
      calls: [
        ['a', 'setPreSharedKey', { utf8: 'k' }],
        ['copy', 'preSharedKey'],
        ['a', 'equals', { obj: 'copy' }],
      ],
    },
  ],
};

describeParity(cases, (answered) => {
  const r = resultsOf(answered, 'setters');
  expect(r.slice(0, 6)).toEqual([true, null, { bytes: Buffer.from('client-1').toString('hex') }, false, null, true]);
  expect(r).toContainEqual({ bytes: '78'.repeat(300) });
  expect(r).toContainEqual({ raises: 'TypeError' });
  expect(r.filter((x) => x === 0).length).toBe(2);
});

describe('QSslPreSharedKeyAuthenticator', () => {
  test('takes bytes as a Buffer, a QByteArray or a string (UTF-8)', () => {
    const a = new QSslPreSharedKeyAuthenticator();
    a.setIdentity(new QByteArray('id-é'));
    expect(a.identity()).toEqual(Buffer.from('id-é'));
    a.setPreSharedKey('key');
    expect(a.preSharedKey()).toEqual(Buffer.from('key'));
    a.setPreSharedKey(new Uint8Array([1, 2]));
    expect(a.preSharedKey()).toEqual(Buffer.from([1, 2]));
  });

  test('the pre-shared key stays out of inspect, JSON and error messages', () => {
    const a = new QSslPreSharedKeyAuthenticator();
    a.setIdentity('alice');
    a.setPreSharedKey(SECRET);
    const shown = [
      inspect(a, { showHidden: true, depth: 6 }),
      inspect({ nested: [a] }, { depth: 6 }),
      JSON.stringify(a),
      JSON.stringify({ a }),
    ];
    for (const text of shown) expect(text).not.toContain(SECRET);
    expect(inspect(a)).toContain("preSharedKey: '<hidden>'");
    expect(inspect(a)).toContain(inspect(Buffer.from('alice')));
    for (const wrong of [4711, { key: SECRET }, [SECRET], true]) {
      let message = '';
      try {
        a.setPreSharedKey(wrong as never);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(/QSslPreSharedKeyAuthenticator.setPreSharedKey: argument 'preSharedKey' must be/);
      expect(message).not.toContain(SECRET);
      expect(message).not.toContain('4711');
    }
  });

  test('swap exchanges everything; the copy constructor copies', () => {
    const a = new QSslPreSharedKeyAuthenticator();
    a.setIdentity('a');
    a.setPreSharedKey('ka');
    const b = new QSslPreSharedKeyAuthenticator(a);
    expect(b.equals(a)).toBe(true);
    const c = new QSslPreSharedKeyAuthenticator();
    a.swap(c);
    expect([a.identity().length, c.identity().toString(), c.preSharedKey().toString()]).toEqual([0, 'a', 'ka']);
    expect(() => a.swap({} as never)).toThrow(/argument 'authenticator' must be a QSslPreSharedKeyAuthenticator/);
  });
});
