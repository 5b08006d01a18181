// QNetworkReply: the reply Qt's QNetworkAccessManager makes, running where the sockets run
// (native/network_reply.cc). It is a QIODevice whose bytes arrive with the readyRead that announces
// them, so read()/readAll()/bytesAvailable() are synchronous, as on sockets, and which the Qt side
// hands over only as far as JS has room (acknowledged as JS reads): a reader that does not read
// holds a bounded amount and the origin's writes back up (TCP backpressure); its metadata (status,
// headers, url, error string) comes with the signals after which Qt has changed it. A reply keeps
// the process alive until its finished() has run, as a pending request does in Node.
import { checkArity, checkEnum, checkInt, describe, toBuffer, type BytesInput } from './core/args';
import { Handle } from './core/handle';
import type {
  NativeNetworkReply,
  NativeSslError,
  NativeSslPreSharedKeyAuthenticator,
  ReplySnapshot,
} from './core/native';
import type { Readable } from 'node:stream';
import { BodyPump } from './core/requestBody';
import { Limit, ReplyEvent as Ev, ReplySnapshot as Snap, ReplyStateBits as Bits } from './core/protocol';
import { OpenModeFlag, QIODevice } from './core/QIODevice';
import { drainEvents, native } from './core/runtime';
import { defineSignals, madeSignal, type Signal, type StateSignal, watchedKinds } from './core/signal';
import { SslErrorsQuestion } from './core/sslErrorsQuestion';
import type { QNetworkAccessManager } from './QNetworkAccessManager';
import {
  Attribute,
  KnownHeaders,
  QNetworkRequest,
  carryOrigin,
  fromNative as requestFromNative,
} from './QNetworkRequest';
import { QUrl } from './QUrl';
import type { QSslError } from './QSslError';
import {
  QSslPreSharedKeyAuthenticator,
  fromNative as pskFromNative,
  nativeOf as pskNativeOf,
} from './QSslPreSharedKeyAuthenticator';
import { QSslConfiguration, adopt as adoptConfiguration, nativeOf as nativeOfConfiguration } from './QSslConfiguration';

export enum NetworkError {
  NoError = 0,
  ConnectionRefusedError = 1,
  RemoteHostClosedError = 2,
  HostNotFoundError = 3,
  TimeoutError = 4,
  OperationCanceledError = 5,
  SslHandshakeFailedError = 6,
  TemporaryNetworkFailureError = 7,
  NetworkSessionFailedError = 8,
  BackgroundRequestNotAllowedError = 9,
  TooManyRedirectsError = 10,
  InsecureRedirectError = 11,
  UnknownNetworkError = 99,
  ProxyConnectionRefusedError = 101,
  ProxyConnectionClosedError = 102,
  ProxyNotFoundError = 103,
  ProxyTimeoutError = 104,
  ProxyAuthenticationRequiredError = 105,
  UnknownProxyError = 199,
  ContentAccessDenied = 201,
  ContentOperationNotPermittedError = 202,
  ContentNotFoundError = 203,
  AuthenticationRequiredError = 204,
  ContentReSendError = 205,
  ContentConflictError = 206,
  ContentGoneError = 207,
  UnknownContentError = 299,
  ProtocolUnknownError = 301,
  ProtocolInvalidOperationError = 302,
  ProtocolFailure = 399,
  InternalServerError = 401,
  OperationNotImplementedError = 402,
  ServiceUnavailableError = 403,
  UnknownServerError = 499,
}

/** What attribute() and header() return: PyQt6's types (a QUrl for URLs, a Buffer for bytes), null for none. */
export type ReplyValue = string | number | boolean | Buffer | Date | QUrl | null;

type Stored = [type: string, text: string];

// The reply's metadata as the Qt side sends it (native/network_reply.cc ReplyCore::meta), one
// string of fields, each its length, ':', then its text:
// url, errorString, n, (code, type, text) × n, m, (code, type, text) × m, (name, value)...
interface Meta {
  url: string;
  errorString: string;
  attributes: Map<number, Stored>;
  headers: Map<number, Stored>;
  raw: [string, string][];
}

const RESOLVED = Promise.resolve();
// The numbers of the snapshot a native call just answered (ReplySnapshot), read at once.
const slots = native.QNetworkReply.snapshotSlots;

