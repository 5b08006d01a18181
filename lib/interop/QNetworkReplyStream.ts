// A Node Readable view of a QNetworkReply's body, so that Node code (pipeline to a file, a hash)
// can consume a download Qt makes. As the socket streams (socketStream.ts), bytes are pulled from
// the reply only while the readable side wants more; when it is full, the reply's bounded read
// buffer fills, the Qt side stops handing over and its HTTP thread stops reading the socket, so the
// origin's writes back up instead of memory growing. The stream ends at the reply's finished; a
// Qt error (errorOccurred: a refused connection, a 404, a transfer timeout) destroys it with an
// Error whose code is QT_<NetworkError name>; destroying it aborts a running reply.
import { Readable, ReadableOptions } from 'node:stream';
import { describe } from '../core/args';
import { NetworkError, QNetworkReply } from '../QNetworkReply';
import { connectTracked, type SlotTarget } from './socketStream';

const CHUNK = 64 * 1024;

export interface QNetworkReplyStreamOptions extends Omit<ReadableOptions, 'objectMode' | 'read'> {
  /** Caps what the reply holds unread (setReadBufferSize) when it has no cap; default: no cap
   * (the reply's own bounded window). */
  readBufferSize?: number;
}

/** The error a reply's Qt error becomes on the stream: Qt's message, code QT_<NetworkError name>. */
function replyError(reply: QNetworkReply, error: NetworkError): Error & { code: string; qtError: number } {
  const name = NetworkError[error] ?? String(error);
  return Object.assign(new Error(`${reply.errorString()} (QNetworkReply.NetworkError.${name})`), {
    code: `QT_${name}`,
    qtError: error,
  });
}

export class QNetworkReplyStream extends Readable {
  /** The reply this is a view of (its Qt API stays usable: headers, attributes, signals). */
  readonly reply: QNetworkReply;
  private wanted = false; // the readable side asked for data and has not been refused
  private ended = false; // the reply finished: what it holds is all there is
  private failed = false; // Qt reported an error
  private readonly slots: Array<[{ disconnect(f: unknown): void }, unknown]> = [];

  constructor(reply: QNetworkReply, options: QNetworkReplyStreamOptions = {}) {
    if (!(reply instanceof QNetworkReply))
      throw new TypeError(`QNetworkReplyStream: argument 'reply' must be a QNetworkReply, got ${describe(reply)}`);
    const { readBufferSize, ...readable } = options ?? {};
    super(readable);
    this.reply = reply;
    if (readBufferSize !== undefined && reply.readBufferSize() === 0) reply.setReadBufferSize(readBufferSize);
    this.on$(reply.readyRead, () => {
      if (this.wanted) this.pull();
    });
    // Qt finishes the reply itself after its error: nothing to abort then.
    this.on$(reply.errorOccurred, (error: NetworkError) => {
      this.failed = true;
      this.destroy(replyError(reply, error));
    });
    this.on$(reply.finished, () => this.finish());
    if (reply.isFinished()) process.nextTick(() => this.finish());
  }

  private on$<A extends unknown[]>(signal: SlotTarget<A>, f: (...a: A) => void): void {
    connectTracked(this.slots, signal, f);
  }

  _read(): void {
    this.wanted = true;
    this.pull();
  }

  private pull(): void {
    while (this.wanted && !this.destroyed && this.reply.bytesAvailable() > 0) {
      // Reading frees room in the reply's read buffer: the Qt side hands over more.
      const chunk = this.reply.read(Math.min(this.reply.bytesAvailable(), CHUNK));
      if (chunk.length === 0) break; // a reply Qt closed reads nothing
      if (!this.push(chunk)) this.wanted = false;
    }
    if (this.ended && !this.destroyed && this.reply.bytesAvailable() === 0) this.push(null);
  }

  private finish(): void {
    if (this.ended || this.destroyed) return;
    const error = this.reply.error();
    if (error !== NetworkError.NoError) {
      this.destroy(replyError(this.reply, error));
      return;
    }
    this.ended = true;
    // What the reply still holds is delivered first; the end follows it.
    if (this.reply.bytesAvailable() === 0) this.push(null);
    else if (this.wanted) this.pull();
  }

  _destroy(err: Error | null, callback: (err?: Error | null) => void): void {
    for (const [signal, f] of this.slots) signal.disconnect(f);
    this.slots.length = 0;
    if (!this.failed && this.reply.isRunning() && !this.reply.isFinished()) this.reply.abort();
    callback(err);
  }
}
