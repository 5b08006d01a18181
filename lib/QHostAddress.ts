// QHostAddress: PyQt6's API over Qt's own QHostAddress (parsing, formatting and classification are
// Qt's), used on the JS thread directly: it is a reentrant value type, so no Qt-thread hop.
import { inspect } from 'node:util';
import { checkArity, checkFlags, checkInt, checkString, describe } from './core/args';
import type { NativeHostAddress } from './core/native';
import { native } from './core/runtime';
import { NetworkLayerProtocol } from './core/socketEnums';
import { holdsNative, Value, valueKit } from './core/value';

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

/** An IPv6 address as PyQt6's 16-tuple: 16 integers 0..255, as an array, Uint8Array or Buffer. */
export type IPv6Bytes = readonly number[] | Uint8Array;

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

// JS cannot tell an enum member from a number, so an integer 0..6 is always a SpecialAddress
// (PyQt6 would read a plain int as an IPv4 address); 0.0.0.0 to 0.0.0.6 are given as strings.
function isSpecial(v: unknown): v is SpecialAddress {
  return typeof v === 'number' && Number.isInteger(v) && v >= SpecialAddress.Null && v <= SpecialAddress.AnyIPv4;
}

function ipv6Bytes(method: string, v: Uint8Array | unknown[]): Uint8Array {
  if (v.length !== 16) throw new TypeError(`${method}: argument 'ip6Addr' must have 16 bytes, got ${v.length}`);
  if (v instanceof Uint8Array) return v;
  // PyQt6 silently keeps the low 8 bits of a byte out of range; we say so instead.
  for (let i = 0; i < 16; i++) checkInt(method, `ip6Addr[${i}]`, v[i], 0, 255);
  return Uint8Array.from(v as number[]);
}

/**
 * An IPv4 or IPv6 address. Where PyQt6 takes `Union[QHostAddress, QHostAddress.SpecialAddress]`,
 * either is accepted. A number 0..6 is a QHostAddress.SpecialAddress member; any other integer up
 * to 0xFFFFFFFF is an IPv4 address.
 */
export class QHostAddress extends Value<NativeHostAddress> {
  static readonly SpecialAddress = SpecialAddress;
  static readonly ConversionModeFlag = ConversionModeFlag;

  constructor();
  constructor(address: QHostAddress.SpecialAddress);
  constructor(ip4Addr: number);
  constructor(address: string);
  constructor(ip6Addr: IPv6Bytes);
  constructor(copy: QHostAddress | QHostAddress.SpecialAddress);
  constructor(address?: QHostAddress | SpecialAddress | number | string | IPv6Bytes) {
    checkArity('QHostAddress', arguments, 0, 1);
    let n: NativeHostAddress;
    if (address instanceof QHostAddress) {
      n = new native.QHostAddress(nativeOf(address));
    } else {
      n = new native.QHostAddress();
      if (arguments.length === 1) assign(n, 'QHostAddress', address);
    }
    super(n);
  }

  /**
   * @internal For the socket classes: an argument PyQt6 types `Union[QHostAddress,
   * QHostAddress.SpecialAddress]`, as a QHostAddress (not a copy: read it, don't keep it).
   */
  static from(method: string, arg: string, v: unknown): QHostAddress {
    if (v instanceof QHostAddress) return v;
    if (isSpecial(v)) return new QHostAddress(v);
    throw new TypeError(
      `${method}: argument '${arg}' must be a QHostAddress or a QHostAddress.SpecialAddress member, got ${describe(v)}`,
    );
  }

  /** setAddress(address: string) → whether Qt parsed it (if not, the address is null). */
  setAddress(address: string): boolean;
  setAddress(address: QHostAddress.SpecialAddress): void;
  setAddress(ip4Addr: number): void;
  setAddress(ip6Addr: IPv6Bytes): void;
  setAddress(address: SpecialAddress | number | string | IPv6Bytes): boolean | void {
    const method = 'QHostAddress.setAddress';
    checkArity(method, arguments, 1, 1);
    return assign(nativeOf(this), method, address);
  }