const NO_META: Meta = { url: '', errorString: 'Unknown error', attributes: new Map(), headers: new Map(), raw: [] };

function unpack(packed: string): string[] {
  const out: string[] = [];
  for (let at = 0; at < packed.length;) {
    const colon = packed.indexOf(':', at);
    const end = colon + 1 + Number(packed.slice(at, colon));
    out.push(packed.slice(colon + 1, end));
    at = end;
  }
  return out;
}

function parseMeta(packed: string): Meta {
  const m = unpack(packed);
  if (m.length < 2) return NO_META;
  let at = 2;
  const section = (): Map<number, Stored> => {
    const out = new Map<number, Stored>();
    const n = Number(m[at++]);
    for (let k = 0; k < n; k++, at += 3) out.set(Number(m[at]), [m[at + 1], m[at + 2]]);
    return out;
  };
  const attributes = section();
  const headers = section();
  const raw: [string, string][] = [];
  for (; at + 1 < m.length; at += 2) raw.push([m[at], m[at + 1]]);
  return { url: m[0], errorString: m[1], attributes, headers, raw };
}

// Latin-1 both ways: the Qt side sent each byte as one character.
const bytesOf = (s: string): Buffer => Buffer.from(s, 'latin1');

function valueOf(stored: Stored | undefined): ReplyValue {
  if (stored === undefined) return null;
  const [type, text] = stored;
  switch (type) {
    case 't':
      return text === '1';
    case 'i':
      return Number(text);
    case 'b':
      return bytesOf(text);
    case 'u':
      return new QUrl(text);
    case 'd':
      return new Date(Number(text));
    default:
      return text;
  }
}

// The events that carry the metadata Qt has when it emits them.
const META_EVENTS = new Set<number>([Ev.MetaDataChanged, Ev.Redirected, Ev.ErrorOccurred, Ev.Finished]);

// Signals whose events carry only the reply's state (StateSignal): sent while a slot watches them.
const STATE_SIGNALS: readonly StateSignal[] = [
  ['requestSent', Ev.RequestSent],
  ['socketStartedConnecting', Ev.SocketStartedConnecting],
  ['downloadProgress', Ev.DownloadProgress],
  ['uploadProgress', Ev.UploadProgress],
  ['readChannelFinished', Ev.ReadChannelFinished],
];

export class QNetworkReply extends QIODevice {
  static readonly NetworkError = NetworkError;

  declare readonly finished: Signal<[]>;
  declare readonly errorOccurred: Signal<[NetworkError]>;
  declare readonly metaDataChanged: Signal<[]>;
  declare readonly downloadProgress: Signal<[number, number]>;
  declare readonly uploadProgress: Signal<[number, number]>;
  declare readonly redirected: Signal<[QUrl]>;
  /** Emit it (in redirected's slot, or later) to let Qt follow a redirect under UserVerifiedRedirectPolicy. */
  declare readonly redirectAllowed: Signal<[]>;
  declare readonly socketStartedConnecting: Signal<[]>;
  declare readonly requestSent: Signal<[]>;
  declare readonly encrypted: Signal<[]>;
  /**
   * Call ignoreSslErrors() in the slot, synchronously, as in PyQt6: Qt reads whether it was called
   * (and with which errors) when the slots return (Qt's HTTP thread waits for them). The manager's
   * sslErrors(reply, errors) slots run first, and answer the same question.
   */
  declare readonly sslErrors: Signal<[QSslError[]]>;
  /** Set the identity and key on the authenticator in the slot, synchronously (the manager's slots run first). */
  declare readonly preSharedKeyAuthenticationRequired: Signal<[QSslPreSharedKeyAuthenticator]>;

  private readonly h: Handle<NativeNetworkReply, never>;
  private readonly mgr: QNetworkAccessManager;
  private seq = 0; // the newest event or snapshot applied
  private eventSeq = 0; // the newest event delivered
  private state = 0;
  private mode = OpenModeFlag.NotOpen;
  private err = NetworkError.NoError;
  private op = 0;
  // The metadata as it came, taken apart when first asked for (most replies are asked little).
  private metaText = '';
  private parsed: Meta | null = NO_META;
  private forwardsRedirectAllowed = false;
  private _readBufferSize = 0;
  private limitSet = false;
  private unacked = 0; // bytes read here that the Qt side has not been told about
  private body: BodyPump | null = null; // a request body streamed from JS, while it is sent
  private question: SslErrorsQuestion | undefined = undefined; // made when first needed (TLS errors are rare)
  private watchedKinds = -1; // what the Qt side was last told (watchSignals); -1: not yet (begin)

