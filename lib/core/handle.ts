// The JS half of a native handle (a socket, a server; next a reply): what every class backed by a
// Qt object on the Qt side does the same way. It registers the object for its events, keeps the
// process alive while the object is active (as net.Socket does), holds the waits PyQt6 would block
// in (settled by events, or by Qt's own zero-timeout verdict when their time runs out), and frees
// the Qt object (deleteLater). The classes hold one: their own bases (QIODevice, QObject) differ.
import { abortable } from './node';
import type { NativeHandle } from './native';
import { EventSink, keepAlive, keepAliveRef, register, startActive, unregister, yieldToWaiter } from './runtime';

interface Waiter<T> {
  kind: number;
  seq: number; // only events newer than this answer it (older ones are from before the wait)
  resolve: (value: T) => void;
  timer?: NodeJS.Timeout;
}

/** The object a handle belongs to: its events go to it; it may want to know when waits change. */
export interface HandleOwner extends EventSink {
  /** A wait of `kind` started or ended (a socket asks Qt for the events a wait watches). */
  waitsChanged?(kind: number): void;
}

export class Handle<N extends NativeHandle, T> {
  readonly id: number;
  /** deleteLater ran on the Qt side (the Destroyed event): nothing of the Qt object is left. */
  gone = false;
  /** deleteLater was asked: the Destroyed event will come. */
  private deleting = false;
  private alive = 0; // keepAlive() state
  private waiters: Waiter<T>[] | undefined = undefined; // made when first needed: memory per socket

  // (The owner's method, not a closure of its own: a closure per socket costs memory per socket.)
  // `active`: active from the start, as setActive(true) right after, without first holding the
  // owner weakly (a WeakRef and a FinalizationRegistry cell made only to be dropped: per reply).
  constructor(
    private readonly owner: HandleOwner,
    readonly native: N,
    active = false,
  ) {
    this.id = native.id;
    register(this.id, owner, active);
    if (active) this.alive = startActive();
  }

  /**
   * An active object (open, connecting, listening) is held strongly and keeps the process alive.
   * One whose deletion was asked stays held strongly once inactive, until its Destroyed event
   * (unregister): not held weakly meanwhile (a WeakRef and a finalization registration made only
   * to be dropped: a reply deleted in its finished slot, per GET).
   */
  setActive(active: boolean): void {
    active &&= !this.gone;
    this.alive = keepAlive(this.id, this.owner, this.alive, active, active || (this.deleting && !this.gone));
  }

  /** As net.Socket.ref() (true) and unref() (false). */
  ref(ref: boolean): void {
    this.alive = keepAliveRef(this.alive, ref);
  }

  hasWait(kind: number): boolean {
    return this.waiters?.some((w) => w.kind === kind) === true;
  }

  /**
   * A wait of `kind` for an event newer than `seq`; after `msecs` (-1: none) `onTimeout()` gives
   * the answer (Qt's verdict); `signal` abandons it with an AbortError.
   */
  wait(
    method: string,
    kind: number,
    seq: number,
    msecs: number,
    signal: AbortSignal | undefined,
    onTimeout: () => T,
  ): Promise<T> {
    let w: Waiter<T>;
    const forget = (): void => {
      const keep = this.waiters?.filter((x) => x !== w);
      this.waiters = keep?.length ? keep : undefined;
      if (w.timer) clearTimeout(w.timer);
      this.owner.waitsChanged?.(kind);
    };
    return abortable<T>(
      method,
      signal,
      (resolve) => {
        w = { kind, resolve, seq };
        if (msecs >= 0) {
          w.timer = setTimeout(() => {
            forget();
            resolve(onTimeout());
          }, msecs);
        }
        (this.waiters ??= []).push(w);
        this.owner.waitsChanged?.(kind);
      },
      forget,
    );
  }

  /** Event `seq` answers the waits of `kind` that began before it with `value`; whether it did. */
  settle(kind: number, value: T, seq: number): boolean {
    if (this.waiters === undefined) return false;
    const answered = this.settleWhere((w) => (w.kind === kind ? value : undefined), seq);
    this.owner.waitsChanged?.(kind);
    return answered;
  }

  /** Event `seq` answers every wait that began before it with `valueOf(kind)`, or leaves it if undefined. */
  settleAll(valueOf: (kind: number) => T | undefined, seq: number): void {
    this.settleWhere((w) => valueOf(w.kind), seq);
  }

  private settleWhere(valueOf: (w: Waiter<T>) => T | undefined, seq: number): boolean {
    if (this.waiters === undefined) return false;
    let answered = false;
    const keep: Waiter<T>[] = [];
    for (const w of this.waiters) {
      const value = seq > w.seq ? valueOf(w) : undefined;
      if (value === undefined) {
        keep.push(w);
        continue;
      }
      if (w.timer) clearTimeout(w.timer);
      // The code after `await` sees the object as it was when the wait was answered.
      yieldToWaiter();
      w.resolve(value);
      answered = true;
    }
    this.waiters = keep.length > 0 ? keep : undefined;
    return answered;
  }

  /**
   * The Destroyed event: events stop, the process may exit; every wait ends with `valueOf(kind)`
   * (without it, waits run to their timeout, which answers for a gone object).
   */
  destroyed(valueOf?: (kind: number) => T): void {
    this.gone = true;
    if (valueOf) this.settleAll(valueOf, Infinity);
    this.setActive(false);
    unregister(this.id, this.owner);
  }

  deleteLater(): void {
    if (this.gone) return;
    this.native.deleteLater();
    this.deleting = true;
  }
}
