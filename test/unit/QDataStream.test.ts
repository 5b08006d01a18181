// QDataStream's and QBuffer's JS side: bad input, the JS value mapping (numbers, bigints,
// QVariant), and the device a stream over a QByteArray writes through. Byte-level parity with
// PyQt6 is test/parity/datastream.test.ts.
import { QBuffer, QByteArray, QDataStream, QHostAddress, QIODevice } from '../../lib';

const writer = (): [QByteArray, QDataStream] => {
  const block = new QByteArray();
  return [block, new QDataStream(block, QIODevice.OpenModeFlag.WriteOnly)];
};
const quietly = <T>(f: () => T): [T, string[]] => {
  const warnings: string[] = [];
  const spy = jest.spyOn(process, 'emitWarning').mockImplementation((w) => void warnings.push(String(w)));
  try {
    return [f(), warnings];
  } finally {
    spy.mockRestore();
  }
};

describe('bad input is a TypeError or RangeError naming the method and the argument', () => {
  test('constructor and settings', () => {
    expect(() => new QDataStream(5 as never)).toThrow(
      new TypeError("QDataStream: argument 'a' must be a QIODevice, QByteArray, Buffer or Uint8Array, got number 5"),
    );
    expect(() => new QDataStream(Buffer.alloc(1) as never, QIODevice.OpenModeFlag.WriteOnly)).toThrow(
      /QDataStream: argument 'a' must be a QByteArray when an open mode is given, got Buffer object/,
    );
    expect(() => new QDataStream(new QByteArray(), 'w' as never)).toThrow(/QDataStream: argument 'flags'/);
    const s = new QDataStream();
    expect(() => s.setByteOrder(2 as never)).toThrow(
      /QDataStream.setByteOrder: argument 'a0' must be a QDataStream.ByteOrder member, got number 2/,
    );
    expect(() => s.setStatus(9 as never)).toThrow(/QDataStream.setStatus: argument 'status'/);
    expect(() => s.setFloatingPointPrecision(-1 as never)).toThrow(TypeError);
    expect(() => s.setVersion(1.5)).toThrow(/QDataStream.setVersion: argument 'a0' must be an integer, got number 1.5/);
    expect(() => s.setDevice('x' as never)).toThrow(/QDataStream.setDevice: argument 'a0' must be a QIODevice or null/);
  });

  test('integers: type and range, 64-bit ones as number or bigint', () => {
    const [, s] = writer();
    expect(() => s.writeInt8(128)).toThrow(
      new RangeError("QDataStream.writeInt8: argument 'i' must be in -128..127, got 128"),
    );
    expect(() => s.writeInt8(1.5)).toThrow(
      new TypeError("QDataStream.writeInt8: argument 'i' must be an integer, got number 1.5"),
    );
    expect(() => s.writeUInt16(-1)).toThrow(RangeError);
    expect(() => s.writeUInt32(2 ** 32)).toThrow(RangeError);
    expect(() => s.writeInt(2 ** 31)).toThrow(/QDataStream.writeInt: argument 'i' must be in/);
    expect(() => s.writeInt64(2n ** 63n)).toThrow(
      /QDataStream.writeInt64: argument 'i' must be in -9223372036854775808..9223372036854775807/,
    );
    expect(() => s.writeUInt64(-1n)).toThrow(RangeError);
    expect(() => s.writeInt64('1' as never)).toThrow(
      /QDataStream.writeInt64: argument 'i' must be an integer \(number or bigint\), got string/,
    );
    expect(() => s.writeUInt64(0.5)).toThrow(TypeError);
    expect(() => (s.writeInt8 as () => void)()).toThrow(TypeError);
  });

  test('other writes', () => {
    const [block, s] = writer();
    expect(() => s.writeBool(1 as never)).toThrow(
      /QDataStream.writeBool: argument 'i' must be a boolean, got number 1/,
    );
    expect(() => s.writeFloat('1' as never)).toThrow(
      /QDataStream.writeFloat: argument 'f' must be a number, got string/,
    );
    expect(() => s.writeQString(5 as never)).toThrow(
      /QDataStream.writeQString: argument 'qstr' must be a string or null/,
    );
    expect(() => s.writeQStringList(['a', 1] as never)).toThrow(
      /argument 'qstrlst' item 1 must be a string, got number 1/,
    );
    expect(() => s.writeQStringList('ab' as never)).toThrow(/argument 'qstrlst' must be an array or iterable/);
    expect(() => s.writeBytes(7 as never)).toThrow(/QDataStream.writeBytes: argument 's' must be a Buffer/);
    expect(() => s.writeRawData(undefined as never)).toThrow(TypeError);
    expect(() => s.writeQHostAddress('1.2.3.4' as never)).toThrow(/QDataStream.writeQHostAddress: argument 'address'/);
    expect(() => s.writeQVariant((() => 1) as never)).toThrow(
      /QDataStream.writeQVariant: argument qvar must be a value a QVariant holds, got function/,
    );
    expect(() => s.writeQVariant({ when: new Date() } as never)).toThrow(/argument qvar.when must be null, a boolean/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = [cyclic];
    expect(() => s.writeQVariant(cyclic as never)).toThrow(/argument qvar.self\[0\] holds itself/);
    expect(() => s.writeQVariant(2n ** 64n)).toThrow(/does not fit 64 bits/);
    expect(() => s.writeQVariantMap([] as never)).toThrow(
      /QDataStream.writeQVariantMap: argument 'qvarmap' must be a plain object/,
    );
    expect(() => s.writeQVariantList(5 as never)).toThrow(TypeError);
    // A bad value deep inside writes nothing at all.
    expect(() => s.writeQVariantList([1, 'two', [Symbol('x')]] as never)).toThrow(/qvarlst\[2\]\[0\]/);
    expect(block.size()).toBe(0);
  });

  test('reads', () => {
    const s = new QDataStream(Buffer.from('00', 'hex'));
    expect(() => s.readRawData(-1)).toThrow(RangeError);
    expect(() => s.skipRawData('1' as never)).toThrow(/QDataStream.skipRawData: argument 'len' must be an integer/);
  });
});

describe('JS values', () => {
  test('64-bit integers: written from a number or a bigint, read as a bigint', () => {
    const [block, out] = writer();
    out.writeInt64(-5);
    out.writeInt64(-(2n ** 63n));
    out.writeUInt64(2 ** 53);
    out.writeUInt64(2n ** 64n - 1n);
    const inp = new QDataStream(block);
    expect([inp.readInt64(), inp.readInt64(), inp.readUInt64(), inp.readUInt64()]).toEqual([
      -5n,
      -(2n ** 63n),
      2n ** 53n,
      2n ** 64n - 1n,
    ]);
    expect(inp.readInt64()).toBe(0n); // past the end: 0, as Qt
    expect(inp.status()).toBe(QDataStream.Status.ReadPastEnd);
  });

  test('a QVariant round trip keeps the JS value (bytes come back as a Buffer, 64-bit integers as numbers when safe)', () => {
    const value = {
      list: [1, -1, 2 ** 31, 2 ** 40, 1.5, 'x', '', null, true, false],
      bytes: Buffer.from([0, 255]),
      qba: QByteArray.from('q'),
      big: 2n ** 62n,
      huge: 2n ** 63n,
      nested: { a: [[]], b: {} },
    };
    const [block, out] = writer();
    out.writeQVariant(value);
    out.writeQVariantHash({ z: 1, a: 2 });
    const inp = new QDataStream(block);
    expect(inp.readQVariant()).toEqual({ ...value, qba: Buffer.from('q') });
    expect(inp.readQVariantHash()).toEqual({ z: 1, a: 2 });
    expect(inp.status()).toBe(QDataStream.Status.Ok);
    expect(inp.atEnd()).toBe(true);
  });

  test('a QVariant of a type with no JS value here (QDate) warns and sets ReadCorruptData', () => {
    // QMetaType::QDate is 14; the Julian day follows as a qint64.
    const inp = new QDataStream(Buffer.from('0000000e00' + '00000000002587c9', 'hex'));
    const [v, warnings] = quietly(() => inp.readQVariant());
    expect(v).toBeNull();
    expect(inp.status()).toBe(QDataStream.Status.ReadCorruptData);
    expect(warnings.join()).toMatch(/QVariant of type 14 has no JS value/);
  });

  test('writeQByteArray and writeQHostAddress take what PyQt6 writes with <<', () => {
    const [block, out] = writer();
    out.writeQByteArray(null);
    out.writeQByteArray(new QByteArray());
    out.writeQByteArray('ab');
    out.writeQHostAddress(QHostAddress.SpecialAddress.LocalHost);
    const inp = new QDataStream(block);
    expect(inp.readUInt32()).toBe(0xffffffff);
    expect(inp.readUInt32()).toBe(0xffffffff);
    expect(inp.readQByteArray()).toEqual(Buffer.from('ab'));
    expect(inp.readQHostAddress().toString()).toBe('127.0.0.1');
    // An IPv4 address 0..6 is an address, not a SpecialAddress member.
    const small = new QDataStream(Buffer.from('0000000005', 'hex'));
    expect(small.readQHostAddress().toString()).toBe('0.0.0.5');
  });
});

describe('the device', () => {
  test('a stream over a QByteArray writes through a QBuffer over that same array', () => {
    const [block, out] = writer();
    const dev = out.device() as QBuffer;
    expect(dev).toBeInstanceOf(QBuffer);
    expect(dev.buffer()).toBe(block);
    out.writeUInt16(0);
    out.writeQString('fortune');
    expect(dev.seek(0)).toBe(true);
    out.writeUInt16(block.size() - 2);
    expect(new QDataStream(block).readUInt16()).toBe(block.size() - 2);
    out.setDevice(null);
    expect(out.device()).toBeNull();
    const [n, warnings] = quietly(() => out.readInt32());
    expect([n, warnings]).toEqual([0, ['QDataStream: No device']]);
  });

  test('new QDataStream(bytes) reads a copy', () => {
    const bytes = Buffer.from('0001', 'hex');
    const inp = new QDataStream(bytes);
    bytes[1] = 9;
    expect(inp.readInt16()).toBe(1);
  });

  test('QBuffer on its own: random access, transactions roll back to where they started', () => {
    const buf = new QBuffer();
    expect(buf.open(QIODevice.OpenModeFlag.ReadWrite)).toBe(true);
    expect(buf.isSequential()).toBe(false);
    expect(buf.write('hello world')).toBe(11);
    expect(buf.seek(6)).toBe(true);
    buf.startTransaction();
    expect(buf.read(3)).toEqual(Buffer.from('wor'));
    buf.rollbackTransaction();
    expect(buf.pos()).toBe(6);
    expect(buf.readAll()).toEqual(Buffer.from('world'));
    expect(buf.atEnd()).toBe(true);
    buf.seek(0);
    expect(buf.readLine()).toEqual(Buffer.from('hello world'));
    expect(buf.data()).toEqual(Buffer.from('hello world'));
    buf.close();
    const [r, warnings] = quietly(() => buf.write('x'));
    expect([r, warnings]).toEqual([-1, ['QIODevice::write (QBuffer): device not open']]);
    expect(() => new QBuffer('x' as never)).toThrow(/QBuffer: argument 'byteArray' must be a QByteArray/);
  });
});
