// A request body streamed from JS (beyond PyQt6): a Node Readable, a web ReadableStream or an async
// iterable of bytes or strings, fed chunk by chunk to the sequential device Qt reads the body from
// (native/readable_device.h). The source pauses while BODY_HIGH_WATER bytes or more sent wait
// for Qt to read them (Qt's reads come back as BodyRead events) and resumes as Qt reads on. Its end
// ends the device; a source that fails or is destroyed first aborts the reply; a reply that ends
// first (aborted, deleted, answered early) destroys the source.
import { Readable } from 'node:stream';
import { describe } from './args';

/** The source pauses while this many bytes sent wait for Qt to read them (a chunk more at most). */
export const BODY_HIGH_WATER = 1 << 20;

/** A body the request streams (the source is read as Qt sends it). */
export type BodySource = Readable | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array | string>;

/**
 * `v` as a Readable when it is a stream (a Readable, a web ReadableStream or an async iterable),
 * null when it is another kind of body; a TypeError for a Readable that has already ended.
 */
export function streamSource(method: string, arg: string, v: unknown): Readable | null {
  if (typeof v !== 'object' || v === null) return null;
  let source: Readable;
  if (v instanceof Readable) source = v;
  else if (v instanceof ReadableStream) source = Readable.fromWeb(v as ReadableStream<Uint8Array>);
  else if (Symbol.asyncIterator in v) source = Readable.from(v as AsyncIterable<unknown>);
  else return null;
  if (source.destroyed || source.readableEnded)
    throw new TypeError(
      `${method}: argument '${arg}' is a stream that has already ${source.destroyed ? 'been destroyed' : 'ended'}`,
    );
  return source;
}

/** What the pump needs of its reply. */
export interface BodyTarget {
  write(chunk: Buffer): void;
  end(): void;
  /** The source failed or was destroyed before its end: the reply is aborted. */
  abort(): void;
}

export class BodyPump {
  private sent = 0; // bytes handed to the Qt side
  private read = 0; // of those, what Qt has read
  private pausedHere = false;
  private ended = false; // the source's end went to the Qt side
  private stopped = false;
  /** The most bytes sent and not yet read by Qt at any time (tests check the bound). */
  maxUnread = 0;

  constructor(
    private readonly source: Readable,
    private readonly target: BodyTarget,
    private readonly method: string,
  ) {
    source.on('data', this.onData);
    source.once('end', this.onEnd);
    source.once('error', this.onFailed);
    source.once('close', this.onFailed); // closed without its end: destroyed
    // Flowing even if it was paused before it was handed over.
    source.resume();
  }

  private readonly onData = (chunk: unknown): void => {
    let bytes: Buffer;
    if (Buffer.isBuffer(chunk)) bytes = chunk;
    else if (chunk instanceof Uint8Array) bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    else if (typeof chunk === 'string') bytes = Buffer.from(chunk);
    else {
      this.source.destroy(
        new TypeError(
          `${this.method}: the body stream gave ${describe(chunk)}, not bytes (a Buffer, Uint8Array or string)`,
        ),
      );
      return;
    }
    if (bytes.length === 0) return;
    this.target.write(bytes);
    this.sent += bytes.length;
    const unread = this.sent - this.read;
    if (unread > this.maxUnread) this.maxUnread = unread;
    if (unread >= BODY_HIGH_WATER && !this.pausedHere) {
      this.pausedHere = true;
      this.source.pause();
    }
  };

  private readonly onEnd = (): void => {
    if (this.stopped || this.ended) return;
    this.ended = true;
    this.target.end();
  };

  private readonly onFailed = (): void => {
    if (this.stopped || this.ended) return;
    this.detach();
    this.target.abort();
  };

  /** Qt has read `total` bytes of the body so far. */
  onRead(total: number): void {
    this.read = total;
    if (this.pausedHere && !this.stopped && this.sent - this.read < BODY_HIGH_WATER) {
      this.pausedHere = false;
      this.source.resume();
    }
  }

  /** The reply ended (finished, aborted, deleted): a source not at its end yet is destroyed. */
  stop(): void {
    if (this.stopped) return;
    const ended = this.ended;
    this.detach();
    if (!ended && !this.source.destroyed) {
      // What it may still report is no concern of the reply's, and not an uncaught error.
      this.source.on('error', () => {});
      this.source.destroy();
    }
  }

  private detach(): void {
    this.stopped = true;
    this.source.off('data', this.onData);
    this.source.off('end', this.onEnd);
    this.source.off('error', this.onFailed);
    this.source.off('close', this.onFailed);
  }
}