  /** @internal made by QNetworkAccessManager only (PyQt6's replies come from a manager). */
  constructor(manager: QNetworkAccessManager, start: (reply: NativeNetworkReply) => ReplySnapshot) {
    if (typeof start !== 'function')
      throw new TypeError('QNetworkReply: made by QNetworkAccessManager only (get, post, put...)');
    super();
    this.mgr = manager;
    // Active (held strongly, keeping the process alive) until the finished event has been
    // delivered, not until Qt's state says finished: in the thread runtime an earlier event or a
    // snapshot may carry that state while finished is still on its way, and the process would
    // exit with the program still awaiting it.
    this.h = new Handle(this, new native.QNetworkReply(), true);
    let s: ReplySnapshot;
    try {
      s = start(this.h.native);
    } catch (err) {
      this.h.setActive(false); // no reply: nothing to wait for
      throw err;
    }
    this.op = slots[Snap.Operation];
    this.apply(s);
    // The Qt side hands nothing over until the code that made the reply has had its turn to call
    // setReadBufferSize (whose size then holds from the first byte); else the default window. It
    // sends every event until then, while that code connects its slots. (A promise job: Node's
    // queueMicrotask makes an AsyncResource per call.)
    void RESOLVED.then(() => this.begin());
  }

  private begin(): void {
    if (this.h.gone) return;
    this.watchedKinds = watchedKinds(this, STATE_SIGNALS);
    this.h.native.begin(this.watchedKinds, !this.limitSet);
  }

  /** @internal a slot of a STATE_SIGNALS signal was connected or disconnected. */
  watchSignals(): void {
    if (this.watchedKinds < 0 || this.h.gone) return; // begin() tells
    const kinds = watchedKinds(this, STATE_SIGNALS);
    if (kinds !== this.watchedKinds) {
      this.watchedKinds = kinds;
      this.h.native.watch(kinds);
    }
  }

  // `meta` and the slots: the snapshot a native call just answered.
  private apply(meta: ReplySnapshot): void {
    if (slots[Snap.Seq] < this.seq) return;
    this.seq = slots[Snap.Seq];
    this.setState(slots[Snap.State], slots[Snap.OpenMode], slots[Snap.Error]);
    this.setMeta(meta);
  }

  private setMeta(packed: string): void {
    if (packed === this.metaText && this.parsed !== null) return;
    this.metaText = packed;
    this.parsed = null;
  }

  private get meta(): Meta {
    return (this.parsed ??= parseMeta(this.metaText));
  }

  private setState(state: number, mode: number, error: number): void {
    this.state = state;
    this.mode = mode;
    this.err = error;
  }

