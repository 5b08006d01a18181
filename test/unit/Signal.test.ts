// Signal, exported for a user's own signals (PyQt6's pyqtSignal): connect, emit and disconnect as
// on a socket's signals, and a clear TypeError for bad input.
import { Signal } from '../../lib';

test('a signal of the user: slots run in connection order, disconnect(slot) and disconnect()', () => {
  const valueChanged = new Signal<[number]>('valueChanged');
  const seen: string[] = [];
  const a = (v: number): void => void seen.push(`a${v}`);
  const b = (v: number): void => void seen.push(`b${v}`);
  valueChanged.connect(a);
  valueChanged.connect(b);
  valueChanged.emit(1);
  valueChanged.disconnect(a);
  valueChanged.emit(2);
  expect(() => valueChanged.disconnect(a)).toThrow('valueChanged.disconnect(slot): the slot is not connected');
  valueChanged.disconnect();
  valueChanged.emit(3);
  expect(seen).toEqual(['a1', 'b1', 'b2']);
  expect(valueChanged.connected).toBe(0);
});

test('a name that is not a string is a TypeError naming the argument, not a signal that breaks inspect later', () => {
  const S = Signal as unknown as new (...args: unknown[]) => Signal;
  expect(() => new S(new Proxy(new Uint8Array(2), {}))).toThrow(
    new TypeError("Signal: argument 'name' must be a string, got Uint8Array object"),
  );
  expect(() => new S(42)).toThrow(TypeError);
  expect(() => new S('x', 5)).toThrow("Signal: argument 'owner' must be an object or undefined, got number 5");
  expect(() => new S('x', undefined, 'f')).toThrow(/argument 'watch' must be a function/);
});
