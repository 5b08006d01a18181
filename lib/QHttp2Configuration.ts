// QHttp2Configuration: PyQt6's API over Qt's own QHttp2Configuration (which window and frame
// sizes HTTP/2 allows is Qt's answer), used on the JS thread directly: it is a reentrant value
// type. A QNetworkRequest holds one (http2Configuration / setHttp2Configuration).
import { inspect, type InspectOptionsStylized } from 'node:util';
import { checkArity, checkBool, checkInt, describe } from './core/args';
import type { NativeHttp2Configuration } from './core/native';
import { native } from './core/runtime';
import { holdsNative, Value, valueKit } from './core/value';

// Qt takes the sizes as unsigned int, as PyQt6 does (a size outside it is PyQt6's OverflowError).
const UINT_MAX = 2 ** 32 - 1;

/** The HTTP/2 settings a request is sent with: server push, HPACK's Huffman coding, flow-control windows, frame size. */
export class QHttp2Configuration extends Value<NativeHttp2Configuration> {
  constructor();
  constructor(other: QHttp2Configuration);
  constructor(other?: QHttp2Configuration) {
    const method = 'QHttp2Configuration';
    checkArity(method, arguments, 0, 1);
    if (arguments.length === 1 && !(other instanceof QHttp2Configuration))
      throw new TypeError(`${method}: argument 'other' must be a QHttp2Configuration, got ${describe(other)}`);
    super(other === undefined ? new native.QHttp2Configuration() : new native.QHttp2Configuration(nativeOf(other)));
  }

  serverPushEnabled(): boolean {
    checkArity('QHttp2Configuration.serverPushEnabled', arguments, 0, 0);
    return nativeOf(this).serverPushEnabled();
  }

  setServerPushEnabled(enable: boolean): void {
    const method = 'QHttp2Configuration.setServerPushEnabled';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).setServerPushEnabled(checkBool(method, 'enable', enable));
  }

  huffmanCompressionEnabled(): boolean {
    checkArity('QHttp2Configuration.huffmanCompressionEnabled', arguments, 0, 0);
    return nativeOf(this).huffmanCompressionEnabled();
  }

  setHuffmanCompressionEnabled(enable: boolean): void {
    const method = 'QHttp2Configuration.setHuffmanCompressionEnabled';
    checkArity(method, arguments, 1, 1);
    nativeOf(this).setHuffmanCompressionEnabled(checkBool(method, 'enable', enable));
  }

  sessionReceiveWindowSize(): number {
    checkArity('QHttp2Configuration.sessionReceiveWindowSize', arguments, 0, 0);
    return nativeOf(this).sessionReceiveWindowSize();
  }

  /** false (and Qt's warning) for a size HTTP/2 does not allow: the setting is then unchanged. */
  setSessionReceiveWindowSize(size: number): boolean {
    const method = 'QHttp2Configuration.setSessionReceiveWindowSize';
    checkArity(method, arguments, 1, 1);
    return nativeOf(this).setSessionReceiveWindowSize(checkInt(method, 'size', size, 0, UINT_MAX));
  }

  streamReceiveWindowSize(): number {
    checkArity('QHttp2Configuration.streamReceiveWindowSize', arguments, 0, 0);
    return nativeOf(this).streamReceiveWindowSize();
  }

  /** false (and Qt's warning) for a size HTTP/2 does not allow: the setting is then unchanged. */
  setStreamReceiveWindowSize(size: number): boolean {
    const method = 'QHttp2Configuration.setStreamReceiveWindowSize';
    checkArity(method, arguments, 1, 1);
    return nativeOf(this).setStreamReceiveWindowSize(checkInt(method, 'size', size, 0, UINT_MAX));
  }

  maxFrameSize(): number {
    checkArity('QHttp2Configuration.maxFrameSize', arguments, 0, 0);
    return nativeOf(this).maxFrameSize();
  }

  /** false (and Qt's warning) for a size HTTP/2 does not allow: the setting is then unchanged. */
  setMaxFrameSize(size: number): boolean {
    const method = 'QHttp2Configuration.setMaxFrameSize';
    checkArity(method, arguments, 1, 1);
    return nativeOf(this).setMaxFrameSize(checkInt(method, 'size', size, 0, UINT_MAX));
  }

  swap(other: QHttp2Configuration): void {
    checkArity('QHttp2Configuration.swap', arguments, 1, 1);
    if (!(other instanceof QHttp2Configuration))
      throw new TypeError(
        `QHttp2Configuration.swap: argument 'other' must be a QHttp2Configuration, got ${describe(other)}`,
      );
    nativeOf(this).swap(nativeOf(other));
  }

  /** Python's `==` (Qt's operator==); false for anything that is not a QHttp2Configuration. */
  equals(other: unknown): boolean {
    checkArity('QHttp2Configuration.equals', arguments, 1, 1);
    return other instanceof QHttp2Configuration && nativeOf(this).equals(nativeOf(other));
  }

  [inspect.custom](depth: number, options: InspectOptionsStylized, show: typeof inspect): string {
    if (!holdsNative(this)) return 'QHttp2Configuration {}';
    const n = nativeOf(this);
    const shown = {
      serverPushEnabled: n.serverPushEnabled(),
      huffmanCompressionEnabled: n.huffmanCompressionEnabled(),
      sessionReceiveWindowSize: n.sessionReceiveWindowSize(),
      streamReceiveWindowSize: n.streamReceiveWindowSize(),
      maxFrameSize: n.maxFrameSize(),
    };
    return `QHttp2Configuration ${show(shown, options)}`;
  }
}

// @internal nativeOf: the native configuration inside one (read it, don't keep it); fromNative:
// a QHttp2Configuration holding a copy of a native one.
const { nativeOf, fromNative } = valueKit<QHttp2Configuration, NativeHttp2Configuration>(
  QHttp2Configuration,
  native.QHttp2Configuration,
);
export { nativeOf, fromNative };
