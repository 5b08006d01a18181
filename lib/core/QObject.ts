// The part of QObject a QtNetwork user touches: objectName, signal blocking, deleteLater, destroyed.
import { checkArity, checkBool, checkString } from './args';
import { bindSubclass } from './bound';
import { defineSignals, made, madeSignal, recordCreated, Signal } from './signal';

export class QObject {
  declare readonly destroyed: Signal<[QObject]>;
  declare readonly objectNameChanged: Signal<[string]>;
  private _objectName = '';
  /** @internal read by Signal.emit */
  _signalsBlocked = false;
  /** @internal the signals made so far (defineSignals) */
  [made]: Record<string, Signal<unknown[]>> | undefined = undefined;

  constructor() {
    // A user's subclass: its own methods come bound on read as the package's do (lib/core/bound.ts).
    bindSubclass(new.target);
    recordCreated(this);
  }

  objectName(): string {
    return this._objectName;
  }

  setObjectName(name: string): void {
    checkArity(`${this.constructor.name}.setObjectName`, arguments, 1, 1);
    checkString(`${this.constructor.name}.setObjectName`, 'name', name);
    if (name === this._objectName) return;
    this._objectName = name;
    madeSignal(this, 'objectNameChanged')?.emit(name);
  }

  /** As QObject.blockSignals: returns the previous value. */
  blockSignals(b: boolean): boolean {
    checkBool(`${this.constructor.name}.blockSignals`, 'b', b);
    const was = this._signalsBlocked;
    this._signalsBlocked = b;
    return was;
  }

  signalsBlocked(): boolean {
    return this._signalsBlocked;
  }

  /** Schedules the Qt object's deletion on the Qt thread; `destroyed` follows. */
  deleteLater(): void {}

  inherits(className: string): boolean {
    checkString(`${this.constructor.name}.inherits`, 'classname', className);
    for (let p = Object.getPrototypeOf(this); p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
      if (p.constructor.name === className) return true;
    }
    return false;
  }
}
defineSignals(QObject, ['destroyed', 'objectNameChanged']);
