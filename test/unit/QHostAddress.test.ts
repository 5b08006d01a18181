// QHostAddress against PyQt6, live: the same cases, the same answers (Qt's parsing, formatting
// and classification). test/fixtures/parity/host_address.py computes PyQt6's side.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { inspect } from 'node:util';
import { QAbstractSocket, QHostAddress } from '../../lib';

type Spec =
  { str: string } | { ip4: number } | { ip6: number[] } | { special: number } | { copy: Spec } | { subnetOf: string };
type Step = [string, ...unknown[]];

const S = QHostAddress.SpecialAddress;
const texts = [
  '127.0.0.1',
  '10.1.2.3',
  '255.255.255.255',
  '224.0.0.1',
  '0.0.0.0',
  '192.168.1.1',
  '8.8.8.8',
  '169.254.1.1',
  '172.16.5.4',
  '::1',
  '::',
  'fe80::1%lo',
  'fe80::1%eth0',
  '::ffff:127.0.0.1',
  '::ffff:1.2.3.4',
  'fd00::1',
  'fc00::1',
  'ff02::1',
  'fec0::1',
  '2001:db8::1',
  '2001:DB8:0:0:0:0:0:1',
  '1:2:3:4:5:6:7:8',
  '::1.2.3.4',
  'garbage',
  '',
  ' 1.2.3.4 ',
  '1.2.3',
  '1.2.3.4.5',
  '01.02.03.004',
  '0x7f.1',
  '4294967295',
  '10.0.0.0/8',
  '2001:db8::/32',
  '300.1.1.1',
  ':::',
  '1::2::3',
  'fe80::1%',
  '[::1]',
  '\u00e9',
  '1.2.3.4\u0000x',
];
const ip6 = (last: number, first = 0): number[] => [first, ...Array(14).fill(0), last];
const specs: Spec[] = [
  ...texts.map((str) => ({ str })),
  ...[0x7f000001, 0xffffffff, 0xe0000001, 0x0a000001, 7].map((ip4) => ({ ip4 })),
  { ip6: ip6(1) },
  { ip6: ip6(0) },
  { ip6: ip6(1, 0xfe) },
  { ip6: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 127, 0, 0, 1] },
  ...Object.values(S)
    .filter((v): v is number => typeof v === 'number')
    .map((special) => ({ special })),
  { copy: { str: 'fe80::1%lo' } },
  { copy: { special: S.AnyIPv6 } },
  { subnetOf: '10.1.2.3/8' },
  { subnetOf: '2001:db8::1/64' },
  { subnetOf: 'garbage' },
];
const subnets = [
  '10.0.0.0/8',
  '10.1.2.3/8',
  '10.0.0.0/255.0.0.0',
  '10.0.0.0/255.0.255.0',
  '10.0.0.0',
  '10.0.0.0/33',
  '10.0.0.0/-1',
  '2001:db8::/32',
  '2001:db8::/129',
  '::/0',
  '0.0.0.0/0',
  '/8',
  'garbage',
  '',
  '1.2.3.4/',
  '1.2.3.4/ 8',
  '::ffff:10.0.0.0/104',
  'fe80::1%lo/64',
];
const inSubnet = [
  { a: { str: '10.1.2.3' }, subnet: { str: '10.0.0.0' }, netmask: 8 },
  { a: { str: '10.1.2.3' }, subnet: { str: '11.0.0.0' }, netmask: 8 },
  { a: { str: '10.1.2.3' }, subnet: { str: '10.0.0.0' }, netmask: -1 },
  { a: { str: '10.1.2.3' }, subnet: { str: '10.1.2.3' }, netmask: 99 },
  { a: { str: '::ffff:10.1.2.3' }, subnet: { str: '10.0.0.0' }, netmask: 8 },
  { a: { str: '2001:db8::1' }, subnet: { str: '2001:db8::' }, netmask: 32 },
  { a: { str: '2001:db8::1' }, subnet: { str: '10.0.0.0' }, netmask: 8 },
  { a: { str: '127.0.0.1' }, subnet: { special: S.LocalHost }, netmask: 8 },
  { a: { str: '1.2.3.4' }, subnet: { special: S.Any }, netmask: 0 },
  { a: { str: '10.1.2.3' }, subnet: [{ subnetOf: '10.0.0.0/8' }, 8] },
  { a: { special: S.Null }, subnet: { special: S.Null }, netmask: 0 },
];
const pairs: [Spec, Spec][] = [
  [{ str: '127.0.0.1' }, { special: S.LocalHost }],
  [{ str: '::ffff:127.0.0.1' }, { str: '127.0.0.1' }],
  [{ str: '::1' }, { special: S.LocalHostIPv6 }],
  [{ str: '0.0.0.0' }, { special: S.Any }],
  [{ special: S.Any }, { special: S.AnyIPv4 }],
  [{ special: S.Any }, { special: S.AnyIPv6 }],
  [{ str: '::' }, { special: S.AnyIPv6 }],
  [{ str: 'fe80::1%lo' }, { str: 'fe80::1' }],
  [{ special: S.Null }, { special: S.Null }],
  [{ str: '1.2.3.4' }, { ip4: 0x01020304 }],
  [{ str: '::ffff:0.0.0.0' }, { special: S.AnyIPv4 }],
];
const Mode = QHostAddress.ConversionModeFlag;
const modes = [
  undefined,
  Mode.StrictConversion,
  Mode.ConvertV4MappedToIPv4,
  Mode.ConvertUnspecifiedAddress,
  Mode.ConvertLocalHost,
  Mode.ConvertV4MappedToIPv4 | Mode.ConvertLocalHost,
  Mode.TolerantConversion,
];
const steps: { a: Spec; b: Spec; steps: Step[] }[] = [
  {
    a: { str: '1.2.3.4' },
    b: { str: '::1' },
    steps: [['swap'], ['setScopeId', 'eth0'], ['swap'], ['setScopeId', 'lo'], ['clear']],
  },
  {
    a: { str: 'fe80::1%lo' },
    b: { special: S.Null },
    steps: [
      ['setScopeId', ''],
      ['setAddress', { str: 'x' }],
      ['setAddress', { ip4: 0x05060708 }],
      ['setAddress', { special: S.Broadcast }],
      ['setAddress', { ip6: ip6(2) }],
    ],
  },
];

