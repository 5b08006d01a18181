// QNetworkRequest's decompression threshold against PyQt6, live (test/fixtures/parity/value_calls.py
// runs the same calls), and its originating object, which stays on the JS side (Qt's QPointer
// cannot hold a JS object): the same object back, carried by copies and by the reply's request(),
// null once the object is deleted.
import { QNetworkAccessManager, QNetworkRequest, QObject } from '../../lib';
import { describeParity, resultsOf, type Scenario } from '../fixtures/parity/value_calls';
import { nextEmit } from '../helpers';

const cases: Record<string, Scenario[]> = {
  threshold: [
    {
      // c is a copy of a made before a changes.
      objects: { a: ['QNetworkRequest'], b: ['QNetworkRequest'], c: ['QNetworkRequest', { obj: 'a' }] },
      calls: [
        ['a', 'decompressedSafetyCheckThreshold'],
        ['a', 'setDecompressedSafetyCheckThreshold', -1],
        ['a', 'decompressedSafetyCheckThreshold'],
        ['c', 'decompressedSafetyCheckThreshold'],
        ['a', 'equals', { obj: 'b' }],
        ['b', 'setDecompressedSafetyCheckThreshold', -1],
        ['a', 'equals', { obj: 'b' }],
        ['a', 'setDecompressedSafetyCheckThreshold', 0],
        ['a', 'decompressedSafetyCheckThreshold'],
        ['a', 'setDecompressedSafetyCheckThreshold', 2 ** 40],
        ['a', 'decompressedSafetyCheckThreshold'],
        ['a', 'setDecompressedSafetyCheckThreshold', -5],
        ['a', 'decompressedSafetyCheckThreshold'],
        ['a', 'setDecompressedSafetyCheckThreshold', 1.5],
        ['a', 'setDecompressedSafetyCheckThreshold', 'x'],
        ['a', 'decompressedSafetyCheckThreshold'],
      ],
    },
  ],
};

describeParity(cases, (answered) => {
  const r = resultsOf(answered, 'threshold');
  expect(r[0]).toBe(10 * 1024 * 1024);
  expect(r).toContain(2 ** 40);
  expect(r).toContainEqual({ raises: 'TypeError' });
  expect(r.filter((v) => v === true).length).toBe(1);
});

describe('originatingObject', () => {
  test('the same object back; null when none or after setOriginatingObject(null)', () => {
    const r = new QNetworkRequest('http://127.0.0.1:1/');
    expect(r.originatingObject()).toBeNull();
    const o = new QObject();
    r.setOriginatingObject(o);
    expect(r.originatingObject()).toBe(o);
    r.setOriginatingObject(null);
    expect(r.originatingObject()).toBeNull();
  });

  test('copies carry it, swap exchanges it, and == ignores it (as Qt)', () => {
    const a = new QNetworkRequest('http://127.0.0.1:1/');
    const o = new QObject();
    a.setOriginatingObject(o);
    const copy = new QNetworkRequest(a);
    expect(copy.originatingObject()).toBe(o);
    expect(copy.equals(new QNetworkRequest('http://127.0.0.1:1/'))).toBe(true);
    const b = new QNetworkRequest('http://127.0.0.1:2/');
    a.swap(b);
    expect(a.originatingObject()).toBeNull();
    expect(b.originatingObject()).toBe(o);
    expect(b.url().toString()).toBe('http://127.0.0.1:1/');
  });

  test("a reply's request() carries the object of the request it was made from", async () => {
    const nam = new QNetworkAccessManager();
    const o = new QObject();
    const r = new QNetworkRequest('http://127.0.0.1:1/');
    r.setOriginatingObject(o);
    const reply = nam.get(r);
    r.setOriginatingObject(null); // the request is the program's: the reply keeps what it was made with
    expect(reply.request().originatingObject()).toBe(o);
    const [finished] = await nextEmit(nam.finished);
    expect(finished).toBe(reply);
    expect(finished.request().originatingObject()).toBe(o);
    reply.deleteLater();
    nam.deleteLater();
  });

  test('null once the object is deleted (its destroyed signal), as a QPointer', async () => {
    const origin = new QNetworkAccessManager();
    const r = new QNetworkRequest();
    r.setOriginatingObject(origin);
    expect(r.originatingObject()).toBe(origin);
    origin.deleteLater();
    await nextEmit(origin.destroyed);
    expect(r.originatingObject()).toBeNull();
  });

  test('anything but a QObject or null is a TypeError naming the argument', () => {
    const r = new QNetworkRequest();
    expect(() => r.setOriginatingObject({} as never)).toThrow(
      /QNetworkRequest.setOriginatingObject: argument 'object' must be a QObject or null, got/,
    );
    expect(() => r.setOriginatingObject(undefined as never)).toThrow(TypeError);
    expect(() => (r.setOriginatingObject as () => void)()).toThrow(TypeError);
  });
});