  /** @internal */
  onEvent(
    kind: number,
    seq: number,
    state: number,
    mode: number,
    error: number,
    arg: number,
    d0: number,
    d1: number,
    payload: unknown,
  ): void {
    this.eventSeq = seq;
    if (seq > this.seq) {
      this.seq = seq;
      if (kind !== Ev.Destroyed) this.setState(state, mode, error);
      // [arg, metadata], or nothing when the metadata is as JS has it (network_reply.cc pushMeta).
      if (Array.isArray(payload) && META_EVENTS.has(kind)) this.setMeta((payload as string[])[1]);
    }
    switch (kind) {
      case Ev.ReadyRead:
        this.appendReceived(payload as Buffer);
        if (arg !== 0) madeSignal(this, 'readyRead')?.emit(); // else bytes Qt never announced (network_reply.cc)
        break;
      case Ev.MetaDataChanged:
        madeSignal(this, 'metaDataChanged')?.emit();
        break;
      case Ev.DownloadProgress:
        madeSignal(this, 'downloadProgress')?.emit(d0, d1);
        break;
      case Ev.UploadProgress:
        madeSignal(this, 'uploadProgress')?.emit(d0, d1);
        break;
      case Ev.Redirected:
        // What the program emits on redirectAllowed goes to Qt's reply, from the first redirect on.
        if (!this.forwardsRedirectAllowed) {
          this.forwardsRedirectAllowed = true;
          this.redirectAllowed.connect(() => {
            if (!this.h.gone) this.apply(this.h.native.redirectAllowed());
          });
        }
        madeSignal(this, 'redirected')?.emit(new QUrl((payload as string[])[0]));
        break;
      case Ev.BodyRead:
        this.body?.onRead(d0);
        break;
      case Ev.SocketStartedConnecting:
        madeSignal(this, 'socketStartedConnecting')?.emit();
        break;
      case Ev.RequestSent:
        madeSignal(this, 'requestSent')?.emit();
        break;
      case Ev.Encrypted:
        // The manager's encrypted(reply) first: Qt's manager connected to the reply before we did.
        this.mgr._replyEncrypted(this);
        madeSignal(this, 'encrypted')?.emit();
        break;
      case Ev.SslErrors:
        (this.question ??= new SslErrorsQuestion()).ask(
          payload as [NativeSslError[], number],
          (errors) => {
            this.mgr._replySslErrors(this, errors);
            madeSignal(this, 'sslErrors')?.emit(errors);
          },
          (serial, all, errors) => this.mgr._answerSslErrors(serial, all, errors),
        );
        break;
      case Ev.PreSharedKeyAuthenticationRequired: {
        const [auth, serial] = payload as [NativeSslPreSharedKeyAuthenticator, number];
        const authenticator = pskFromNative(auth);
        try {
          this.mgr._replyPreSharedKey(this, authenticator);
          madeSignal(this, 'preSharedKeyAuthenticationRequired')?.emit(authenticator);
        } finally {
          if (serial !== 0) this.mgr._answerPreSharedKey(serial, pskNativeOf(authenticator));
        }
        break;
      }
      case Ev.ErrorOccurred:
        madeSignal(this, 'errorOccurred')?.emit(arg);
        break;
      case Ev.ReadChannelFinished:
        madeSignal(this, 'readChannelFinished')?.emit();
        break;
      case Ev.Finished:
        this.body?.stop();
        // The manager's finished(reply) first: Qt's manager connected to the reply before we did.
        // Inactive once the slots ran: one that deleted the reply leaves it held strongly until
        // its Destroyed (Handle.setActive).
        try {
          this.mgr._replyFinished(this);
          madeSignal(this, 'finished')?.emit();
        } finally {
          this.h.setActive(false);
        }
        break;
      case Ev.Destroyed:
        // What JS received stays readable (README: autoDeleteReplies); PyQt6 raises on a deleted reply.
        this.state &= ~Bits.Running;
        this.body?.stop();
        this.h.destroyed();
        madeSignal(this, 'destroyed')?.emit(this);
        break;
    }
  }

  /** @internal the request's body streams from `source` (the manager made the reply with body `true`). */
  _streamBody(source: Readable, method: string): void {
    this.body = new BodyPump(
      source,
      {
        write: (chunk) => {
          if (!this.h.gone) this.h.native.bodyWrite(chunk);
        },
        end: () => {
          if (!this.h.gone) this.h.native.bodyEnd();
        },
        abort: () => this.abort(),
      },
      method,
    );
  }

  /** @internal the most bytes of a streamed body that were sent and not yet read by Qt (tests). */
  _bodyMaxUnread(): number {
    return this.body?.maxUnread ?? 0;
  }

  /** The manager that made this reply. */
  manager(): QNetworkAccessManager {
    return this.mgr;
  }

  openMode(): OpenModeFlag {
    return this.mode;
  }

  error(): NetworkError {
    return this.err;
  }

  errorString(): string {
    return this.meta.errorString;
  }

  isFinished(): boolean {
    return (this.state & Bits.Finished) !== 0;
  }

  isRunning(): boolean {
    return (this.state & Bits.Running) !== 0;
  }

  /** QNetworkAccessManager.Operation. */
  operation(): number {
    return this.op;
  }

  /** The URL of the content: after a redirect that was followed, the new one. */
  url(): QUrl {
    return new QUrl(this.meta.url);
  }

