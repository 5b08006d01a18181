// QNetworkAddressEntry: one address of a network interface (QNetworkInterface.addressEntries()),
// Qt's own class used on the JS thread directly. Qt's lifetimes (QDeadlineTimer) are not wrapped.
import { checkArity, checkEnum, checkInt } from './core/args';
import { native } from './core/runtime';
import { describe } from './core/signal';
import { QHostAddress, fromNative as addressFromNative, nativeOf as nativeOfAddress } from './QHostAddress';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type NativeEntry = any;

export enum DnsEligibilityStatus {
  DnsEligibilityUnknown = -1,
  DnsIneligible = 0,
  DnsEligible = 1,
}

let adopting: NativeEntry | undefined;

export class QNetworkAddressEntry {
  static readonly DnsEligibilityStatus = DnsEligibilityStatus;

  readonly #n: NativeEntry;

  constructor(other?: QNetworkAddressEntry) {
    if (adopting !== undefined) {
      this.#n = adopting;
      adopting = undefined;
      return;
    }
    checkArity('QNetworkAddressEntry', arguments, 0, 1);
    if (arguments.length === 0) this.#n = new native.QNetworkAddressEntry();
    else if (other instanceof QNetworkAddressEntry) this.#n = new native.QNetworkAddressEntry(other.#n);
    else
      throw new TypeError(
        `QNetworkAddressEntry: argument 'other' must be a QNetworkAddressEntry, got ${describe(other)}`,
      );
  }

  private address(method: string, args: IArguments, v: unknown): unknown {
    const name = `QNetworkAddressEntry.${method}`;
    checkArity(name, args, 1, 1);
    return nativeOfAddress(QHostAddress.from(name, 'address', v));
  }

  ip(): QHostAddress {
    return addressFromNative(this.#n.ip());
  }

  setIp(newIp: QHostAddress | QHostAddress.SpecialAddress): void {
    this.#n.setIp(this.address('setIp', arguments, newIp));
  }

  netmask(): QHostAddress {
    return addressFromNative(this.#n.netmask());
  }

  setNetmask(newNetmask: QHostAddress | QHostAddress.SpecialAddress): void {
    this.#n.setNetmask(this.address('setNetmask', arguments, newNetmask));
  }

  broadcast(): QHostAddress {
    return addressFromNative(this.#n.broadcast());
  }

  setBroadcast(newBroadcast: QHostAddress | QHostAddress.SpecialAddress): void {
    this.#n.setBroadcast(this.address('setBroadcast', arguments, newBroadcast));
  }

  prefixLength(): number {
    return this.#n.prefixLength();
  }

  setPrefixLength(length: number): void {
    checkArity('QNetworkAddressEntry.setPrefixLength', arguments, 1, 1);
    this.#n.setPrefixLength(
      checkInt('QNetworkAddressEntry.setPrefixLength', 'length', length, -(2 ** 31), 2 ** 31 - 1),
    );
  }

  dnsEligibility(): DnsEligibilityStatus {
    return this.#n.dnsEligibility();
  }

  setDnsEligibility(status: DnsEligibilityStatus): void {
    checkArity('QNetworkAddressEntry.setDnsEligibility', arguments, 1, 1);
    this.#n.setDnsEligibility(
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
    return this.#n.isLifetimeKnown();
  }

  isPermanent(): boolean {
    return this.#n.isPermanent();
  }

  isTemporary(): boolean {
    return this.#n.isTemporary();
  }

  clearAddressLifetime(): void {
    this.#n.clearAddressLifetime();
  }

  swap(other: QNetworkAddressEntry): void {
    if (!(other instanceof QNetworkAddressEntry))
      throw new TypeError(
        `QNetworkAddressEntry.swap: argument 'other' must be a QNetworkAddressEntry, got ${describe(other)}`,
      );
    this.#n.swap(other.#n);
  }

  /** Python's ==. */
  equals(other: unknown): boolean {
    return other instanceof QNetworkAddressEntry && this.#n.equals(other.#n);
  }
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace QNetworkAddressEntry {
  type DnsEligibilityStatus = import('./QNetworkAddressEntry').DnsEligibilityStatus;
}

/** @internal a QNetworkAddressEntry around `n`, which the addon just made and nothing else holds. */
export function adopt(n: NativeEntry): QNetworkAddressEntry {
  adopting = n;
  return new QNetworkAddressEntry();
}
