// QByteArray against PyQt6, live (test/fixtures/parity/value_calls.py runs the same calls), its
// bad input, and that every byte argument of the binding takes one.
import {
  QAuthenticator,
  QByteArray,
  QHostAddress,
  QNetworkDatagram,
  QNetworkProxy,
  QTcpSocket,
  QUdpSocket,
} from '../../lib';
import { describeParity, resultsOf, type Arg, type Scenario } from '../fixtures/parity/value_calls';

const hex = (s: string): Arg => ({ bytes: Buffer.from(s, 'latin1').toString('hex') });
const raw = (s: string): Arg => ({ raw: Buffer.from(s, 'latin1').toString('hex') });
const on = (init: string | null, ...calls: [string, ...Arg[]][]): Scenario => ({
  objects: { a: init === null ? ['QByteArray'] : ['QByteArray', hex(init)] },
  calls: calls.map(([m, ...args]) => ['a', m, ...args]),
});
const statics = (...calls: [string, ...Arg[]][]): Scenario => ({
  objects: {},
  calls: calls.map(([m, ...args]) => ['QByteArray', m, ...args]),
});

const cases: Record<string, Scenario[]> = {
  size: [
    on(null, ['isNull'], ['isEmpty'], ['size'], ['length'], ['count']),
    on('', ['isNull'], ['isEmpty'], ['size']),
    on('abcabc', ['size'], ['count', hex('bc')], ['count', hex('')], ['isEmpty'], ['isNull']),
    on(null, ['append', hex('x')], ['isNull'], ['clear'], ['isNull'], ['size']),
  ],
  parts: [
    on('hello world', ['mid', 6], ['mid', 0, 5], ['mid', 20], ['mid', -3, 5], ['mid', 3, -1], ['mid', 11]),
    on('hello', ['left', 2], ['left', 9], ['left', -1], ['right', 3], ['right', 9], ['right', -2]),
    on('hello', ['first', 2], ['last', 3], ['sliced', 1], ['sliced', 1, 3], ['chopped', 2]),
    on('a,b,,c', ['split', raw(',')], ['indexOf', hex(',')], ['indexOf', hex(','), 2], ['indexOf', hex(','), -2]),
    on('a,b,,c', ['lastIndexOf', hex(',')], ['lastIndexOf', hex(','), 2], ['lastIndexOf', hex('zz')]),
    on(
      'prefix-body',
      ['startsWith', hex('pre')],
      ['startsWith', hex('body')],
      ['endsWith', hex('body')],
      ['contains', hex('x-b')],
    ),
  ],
  changes: [
    on('abc', ['append', hex('def')], ['prepend', hex('>')], ['insert', 2, hex('__')], ['insert', 20, hex('!')]),
    on('abc', ['insert', 1, 3, raw('z')], ['remove', 1, 2], ['remove', 10, 1], ['remove', 0, 100]),
    on('a.b.c', ['replace', hex('.'), hex('::')], ['replace', hex('zz'), hex('y')]),
    on('abcdef', ['chop', 2], ['truncate', 3], ['truncate', 10], ['resize', 5, raw('-')], ['resize', 2]),
    on('abc', ['fill', raw('z')], ['fill', raw('y'), 5], ['repeated', 3], ['repeated', 0]),
  ],
  transformed: [
    on('MiXeD 123', ['toLower'], ['toUpper'], ['isLower'], ['isUpper']),
    on('  \t a  b \n c \r\n', ['trimmed'], ['simplified']),
    on(
      'ab',
      ['leftJustified', 5],
      ['leftJustified', 5, raw('.')],
      ['rightJustified', 5, raw('0')],
      ['leftJustified', 1, raw(' '), true],
    ),
    on('\xff\x00ok', ['isValidUtf8']),
    on('h\xc3\xa9', ['isValidUtf8']),
  ],
  encodings: [
    on('\x00\x10\xab\xff', ['toHex'], ['toHex', raw(':')], ['toBase64']),
    on(
      'any carnal pleas',
      ['toBase64'],
      ['toBase64', { enum: 'Base64Option', v: 2 }],
      ['toBase64', { enum: 'Base64Option', v: 1 }],
    ),
    on('\xfb\xff\xfe', ['toBase64', { enum: 'Base64Option', v: 1 }], ['toBase64', { enum: 'Base64Option', v: 3 }]),
    statics(['fromHex', hex('00ff10')], ['fromHex', hex('A:b-c 1')], ['fromHex', hex('abc')]),
    statics(['fromBase64', hex('aGVsbG8=')], ['fromBase64', hex('aGVs bG8')], ['fromBase64', hex('-_8')]),
    statics(['fromBase64', hex('aGVsbG8=x')], ['fromBase64', hex('aGVsbG8=d29y')], ['fromBase64', hex('a')]),
    statics(
      ['fromBase64Encoding', hex('aGVsbG8=')],
      ['fromBase64Encoding', hex('aGV$bG8='), { enum: 'Base64Option', v: 4 }],
      ['fromBase64Encoding', hex('aGVsbG8'), { enum: 'Base64Option', v: 4 }],
      ['fromBase64Encoding', hex('aGVsbG8=x'), { enum: 'Base64Option', v: 4 }],
      ['fromBase64Encoding', hex('-_8'), { enum: 'Base64Option', v: 1 }],
    ),
    on('a b/ü~', ['toPercentEncoding'], ['toPercentEncoding', hex('/'), hex('~')], ['percentDecoded']),
    statics(['fromPercentEncoding', hex('a%20b%2Fc%zz%4')]),
  ],
  numbers: [
    on('  42 ', ['toInt'], ['toUInt'], ['toShort'], ['toLong'], ['toDouble'], ['toFloat']),
    on('-12', ['toInt'], ['toUInt'], ['toUShort'], ['toLongLong']),
    on('0x1f', ['toInt', 0], ['toInt', 16], ['toInt']),
    on('ff', ['toInt', 16], ['toInt', 36], ['toInt', 10]),
    on('017', ['toInt', 0], ['toInt', 8]),
    on('2147483648', ['toInt'], ['toUInt'], ['toLongLong']),
    on('9223372036854775807', ['toLongLong'], ['toULongLong'], ['toInt']),
    on('18446744073709551615', ['toULongLong'], ['toLongLong']),
    on('18446744073709551616', ['toULongLong'], ['toLongLong']),
    // A MiB of digits: over every range, and read in linear time (it once took minutes).
    on('7'.repeat(1 << 20), ['toUShort'], ['toULongLong', 16]),
    on(`${'0'.repeat(1 << 20)}42`, ['toInt'], ['toShort', 8]),
    on('12abc', ['toInt'], ['toDouble']),
    on('', ['toInt'], ['toDouble']),
    on(' 1.5e3 ', ['toDouble'], ['toFloat'], ['toInt']),
    on('1e39', ['toDouble'], ['toFloat']),
    on('.5', ['toDouble']),
    ...['inf', '-inf', 'nan', 'INF', '1e400', '1e-400', '1e-50', '1.', '+.5e1', '1,5', '1e'].map((t) =>
      on(t, ['toDouble'], ['toFloat']),
    ),
    statics(['number', 255, 16], ['number', -255, 16], ['number', 42], ['number', 7, 2], ['number', 1.5]),
    statics(
      ['number', 0.1],
      ['number', 1234567.5],
      ['number', 0.00001234],
      ['number', -2.5e-7],
      ['number', 3.14159265, 'f', 3],
    ),
    statics(
      ['number', 12345678.9, 'g'],
      ['number', 123.456, 'e', 2],
      ['number', 0.5, 'E'],
      ['number', 1e-10, 'G', 3],
      ['number', 150.5, 'g', 2],
    ),
  ],
  comparing: [
    {
      objects: { a: ['QByteArray', hex('abc')], b: ['QByteArray', hex('abd')], c: ['QByteArray', hex('abc')] },
      calls: [
        ['a', 'equals', { obj: 'b' }],
        ['a', 'equals', { obj: 'c' }],
        ['a', 'compare', { obj: 'b' }],
        ['b', 'compare', { obj: 'a' }],
        ['a', 'compare', { obj: 'c' }],
      ],
    },
  ],
};

