// QHttpPart: one part of a multipart body, over Qt's own QHttpPart (its headers and body), used on
// the JS thread directly: it is a reentrant value type. The body device stays here, a QBuffer of
// ours: a request reads its state when it is sent (native/http_multi_part.cc).
import { inspect, type InspectOptionsStylized } from 'node:util';
import {
  checkArity,
  checkEnum,
  checkVariant,
  describe,
  toBuffer,
  type BytesInput,
  type VariantInput,
} from './core/args';
import type { NativeDeviceBody, NativeHttpPart } from './core/native';
import { QIODevice } from './core/QIODevice';
import { native } from './core/runtime';
import { holdsNative, Value, valueKit } from './core/value';
import { QBuffer } from './QBuffer';
import { KnownHeaders } from './QNetworkRequest';

/** One part: its headers, and its body as bytes or read from a QBuffer (which wins, as in Qt). */
export class QHttpPart extends Value<NativeHttpPart> {
  private _device: QBuffer | null = null;

  /** QHttpPart() · QHttpPart(other): a copy (the body device is the same object, as Qt copies its pointer). */
  constructor(other?: QHttpPart) {
    const method = 'QHttpPart';
    checkArity(method, arguments, 0, 1);
    if (other === undefined) {
      super(new native.QHttpPart());
      return;
    }
    super(new native.QHttpPart(nativeOf(httpPartArg(method, 'other', other))));
    this._device = other._device;
  }

  /** The body as bytes; a body device set with setBodyDevice is read instead. */
  setBody(body: BytesInput): void {
    const method = 'QHttpPart.setBody';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).setBody(toBuffer(method, 'body', body));
  }

  /**
   * The body read from `device` when the request is sent, as Qt reads it: open for reading (else
   * Qt's UnknownNetworkError) and at position 0 (Qt 6.4 counts size() bytes but reads from the
   * position: the request stalls otherwise, in PyQt6 too). Only a QBuffer: a socket's bytes arrive
   * in JS (read them and use setBody). Qt reads a copy: the buffer's position in JS does not move.
   * null (None) removes the device.
   */
  setBodyDevice(device: QBuffer | null): void {
    const method = 'QHttpPart.setBodyDevice';
    checkArity(method, arguments, 1, 1);
    // None (null), as PyQt6 takes it: no device, the body bytes are sent.
    this._device = device === null ? null : bufferArg(method, 'device', device);
  }

  /** Qt turns the value into the header's text (a Content-Type, a Content-Disposition...). */
  setHeader(header: KnownHeaders, value: VariantInput): void {
    const method = 'QHttpPart.setHeader';
    checkArity(method, arguments, 2, 2);
    checkEnum(method, 'header', header, KnownHeaders, 'QNetworkRequest.KnownHeaders');
    nativeOf(this).setHeader(header, checkVariant(method, 'value', value));
  }

  setRawHeader(headerName: BytesInput, headerValue: BytesInput): void {
    const method = 'QHttpPart.setRawHeader';
    checkArity(method, arguments, 2, 2);
    nativeOf(this).setRawHeader(
      toBuffer(method, 'headerName', headerName),
      toBuffer(method, 'headerValue', headerValue),
    );
  }

  swap(other: QHttpPart): void {
    const method = 'QHttpPart.swap';
    checkArity(method, arguments, 1, 1);
    const o = httpPartArg(method, 'other', other);
    nativeOf(this).swap(nativeOf(o));
    [this._device, o._device] = [o._device, this._device];
  }

  /** Python's `==` (Qt's operator==: the headers, the body and the same body device); false for a non-part. */
  equals(other: unknown): boolean {
    checkArity('QHttpPart.equals', arguments, 1, 1);
    return other instanceof QHttpPart && other._device === this._device && nativeOf(this).equals(nativeOf(other));
  }

  /** @internal the body device's state now, or null: what Qt will read. */
  _deviceBody(): NativeDeviceBody | null {
    return this._device && deviceBody(this._device);
  }

  [inspect.custom](_depth: number, _options: InspectOptionsStylized): string {
    if (!holdsNative(this)) return 'QHttpPart {}';
    return `QHttpPart {${this._device ? ' bodyDevice: QBuffer' : ''} }`;
  }
}

/** @internal A QHttpPart argument, or a TypeError naming the method and the argument. */
export function httpPartArg(method: string, arg: string, v: unknown): QHttpPart {
  if (v instanceof QHttpPart) return v;
  throw new TypeError(`${method}: argument '${arg}' must be a QHttpPart, got ${describe(v)}`);
}

/**
 * @internal A body device: a QBuffer of ours. Any other QIODevice (a socket, a reply) is refused:
 * its bytes arrive in JS as they are read, so Qt has nothing to read from it.
 */
export function bufferArg(method: string, arg: string, v: unknown): QBuffer {
  if (v instanceof QBuffer) return v;
  if (v instanceof QIODevice)
    throw new TypeError(
      `${method}: argument '${arg}' must be a QBuffer, got ${describe(v)}: a socket's or reply's bytes arrive in JS, read them and send them as bytes`,
    );
  throw new TypeError(`${method}: argument '${arg}' must be a QBuffer, got ${describe(v)}`);
}

/** @internal A QBuffer's bytes, open mode and position, from which Qt reads it. */
export function deviceBody(device: QBuffer): NativeDeviceBody {
  return [device.data(), device.openMode(), device.pos()];
}

const { nativeOf } = valueKit<QHttpPart, NativeHttpPart>(QHttpPart, native.QHttpPart);
export { nativeOf };