const inputs = {
  profile: specs,
  setAddress: specs.filter((s) => 'str' in s || 'ip4' in s || 'ip6' in s || 'special' in s),
  parseSubnet: subnets,
  isInSubnet: inSubnet,
  isEqual: pairs.flatMap(([a, b]) =>
    modes.flatMap((mode) => [
      { a, b, ...(mode === undefined ? {} : { mode }) },
      { a: b, b: a, ...(mode === undefined ? {} : { mode }) },
    ]),
  ),
  equals: pairs.flatMap(([a, b]) => [
    { a, b },
    { a: b, b: a },
  ]),
  steps,
};

function build(spec: Spec): QHostAddress {
  if ('str' in spec) return new QHostAddress(spec.str);
  if ('ip4' in spec) return new QHostAddress(spec.ip4);
  if ('ip6' in spec) return new QHostAddress(spec.ip6);
  if ('special' in spec) return new QHostAddress(spec.special as QHostAddress.SpecialAddress);
  if ('copy' in spec) return new QHostAddress(build(spec.copy));
  return QHostAddress.parseSubnet(spec.subnetOf)[0];
}

/** An argument typed Union[QHostAddress, SpecialAddress]: a SpecialAddress is passed as itself. */
function union(spec: Spec): QHostAddress | QHostAddress.SpecialAddress {
  return 'special' in spec ? (spec.special as QHostAddress.SpecialAddress) : build(spec);
}