describeParity(cases, (answered) => {
  // The comparison is not vacuous: parsing succeeds and fails, and results are bytes, numbers, lists.
  const numbers = resultsOf(answered, 'numbers') as unknown[];
  expect(numbers.some((r) => Array.isArray(r) && r[1] === true)).toBe(true);
  expect(numbers.some((r) => Array.isArray(r) && r[1] === false)).toBe(true);
  expect(resultsOf(answered, 'parts').some((r) => r !== null && typeof r === 'object' && 'bytes' in r)).toBe(true);
  expect(resultsOf(answered, 'encodings').length).toBeGreaterThan(20);
});

describe('JS behaviour', () => {
  test('converts to and from Buffer, copying', () => {
    const buf = Buffer.from('abc');
    const ba = QByteArray.from(buf);
    buf[0] = 0x7a;
    expect(ba.toBuffer()).toEqual(Buffer.from('abc'));
    const out = ba.toBuffer();
    out[0] = 0x7a;
    expect(ba.data()).toEqual(Buffer.from('abc'));
    expect(new QByteArray(new Uint8Array([1, 2])).toBuffer()).toEqual(Buffer.from([1, 2]));
    expect(new QByteArray('é').size()).toBe(2); // a string is its UTF-8
    expect(new QByteArray(3, 'x').toString()).toBe('xxx');
    expect(new QByteArray(2, 0x41).toString()).toBe('AA');
    expect([...QByteArray.from('hi')]).toEqual([0x68, 0x69]);
    expect(QByteArray.from('hi').at(1)).toBe(0x69);
  });

  test('grows as appended to, and a resize after a chop shows zeros, not the old bytes', () => {
    const ba = new QByteArray();
    for (let i = 0; i < 1000; i++) ba.append(i & 0xff);
    expect(ba.size()).toBe(1000);
    expect(ba.at(999)).toBe(999 & 0xff);
    ba.chop(10);
    ba.resize(1000);
    expect(ba.mid(990).toBuffer()).toEqual(Buffer.alloc(10));
  });

  test('bad input is a TypeError or RangeError naming the method and the argument', () => {
    const ba = QByteArray.from('abc');
    expect(() => new QByteArray({} as never)).toThrow(
      new TypeError("QByteArray: argument 'a' must be a Buffer, Uint8Array, QByteArray or string, got Object object"),
    );
    expect(() => new QByteArray(-2, 'x')).toThrow(RangeError);
    expect(() => new QByteArray(3, 'xy')).toThrow(/QByteArray: argument 'c' must be one byte/);
    expect(() => ba.append(256 as never)).toThrow(/QByteArray.append: argument 'c' must be in 0..255, got 256/);
    expect(() => ba.at(3)).toThrow(new RangeError('QByteArray.at: index 3 out of range (size 3)'));
    expect(() => ba.mid('1' as never)).toThrow(/QByteArray.mid: argument 'pos' must be an integer, got string/);
    expect(() => ba.first(4)).toThrow(RangeError);
    expect(() => ba.toInt(1)).toThrow(/argument 'base' must be 0 or 2..36/);
    expect(() => ba.toInt(37)).toThrow(RangeError);
    expect(() => QByteArray.number('1' as never)).toThrow(/QByteArray.number: argument 'n' must be a number or bigint/);
    expect(() => QByteArray.number(1.5, 'x')).toThrow(/argument 'format' must be one of/);
    expect(() => QByteArray.fromHex(5 as never)).toThrow(/QByteArray.fromHex: argument 'hexEncoded'/);
    expect(() => ba.indexOf(null as never)).toThrow(TypeError);
    expect(() => ba.swap('x' as never)).toThrow(/QByteArray.swap: argument 'other' must be a QByteArray/);
  });
});

