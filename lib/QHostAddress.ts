// QHostAddress: PyQt6's API over Qt's own QHostAddress (parsing, formatting and classification are
// Qt's), used on the JS thread directly.
import { inspect } from 'node:util';
import { checkArity, checkFlags, checkInt, checkString } from './core/args';
import { native } from './core/runtime';
import { describe } from './core/signal';
import { NetworkLayerProtocol } from './core/socketEnums';

export enum SpecialAddress {
  Null = 0,
  Broadcast = 1,
  LocalHost = 2,
  LocalHostIPv6 = 3,
  AnyIPv4 = 6,
  AnyIPv6 = 5,
  Any = 4,
}

export enum ConversionModeFlag {
  ConvertV4MappedToIPv4 = 0x1,
  ConvertV4CompatToIPv4 = 0x2,
  ConvertUnspecifiedAddress = 0x4,
  ConvertLocalHost = 0x8,
  TolerantConversion = 0xff,
  StrictConversion = 0x0,
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type NativeAddress = any;

const nativeKey = Symbol('native');

// Bits of the native predicates() answer.
const enum Is {
  Broadcast = 1 << 0,
  Global = 1 << 1,
  LinkLocal = 1 << 2,
  Loopback = 1 << 3,
  Multicast = 1 << 4,
  Null = 1 << 5,
  SiteLocal = 1 << 6,
  UniqueLocalUnicast = 1 << 7,
}

const SPECIAL_MAX = 6;

function isSpecial(v: unknown): v is SpecialAddress {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= SPECIAL_MAX;
}

function ipv6Bytes(method: string, arg: string, v: unknown): Buffer {
  const bytes = v instanceof Uint8Array ? Array.from(v) : (v as unknown[]);
  if (bytes.length !== 16) throw new TypeError(`${method}: argument '${arg}' must have 16 bytes, got ${bytes.length}`);
  bytes.forEach((b, i) => checkInt(method, `${arg}[${i}]`, b, 0, 255));
  return Buffer.from(bytes as number[]);
}

/**
 * An IPv4 or IPv6 address. Numbers: an integer 0..6 is a QHostAddress.SpecialAddress member (JS
 * cannot tell an enum member from a number); any other integer up to 0xFFFFFFFF is an IPv4
 * address (give 0.0.0.0 to 0.0.0.6 as strings).
 */
export class QHostAddress {
  static readonly SpecialAddress = SpecialAddress;
  static readonly ConversionModeFlag = ConversionModeFlag;

  private readonly [nativeKey]: NativeAddress;

  /**
   * QHostAddress() · QHostAddress(address: SpecialAddress) · QHostAddress(ip4Addr: number) ·
   * QHostAddress(address: string) · QHostAddress(ip6Addr: 16 bytes) · QHostAddress(copy)
   */
  constructor(address?: QHostAddress | SpecialAddress | number | string | ArrayLike<number>) {
    checkArity('QHostAddress', arguments, 0, 1);
    this[nativeKey] = new native.QHostAddress();
    if (address === undefined) return;
    if (address instanceof QHostAddress) this[nativeKey].copyFrom(address[nativeKey]);
    else this.assign('QHostAddress', 'address', address);
  }

  /** Where PyQt6 takes Union[QHostAddress, QHostAddress.SpecialAddress]: either, as a QHostAddress. */
  static from(method: string, arg: string, v: unknown): QHostAddress {
    if (v instanceof QHostAddress) return v;
    if (isSpecial(v)) return new QHostAddress(v);
    throw new TypeError(`${method}: argument '${arg}' must be a QHostAddress or a QHostAddress.SpecialAddress member, got ${describe(v)}`);
  }

  private assign(method: string, arg: string, v: unknown): boolean | void {
    const n = this[nativeKey];
    if (typeof v === 'string') return n.setString(v);
    if (isSpecial(v)) return n.setSpecial(v);
    if (typeof v === 'number') return n.setIPv4(checkInt(method, arg, v, 0, 0xffffffff));
    if (v instanceof Uint8Array || Array.isArray(v)) return n.setIPv6(ipv6Bytes(method, arg, v));
    throw new TypeError(`${method}: argument '${arg}' must be a string, a number, 16 bytes or a QHostAddress.SpecialAddress member, got ${describe(v)}`);
  }

  /** setAddress(address: SpecialAddress | ip4Addr | ip6Addr) → undefined; setAddress(address: string) → whether it parsed. */
  setAddress(address: SpecialAddress | number | string | ArrayLike<number>): boolean | void {
    checkArity('QHostAddress.setAddress', arguments, 1, 1);
    const r = this.assign('QHostAddress.setAddress', 'address', address);
    return typeof address === 'string' ? (r as boolean) : undefined;
  }

  clear(): void {
    this[nativeKey].clear();
  }

