// QHostAddress against PyQt6, live: the same inputs, the same answers (Qt's parsing and formatting).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { inspect } from 'node:util';
import { QAbstractSocket, QHostAddress } from '../../lib';

const inputs = [
  '127.0.0.1', '10.1.2.3', '255.255.255.255', '224.0.0.1', '0.0.0.0', '192.168.1.1', '8.8.8.8',
  '::1', '::', 'fe80::1%lo', '::ffff:127.0.0.1', 'fd00::1', 'ff02::1', '2001:db8::1', 'garbage',
  '', '1.2.3', '10.0.0.0/8', '2001:db8::/32', '300.1.1.1',
];

function ours(text: string): Record<string, unknown> {
  const a = new QHostAddress();
  const ok = a.setAddress(text);
  const [subAddr, subLen] = QHostAddress.parseSubnet(text);
  const lh = new QHostAddress(QHostAddress.SpecialAddress.LocalHost);
  return {
    ok, toString: a.toString(), protocol: a.protocol(), scopeId: a.scopeId(), isNull: a.isNull(),
    isLoopback: a.isLoopback(), isMulticast: a.isMulticast(), isBroadcast: a.isBroadcast(),
    isGlobal: a.isGlobal(), isLinkLocal: a.isLinkLocal(), isSiteLocal: a.isSiteLocal(),
    isUniqueLocalUnicast: a.isUniqueLocalUnicast(), toIPv4Address: a.toIPv4Address(),
    toIPv6Address: a.toIPv6Address(), equalsLocalHost: a.equals(lh), isEqualLocalHost: a.isEqual(lh),
    inTen8: a.isInSubnet(new QHostAddress('10.0.0.0'), 8), parseSubnet: [subAddr.toString(), subLen],
  };
}

test('every answer matches PyQt6 for the same inputs', () => {
  const script = path.join(__dirname, '..', 'fixtures', 'parity', 'host_address.py');
  const pyqt = JSON.parse(execFileSync('/usr/bin/python3', [script], { input: JSON.stringify(inputs), encoding: 'utf8' }));
  expect(inputs.map(ours)).toEqual(pyqt);
});

test('constructors, copies and swap are values', () => {
  expect(new QHostAddress(0x7f000001).toString()).toBe('127.0.0.1');
  expect(new QHostAddress(QHostAddress.SpecialAddress.Broadcast).toString()).toBe('255.255.255.255');
  expect(new QHostAddress([...Array(15).fill(0), 1]).toString()).toBe('::1');
  const a = new QHostAddress('1.2.3.4');
  const b = new QHostAddress(a);
  b.setAddress('5.6.7.8');
  expect(a.toString()).toBe('1.2.3.4');
  a.swap(b);
  expect([a.toString(), b.toString()]).toEqual(['5.6.7.8', '1.2.3.4']);
  expect(new QHostAddress('::1').protocol()).toBe(QAbstractSocket.NetworkLayerProtocol.IPv6Protocol);
  expect(a.isInSubnet([new QHostAddress('5.0.0.0'), 8])).toBe(true);
  expect(inspect(a)).toBe('QHostAddress("5.6.7.8")');
  expect(JSON.stringify({ a })).toBe('{"a":"5.6.7.8"}');
  a.clear();
  expect(a.isNull()).toBe(true);
});

test('bad input is a TypeError or RangeError naming the argument', () => {
  expect(() => new QHostAddress(2 ** 32)).toThrow(RangeError);
  expect(() => new QHostAddress({} as never)).toThrow(/argument 'address'/);
  expect(() => new QHostAddress([1, 2, 3])).toThrow(/16 bytes/);
  expect(() => new QHostAddress([...Array(15).fill(0), 256])).toThrow(RangeError);
  expect(() => new QHostAddress('1.2.3.4').isInSubnet(new QHostAddress('1.0.0.0'), 1.5)).toThrow(TypeError);
  expect(() => QHostAddress.parseSubnet(5 as never)).toThrow(/argument 'subnet'/);
  expect(() => new QHostAddress().isEqual('x' as never)).toThrow(TypeError);
});
