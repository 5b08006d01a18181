// QUdpSocket: a QAbstractSocket of type UdpSocket. The Qt thread reads each datagram as it
// arrives and sends it here with its event (native/udp_socket.cc); the datagrams wait in `queue`
// until the program reads them.
import { checkArity, checkInt, describe, toBuffer, PORT_MAX, type BytesInput } from './core/args';
import { OpenModeFlag } from './core/QIODevice';
import type { NativeHostAddress, NativeNetworkInterface, NativeUdpSocket, SocketSnapshot } from './core/native';
import { Limit } from './core/protocol';
import { native } from './core/runtime';
import { madeSignal } from './core/signal';
import { SocketType } from './core/socketEnums';
import { QAbstractSocket } from './QAbstractSocket';
import { QHostAddress, nativeOf as nativeOfAddress } from './QHostAddress';
import { QNetworkDatagram, adopt as adoptDatagram, nativeOf as nativeOfDatagram } from './QNetworkDatagram';
import { QNetworkInterface, adopt as adoptInterface, nativeOf as nativeOfInterface } from './QNetworkInterface';
import type { NativeNetworkDatagram } from './core/native';

interface Received {
  datagram: QNetworkDatagram;
  data: Buffer;
  charge: number; // what the Qt side counted against the cap for it (returned when it is read)
}

/**
 * How many received datagrams may wait unread in JS: each counts its size plus
 * `UDP_DATAGRAM_OVERHEAD` bytes against `UDP_RECEIVE_CAP` (4 MiB). Past it, a newly received
 * datagram is dropped, as the kernel drops what arrives at a full receive buffer, and counted
 * (`droppedDatagrams()`). Qt keeps reading from the kernel meanwhile, so nothing else is lost.
 * setReadBufferSize() does not change it: on a QUdpSocket Qt documents it as having no effect.
 */
export const UDP_RECEIVE_CAP: number = Limit.DatagramCap;
export const UDP_DATAGRAM_OVERHEAD: number = Limit.DatagramOverhead;

export class QUdpSocket extends QAbstractSocket {
  private queue: Received[] = [];
  private unackedCharge = 0;
  // Qt emits readyRead once, then not again until a datagram is read (its read notifier is off
  // meanwhile); a read that leaves datagrams pending brings another readyRead on the next turn.
  private announceArmed = true;
  private reannounceScheduled = false;

  /** QUdpSocket(parent = None). Parents are not modelled: the JS object owns its socket. */
  constructor(parent?: null) {
    checkArity('QUdpSocket', arguments, 0, 1);
    if (parent !== undefined && parent !== null) {
      throw new TypeError("QUdpSocket: argument 'parent' must be None (null); parents are not supported");
    }
    super(SocketType.UdpSocket, new native.QUdpSocket());
  }

  /** The native socket, with its UDP calls (QUdpSocket's constructor made it). */
  private get udp(): NativeUdpSocket {
    return this.h.native as NativeUdpSocket;
  }

  // ---- receiving ----

  /** @internal */
  protected received(payload: unknown, charge: number): void {
    const datagram = adoptDatagram(payload as NativeNetworkDatagram);
    this.queue.push({ datagram, data: datagram.data(), charge });
  }

  /** @internal */
  protected shouldAnnounce(): boolean {
    if (!this.announceArmed) return false;
    this.announceArmed = false;
    return true;
  }

  /** @internal */
  protected dropReceived(): void {
    super.dropReceived();
    this.queue = [];
    this.unackedCharge = 0;
    this.announceArmed = true;
  }

  /** @internal (stream reads go through read()/readAll() below, never the byte buffer) */
  protected consumed(_n: number): void {}

  /** Takes the next datagram, lets the Qt side count it as read, re-arms readyRead. */
  private shift(): Received | undefined {
    const r = this.queue.shift();
    if (r === undefined) return undefined;
    // Qt's waitForReadyRead returns at once while datagrams are pending, else waits for one.
    this.fresh.readyRead = this.queue.length > 0;
    this.unackedCharge += r.charge;
    // Told in steps: the Qt side only drops when JS holds the whole cap.
    if (this.unackedCharge >= UDP_RECEIVE_CAP / 8 || this.queue.length === 0) {
      this.h.native.ack(this.unackedCharge);
      this.unackedCharge = 0;
    }
    this.announceArmed = true;
    if (this.queue.length > 0 && !this.reannounceScheduled) {
      this.reannounceScheduled = true;
      setImmediate(() => {
        this.reannounceScheduled = false;
        if (this.queue.length > 0 && this.shouldAnnounce()) {
          madeSignal(this, 'readyRead')?.emit();
          madeSignal(this, 'channelReadyRead')?.emit(0);
        }
      });
    }
    return r;
  }

