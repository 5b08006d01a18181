// QNetworkDatagram: PyQt6's API over Qt's own QNetworkDatagram, used on the JS thread directly (a
// reentrant value type). A QUdpSocket's receiveDatagram() returns one, writeDatagram() takes one.
import { inspect, type InspectOptionsStylized } from 'node:util';
import { checkArity, checkInt, describe, toBuffer, PORT_MAX, type BytesInput } from './core/args';
import type { NativeNetworkDatagram } from './core/native';
import { native } from './core/runtime';
import { holdsNative, Value, valueKit } from './core/value';
import { QHostAddress, fromNative as addressFromNative, nativeOf as nativeOfAddress } from './QHostAddress';

/**
 * A UDP datagram: its bytes, where it goes (destination), where it came from (sender), its hop
 * limit (TTL) and interface index. Copied on set and get, as in C++.
 */
export class QNetworkDatagram extends Value<NativeNetworkDatagram> {
  /**
   * QNetworkDatagram() / QNetworkDatagram(other) /
   * QNetworkDatagram(data, destinationAddress = QHostAddress(), port = 0)
   */
  constructor();
  constructor(other: QNetworkDatagram);
  constructor(data: BytesInput, destinationAddress?: QHostAddress | QHostAddress.SpecialAddress, port?: number);
  constructor(
    data?: QNetworkDatagram | BytesInput,
    destinationAddress?: QHostAddress | QHostAddress.SpecialAddress,
    port = 0,
  ) {
    const name = 'QNetworkDatagram';
    checkArity(name, arguments, 0, 3);
    let n: NativeNetworkDatagram;
    if (arguments.length === 0) {
      n = new native.QNetworkDatagram();
    } else if (data instanceof QNetworkDatagram) {
      if (arguments.length > 1)
        throw new TypeError(`${name}: QNetworkDatagram(other) takes 1 argument, got ${arguments.length}`);
      n = new native.QNetworkDatagram(nativeOf(data));
    } else {
      const bytes = toBuffer(name, 'data', data);
      const addr =
        destinationAddress === undefined
          ? new QHostAddress()
          : QHostAddress.from(name, 'destinationAddress', destinationAddress);
      n = new native.QNetworkDatagram(bytes, nativeOfAddress(addr), checkInt(name, 'port', port, 0, PORT_MAX));
    }
    super(n);
  }

  private static m(method: string, args: IArguments, min: number, max: number): string {
    const name = `QNetworkDatagram.${method}`;
    checkArity(name, args, min, max);
    return name;
  }

  clear(): void {
    QNetworkDatagram.m('clear', arguments, 0, 0);
    nativeOf(this).clear();
  }

  /** The payload (PyQt6: QByteArray; here a Buffer copy). */
  data(): Buffer {
    QNetworkDatagram.m('data', arguments, 0, 0);
    return nativeOf(this).data();
  }

  setData(data: BytesInput): void {
    const name = QNetworkDatagram.m('setData', arguments, 1, 1);
    nativeOf(this).setData(toBuffer(name, 'data', data));
  }

  destinationAddress(): QHostAddress {
    QNetworkDatagram.m('destinationAddress', arguments, 0, 0);
    return addressFromNative(nativeOf(this).destinationAddress());
  }

  /** -1 when unset, as Qt. */
  destinationPort(): number {
    QNetworkDatagram.m('destinationPort', arguments, 0, 0);
    return nativeOf(this).destinationPort();
  }

  setDestination(address: QHostAddress | QHostAddress.SpecialAddress, port: number): void {
    const name = QNetworkDatagram.m('setDestination', arguments, 2, 2);
    const addr = QHostAddress.from(name, 'address', address);
    nativeOf(this).setDestination(nativeOfAddress(addr), checkInt(name, 'port', port, 0, PORT_MAX));
  }

  senderAddress(): QHostAddress {
    QNetworkDatagram.m('senderAddress', arguments, 0, 0);
    return addressFromNative(nativeOf(this).senderAddress());
  }

  /** -1 when unset, as Qt. */
  senderPort(): number {
    QNetworkDatagram.m('senderPort', arguments, 0, 0);
    return nativeOf(this).senderPort();
  }

  setSender(address: QHostAddress | QHostAddress.SpecialAddress, port = 0): void {
    const name = QNetworkDatagram.m('setSender', arguments, 1, 2);
    const addr = QHostAddress.from(name, 'address', address);
    nativeOf(this).setSender(nativeOfAddress(addr), checkInt(name, 'port', port, 0, PORT_MAX));
  }

  /** The TTL (IPv4) or hop limit (IPv6); -1 means the socket's default. */
  hopLimit(): number {
    QNetworkDatagram.m('hopLimit', arguments, 0, 0);
    return nativeOf(this).hopLimit();
  }

  setHopLimit(count: number): void {
    const name = QNetworkDatagram.m('setHopLimit', arguments, 1, 1);
    nativeOf(this).setHopLimit(checkInt(name, 'count', count, -(2 ** 31), 2 ** 31 - 1));
  }

  interfaceIndex(): number {
    QNetworkDatagram.m('interfaceIndex', arguments, 0, 0);
    return nativeOf(this).interfaceIndex();
  }

  setInterfaceIndex(index: number): void {
    const name = QNetworkDatagram.m('setInterfaceIndex', arguments, 1, 1);
    nativeOf(this).setInterfaceIndex(checkInt(name, 'index', index, 0, 2 ** 32 - 1));
  }

  isNull(): boolean {
    QNetworkDatagram.m('isNull', arguments, 0, 0);
    return nativeOf(this).isNull();
  }

  isValid(): boolean {
    QNetworkDatagram.m('isValid', arguments, 0, 0);
    return nativeOf(this).isValid();
  }

  /**
   * A datagram answering this one: sent back to its sender, from the address it was sent to
   * (unless that was a multicast address), on the same interface — Qt's own makeReply.
   */
  makeReply(payload: BytesInput): QNetworkDatagram {
    const name = QNetworkDatagram.m('makeReply', arguments, 1, 1);
    return adopt(nativeOf(this).makeReply(toBuffer(name, 'payload', payload)));
  }

  swap(other: QNetworkDatagram): void {
    const name = QNetworkDatagram.m('swap', arguments, 1, 1);
    if (!(other instanceof QNetworkDatagram))
      throw new TypeError(`${name}: argument 'other' must be a QNetworkDatagram, got ${describe(other)}`);
    nativeOf(this).swap(nativeOf(other));
  }

  [inspect.custom](depth: number, options: InspectOptionsStylized, show: typeof inspect): string {
    if (!holdsNative(this)) return 'QNetworkDatagram {}'; // the prototype itself
    if (this.isNull()) return 'QNetworkDatagram {}';
    const fields = {
      data: this.data(),
      sender: `${this.senderAddress().toString()}:${this.senderPort()}`,
      destination: `${this.destinationAddress().toString()}:${this.destinationPort()}`,
      hopLimit: this.hopLimit(),
      interfaceIndex: this.interfaceIndex(),
    };
    return `QNetworkDatagram ${show(fields, { ...options, depth: options.depth == null ? options.depth : options.depth - 1 })}`;
  }
}

// @internal adopt: a QNetworkDatagram around a native one the addon just made (a received
// datagram); nativeOf: the native object inside a datagram (read it, don't keep it).
const { adopt, nativeOf } = valueKit<QNetworkDatagram, NativeNetworkDatagram>(
  QNetworkDatagram,
  native.QNetworkDatagram,
);
export { adopt, nativeOf };
