// QSslCertificateExtension: one X.509 extension of a certificate as Qt's OpenSSL backend reads it,
// with PyQt6's names; QSslCertificate.extensions() gives them (Qt makes none with content itself).
import { inspect, type InspectOptionsStylized } from 'node:util';
import { checkArity, describe } from './core/args';
import type { NativeExtensionValue, NativeSslCertificateExtension } from './core/native';
import { native } from './core/runtime';
import { holdsNative, Value, valueKit } from './core/value';

/**
 * What value() gives, as PyQt6 converts Qt's QVariant: a string, a list of strings, an object of
 * strings, bytes (Buffer), booleans or numbers (basicConstraints: { ca: true, pathLenConstraint: 0 }),
 * null for a default-constructed extension.
 */
export type ExtensionValue = NativeExtensionValue;

export class QSslCertificateExtension extends Value<NativeSslCertificateExtension> {
  constructor();
  constructor(other: QSslCertificateExtension);
  constructor(other?: QSslCertificateExtension) {
    const method = 'QSslCertificateExtension';
    checkArity(method, arguments, 0, 1);
    if (arguments.length === 0) super(new native.QSslCertificateExtension());
    else super(new native.QSslCertificateExtension(nativeOf(extensionArg(method, 'other', other))));
  }

  isCritical(): boolean {
    checkArity('QSslCertificateExtension.isCritical', arguments, 0, 0);
    return nativeOf(this).isCritical();
  }

  /** Whether Qt decodes this extension's value into a structure (else value() is OpenSSL's text). */
  isSupported(): boolean {
    checkArity('QSslCertificateExtension.isSupported', arguments, 0, 0);
    return nativeOf(this).isSupported();
  }

  /** OpenSSL's short name (basicConstraints), or the OID when it has none. */
  name(): string {
    checkArity('QSslCertificateExtension.name', arguments, 0, 0);
    return nativeOf(this).name();
  }

  oid(): string {
    checkArity('QSslCertificateExtension.oid', arguments, 0, 0);
    return nativeOf(this).oid();
  }

  value(): ExtensionValue {
    checkArity('QSslCertificateExtension.value', arguments, 0, 0);
    return nativeOf(this).value();
  }

  swap(other: QSslCertificateExtension): void {
    const method = 'QSslCertificateExtension.swap';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).swap(nativeOf(extensionArg(method, 'other', other)));
  }

  [inspect.custom](depth: number, options: InspectOptionsStylized, show: typeof inspect): string {
    if (!holdsNative(this)) return 'QSslCertificateExtension {}';
    const n = nativeOf(this);
    const shown = { name: n.name(), oid: n.oid(), critical: n.isCritical(), value: n.value() };
    return `QSslCertificateExtension ${show(shown, options)}`;
  }
}

function extensionArg(method: string, arg: string, v: unknown): QSslCertificateExtension {
  if (v instanceof QSslCertificateExtension) return v;
  throw new TypeError(`${method}: argument '${arg}' must be a QSslCertificateExtension, got ${describe(v)}`);
}

// @internal nativeOf: the native extension inside one (read it, don't keep it); adopt: one around
// a native one the addon just made; fromNative: around a copy.
const { nativeOf, adopt, fromNative } = valueKit<QSslCertificateExtension, NativeSslCertificateExtension>(
  QSslCertificateExtension,
  native.QSslCertificateExtension,
);
export { nativeOf, adopt, fromNative };