  clear(): void {
    checkArity('QHostAddress.clear', arguments, 0, 0);
    nativeOf(this).clear();
  }

  isBroadcast(): boolean {
    checkArity('QHostAddress.isBroadcast', arguments, 0, 0);
    return nativeOf(this).isBroadcast();
  }

  isGlobal(): boolean {
    checkArity('QHostAddress.isGlobal', arguments, 0, 0);
    return nativeOf(this).isGlobal();
  }

  isLinkLocal(): boolean {
    checkArity('QHostAddress.isLinkLocal', arguments, 0, 0);
    return nativeOf(this).isLinkLocal();
  }

  isLoopback(): boolean {
    checkArity('QHostAddress.isLoopback', arguments, 0, 0);
    return nativeOf(this).isLoopback();
  }

  isMulticast(): boolean {
    checkArity('QHostAddress.isMulticast', arguments, 0, 0);
    return nativeOf(this).isMulticast();
  }

  isNull(): boolean {
    checkArity('QHostAddress.isNull', arguments, 0, 0);
    return nativeOf(this).isNull();
  }

  isSiteLocal(): boolean {
    checkArity('QHostAddress.isSiteLocal', arguments, 0, 0);
    return nativeOf(this).isSiteLocal();
  }

  isUniqueLocalUnicast(): boolean {
    checkArity('QHostAddress.isUniqueLocalUnicast', arguments, 0, 0);
    return nativeOf(this).isUniqueLocalUnicast();
  }

  /** Flags combine with `|`; PyQt6's default is TolerantConversion. */
  isEqual(
    address: QHostAddress | QHostAddress.SpecialAddress,
    mode: number = ConversionModeFlag.TolerantConversion,
  ): boolean {
    const method = 'QHostAddress.isEqual';
    checkArity(method, arguments, 1, 2);
    const other = QHostAddress.from(method, 'address', address);
    checkFlags(method, 'mode', mode, ConversionModeFlag, 'QHostAddress.ConversionModeFlag');
    return nativeOf(this).isEqual(nativeOf(other), mode);
  }

  /**
   * Python's `==` (Qt's operator==: a strict comparison that ignores the scope id). Like `==`, it
   * is false for anything that is neither a QHostAddress nor a SpecialAddress member.
   */
  equals(other: unknown): boolean {
    checkArity('QHostAddress.equals', arguments, 1, 1);
    if (other instanceof QHostAddress) return nativeOf(this).equals(nativeOf(other));
    if (isSpecial(other)) return nativeOf(this).equals(other);
    return false;
  }

  /**
   * isInSubnet(subnet, netmask) · isInSubnet([subnet, netmask]) (what parseSubnet returns). Any
   * 32-bit netmask is Qt's to judge, as in PyQt6: negative is false, too long is clamped.
   */
  isInSubnet(subnet: QHostAddress | QHostAddress.SpecialAddress, netmask: number): boolean;
  isInSubnet(subnet: readonly [QHostAddress | QHostAddress.SpecialAddress, number]): boolean;
  isInSubnet(
    subnet: QHostAddress | SpecialAddress | readonly [QHostAddress | SpecialAddress, number],
    netmask?: number,
  ): boolean {
    const method = 'QHostAddress.isInSubnet';
    checkArity(method, arguments, 1, 2);
    let address: unknown = subnet;
    if (arguments.length === 1) {
      if (!Array.isArray(subnet) || subnet.length !== 2) {
        throw new TypeError(
          `${method}: argument 'subnet' must be a [QHostAddress, netmask] pair when no netmask is given, got ${describe(subnet)}`,
        );
      }
      [address, netmask] = subnet;
    }
    const addr = QHostAddress.from(method, 'subnet', address);
    const mask = checkInt(method, 'netmask', netmask, INT32_MIN, INT32_MAX);
    return nativeOf(this).isInSubnet(nativeOf(addr), mask);
  }

