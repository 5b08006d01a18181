// QTimer: Qt's own timer, run by Qt's event loop where the sockets are (native/timer.cc), so its
// timeouts come in Qt's order with their signals, as in PyQt6. An active timer keeps the process
// alive as a Node timer does (unref() as Node's); an inactive one, like a closed socket, does not.
import { checkArity, checkBool, checkEnum, checkInt, describe } from './core/args';
import { Handle } from './core/handle';
import type { NativeTimer, TimerSnapshot } from './core/native';
import { TimerEvent as Ev, TimerSnapshot as Snap } from './core/protocol';
import { QObject } from './core/QObject';
import { TimerType } from './core/Qt';
import { native } from './core/runtime';
import { defineSignals, madeSignal, Signal } from './core/signal';

const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;

/** What PyQt6 takes as a slot: a callable, or a signal (emitted). */
export type TimerSlot = (() => unknown) | Signal<[]>;

function checkSlot(method: string, slot: unknown): Signal<[]> {
  const s = new Signal<[]>(method);
  if (slot instanceof Signal) s.connect(() => slot.emit());
  else if (typeof slot === 'function') s.connect(slot as () => unknown);
  else throw new TypeError(`${method}: argument 'slot' must be a function or a signal, got ${describe(slot)}`);
  return s;
}

export class QTimer extends QObject {
  declare readonly timeout: Signal<[]>;

  private readonly h: Handle<NativeTimer, never>;
  private seq = 0;
  // The last call that (re)started or stopped the timer: a timeout Qt emitted before it is not
  // delivered (the thread runtime may still carry one), as none can follow stop() in PyQt6.
  private resetSeq = 0;
  private _active = false;
  private _interval = 0;
  private _singleShot = false;
  private _timerType = TimerType.CoarseTimer;
  private _timerId = -1;
  private shot: Signal<[]> | undefined = undefined; // the static singleShot's slot

  /** QTimer(parent = None). */
  constructor(parent?: null) {
    checkArity('QTimer', arguments, 0, 1);
    if (parent !== undefined && parent !== null) {
      throw new TypeError("QTimer: argument 'parent' must be None (null); parents are not supported");
    }
    super();
    this.h = new Handle(this, new native.QTimer());
    this.apply(this.h.native.snapshot());
  }

  /** @internal */
  onEvent(kind: number, seq: number, active: number, timerId: number): void {
    if (seq > this.seq) {
      this.seq = seq;
      this._active = active === 1;
      this._timerId = timerId;
      if (!this.shot) this.h.setActive(this._active);
    }
    switch (kind) {
      case Ev.Timeout:
        if (seq > this.resetSeq) madeSignal(this, 'timeout')?.emit();
        break;
      case Ev.SingleShot: {
        const shot = this.shot;
        this.shot = undefined;
        this.h.setActive(false);
        this.deleteLater();
        shot?.emit();
        break;
      }
      case Ev.Destroyed:
        this._active = false;
        this._timerId = -1;
        this.h.destroyed();
        madeSignal(this, 'destroyed')?.emit(this);
        break;
    }
  }

  private apply(s: TimerSnapshot, reset = false): TimerSnapshot[Snap.Result] {
    if (s[Snap.Seq] >= this.seq) {
      this.seq = s[Snap.Seq];
      this._active = s[Snap.Active] === 1;
      this._interval = s[Snap.Interval];
      this._singleShot = s[Snap.SingleShot] === 1;
      this._timerType = s[Snap.TimerType];
      this._timerId = s[Snap.TimerId];
      if (!this.shot) this.h.setActive(this._active);
    }
    if (reset) this.resetSeq = s[Snap.Seq];
    return s[Snap.Result];
  }

  // A deleted timer (deleteLater ran) does nothing, as a call on a deleted C++ object must not.
  private live(method: string): boolean {
    if (!this.h.gone) return true;
    process.emitWarning(`QTimer.${method}: the timer was deleted (deleteLater); ignored`);
    return false;
  }