  hasPendingDatagrams(): boolean {
    checkArity(this.m('hasPendingDatagrams'), arguments, 0, 0);
    return this.queue.length > 0;
  }

  /** The size of the next datagram, -1 if there is none. */
  pendingDatagramSize(): number {
    checkArity(this.m('pendingDatagramSize'), arguments, 0, 0);
    return this.queue.length > 0 ? this.queue[0].data.length : -1;
  }

  /**
   * readDatagram(maxlen) -> [data, sender address, sender port], as PyQt6's tuple: the next
   * datagram, cut to maxlen bytes (the rest of it is lost, as in Qt). With none pending, PyQt6's
   * (None, QHostAddress(), 0): [null, QHostAddress(), 0].
   */
  readDatagram(maxlen: number): [Buffer | null, QHostAddress, number] {
    const name = this.m('readDatagram');
    checkArity(name, arguments, 1, 1);
    if (typeof maxlen === 'number' && Number.isInteger(maxlen) && maxlen < 0) {
      throw new RangeError(
        `${name}: argument 'maxlen': maximum length of data to be read cannot be negative, got ${maxlen}`,
      );
    }
    checkInt(name, 'maxlen', maxlen, 0, Number.MAX_SAFE_INTEGER);
    const r = this.shift();
    if (r === undefined) {
      // Qt sets TemporaryError ("No datagram available for reading") and emits errorOccurred.
      this.applySnapshot(this.udp.readNothing());
      return [null, new QHostAddress(), 0];
    }
    return [Buffer.from(r.data.subarray(0, maxlen)), r.datagram.senderAddress(), r.datagram.senderPort()];
  }