  private is(bit: Is): boolean {
    return (this[nativeKey].predicates() & bit) !== 0;
  }

  isBroadcast(): boolean {
    return this.is(Is.Broadcast);
  }

  isGlobal(): boolean {
    return this.is(Is.Global);
  }

  isLinkLocal(): boolean {
    return this.is(Is.LinkLocal);
  }

  isLoopback(): boolean {
    return this.is(Is.Loopback);
  }

  isMulticast(): boolean {
    return this.is(Is.Multicast);
  }

  isNull(): boolean {
    return this.is(Is.Null);
  }

  isSiteLocal(): boolean {
    return this.is(Is.SiteLocal);
  }

  isUniqueLocalUnicast(): boolean {
    return this.is(Is.UniqueLocalUnicast);
  }

  isEqual(address: QHostAddress | SpecialAddress, mode: ConversionModeFlag = ConversionModeFlag.TolerantConversion): boolean {
    checkArity('QHostAddress.isEqual', arguments, 1, 2);
    const other = QHostAddress.from('QHostAddress.isEqual', 'address', address);
    checkFlags('QHostAddress.isEqual', 'mode', mode, ConversionModeFlag, 'QHostAddress.ConversionModeFlag');
    return this[nativeKey].isEqual(other[nativeKey], mode);
  }

  /** Python's ==: Qt's operator==, which is isEqual(other, StrictConversion). */
  equals(other: QHostAddress | SpecialAddress): boolean {
    checkArity('QHostAddress.equals', arguments, 1, 1);
    return this.isEqual(other, ConversionModeFlag.StrictConversion);
  }

  /** isInSubnet(subnet, netmask) · isInSubnet([subnet, netmask]) (what parseSubnet returns). */
  isInSubnet(subnet: QHostAddress | SpecialAddress | [QHostAddress | SpecialAddress, number], netmask?: number): boolean {
    const method = 'QHostAddress.isInSubnet';
    if (Array.isArray(subnet)) {
      checkArity(method, arguments, 1, 1);
      if (subnet.length !== 2) throw new TypeError(`${method}: argument 'subnet' must be a [QHostAddress, netmask] pair`);
      [subnet, netmask] = subnet;
    } else {
      checkArity(method, arguments, 2, 2);
    }
    const addr = QHostAddress.from(method, 'subnet', subnet);
    checkInt(method, 'netmask', netmask, -(2 ** 31), 2 ** 31 - 1);
    return this[nativeKey].isInSubnet(addr[nativeKey], netmask);
  }

  /** [address, prefixLength]; prefixLength is -1 (and the address null) when subnet does not parse. */
  static parseSubnet(subnet: string): [QHostAddress, number] {
    checkArity('QHostAddress.parseSubnet', arguments, 1, 1);
    checkString('QHostAddress.parseSubnet', 'subnet', subnet);
    const [n, len] = native.QHostAddress.parseSubnet(subnet);
    return [fromNative(n), len];
  }

  protocol(): NetworkLayerProtocol {
    return this[nativeKey].protocol();
  }

  scopeId(): string {
    return this[nativeKey].scopeId();
  }

  setScopeId(id: string): void {
    checkString('QHostAddress.setScopeId', 'id', id);
    this[nativeKey].setScopeId(id);
  }

  swap(other: QHostAddress): void {
    if (!(other instanceof QHostAddress)) throw new TypeError(`QHostAddress.swap: argument 'other' must be a QHostAddress, got ${describe(other)}`);
    const tmp = new QHostAddress(this);
    this[nativeKey].copyFrom(other[nativeKey]);
    other[nativeKey].copyFrom(tmp[nativeKey]);
  }

  /** PyQt6: (address, ok). */
  toIPv4Address(): [number, boolean] {
    return this[nativeKey].toIPv4Address();
  }

  /** PyQt6: a 16-tuple of bytes. */
  toIPv6Address(): number[] {
    return this[nativeKey].toIPv6Address();
  }

  toString(): string {
    return this[nativeKey].toString();
  }

  toJSON(): string {
    return this.toString();
  }

  [inspect.custom](): string {
    return `QHostAddress(${JSON.stringify(this.toString())})`;
  }
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace QHostAddress {
  type SpecialAddress = import('./QHostAddress').SpecialAddress;
  type ConversionModeFlag = import('./QHostAddress').ConversionModeFlag;
}

/** @internal the native object, for the socket and server wrappers. */
export function nativeOf(a: QHostAddress): NativeAddress {
  return (a as unknown as Record<symbol, NativeAddress>)[nativeKey];
}

/** @internal a QHostAddress around a native object made by the addon. */
export function fromNative(n: NativeAddress): QHostAddress {
  const a = new QHostAddress();
  nativeOf(a).copyFrom(n);
  return a;
}
