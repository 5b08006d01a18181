// QNetworkDatagram: PyQt6's API over Qt's own QNetworkDatagram, used on the JS thread directly (a
// reentrant value type). A QUdpSocket's receiveDatagram() returns one, writeDatagram() takes one.
import { inspect, type InspectOptionsStylized } from 'node:util';
import { checkArity, checkInt, toBuffer, PORT_MAX } from './core/args';
import { native } from './core/runtime';
import { describe } from './core/signal';
import { QHostAddress, fromNative as addressFromNative, nativeOf as nativeOfAddress } from './QHostAddress';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type NativeDatagram = any;

let adopting: NativeDatagram | undefined;
let nativeOfImpl: (d: QNetworkDatagram) => NativeDatagram;

/**
 * A UDP datagram: its bytes, where it goes (destination), where it came from (sender), its hop
 * limit (TTL) and interface index. Copied on set and get, as in C++.
 */
export class QNetworkDatagram {
  readonly #n: NativeDatagram;

  static {
    nativeOfImpl = (d) => d.#n;
  }

  /**
   * QNetworkDatagram() / QNetworkDatagram(other) /
   * QNetworkDatagram(data, destinationAddress = QHostAddress(), port = 0)
   */
  constructor();
  constructor(other: QNetworkDatagram);
  constructor(
    data: Buffer | Uint8Array | string,
    destinationAddress?: QHostAddress | QHostAddress.SpecialAddress,
    port?: number,
  );
  constructor(
    data?: QNetworkDatagram | Buffer | Uint8Array | string,
    destinationAddress?: QHostAddress | QHostAddress.SpecialAddress,
    port = 0,
  ) {
    if (adopting !== undefined) {
      this.#n = adopting;
      adopting = undefined;
      return;
    }
    const name = 'QNetworkDatagram';
    checkArity(name, arguments, 0, 3);
    if (arguments.length === 0) {
      this.#n = new native.QNetworkDatagram();
    } else if (data instanceof QNetworkDatagram) {
      if (arguments.length > 1)
        throw new TypeError(`${name}: QNetworkDatagram(other) takes 1 argument, got ${arguments.length}`);
      this.#n = new native.QNetworkDatagram(data.#n);
    } else {
      const bytes = toBuffer(name, 'data', data);
      const addr =
        destinationAddress === undefined
          ? new QHostAddress()
          : QHostAddress.from(name, 'destinationAddress', destinationAddress);
      checkInt(name, 'port', port, 0, PORT_MAX);
      this.#n = new native.QNetworkDatagram(bytes, nativeOfAddress(addr), port);
    }
  }

  private static m(method: string, args: IArguments, min: number, max: number): string {
    const name = `QNetworkDatagram.${method}`;
    checkArity(name, args, min, max);
    return name;
  }

  clear(): void {
    QNetworkDatagram.m('clear', arguments, 0, 0);
    this.#n.clear();
  }

  /** The payload (PyQt6: QByteArray; here a Buffer copy). */
  data(): Buffer {
    QNetworkDatagram.m('data', arguments, 0, 0);
    return this.#n.data();
  }

  setData(data: Buffer | Uint8Array | string): void {
    const name = QNetworkDatagram.m('setData', arguments, 1, 1);
    this.#n.setData(toBuffer(name, 'data', data));
  }

  destinationAddress(): QHostAddress {
    QNetworkDatagram.m('destinationAddress', arguments, 0, 0);
    return addressFromNative(this.#n.destinationAddress());
  }

  /** -1 when unset, as Qt. */
  destinationPort(): number {
    QNetworkDatagram.m('destinationPort', arguments, 0, 0);
    return this.#n.destinationPort();
  }

  setDestination(address: QHostAddress | QHostAddress.SpecialAddress, port: number): void {
    const name = QNetworkDatagram.m('setDestination', arguments, 2, 2);
    const addr = QHostAddress.from(name, 'address', address);
    this.#n.setDestination(nativeOfAddress(addr), checkInt(name, 'port', port, 0, PORT_MAX));
  }

  senderAddress(): QHostAddress {
    QNetworkDatagram.m('senderAddress', arguments, 0, 0);
    return addressFromNative(this.#n.senderAddress());
  }

  /** -1 when unset, as Qt. */
  senderPort(): number {
    QNetworkDatagram.m('senderPort', arguments, 0, 0);
    return this.#n.senderPort();
  }

  setSender(address: QHostAddress | QHostAddress.SpecialAddress, port = 0): void {
    const name = QNetworkDatagram.m('setSender', arguments, 1, 2);
    const addr = QHostAddress.from(name, 'address', address);
    this.#n.setSender(nativeOfAddress(addr), checkInt(name, 'port', port, 0, PORT_MAX));
  }

  /** The TTL (IPv4) or hop limit (IPv6); -1 means the socket's default. */
  hopLimit(): number {
    QNetworkDatagram.m('hopLimit', arguments, 0, 0);
    return this.#n.hopLimit();
  }

  setHopLimit(count: number): void {
    const name = QNetworkDatagram.m('setHopLimit', arguments, 1, 1);
    this.#n.setHopLimit(checkInt(name, 'count', count, -(2 ** 31), 2 ** 31 - 1));
  }

  interfaceIndex(): number {
    QNetworkDatagram.m('interfaceIndex', arguments, 0, 0);
    return this.#n.interfaceIndex();
  }

  setInterfaceIndex(index: number): void {
    const name = QNetworkDatagram.m('setInterfaceIndex', arguments, 1, 1);
    this.#n.setInterfaceIndex(checkInt(name, 'index', index, 0, 2 ** 32 - 1));
  }

  isNull(): boolean {
    QNetworkDatagram.m('isNull', arguments, 0, 0);
    return this.#n.isNull();
  }

  isValid(): boolean {
    QNetworkDatagram.m('isValid', arguments, 0, 0);
    return this.#n.isValid();
  }

  /**
   * A datagram answering this one: sent back to its sender, from the address it was sent to
   * (unless that was a multicast address), on the same interface — Qt's own makeReply.
   */
  makeReply(payload: Buffer | Uint8Array | string): QNetworkDatagram {
    const name = QNetworkDatagram.m('makeReply', arguments, 1, 1);
    return adopt(this.#n.makeReply(toBuffer(name, 'payload', payload)));
  }

  swap(other: QNetworkDatagram): void {
    const name = QNetworkDatagram.m('swap', arguments, 1, 1);
    if (!(other instanceof QNetworkDatagram))
      throw new TypeError(`${name}: argument 'other' must be a QNetworkDatagram, got ${describe(other)}`);
    this.#n.swap(other.#n);
  }

  [inspect.custom](depth: number, options: InspectOptionsStylized, show: typeof inspect): string {
    if (!(#n in this)) return 'QNetworkDatagram {}'; // the prototype itself
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

/** @internal a QNetworkDatagram around `n`, which the addon just made and nothing else holds. */
export function adopt(n: NativeDatagram): QNetworkDatagram {
  adopting = n;
  return new QNetworkDatagram();
}

/** @internal the native object inside `d` (read it, don't keep it). */
export function nativeOf(d: QNetworkDatagram): NativeDatagram {
  return nativeOfImpl(d);
}