  /**
   * The next datagram with its sender, destination, hop limit and interface; its data cut to
   * maxSize bytes when maxSize >= 0. A null QNetworkDatagram if there is none.
   */
  receiveDatagram(maxSize = -1): QNetworkDatagram {
    const name = this.m('receiveDatagram');
    checkArity(name, arguments, 0, 1);
    checkInt(name, 'maxSize', maxSize, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    const r = this.shift();
    if (r === undefined) return new QNetworkDatagram();
    if (maxSize >= 0 && maxSize < r.data.length) r.datagram.setData(r.data.subarray(0, maxSize));
    return r.datagram;
  }

  // ---- connected mode: QIODevice reads take whole datagrams, as Qt's unbuffered UDP reads ----

  /** The size of the next datagram (Qt: what the kernel reports for its first datagram). */
  bytesAvailable(): number {
    return this.queue.length > 0 ? this.queue[0].data.length : 0;
  }

  atEnd(): boolean {
    return this.bytesAvailable() === 0;
  }

  /** One datagram, cut to maxlen bytes: the rest of it is lost, as in Qt. */
  read(maxlen: number): Buffer {
    const name = this.m('read');
    checkArity(name, arguments, 1, 1);
    checkInt(name, 'maxlen', maxlen, 0, Number.MAX_SAFE_INTEGER);
    if (!this.readable('read')) return Buffer.alloc(0);
    const r = this.shift();
    return r === undefined ? Buffer.alloc(0) : Buffer.from(r.data.subarray(0, maxlen));
  }

  /** Every pending datagram, concatenated (Qt reads until none is left). */
  readAll(): Buffer {
    checkArity(this.m('readAll'), arguments, 0, 0);
    if (!this.readable('readAll')) return Buffer.alloc(0);
    const parts: Buffer[] = [];
    for (let r = this.shift(); r !== undefined; r = this.shift()) parts.push(r.data);
    return Buffer.concat(parts);
  }

  /** The first maxlen bytes of the next datagram, which stays pending. */
  peek(maxlen: number): Buffer {
    const name = this.m('peek');
    checkArity(name, arguments, 1, 1);
    checkInt(name, 'maxlen', maxlen, 0, Number.MAX_SAFE_INTEGER);
    if (!this.readable('peek') || this.queue.length === 0) return Buffer.alloc(0);
    return Buffer.from(this.queue[0].data.subarray(0, maxlen));
  }

  private readable(method: string): boolean {
    if ((this.openMode() & OpenModeFlag.ReadOnly) !== 0) return true;
    process.emitWarning(`QIODevice::${method} (QUdpSocket): device not open`);
    return false;
  }

  // ---- sending ----

  /**
   * writeDatagram(data, address, port) / writeDatagram(datagram) -> bytes sent, or -1 with
   * error() set (DatagramTooLargeError...). An unbound socket is bound first, as Qt does.
   */
  writeDatagram(datagram: QNetworkDatagram): number;
  writeDatagram(data: BytesInput, address: QHostAddress | QHostAddress.SpecialAddress, port: number): number;
  writeDatagram(
    data: QNetworkDatagram | BytesInput,
    address?: QHostAddress | QHostAddress.SpecialAddress,
    port?: number,
  ): number {
    const name = this.m('writeDatagram');
    checkArity(name, arguments, 1, 3);
    if (arguments.length === 1) {
      if (!(data instanceof QNetworkDatagram)) {
        throw new TypeError(`${name}: argument 'datagram' must be a QNetworkDatagram, got ${describe(data)}`);
      }
      return this.sent(this.udp.writeDatagram(nativeOfDatagram(data)));
    }
    if (arguments.length !== 3)
      throw new TypeError(`${name}: writeDatagram(data, address, port) takes 3 arguments, got ${arguments.length}`);
    const bytes = toBuffer(name, 'data', data);
    const addr = QHostAddress.from(name, 'address', address);
    const to = checkInt(name, 'port', port, 0, PORT_MAX);
    return this.sent(this.udp.writeDatagramTo(bytes, nativeOfAddress(addr), to));
  }

  /** A bare count: sent from the JS thread, nothing changed in Qt (native/udp_socket.cc SendDirect). */
  private sent(answer: number | SocketSnapshot): number {
    if (typeof answer === 'number') return answer;
    return (this.applySnapshot(answer) as number | null) ?? -1;
  }

  // ---- multicast ----

  /** The arguments of join/leaveMulticastGroup, checked, as the native call takes them. */
  private group(
    method: string,
    args: IArguments,
    groupAddress: unknown,
    iface: unknown,
  ): [NativeHostAddress, NativeNetworkInterface?] {
    const name = this.m(method);
    checkArity(name, args, 1, 2);
    const g = nativeOfAddress(QHostAddress.from(name, 'groupAddress', groupAddress));
    if (args.length === 1) return [g];
    if (!(iface instanceof QNetworkInterface))
      throw new TypeError(`${name}: argument 'iface' must be a QNetworkInterface, got ${describe(iface)}`);
    return [g, nativeOfInterface(iface)];
  }

  /** joinMulticastGroup(groupAddress) / joinMulticastGroup(groupAddress, iface) -> Qt's bool. */
  joinMulticastGroup(groupAddress: QHostAddress | QHostAddress.SpecialAddress, iface?: QNetworkInterface): boolean {
    const a = this.group('joinMulticastGroup', arguments, groupAddress, iface);
    return this.applySnapshot(this.udp.joinMulticastGroup(...a)) === true;
  }

  leaveMulticastGroup(groupAddress: QHostAddress | QHostAddress.SpecialAddress, iface?: QNetworkInterface): boolean {
    const a = this.group('leaveMulticastGroup', arguments, groupAddress, iface);
    return this.applySnapshot(this.udp.leaveMulticastGroup(...a)) === true;
  }

  /** The interface for outgoing multicast datagrams (invalid: the system's default). */
  multicastInterface(): QNetworkInterface {
    checkArity(this.m('multicastInterface'), arguments, 0, 0);
    const [snap, iface] = this.udp.multicastInterface();
    this.applySnapshot(snap);
    return adoptInterface(iface);
  }

  setMulticastInterface(iface: QNetworkInterface): void {
    const name = this.m('setMulticastInterface');
    checkArity(name, arguments, 1, 1);
    if (!(iface instanceof QNetworkInterface))
      throw new TypeError(`${name}: argument 'iface' must be a QNetworkInterface, got ${describe(iface)}`);
    this.applySnapshot(this.udp.setMulticastInterface(nativeOfInterface(iface)));
  }

  /** Not in PyQt6: datagrams dropped because UDP_RECEIVE_CAP was held unread (see above). */
  droppedDatagrams(): number {
    return this.udp.droppedDatagrams();
  }
}