describe('accepted wherever the binding takes bytes (a copy, so later changes do not leak)', () => {
  test('socket write, datagrams, proxy raw headers, authenticator options', async () => {
    const ba = QByteArray.from('payload');
    const d = new QNetworkDatagram(ba, new QHostAddress('127.0.0.1'), 9);
    ba.append('!');
    expect(d.data()).toEqual(Buffer.from('payload'));
    d.setData(ba);
    expect(d.data()).toEqual(Buffer.from('payload!'));

    const proxy = new QNetworkProxy(QNetworkProxy.ProxyType.HttpProxy, 'proxy.invalid', 8080);
    proxy.setRawHeader(QByteArray.from('X-Test'), QByteArray.from('yes'));
    expect(proxy.hasRawHeader(QByteArray.from('X-Test'))).toBe(true);
    expect(proxy.rawHeader('X-Test')).toEqual(Buffer.from('yes'));

    const auth = new QAuthenticator();
    auth.setOption('blob', QByteArray.from(Buffer.from([1, 2, 3])));
    expect(auth.option('blob')).toEqual(Buffer.from([1, 2, 3]));

    // Unconnected: Qt refuses the write (-1), but the argument is taken, not a TypeError.
    const sock = new QTcpSocket();
    const warned = jest.spyOn(process, 'emitWarning').mockImplementation(() => {});
    try {
      expect(sock.write(QByteArray.from('x'))).toBe(-1);
    } finally {
      warned.mockRestore();
    }
    const udp = new QUdpSocket();
    expect(await udp.bind(new QHostAddress('127.0.0.1'), 0)).toBe(true);
    expect(udp.writeDatagram(QByteArray.from('ping'), new QHostAddress('127.0.0.1'), udp.localPort())).toBe(4);
    udp.close();
  });
});