function profile(a: QHostAddress): Record<string, unknown> {
  return {
    toString: a.toString(),
    protocol: a.protocol(),
    scopeId: a.scopeId(),
    isNull: a.isNull(),
    isLoopback: a.isLoopback(),
    isMulticast: a.isMulticast(),
    isBroadcast: a.isBroadcast(),
    isGlobal: a.isGlobal(),
    isLinkLocal: a.isLinkLocal(),
    isSiteLocal: a.isSiteLocal(),
    isUniqueLocalUnicast: a.isUniqueLocalUnicast(),
    toIPv4Address: a.toIPv4Address(),
    toIPv6Address: a.toIPv6Address(),
  };
}

function setAddress(a: QHostAddress, spec: Spec): boolean | null {
  if ('str' in spec) return a.setAddress(spec.str);
  if ('ip4' in spec) a.setAddress(spec.ip4);
  else if ('ip6' in spec) a.setAddress(spec.ip6);
  else if ('special' in spec) a.setAddress(spec.special as QHostAddress.SpecialAddress);
  return null; // Python's None
}

function runSteps(c: (typeof steps)[number]): unknown {
  const a = build(c.a);
  const b = build(c.b);
  const trace: unknown[] = [];
  for (const [op, arg] of c.steps) {
    if (op === 'setAddress') trace.push(setAddress(a, arg as Spec));
    else if (op === 'setScopeId') trace.push((a.setScopeId(arg as string), null));
    else if (op === 'clear') trace.push((a.clear(), null));
    else if (op === 'swap') trace.push((a.swap(b), null));
    trace.push([a.toString(), a.scopeId(), b.toString()]);
  }
  return { trace, a: profile(a), b: profile(b) };
}

const ours = {
  profile: inputs.profile.map((s) => profile(build(s))),
  setAddress: inputs.setAddress.map((s) => {
    const a = new QHostAddress();
    return [setAddress(a, s), profile(a)];
  }),
  parseSubnet: inputs.parseSubnet.map((s) => {
    const [addr, length] = QHostAddress.parseSubnet(s);
    return [addr.toString(), addr.protocol(), length];
  }),
  isInSubnet: inputs.isInSubnet.map((c) => {
    const a = build(c.a);
    if ('netmask' in c) return a.isInSubnet(union(c.subnet as Spec), c.netmask as number);
    const [s, n] = c.subnet as [Spec, number];
    return a.isInSubnet([union(s), n]);
  }),
  isEqual: inputs.isEqual.map((c) =>
    'mode' in c ? build(c.a).isEqual(union(c.b), c.mode) : build(c.a).isEqual(union(c.b)),
  ),
  equals: inputs.equals.map((c) => build(c.a).equals(union(c.b))),
  steps: inputs.steps.map(runSteps),
};

test('every answer matches PyQt6 for the same cases', () => {
  const script = path.join(__dirname, '..', 'fixtures', 'parity', 'host_address.py');
  const pyqt = JSON.parse(
    execFileSync('/usr/bin/python3', [script], { input: JSON.stringify(inputs), encoding: 'utf8' }),
  );
  for (const cat of Object.keys(inputs) as (keyof typeof inputs)[]) {
    // Each case beside its answers, so a mismatch names its input.
    const label = (i: number): unknown => inputs[cat][i];
    expect(ours[cat].map((v, i) => [label(i), v])).toEqual(pyqt[cat].map((v: unknown, i: number) => [label(i), v]));
  }
});

test('the cases exercise what they should (a guard against a vacuous comparison)', () => {
  expect(ours.setAddress.filter(([ok]) => ok === false).length).toBeGreaterThan(5);
  expect(ours.isEqual.filter(Boolean).length).toBeGreaterThan(10);
  expect(ours.isEqual.filter((v) => !v).length).toBeGreaterThan(10);
  expect(ours.parseSubnet.filter(([, , len]) => len === -1).length).toBeGreaterThan(3);
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
