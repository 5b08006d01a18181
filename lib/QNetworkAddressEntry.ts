// QNetworkAddressEntry: one address of a network interface (QNetworkInterface.addressEntries()),
// Qt's own class used on the JS thread directly. Qt's lifetimes (QDeadlineTimer) are not wrapped.
import { checkArity, checkEnum, checkInt, describe } from './core/args';
import type { NativeHostAddress, NativeNetworkAddressEntry } from './core/native';
import { native } from './core/runtime';
import { Value, valueKit } from './core/value';
import { QHostAddress, fromNative as addressFromNative, nativeOf as nativeOfAddress } from './QHostAddress';

export enum DnsEligibilityStatus {
  DnsEligibilityUnknown = -1,
  DnsIneligible = 0,
  DnsEligible = 1,
}

export class QNetworkAddressEntry extends Value<NativeNetworkAddressEntry> {
  static readonly DnsEligibilityStatus = DnsEligibilityStatus;

  constructor(other?: QNetworkAddressEntry) {
    checkArity('QNetworkAddressEntry', arguments, 0, 1);
    if (arguments.length === 1 && !(other instanceof QNetworkAddressEntry))
      throw new TypeError(
        `QNetworkAddressEntry: argument 'other' must be a QNetworkAddressEntry, got ${describe(other)}`,
      );
    super(other === undefined ? new native.QNetworkAddressEntry() : new native.QNetworkAddressEntry(nativeOf(other)));
  }

  private address(method: string, args: IArguments, v: unknown): NativeHostAddress {
    const name = `QNetworkAddressEntry.${method}`;
    checkArity(name, args, 1, 1);
    return nativeOfAddress(QHostAddress.from(name, 'address', v));
  }

  ip(): QHostAddress {
    return addressFromNative(nativeOf(this).ip());
  }

  setIp(newIp: QHostAddress | QHostAddress.SpecialAddress): void {
    nativeOf(this).setIp(this.address('setIp', arguments, newIp));
  }

  netmask(): QHostAddress {
    return addressFromNative(nativeOf(this).netmask());
  }

  setNetmask(newNetmask: QHostAddress | QHostAddress.SpecialAddress): void {
    nativeOf(this).setNetmask(this.address('setNetmask', arguments, newNetmask));
  }

  broadcast(): QHostAddress {
    return addressFromNative(nativeOf(this).broadcast());
  }

  setBroadcast(newBroadcast: QHostAddress | QHostAddress.SpecialAddress): void {
    nativeOf(this).setBroadcast(this.address('setBroadcast', arguments, newBroadcast));
  }

  prefixLength(): number {
    return nativeOf(this).prefixLength();
  }

  setPrefixLength(length: number): void {
    checkArity('QNetworkAddressEntry.setPrefixLength', arguments, 1, 1);
    nativeOf(this).setPrefixLength(
      checkInt('QNetworkAddressEntry.setPrefixLength', 'length', length, -(2 ** 31), 2 ** 31 - 1),
    );
  }

  dnsEligibility(): DnsEligibilityStatus {
    return nativeOf(this).dnsEligibility();
  }

  setDnsEligibility(status: DnsEligibilityStatus): void {
    checkArity('QNetworkAddressEntry.setDnsEligibility', arguments, 1, 1);
    nativeOf(this).setDnsEligibility(
      checkEnum(
        'QNetworkAddressEntry.setDnsEligibility',
        'status',
        status,
        DnsEligibilityStatus,
        'QNetworkAddressEntry.DnsEligibilityStatus',
      ),
    );
  }

  isLifetimeKnown(): boolean {
    return nativeOf(this).isLifetimeKnown();
  }

  isPermanent(): boolean {
    return nativeOf(this).isPermanent();
  }

  isTemporary(): boolean {
    return nativeOf(this).isTemporary();
  }

  clearAddressLifetime(): void {
    nativeOf(this).clearAddressLifetime();
  }

  swap(other: QNetworkAddressEntry): void {
    if (!(other instanceof QNetworkAddressEntry))
      throw new TypeError(
        `QNetworkAddressEntry.swap: argument 'other' must be a QNetworkAddressEntry, got ${describe(other)}`,
      );
    nativeOf(this).swap(nativeOf(other));
  }

  /** Python's ==. */
  equals(other: unknown): boolean {
    return other instanceof QNetworkAddressEntry && nativeOf(this).equals(nativeOf(other));
  }
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace QNetworkAddressEntry {
  type DnsEligibilityStatus = import('./QNetworkAddressEntry').DnsEligibilityStatus;
}

// @internal adopt: a QNetworkAddressEntry around a native one the addon just made
// (QNetworkInterface.addressEntries()).
const { adopt, nativeOf } = valueKit<QNetworkAddressEntry, NativeNetworkAddressEntry>(
  QNetworkAddressEntry,
  native.QNetworkAddressEntry,
);
export { adopt };
