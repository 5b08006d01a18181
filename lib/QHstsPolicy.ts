// QHstsPolicy: PyQt6's API over Qt's own QHstsPolicy (the host is held in a QUrl, so it is parsed
// and shown as QUrl does; expiry and equality are Qt's), used on the JS thread directly: it is a
// reentrant value type. QNetworkAccessManager's HSTS calls take and give lists of them.
import { inspect, type InspectOptionsStylized } from 'node:util';
import { checkArity, checkBool, checkDate, checkEnum, checkFlags, checkString, describe } from './core/args';
import type { NativeHstsPolicy } from './core/native';
import { native } from './core/runtime';
import { holdsNative, Value, valueKit } from './core/value';
import { ComponentFormattingOption, ParsingMode, type QUrl } from './QUrl';

export enum PolicyFlag {
  IncludeSubDomains = 0x1,
}

function checkMode(method: string, v: unknown): ParsingMode {
  return checkEnum(method, 'mode', v, ParsingMode, 'QUrl.ParsingMode');
}

/** A host's HTTP Strict Transport Security policy: until when, and whether it covers subdomains. */
export class QHstsPolicy extends Value<NativeHstsPolicy> {
  static readonly PolicyFlag = PolicyFlag;

  constructor();
  constructor(rhs: QHstsPolicy);
  /** expiry: a Date, or null for PyQt6's QDateTime() (no expiry). */
  constructor(expiry: Date | null, flags: QHstsPolicy.PolicyFlag | number, host: string, mode?: QUrl.ParsingMode);
  constructor(...args: unknown[]) {
    const method = 'QHstsPolicy';
    let n: NativeHstsPolicy;
    if (args.length === 0) n = new native.QHstsPolicy();
    else if (args.length === 1) {
      if (!(args[0] instanceof QHstsPolicy))
        throw new TypeError(`${method}: argument 'rhs' must be a QHstsPolicy, got ${describe(args[0])}`);
      n = new native.QHstsPolicy(nativeOf(args[0]));
    } else {
      checkArity(method, args, 3, 4);
      const [expiry, flags, host, mode = ParsingMode.DecodedMode] = args;
      n = new native.QHstsPolicy(
        checkDate(method, 'expiry', expiry),
        checkFlags(method, 'flags', flags, PolicyFlag, 'QHstsPolicy.PolicyFlag'),
        checkString(method, 'host', host),
        checkMode(method, mode),
      );
    }
    super(n);
  }

  host(options: number = ComponentFormattingOption.FullyDecoded): string {
    const method = 'QHstsPolicy.host';
    checkArity(method, arguments, 0, 1);
    return nativeOf(this).host(
      checkFlags(method, 'options', options, ComponentFormattingOption, 'QUrl.ComponentFormattingOption'),
    );
  }

  setHost(host: string, mode: QUrl.ParsingMode = ParsingMode.DecodedMode): void {
    const method = 'QHstsPolicy.setHost';
    checkArity(method, arguments, 1, 2);
    nativeOf(this).setHost(checkString(method, 'host', host), checkMode(method, mode));
  }

  /** The expiry, or null when none is set (PyQt6's invalid QDateTime). */
  expiry(): Date | null {
    checkArity('QHstsPolicy.expiry', arguments, 0, 0);
    return nativeOf(this).expiry();
  }

  /** null (or an invalid Date) is PyQt6's QDateTime(). */
  setExpiry(expiry: Date | null): void {
    const method = 'QHstsPolicy.setExpiry';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).setExpiry(checkDate(method, 'expiry', expiry));
  }

  includesSubDomains(): boolean {
    checkArity('QHstsPolicy.includesSubDomains', arguments, 0, 0);
    return nativeOf(this).includesSubDomains();
  }

  setIncludesSubDomains(include: boolean): void {
    const method = 'QHstsPolicy.setIncludesSubDomains';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).setIncludesSubDomains(checkBool(method, 'include', include));
  }

  /** Qt's answer against the current time. */
  isExpired(): boolean {
    checkArity('QHstsPolicy.isExpired', arguments, 0, 0);
    return nativeOf(this).isExpired();
  }

  swap(other: QHstsPolicy): void {
    checkArity('QHstsPolicy.swap', arguments, 1, 1);
    if (!(other instanceof QHstsPolicy))
      throw new TypeError(`QHstsPolicy.swap: argument 'other' must be a QHstsPolicy, got ${describe(other)}`);
    nativeOf(this).swap(nativeOf(other));
  }

  /** Python's `==` (Qt's operator==); false for anything that is not a QHstsPolicy. */
  equals(other: unknown): boolean {
    checkArity('QHstsPolicy.equals', arguments, 1, 1);
    return other instanceof QHstsPolicy && nativeOf(this).equals(nativeOf(other));
  }

  [inspect.custom](depth: number, options: InspectOptionsStylized, show: typeof inspect): string {
    if (!holdsNative(this)) return 'QHstsPolicy {}';
    const n = nativeOf(this);
    const shown = {
      host: n.host(ComponentFormattingOption.FullyDecoded),
      expiry: n.expiry(),
      includesSubDomains: n.includesSubDomains(),
    };
    return `QHstsPolicy ${show(shown, options)}`;
  }
}

// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace QHstsPolicy {
  type PolicyFlag = import('./QHstsPolicy').PolicyFlag;
}

// @internal nativeOf: the native policy inside one (read it, don't keep it); fromNative: a
// QHstsPolicy holding a copy of a native one.
const { nativeOf, fromNative } = valueKit<QHstsPolicy, NativeHstsPolicy>(QHstsPolicy, native.QHstsPolicy);
export { nativeOf, fromNative };
