// QHostInfo: the value class over Qt's QHostInfo, and Qt's own host lookups. lookupHost asks Qt's
// lookupHost where the sockets live (native/host_info.cc), so lookup ids, Qt's cache and
// abortHostLookup are Qt's; the callback runs on the JS thread with the QHostInfo PyQt6's slot
// gets. fromName, which blocks in PyQt6, returns a promise. A pending lookup keeps the process
// alive, as a pending dns.lookup does.
import { inspect, type InspectOptionsStylized } from 'node:util';
import { checkArity, checkEnum, checkInt, checkIterable, checkString, describe } from './core/args';
import { Handle } from './core/handle';
import type { NativeHostInfo, NativeHostLookup } from './core/native';
import { HostLookupEvent as Ev } from './core/protocol';
import { native } from './core/runtime';
import { Signal } from './core/signal';
import { holdsNative, Value, valueKit } from './core/value';
import { QHostAddress, nativeOf as nativeOfAddress, fromNative as addressFromNative } from './QHostAddress';

export enum HostInfoError {
  NoError = 0,
  HostNotFound = 1,
  UnknownError = 2,
}

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

/** What lookupHost takes as its slot: a function given the QHostInfo, or a signal (emitted with it). */
export type HostInfoSlot = ((info: QHostInfo) => unknown) | Signal<[QHostInfo]>;

export class QHostInfo extends Value<NativeHostInfo> {
  static readonly HostInfoError = HostInfoError;

  constructor(id?: number);
  constructor(d: QHostInfo);
  constructor(id: number | QHostInfo = -1) {
    checkArity('QHostInfo', arguments, 0, 1);
    if (id instanceof QHostInfo) super(new native.QHostInfo(nativeOf(id)));
    else super(new native.QHostInfo(checkInt('QHostInfo', 'id', id, INT_MIN, INT_MAX)));
  }

  hostName(): string {
    return nativeOf(this).hostName();
  }

  setHostName(name: string): void {
    checkArity('QHostInfo.setHostName', arguments, 1, 1);
    nativeOf(this).setHostName(checkString('QHostInfo.setHostName', 'name', name));
  }

  addresses(): QHostAddress[] {
    return nativeOf(this).addresses().map(addressFromNative);
  }

  /** QHostAddress objects or QHostAddress.SpecialAddress members, as PyQt6 takes them. */
  setAddresses(addresses: Iterable<QHostAddress | QHostAddress.SpecialAddress>): void {
    const m = 'QHostInfo.setAddresses';
    checkArity(m, arguments, 1, 1);
    const list = checkIterable(m, 'addresses', addresses, 'an iterable of QHostAddress').map((a, i) =>
      nativeOfAddress(QHostAddress.from(m, `addresses[${i}]`, a)),
    );
    nativeOf(this).setAddresses(list);
  }

  error(): HostInfoError {
    return nativeOf(this).error();
  }

  setError(error: HostInfoError): void {
    checkArity('QHostInfo.setError', arguments, 1, 1);
    nativeOf(this).setError(checkEnum('QHostInfo.setError', 'error', error, HostInfoError, 'QHostInfo.HostInfoError'));
  }

  errorString(): string {
    return nativeOf(this).errorString();
  }

  setErrorString(errorString: string): void {
    checkArity('QHostInfo.setErrorString', arguments, 1, 1);
    nativeOf(this).setErrorString(checkString('QHostInfo.setErrorString', 'errorString', errorString));
  }

  lookupId(): number {
    return nativeOf(this).lookupId();
  }

  setLookupId(id: number): void {
    checkArity('QHostInfo.setLookupId', arguments, 1, 1);
    nativeOf(this).setLookupId(checkInt('QHostInfo.setLookupId', 'id', id, INT_MIN, INT_MAX));
  }

  swap(other: QHostInfo): void {
    checkArity('QHostInfo.swap', arguments, 1, 1);
    if (!(other instanceof QHostInfo))
      throw new TypeError(`QHostInfo.swap: argument 'other' must be a QHostInfo, got ${describe(other)}`);
    nativeOf(this).swap(nativeOf(other));
  }