  /** Qt's copy of the request, as the manager sent it. */
  request(): QNetworkRequest {
    checkArity('QNetworkReply.request', arguments, 0, 0);
    const request = requestFromNative(this.h.native.request());
    carryOrigin(this, request);
    return request;
  }

  /** As Qt has it after the last signal delivered: HttpStatusCodeAttribute, HttpReasonPhraseAttribute... */
  attribute(code: QNetworkRequest.Attribute | number): ReplyValue {
    const method = 'QNetworkReply.attribute';
    checkArity(method, arguments, 1, 1);
    if (!(typeof code === 'number' && Number.isInteger(code) && code >= Attribute.User && code <= Attribute.UserMax))
      checkEnum(method, 'code', code, Attribute, 'QNetworkRequest.Attribute');
    return valueOf(this.meta.attributes.get(code));
  }

  header(header: QNetworkRequest.KnownHeaders): ReplyValue {
    const method = 'QNetworkReply.header';
    checkArity(method, arguments, 1, 1);
    checkEnum(method, 'header', header, KnownHeaders, 'QNetworkRequest.KnownHeaders');
    return valueOf(this.meta.headers.get(header));
  }

  private findRaw(method: string, headerName: BytesInput): [string, string] | undefined {
    const name = toBuffer(method, 'headerName', headerName).toString('latin1').toLowerCase();
    return this.meta.raw.find(([n]) => n.toLowerCase() === name);
  }

  hasRawHeader(headerName: BytesInput): boolean {
    checkArity('QNetworkReply.hasRawHeader', arguments, 1, 1);
    return this.findRaw('QNetworkReply.hasRawHeader', headerName) !== undefined;
  }

  /** The header's value (case-insensitive name); an empty Buffer if there is none. */
  rawHeader(headerName: BytesInput): Buffer {
    checkArity('QNetworkReply.rawHeader', arguments, 1, 1);
    const found = this.findRaw('QNetworkReply.rawHeader', headerName);
    return found ? bytesOf(found[1]) : Buffer.alloc(0);
  }

  rawHeaderList(): Buffer[] {
    checkArity('QNetworkReply.rawHeaderList', arguments, 0, 0);
    return this.meta.raw.map(([n]) => bytesOf(n));
  }

  /** [name, value] pairs, as PyQt6's list of tuples. */
  rawHeaderPairs(): [Buffer, Buffer][] {
    checkArity('QNetworkReply.rawHeaderPairs', arguments, 0, 0);
    return this.meta.raw.map(([n, v]) => [bytesOf(n), bytesOf(v)]);
  }

  /**
   * Stops the transfer: Qt emits errorOccurred(OperationCanceledError) and finished inside abort();
   * they have run when it returns, in both runtimes.
   */
  abort(): void {
    checkArity('QNetworkReply.abort', arguments, 0, 0);
    this.stop(() => this.h.native.abort());
  }

  /** Qt's close() aborts a running reply as abort() does; a finished one stays as it is, readable. */
  close(): void {
    checkArity('QNetworkReply.close', arguments, 0, 0);
    this.stop(() => this.h.native.close());
  }

  // The thread runtime delivers what Qt emitted before and inside the call now, as PyQt6 has run it
  // when the call returns.
  private stop(call: () => ReplySnapshot): void {
    if (this.h.gone) return;
    this.apply(call());
    if (this.eventSeq < this.seq) drainEvents();
  }

  /** @internal Qt's closed reply (abort) reads nothing, though bytesAvailable() counts what it holds. */
  protected override readableWhenClosed(): boolean {
    return false;
  }

  /** A reply is read-only: Qt refuses the write (-1) with a warning. */
  write(data: BytesInput): number {
    toBuffer('QNetworkReply.write', 'data', data);
    process.emitWarning(`QIODevice::write (QNetworkReply): ReadOnly device`);
    return -1;
  }

  bytesToWrite(): number {
    return 0;
  }

  /** QIODevice's: a reply has no blocking wait in Qt; false at once, as PyQt6 returns. */
  waitForReadyRead(): Promise<boolean> {
    return Promise.resolve(false);
  }

  waitForBytesWritten(): Promise<boolean> {
    return Promise.resolve(false);
  }

