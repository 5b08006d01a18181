// PyQt-style signals: `obj.readyRead.connect(slot)`, `.disconnect(slot)`, `.disconnect()`, `.emit(...)`.

export type Slot<A extends unknown[]> = (...args: A) => unknown;

export class Signal<A extends unknown[] = []> {
  private slots: Slot<A>[] = [];

  constructor(
    readonly name: string,
    private readonly owner?: { _signalsBlocked: boolean },
    // Told after every connect and disconnect (a socket asks Qt for the events someone watches).
    private readonly watch?: () => void,
  ) {}

  connect(slot: Slot<A>): void {
    if (typeof slot !== 'function') {
      throw new TypeError(`${this.name}.connect(slot): slot must be a function, got ${describe(slot)}`);
    }
    this.slots.push(slot);
    this.watch?.();
  }

  /** Without an argument: disconnects every slot. With one: that slot (TypeError if not connected, as PyQt6). */
  disconnect(slot?: Slot<A>): void {
    if (slot === undefined) {
      this.slots = [];
    } else {
      const at = this.slots.lastIndexOf(slot);
      if (at < 0) throw new TypeError(`${this.name}.disconnect(slot): the slot is not connected`);
      this.slots.splice(at, 1);
    }
    this.watch?.();
  }

  /** Runs the slots in connection order. A throwing slot does not stop the others or the event
   * batch; its error is rethrown as an uncaught exception, as a throwing net.Socket listener's is. */
  emit(...args: A): void {
    const slots = this.slots;
    if (slots.length === 0 || (this.owner !== undefined && this.owner._signalsBlocked)) return;
    for (const slot of slots.length === 1 ? slots : slots.slice()) {
      try {
        slot(...args);
      } catch (err) {
        queueMicrotask(() => {
          throw err;
        });
      }
    }
  }

  get connected(): number {
    return this.slots.length;
  }
}

export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'string') {
    // A URL's password given where something else was expected stays out of the message.
    const shown = v.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/]*:)[^@/]*@/i, '$1<hidden>@');
    return `string ${JSON.stringify(shown.length > 40 ? shown.slice(0, 40) + '…' : shown)}`;
  }
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return `${typeof v} ${String(v)}`;
  if (typeof v === 'function') return 'function';
  const ctor = (v as object).constructor;
  return ctor && ctor.name ? `${ctor.name} object` : 'object';
}
