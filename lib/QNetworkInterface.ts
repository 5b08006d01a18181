// QNetworkInterface: the machine's network interfaces, Qt's own class used on the JS thread
// directly (its static lookups read the system there). QUdpSocket's multicast calls take these.
import { checkArity, checkInt, checkString, describe } from './core/args';
import type { NativeNetworkInterface } from './core/native';
import { native } from './core/runtime';
import { Value, valueKit } from './core/value';
import { fromNative as addressFromNative, type QHostAddress } from './QHostAddress';
import { adopt as adoptEntry, type QNetworkAddressEntry } from './QNetworkAddressEntry';

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

export class QNetworkInterface extends Value<NativeNetworkInterface> {
  static readonly InterfaceFlag = InterfaceFlag;
  static readonly InterfaceType = InterfaceType;

  /** QNetworkInterface() (invalid) / QNetworkInterface(other). */
  constructor(other?: QNetworkInterface) {
    checkArity('QNetworkInterface', arguments, 0, 1);
    if (arguments.length === 1 && !(other instanceof QNetworkInterface))
      throw new TypeError(`QNetworkInterface: argument 'other' must be a QNetworkInterface, got ${describe(other)}`);
    super(other === undefined ? new native.QNetworkInterface() : new native.QNetworkInterface(nativeOf(other)));
  }

  static allAddresses(): QHostAddress[] {
    checkArity('QNetworkInterface.allAddresses', arguments, 0, 0);
    return native.QNetworkInterface.allAddresses().map(addressFromNative);
  }

  static allInterfaces(): QNetworkInterface[] {
    checkArity('QNetworkInterface.allInterfaces', arguments, 0, 0);
    return native.QNetworkInterface.allInterfaces().map(adopt);
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
    return nativeOf(this).addressEntries().map(adoptEntry);
  }

  flags(): InterfaceFlag {
    return nativeOf(this).flags();
  }

  hardwareAddress(): string {
    return nativeOf(this).hardwareAddress();
  }

  humanReadableName(): string {
    return nativeOf(this).humanReadableName();
  }

  index(): number {
    return nativeOf(this).index();
  }

  isValid(): boolean {
    return nativeOf(this).isValid();
  }

  maximumTransmissionUnit(): number {
    return nativeOf(this).maximumTransmissionUnit();
  }

  name(): string {
    return nativeOf(this).name();
  }

  type(): InterfaceType {
    return nativeOf(this).type();
  }

  swap(other: QNetworkInterface): void {
    if (!(other instanceof QNetworkInterface))
      throw new TypeError(
        `QNetworkInterface.swap: argument 'other' must be a QNetworkInterface, got ${describe(other)}`,
      );
    nativeOf(this).swap(nativeOf(other));
  }
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace QNetworkInterface {
  type InterfaceFlag = import('./QNetworkInterface').InterfaceFlag;
  type InterfaceType = import('./QNetworkInterface').InterfaceType;
}

// @internal adopt: a QNetworkInterface around a native one the addon just made; nativeOf: the
// native object inside an interface (read it, don't keep it).
const { adopt, nativeOf } = valueKit<QNetworkInterface, NativeNetworkInterface>(
  QNetworkInterface,
  native.QNetworkInterface,
);
export { adopt, nativeOf };