  /**
   * As Qt: 0 (the default) is unlimited, though here the Qt side hands over at most a 16 MiB
   * window more than JS has read, so a reply nobody reads stays bounded in memory and its origin's
   * writes back up. A size caps what bytesAvailable() reaches while the reply runs (at finished,
   * what Qt still held is all there), and Qt's HTTP thread stops reading the socket meanwhile.
   */
  readBufferSize(): number {
    return this._readBufferSize;
  }

  setReadBufferSize(size: number): void {
    checkArity('QNetworkReply.setReadBufferSize', arguments, 1, 1);
    checkInt('QNetworkReply.setReadBufferSize', 'size', size, 0, Number.MAX_SAFE_INTEGER);
    this._readBufferSize = size;
    this.limitSet = true;
    if (this.h.gone) return;
    this.ackHeld();
    this.h.native.setReadLimit(size);
  }

  /** @internal the read buffer gave up n bytes: the Qt side may hand over that much more. */
  protected consumed(n: number): void {
    this.unacked += n;
    // With a size, every read makes room at once (Qt's reply tells its HTTP thread of each read);
    // without, the Qt side is told in steps of a quarter of its window, not at every read that
    // empties the buffer (most do: one crossing per readyRead). It stalls only when JS holds
    // three quarters of the window: JS having read it all, what it read fills a step.
    if (this._readBufferSize > 0 || this.unacked >= Limit.DefaultReadLimit / 4) this.ackHeld();
  }

  private ackHeld(): void {
    if (this.unacked > 0 && !this.h.gone && !this.isFinished()) this.h.native.ack(this.unacked);
    this.unacked = 0;
  }

  /**
   * ignoreSslErrors(): go on despite the TLS errors; ignoreSslErrors(errors): only if the errors are
   * these. In an sslErrors slot (the reply's or the manager's) it answers Qt's question; before,
   * Qt keeps it for the handshake to come.
   */
  ignoreSslErrors(errors?: Iterable<QSslError>): void {
    const list = (this.question ??= new SslErrorsQuestion()).ignore('QNetworkReply.ignoreSslErrors', arguments, errors);
    if (list === undefined || this.h.gone) return;
    if (list) this.h.native.ignoreSslErrors(list);
    else this.h.native.ignoreSslErrors();
  }

  /** The reply's TLS configuration as Qt has it now: once encrypted, with the peer's certificates and the cipher. */
  sslConfiguration(): QSslConfiguration {
    checkArity('QNetworkReply.sslConfiguration', arguments, 0, 0);
    if (this.h.gone) return new QSslConfiguration();
    return adoptConfiguration(this.h.native.sslConfiguration());
  }

  /** Qt uses it for the connection only if set before the request's connection is made. */
  setSslConfiguration(configuration: QSslConfiguration): void {
    const method = 'QNetworkReply.setSslConfiguration';
    checkArity(method, arguments, 1, 1);
    if (!(configuration instanceof QSslConfiguration))
      throw new TypeError(
        `${method}: argument 'configuration' must be a QSslConfiguration, got ${describe(configuration)}`,
      );
    if (!this.h.gone) this.h.native.setSslConfiguration(nativeOfConfiguration(configuration));
  }

  /** Frees the Qt reply (a running one is aborted first by Qt's destructor); `destroyed` follows. */
  deleteLater(): void {
    this.h.deleteLater();
  }

  /** As net.Socket.unref(): the process may exit while this reply runs. */
  unref(): this {
    this.h.ref(false);
    return this;
  }

  ref(): this {
    this.h.ref(true);
    return this;
  }
}
defineSignals(QNetworkReply, [
  'finished',
  'errorOccurred',
  'metaDataChanged',
  'redirected',
  'redirectAllowed',
  'encrypted',
  'sslErrors',
  'preSharedKeyAuthenticationRequired',
]);
defineSignals(
  QNetworkReply,
  STATE_SIGNALS.map(([name]) => name),
  (reply: QNetworkReply) => reply.watchSignals(),
);

// eslint-disable-next-line @typescript-eslint/no-namespace
export declare namespace QNetworkReply {
  type NetworkError = import('./QNetworkReply').NetworkError;
}
