// QNetworkInterface: the machine's network interfaces, Qt's own class used on the JS thread
// directly (its static lookups read the system there). QUdpSocket's multicast calls take these.
import { checkArity, checkInt, checkString } from './core/args';
import { native } from './core/runtime';
import { describe } from './core/signal';
import { fromNative as addressFromNative, type QHostAddress } from './QHostAddress';
import { adopt as adoptEntry, type QNetworkAddressEntry } from './QNetworkAddressEntry';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type NativeInterface = any;

export enum InterfaceFlag {
  IsUp = 0x1,
  IsRunning = 0x2,
  CanBroadcast = 0x4,
  IsLoopBack = 0x8,
  IsPointToPoint = 0x10,
  CanMulticast = 0x20,
}

export enum InterfaceType {
  Unknown = 0,
  Loopback = 1,
  Virtual = 2,
  Ethernet = 3,
  Slip = 4,
  CanBus = 5,
  Ppp = 6,
  Fddi = 7,
  Wifi = 8,
  Ieee80211 = 8,
  Phonet = 9,
  Ieee802154 = 10,
  SixLoWPAN = 11,
  Ieee80216 = 12,
  Ieee1394 = 13,
}

let adopting: NativeInterface | undefined;
let nativeOfImpl: (i: QNetworkInterface) => NativeInterface;

export class QNetworkInterface {
  static readonly InterfaceFlag = InterfaceFlag;
  static readonly InterfaceType = InterfaceType;

  readonly #n: NativeInterface;

  static {
    nativeOfImpl = (i) => i.#n;
  }

  /** QNetworkInterface() (invalid) / QNetworkInterface(other). */
  constructor(other?: QNetworkInterface) {
    if (adopting !== undefined) {
      this.#n = adopting;
      adopting = undefined;
      return;
    }
    checkArity('QNetworkInterface', arguments, 0, 1);
    if (arguments.length === 0) this.#n = new native.QNetworkInterface();
    else if (other instanceof QNetworkInterface) this.#n = new native.QNetworkInterface(other.#n);
    else throw new TypeError(`QNetworkInterface: argument 'other' must be a QNetworkInterface, got ${describe(other)}`);
  }

  static allAddresses(): QHostAddress[] {
    checkArity('QNetworkInterface.allAddresses', arguments, 0, 0);
    return (native.QNetworkInterface.allAddresses() as unknown[]).map(addressFromNative);
  }

  static allInterfaces(): QNetworkInterface[] {
    checkArity('QNetworkInterface.allInterfaces', arguments, 0, 0);
    return (native.QNetworkInterface.allInterfaces() as unknown[]).map(adopt);
  }

  static interfaceFromIndex(index: number): QNetworkInterface {
    checkArity('QNetworkInterface.interfaceFromIndex', arguments, 1, 1);
    return adopt(
      native.QNetworkInterface.interfaceFromIndex(
        checkInt('QNetworkInterface.interfaceFromIndex', 'index', index, -(2 ** 31), 2 ** 31 - 1),
      ),
    );
  }

  static interfaceFromName(name: string): QNetworkInterface {
    checkArity('QNetworkInterface.interfaceFromName', arguments, 1, 1);
    return adopt(
      native.QNetworkInterface.interfaceFromName(checkString('QNetworkInterface.interfaceFromName', 'name', name)),
    );
  }

  static interfaceIndexFromName(name: string): number {
    checkArity('QNetworkInterface.interfaceIndexFromName', arguments, 1, 1);
    return native.QNetworkInterface.interfaceIndexFromName(
      checkString('QNetworkInterface.interfaceIndexFromName', 'name', name),
    );
  }

  static interfaceNameFromIndex(index: number): string {
    checkArity('QNetworkInterface.interfaceNameFromIndex', arguments, 1, 1);
    return native.QNetworkInterface.interfaceNameFromIndex(
      checkInt('QNetworkInterface.interfaceNameFromIndex', 'index', index, -(2 ** 31), 2 ** 31 - 1),
    );
  }

  addressEntries(): QNetworkAddressEntry[] {
    return (this.#n.addressEntries() as unknown[]).map(adoptEntry);
  }

  flags(): InterfaceFlag {
    return this.#n.flags();
  }

  hardwareAddress(): string {
    return this.#n.hardwareAddress();
  }

  humanReadableName(): string {
    return this.#n.humanReadableName();
  }

  index(): number {
    return this.#n.index();
  }

  isValid(): boolean {
    return this.#n.isValid();
  }

  maximumTransmissionUnit(): number {
    return this.#n.maximumTransmissionUnit();
  }

  name(): string {
    return this.#n.name();
  }

  type(): InterfaceType {
    return this.#n.type();
  }

  swap(other: QNetworkInterface): void {
    if (!(other instanceof QNetworkInterface))
      throw new TypeError(
        `QNetworkInterface.swap: argument 'other' must be a QNetworkInterface, got ${describe(other)}`,
      );
    this.#n.swap(other.#n);
  }
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace QNetworkInterface {
  type InterfaceFlag = import('./QNetworkInterface').InterfaceFlag;
  type InterfaceType = import('./QNetworkInterface').InterfaceType;
}

/** @internal a QNetworkInterface around `n`, which the addon just made and nothing else holds. */
export function adopt(n: NativeInterface): QNetworkInterface {
  adopting = n;
  return new QNetworkInterface();
}

/** @internal the native object inside `i` (read it, don't keep it). */
export function nativeOf(i: QNetworkInterface): NativeInterface {
  return nativeOfImpl(i);
}