  /** [address, prefixLength]; [null address, -1] when `subnet` does not parse (no exception). */
  static parseSubnet(subnet: string): [QHostAddress, number] {
    checkArity('QHostAddress.parseSubnet', arguments, 1, 1);
    checkString('QHostAddress.parseSubnet', 'subnet', subnet);
    const [n, len] = native.QHostAddress.parseSubnet(subnet);
    return [adopt(n), len];
  }

  protocol(): NetworkLayerProtocol {
    checkArity('QHostAddress.protocol', arguments, 0, 0);
    return nativeOf(this).protocol();
  }

  scopeId(): string {
    checkArity('QHostAddress.scopeId', arguments, 0, 0);
    return nativeOf(this).scopeId();
  }

  /** Qt keeps a scope id only on IPv6 addresses. */
  setScopeId(id: string): void {
    checkArity('QHostAddress.setScopeId', arguments, 1, 1);
    nativeOf(this).setScopeId(checkString('QHostAddress.setScopeId', 'id', id));
  }

  swap(other: QHostAddress): void {
    checkArity('QHostAddress.swap', arguments, 1, 1);
    if (!(other instanceof QHostAddress))
      throw new TypeError(`QHostAddress.swap: argument 'other' must be a QHostAddress, got ${describe(other)}`);
    nativeOf(this).swap(nativeOf(other));
  }

  /** PyQt6's (address, ok): ok is false (and address 0) unless the address is IPv4 or v4-mapped. */
  toIPv4Address(): [number, boolean] {
    checkArity('QHostAddress.toIPv4Address', arguments, 0, 0);
    return nativeOf(this).toIPv4Address();
  }

  /** PyQt6's 16-tuple of bytes (an IPv4 address comes back v4-mapped). */
  toIPv6Address(): number[] {
    checkArity('QHostAddress.toIPv6Address', arguments, 0, 0);
    return nativeOf(this).toIPv6Address();
  }

  toString(): string {
    checkArity('QHostAddress.toString', arguments, 0, 0);
    return nativeOf(this).toString();
  }

  toJSON(): string {
    return nativeOf(this).toString();
  }

  /** Code that makes an equal address; Any is named because its text, 0.0.0.0, would parse as IPv4. */
  [inspect.custom](): string {
    if (!holdsNative(this)) return 'QHostAddress {}'; // the prototype itself
    const n = nativeOf(this);
    if (n.isNull()) return 'QHostAddress()';
    if (n.protocol() === NetworkLayerProtocol.AnyIPProtocol) return 'QHostAddress(QHostAddress.SpecialAddress.Any)';
    return `QHostAddress(${JSON.stringify(n.toString())})`;
  }
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace QHostAddress {
  type SpecialAddress = import('./QHostAddress').SpecialAddress;
  type ConversionModeFlag = import('./QHostAddress').ConversionModeFlag;
}

function assign(n: NativeHostAddress, method: string, v: unknown): boolean | undefined {
  if (typeof v === 'string') return n.setAddress(v);
  if (isSpecial(v)) return n.setSpecialAddress(v);
  if (typeof v === 'number') return n.setAddress(checkInt(method, 'ip4Addr', v, 0, 0xffffffff));
  if (v instanceof Uint8Array || Array.isArray(v)) return n.setAddress(ipv6Bytes(method, v));
  const copy = method === 'QHostAddress' ? ', a QHostAddress' : '';
  throw new TypeError(
    `${method}: argument 'address' must be a string, an IPv4 address as an integer, 16 bytes${copy} ` +
      `or a QHostAddress.SpecialAddress member, got ${describe(v)}`,
  );
}

// @internal nativeOf: the native object inside an address, for the socket and server wrappers
// (read it, don't keep it); fromNative: a QHostAddress holding a copy of a native one.
const { adopt, nativeOf, fromNative } = valueKit<QHostAddress, NativeHostAddress>(QHostAddress, native.QHostAddress);
export { nativeOf, fromNative };