  /**
   * lookupHost(name, slot) → the lookup id, as PyQt6: Qt looks `name` up (an IP literal is parsed,
   * not looked up) and `slot` runs later with the QHostInfo. lookupHost(name) without a slot
   * (beyond PyQt6) returns a Promise<QHostInfo> instead.
   */
  static lookupHost(name: string, slot: HostInfoSlot): number;
  static lookupHost(name: string): Promise<QHostInfo>;
  static lookupHost(name: string, slot?: HostInfoSlot): number | Promise<QHostInfo> {
    const m = 'QHostInfo.lookupHost';
    checkArity(m, arguments, 1, 2);
    checkString(m, 'name', name);
    if (arguments.length === 1) return new Promise((resolve) => lookups().start(name, resolve));
    let run: (info: QHostInfo) => void;
    if (slot instanceof Signal) run = (info) => slot.emit(info);
    else if (typeof slot === 'function') {
      // Through a Signal: a slot that throws is reported as every slot's throw is.
      const s = new Signal<[QHostInfo]>(m);
      s.connect(slot);
      run = (info) => s.emit(info);
    } else throw new TypeError(`${m}: argument 'slot' must be a function or a signal, got ${describe(slot)}`);
    return lookups().start(name, run);
  }

  /** The lookup's slot is not called (nor its promise settled). An unknown id is ignored, as in Qt. */
  static abortHostLookup(lookupId: number): void {
    checkArity('QHostInfo.abortHostLookup', arguments, 1, 1);
    checkInt('QHostInfo.abortHostLookup', 'lookupId', lookupId, INT_MIN, INT_MAX);
    native.QHostInfo.abortHostLookup(lookupId);
    current?.forget(lookupId);
  }

  /**
   * PyQt6's fromName blocks; this resolves with the same QHostInfo (lookup id -1). Bad input
   * throws at the call, as everywhere.
   */
  static fromName(name: string): Promise<QHostInfo> {
    checkArity('QHostInfo.fromName', arguments, 1, 1);
    return native.QHostInfo.fromName(checkString('QHostInfo.fromName', 'name', name)).then(adopt);
  }

  static localHostName(): string {
    return native.QHostInfo.localHostName();
  }

  static localDomainName(): string {
    return native.QHostInfo.localDomainName();
  }

  toJSON(): { hostName: string; addresses: string[]; error: string; errorString: string; lookupId: number } {
    const n = nativeOf(this);
    return {
      hostName: n.hostName(),
      addresses: this.addresses().map(String),
      error: HostInfoError[n.error()],
      errorString: n.errorString(),
      lookupId: n.lookupId(),
    };
  }

  [inspect.custom](depth: number, options: InspectOptionsStylized, show: typeof inspect): string {
    if (!holdsNative(this)) return 'QHostInfo {}'; // the prototype itself
    return `QHostInfo ${show(this.toJSON(), options)}`;
  }
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace QHostInfo {
  type HostInfoError = import('./QHostInfo').HostInfoError;
}

/**
 * The environment's lookups in flight: one native receiver (made when first needed), each lookup's
 * slot by id. While any is pending the receiver keeps the process alive.
 */
class Lookups {
  private readonly h: Handle<NativeHostLookup, never>;
  private readonly pending = new Map<number, (info: QHostInfo) => void>();

  constructor() {
    this.h = new Handle(this, new native.QHostLookup());
  }

  start(name: string, run: (info: QHostInfo) => void): number {
    const id = this.h.native.lookupHost(name);
    this.pending.set(id, run);
    this.h.setActive(true);
    return id;
  }

  forget(id: number): void {
    this.pending.delete(id);
    this.h.setActive(this.pending.size > 0);
  }

  /** @internal */
  onEvent(
    kind: number,
    seq: number,
    id: number,
    i1: number,
    i2: number,
    i3: number,
    d0: number,
    d1: number,
    payload: unknown,
  ): void {
    if (kind === Ev.Destroyed) {
      this.pending.clear();
      this.h.destroyed();
      if (current === this) current = undefined;
      return;
    }
    const run = this.pending.get(id);
    if (run === undefined) return; // aborted
    this.forget(id);
    if (payload !== null) run(adopt(payload as NativeHostInfo)); // null: JS is shutting down
  }
}

let current: Lookups | undefined;

function lookups(): Lookups {
  return (current ??= new Lookups());
}

// @internal nativeOf: the native object inside a QHostInfo (read it, don't keep it); fromNative:
// a QHostInfo holding a copy of a native one.
const { adopt, nativeOf, fromNative } = valueKit<QHostInfo, NativeHostInfo>(QHostInfo, native.QHostInfo);
export { nativeOf, fromNative };