  /** start() with the interval set, or start(msec) after setInterval(msec); an active timer restarts. */
  start(msec?: number): void {
    checkArity('QTimer.start', arguments, 0, 1);
    if (arguments.length === 1) checkInt('QTimer.start', 'msec', msec, INT_MIN, INT_MAX);
    if (this.live('start')) this.apply(this.h.native.start(arguments.length === 1 ? msec : undefined), true);
  }

  stop(): void {
    checkArity('QTimer.stop', arguments, 0, 0);
    if (this.live('stop')) this.apply(this.h.native.stop(), true);
  }

  interval(): number {
    return this._interval;
  }

  /** Qt restarts an active timer with the new interval. */
  setInterval(msec: number): void {
    checkArity('QTimer.setInterval', arguments, 1, 1);
    checkInt('QTimer.setInterval', 'msec', msec, INT_MIN, INT_MAX);
    if (this.live('setInterval')) this.apply(this.h.native.setInterval(msec), this._active);
  }

  isActive(): boolean {
    return this._active;
  }

  isSingleShot(): boolean {
    return this._singleShot;
  }

  setSingleShot(singleShot: boolean): void {
    checkArity('QTimer.setSingleShot', arguments, 1, 1);
    checkBool('QTimer.setSingleShot', 'asingleShot', singleShot);
    if (this.live('setSingleShot')) this.apply(this.h.native.setSingleShot(singleShot));
  }

  timerType(): TimerType {
    return this._timerType;
  }

  setTimerType(atype: TimerType): void {
    checkArity('QTimer.setTimerType', arguments, 1, 1);
    checkEnum('QTimer.setTimerType', 'atype', atype, TimerType, 'Qt.TimerType');
    if (this.live('setTimerType')) this.apply(this.h.native.setTimerType(atype));
  }

  /** Milliseconds until the next timeout as Qt counts them; -1 when inactive. */
  remainingTime(): number {
    checkArity('QTimer.remainingTime', arguments, 0, 0);
    if (this.h.gone) return -1;
    const r = this.apply(this.h.native.remainingTime());
    return typeof r === 'number' ? r : -1;
  }

  /** Qt's id of the running timer; -1 when inactive. */
  timerId(): number {
    return this._timerId;
  }

  /** As a Node timer's ref(): an active timer keeps the process alive (the default). */
  ref(): this {
    this.h.ref(true);
    return this;
  }

  /** As a Node timer's unref(): the process may exit while this timer is active. */
  unref(): this {
    this.h.ref(false);
    return this;
  }

  /** Frees the Qt timer (it stops); `destroyed` follows. */
  deleteLater(): void {
    this.h.deleteLater();
  }

  /**
   * singleShot(msec, slot) · singleShot(msec, timerType, slot): `slot` (a function, or a signal to
   * emit) runs once after msec, from Qt's event loop. Without a type, Qt's choice: precise under
   * 2 s, coarse from 2 s. It keeps the process alive until it has run.
   */
  static singleShot(msec: number, slot: TimerSlot): void;
  static singleShot(msec: number, timerType: TimerType, slot: TimerSlot): void;
  static singleShot(msec: number, a: TimerType | TimerSlot, b?: TimerSlot): void {
    const method = 'QTimer.singleShot';
    checkArity(method, arguments, 2, 3);
    checkInt(method, 'msec', msec, INT_MIN, INT_MAX);
    let type = msec >= 2000 ? TimerType.CoarseTimer : TimerType.PreciseTimer;
    let slot: unknown = a;
    if (arguments.length === 3) {
      type = checkEnum(method, 'timerType', a, TimerType, 'Qt.TimerType');
      slot = b;
    }
    const shot = checkSlot(method, slot);
    const t = new QTimer();
    t.shot = shot;
    t.h.setActive(true);
    t.apply(t.h.native.singleShot(msec, type));
    // Qt refuses a negative timeout (with a warning): nothing will fire.
    if (msec < 0) {
      t.shot = undefined;
      t.h.setActive(false);
      t.deleteLater();
    }
  }
}
defineSignals(QTimer, ['timeout']);
