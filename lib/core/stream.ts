// What QAbstractSocket and QLocalSocket share: a QIODevice whose Qt object is a connected stream on
// the Qt side (native/io_device.h StreamHandle). The state here is the JS side's view of it: it
// changes when Qt's events are delivered (in Qt's order) and when a call that changes state in Qt
// returns (connect, abort, close, disconnect). Received bytes come with the events that announce
// them; writes go to the Qt side in order; the waits PyQt6 blocks in are promises.
import { AbortOptions, asyncDisposeSymbol, disposeSymbol, signalOf } from './node';
import { checkArity, checkMsecs, toBuffer, type BytesInput } from './args';
import { Handle } from './handle';
import type { NativeStreamSocket, StreamSnapshot } from './native';
import { Limit, SocketEvent as Ev, SocketSnapshot, SocketStateBits, SocketWait as Wait } from './protocol';
import { OpenModeFlag, QIODevice } from './QIODevice';
import { drainEvents, eventInsideCall, EventSink, runtime } from './runtime';
import { defineSignals, madeSignal, recording, Signal } from './signal';

// The states both socket enums give the same numbers (QAbstractSocket.SocketState, QLocalSocket.LocalSocketState).
const enum State {
  Unconnected = 0,
  HostLookup = 1,
  Connecting = 2,
  Connected = 3,
  Closing = 6,
}

/** Whether Qt emits disconnected() when a socket leaves `state` for UnconnectedState. */
const wasConnected = (state: number): boolean => state === State.Connected || state === State.Closing;

// QAbstractSocket.SocketError.UnknownSocketError, QLocalSocket.LocalSocketError.UnknownSocketError.
const UNKNOWN_ERROR = -1;

// An event that comes before a wait is called may be one PyQt6's blocking wait would have caught:
// it is kept as news for the wait (Fresh), as PyQt6's wait would have found it, unless Qt emitted
// it inside a call JS made (the loop runtime), where PyQt6 runs it too, before any later wait.
// The thread runtime delivers every event after its call.
export const isNews = (): boolean => runtime === 'thread' || !eventInsideCall();

interface Fresh {
  readyRead: boolean;
  bytesWritten: boolean;
  disconnected: boolean;
}

/**
 * An event's number as the field that keeps it: a small integer when it is one. The numbers come
 * from a Float64Array, read as heap numbers, and a field that once holds one keeps every value
 * boxed (16 bytes each, for every socket); an integer stays unboxed.
 */
const int = (v: number): number => ((v | 0) === v ? v | 0 : v);

// One copy of the addresses and messages seen lately, which sockets keep instead of a copy each:
// the clients of one server all have its address as peer, and most sockets one local address.
// `kept`, the value the field holds now, when `s` is the same text: most events and snapshots
// bring a socket's strings again unchanged, and comparing costs less than hashing a new string.
const lastStrings = new Map<string, string>();
export function shared(s: string, kept?: string): string {
  if (s === kept) return kept;
  const known = lastStrings.get(s);
  if (known !== undefined) return known;
  if (lastStrings.size >= 16) lastStrings.clear();
  lastStrings.set(s, s);
  return s;
}

export abstract class StreamSocket<N extends NativeStreamSocket = NativeStreamSocket>
  extends QIODevice
  implements EventSink
{
  // The subclass declares them with its own enums as arguments.
  declare readonly connected: Signal<[]>;
  declare readonly disconnected: Signal<[]>;
  declare readonly errorOccurred: Signal<[number]>;
  declare readonly stateChanged: Signal<[number]>;

  /** @internal */
  protected readonly h: Handle<N, boolean>;

  // The mirror of the Qt socket, as of event or snapshot number `seq`.
  private seq = 0;
  private eventSeq = 0; // the newest event delivered (events up to `seq` may still be on their way)
  /** @internal the state and error as Qt numbers them (the subclass's enums) */
  protected _state = 0;
  protected _error = UNKNOWN_ERROR;
  private _valid = false;
  private _openMode = OpenModeFlag.NotOpen;
  private _errorString = 'Unknown error';
  private qtBytesToWrite = 0;
  private qtTaken = 0; // bytes of our writes the Qt side has taken
  private jsWritten = 0; // bytes of our writes sent to the Qt side

  private discardUpTo = 0; // received bytes from events up to this seq were dropped by close/abort
  private unacked = 0; // bytes read here that the Qt side has not been told about
  private readPaused = false; // a capped buffer filled up: Qt reads again once a read empties it
  private watchingBytesWritten = false;
  // Left unconnected, with Qt's endpoint refresh (the last event of a disconnect) still to come:
  // the slots of what comes between (disconnected) must run before the process may exit.
  private endpointPending = false;
  // What happened since the program last waited for it or consumed it. PyQt6 code that blocks
  // (write, then waitForReadyRead) finds the answer still unread in the kernel when it waits; here
  // the Qt side may have received it already, while JS was busy: a wait then returns at once.
  private _fresh: Fresh | undefined = undefined; // made when first set: memory per socket
  private announcePending = false;
  // Events up to this one belong to a connection that abort() or a new connect ended before JS saw
  // them, and that no call of JS's made (the thread runtime's Qt went on meanwhile, or a wait held
  // them back): their signals are not delivered, so nothing of an old connection reaches the slots
  // after the call.
  private staleUpTo = 0;
  // The event that left the socket unconnected, whose waits the Endpoint event after it ends (0: none).
  private unconnectedSeq = 0;

  /** @internal */
  protected constructor(nativeSocket: N) {
    super();
    this.h = new Handle(this, nativeSocket);
    if (recording()) this.bytesWrittenWatched();
  }

  /** @internal a wait started or ended: Qt wakes us for bytesWritten while one watches it. */
  waitsChanged(kind: number): void {
    if (kind === Wait.BytesWritten) this.bytesWrittenWatched();
  }

  // ---- what the subclass says ----

  /** @internal the Qt class whose warnings we repeat ('QAbstractSocket', 'QLocalSocket'). */
  protected abstract qtClass(): string;
  /** @internal the strings a snapshot or an event carries (addresses, names), from `at` on. */
  protected abstract applyStrings(strings: readonly unknown[], at: number): void;
  /** @internal an event of a kind only the subclass has (HostFound, ProxyAuthenticationRequired). */
  protected otherEvent(_kind: number, _seq: number, _arg: number, _payload: unknown): void {}
  /** @internal whether an event of `kind` with an array payload carries the endpoint strings. */
  protected carriesEndpoint(kind: number): boolean {
    return kind !== Ev.ErrorOccurred && kind !== Ev.ProxyAuthenticationRequired;
  }
  /** @internal the graceful end `await using` waits for (disconnectFromHost, disconnectFromServer). */
  protected abstract disconnectGracefully(): void;
  abstract readBufferSize(): number;
  abstract setReadBufferSize(size: number): void;
  /** The state, as the subclass's enum numbers it (the same numbers in both). */
  abstract state(): number;

  /** @internal whether Qt emits channelReadyRead/channelBytesWritten beside readyRead/bytesWritten
   * (QAbstractSocket's QIODevice does; QLocalSocket forwards its inner socket's plain signals). */
  protected channelSignals(): boolean {
    return true;
  }

  /** @internal `_fresh`, made on first use; an event or QUdpSocket sets it. */
  protected get fresh(): Fresh {
    return (this._fresh ??= { readyRead: false, bytesWritten: false, disconnected: false });
  }

  // ---- events from the Qt side ----

  /** @internal */
  onEvent(
    kind: number,
    seq: number,
    packed: number,
    openMode: number,
    error: number,
    arg: number,
    btw: number,
    taken: number,
    payload: unknown,
    more: boolean,
  ): void {
    if (this.announcePending && kind !== Ev.ReadyRead && kind !== Ev.Endpoint) this.announce();
    if (seq > this.eventSeq) this.eventSeq = int(seq);
    const was = this._state;
    const counted = seq <= this.seq; // a call's snapshot counted it: JS has seen its state
    if (seq <= this.staleUpTo && kind !== Ev.Destroyed) {
      this.staleEvent(kind, seq, arg, was);
      return;
    }
    if (seq > this.seq) {
      this.seq = int(seq);
      this.applyState(packed, openMode, error, btw, taken);
      if (Array.isArray(payload) && this.carriesEndpoint(kind)) this.applyStrings(payload, 0);
      if (kind === Ev.Endpoint)
        this._errorString = shared((payload as string[])[(payload as string[]).length - 1], this._errorString);
    } else if (seq === this.seq) {
      this.updateKeepAlive(); // the last event a snapshot counted is here
    }
    switch (kind) {
      case Ev.StateChanged:
        // Left unconnected: the waits end after (settleUnconnected); when the socket was
        // connected, disconnected marks it (below).
        if (arg === State.Unconnected && !wasConnected(was)) this.unconnectedSeq = seq;
        if (arg === State.Unconnected) this.holdUntilEndpoint(true);
        madeSignal(this, 'stateChanged')?.emit(arg);
        break;
      case Ev.Connected:
        this.h.settle(Wait.Connected, true, seq);
        madeSignal(this, 'connected')?.emit();
        break;
      case Ev.Disconnected:
        // News for a later wait, unless a wait takes it now (as Qt's blocking one would), or JS
        // has seen the socket unconnected already (PyQt6's wait would then say false).
        if (isNews() && !counted) this.fresh.disconnected = !this.h.hasWait(Wait.Disconnected);
        madeSignal(this, 'disconnected')?.emit();
        this.unconnectedSeq = seq;
        break;
      case Ev.Endpoint:
        this.holdUntilEndpoint(false);
        this.settleUnconnected();
        break;
      case Ev.ErrorOccurred:
        if (seq >= this.seq) this._errorString = shared((payload as string[])[0], this._errorString);
        madeSignal(this, 'errorOccurred')?.emit(arg);
        break;
      case Ev.ReadyRead:
        if (seq <= this.discardUpTo) break;
        this.received(payload, arg);
        if (isNews()) this.fresh.readyRead = true;
        if (more) break; // one readyRead for a run of data events, as one Qt read would give
        this.announcePending = false;
        if (this.h.settle(Wait.ReadyRead, true, seq)) this.fresh.readyRead = false;
        if (!this.shouldAnnounce()) break;
        madeSignal(this, 'readyRead')?.emit();
        if (this.channelSignals()) madeSignal(this, 'channelReadyRead')?.emit(0);
        break;
      case Ev.BytesWritten:
      case Ev.DatagramWritten: // QUdpSocket.writeDatagram's: Qt emits bytesWritten alone
        {
          const taken = this.h.settle(Wait.BytesWritten, true, seq);
          if (isNews()) this.fresh.bytesWritten = !taken;
        }
        madeSignal(this, 'bytesWritten')?.emit(arg);
        if (kind === Ev.BytesWritten && this.channelSignals()) madeSignal(this, 'channelBytesWritten')?.emit(0, arg);
        break;
      case Ev.AboutToClose:
        madeSignal(this, 'aboutToClose')?.emit();
        break;
      case Ev.ReadChannelFinished:
        madeSignal(this, 'readChannelFinished')?.emit();
        break;
      case Ev.Destroyed:
        this.endpointPending = false;
        this.settleUnconnected();
        this.h.destroyed(() => false);
        this.applyState(0, 0, this._error, 0, this.jsWritten);
        madeSignal(this, 'destroyed')?.emit(this);
        break;
      default:
        this.otherEvent(kind, seq, arg, payload);
    }
  }

  /** @internal received data from a readyRead event: bytes here; QUdpSocket takes datagrams. */
  protected received(payload: unknown, _arg: number): void {
    this.appendReceived(payload as Buffer);
    const size = this.readBufferSize();
    if (size > 0 && this.heldBytes() >= size) this.readPaused = true;
  }

  // A stale event's signal is dropped; what ends the waits still counts.
  private staleEvent(kind: number, seq: number, arg: number, was: number): void {
    if (seq === this.seq) this.updateKeepAlive();
    if (kind === Ev.Disconnected || (kind === Ev.StateChanged && arg === State.Unconnected && !wasConnected(was)))
      this.unconnectedSeq = seq;
    else if (kind === Ev.Endpoint) {
      this.holdUntilEndpoint(false);
      this.settleUnconnected();
    }
  }

  /** @internal abort() and connectToHost()/connectToServer() answer the last event before them. */
  protected endedConnection(before: unknown): void {
    if (typeof before === 'number' && before > this.staleUpTo) this.staleUpTo = before;
  }

  // Every wait ends when the socket is left unconnected (waitForDisconnected with true, as Qt's).
  // Not at that event: Qt goes on, before its wait returns, to emit errorOccurred (a failed connect)
  // or readChannelFinished and disconnected, and then resets the addresses and ports. The native
  // side sends those in an Endpoint event once Qt has returned, and that event ends the waits, so
  // that the code after `await` finds it all (the thread runtime would otherwise resume it first,
  // yieldToWaiter holding the rest back). Only the waits begun before: after a new connectToHost,
  // a wait is the new connection's.
  private settleUnconnected(): void {
    if (this.unconnectedSeq === 0) return;
    this.h.settleAll((kind) => kind === Wait.Disconnected, this.unconnectedSeq);
    this.unconnectedSeq = 0;
  }

  /** @internal setReadBufferSize: Qt reads on at once when the new cap leaves room, or there is none. */
  protected applyReadLimit(size: number): void {
    if (size === 0 || this.heldBytes() < size) {
      this.readPaused = false;
      this.ackHeld();
    }
    this.h.native.setReadLimit(size);
  }

  /** @internal whether new data is announced with readyRead (QUdpSocket: not until one is read, as Qt). */
  protected shouldAnnounce(): boolean {
    return true;
  }

  private applyState(packed: number, openMode: number, error: number, btw: number, taken: number): void {
    this._state = packed & SocketStateBits.StateMask;
    this._valid = (packed & SocketStateBits.ValidBit) !== 0;
    this._openMode = openMode | 0;
    this._error = error | 0;
    this.qtBytesToWrite = int(btw);
    this.qtTaken = int(taken);
    this.updateKeepAlive();
  }

  /** @internal A sync call's answer: the socket as Qt had it when the call finished, and the call's
   * result (last), null once the Qt object is gone (deleteLater): callers answer false or -1 then. */
  protected applySnapshot(snap: StreamSnapshot): boolean | number | null {
    const seq = snap[SocketSnapshot.Seq];
    if (seq >= this.seq) {
      this.seq = seq;
      this.applyState(
        snap[SocketSnapshot.State],
        snap[SocketSnapshot.OpenMode],
        snap[SocketSnapshot.Error],
        snap[SocketSnapshot.BytesToWrite],
        snap[SocketSnapshot.Taken],
      );
      this._errorString = shared(snap[SocketSnapshot.ErrorString], this._errorString);
      this.applyStrings(snap, SocketSnapshot.LocalAddress);
    }
    return snap[snap.length - 1] as boolean | number | null;
  }

  /** @internal a server handed this socket out: bytes that came while it was pending are
   * announced once the caller has had a turn to connect its slots (in PyQt6 they would be read
   * only then), and before any later signal of the socket. */
  _announcePending(): void {
    if (this.bytesAvailable() === 0) return;
    this.announcePending = true;
    setImmediate(() => {
      if (this.announcePending) this.announce();
    });
  }

  private announce(): void {
    this.announcePending = false;
    madeSignal(this, 'readyRead')?.emit();
    if (this.channelSignals()) madeSignal(this, 'channelReadyRead')?.emit(0);
  }

  /** @internal close()/abort()/a new connection: Qt dropped what it had received, and the Qt side
   * forgot what JS held. */
  protected dropReceived(): void {
    this.discardUpTo = this.seq;
    this.unacked = 0;
    this.readPaused = false;
    this.clearReceived();
  }

  /** @internal a new connection starts: nothing of the last one is news for a wait. */
  protected forgetFresh(): void {
    this._fresh = undefined;
  }

  private updateKeepAlive(): void {
    // Also while events a call's snapshot counted are still on their way (close() queues
    // disconnected): their slots run, as Qt runs them inside close(), even if nothing else holds
    // the socket, and as a net.Socket stays alive until its 'close'.
    this.h.setActive(this._state !== State.Unconnected || this.eventSeq < this.seq || this.endpointPending);
  }

  private holdUntilEndpoint(hold: boolean): void {
    if (hold === this.endpointPending) return;
    this.endpointPending = hold;
    this.updateKeepAlive();
  }

  /** As net.Socket.ref(): an active socket keeps the process alive (the default). */
  ref(): this {
    this.h.ref(true);
    return this;
  }

  /** As net.Socket.unref(): the process may exit while this socket is active. */
  unref(): this {
    this.h.ref(false);
    return this;
  }

  /** @internal the QIODevice read buffer gave up n bytes: let the Qt side read more. */
  protected consumed(n: number): void {
    if (this._fresh) this._fresh.readyRead = false;
    this.unacked += n;
    const emptied = this.heldBytes() === 0;
    if (this.readBufferSize() > 0) {
      // Under the user's cap Qt stops reading once its buffer is full, and reads again only when
      // a read empties it (QIODevice then calls readData, which turns reading back on); before
      // the buffer fills, every read makes room at once.
      if (this.readPaused && !emptied) return;
      this.readPaused = false;
    } else if (!emptied && this.unacked < Limit.DefaultReadLimit / 4) {
      // Without a cap: told in steps, not per read; the Qt side stalls only when JS holds a lot.
      return;
    }
    this.ackHeld();
  }

  /** Tells the Qt side what JS has read since it last told it, so Qt may read that much more. */
  private ackHeld(): void {
    if (this.unacked > 0) this.h.native.ack(this.unacked);
    this.unacked = 0;
  }

  /** @internal a method's name for messages: `QUdpSocket.bind`. */
  protected m(method: string): string {
    return `${this.constructor.name}.${method}`;
  }

  // ---- QIODevice ----

  openMode(): OpenModeFlag {
    return this._openMode;
  }

  errorString(): string {
    return this._errorString;
  }

  bytesAvailable(): number {
    return super.bytesAvailable();
  }

  bytesToWrite(): number {
    return this.qtBytesToWrite + (this.jsWritten - this.qtTaken);
  }

  isSequential(): boolean {
    return true;
  }

  isValid(): boolean {
    return this._valid;
  }

  atEnd(): boolean {
    return this.bytesAvailable() === 0;
  }

  write(data: BytesInput): number {
    checkArity(this.m('write'), arguments, 1, 1);
    const buf = toBuffer(this.m('write'), 'data', data);
    if (!this.isOpen()) {
      process.emitWarning(`QIODevice::write (${this.constructor.name}): device not open`);
      return -1;
    }
    if (!this.isWritable()) {
      process.emitWarning(`QIODevice::write (${this.constructor.name}): ReadOnly device`);
      return -1;
    }
    if (this._state === State.Unconnected) {
      // Still open (the peer closed, the data stays readable) but not connected: Qt refuses it
      // and sets an error of its own (QAbstractSocket: "Socket is not connected"; QLocalSocket
      // keeps its message), so Qt answers it, at once.
      return (this.applySnapshot(this.h.native.writeNow(buf)) as number | null) ?? -1;
    }
    if (buf.length === 0) return 0;
    this.h.native.write(buf);
    this.jsWritten += buf.length;
    return buf.length;
  }

  close(): void {
    checkArity(this.m('close'), arguments, 0, 0);
    this.applySnapshot(this.h.native.close());
    this.dropReceived();
  }

  abort(): void {
    checkArity(this.m('abort'), arguments, 0, 0);
    this.catchUp();
    this.endedConnection(this.applySnapshot(this.h.native.abort()));
    this.dropReceived();
  }

  flush(): boolean {
    checkArity(this.m('flush'), arguments, 0, 0);
    return this.applySnapshot(this.h.native.flush()) === true;
  }

  // ---- waits: PyQt6 blocks, we return promises that resolve with what PyQt6 would return ----

  /** @internal Qt wakes us at once for bytesWritten only while a slot or a wait watches it. */
  protected override bytesWrittenWatched(): void {
    // A trace records every signal, as PyQt6 shows them (lib/trace.ts).
    const watched =
      recording() ||
      (madeSignal(this, 'bytesWritten')?.connected ?? 0) + (madeSignal(this, 'channelBytesWritten')?.connected ?? 0) >
        0 ||
      this.h.hasWait(Wait.BytesWritten);
    if (watched !== this.watchingBytesWritten && !this.h.gone) {
      this.watchingBytesWritten = watched;
      this.h.native.watchBytesWritten(watched);
    }
  }

  // The thread runtime runs slots after the call that made Qt emit: a wait, abort() and a new
  // connect first deliver what a call's snapshot counted (a close()'s signals, say), so that every
  // signal Qt emitted before them has run; what is left of the old connection is stale.
  protected catchUp(): void {
    if (this.eventSeq < this.seq) drainEvents();
  }

  /** @internal */
  protected wait(method: string, kind: Wait, msecs: number, signal: AbortSignal | undefined): Promise<boolean> {
    return this.h.wait(method, kind, this.seq, msecs, signal, () => {
      // Out of time here: ask Qt with a zero timeout, so the verdict and its side effects
      // (SocketTimeoutError, the socket reset) are Qt's own; what it read or emitted is
      // delivered before the promise resolves, so a read right after the await sees it.
      if (this.h.gone) return false;
      const ok = this.applySnapshot(this.h.native.waitNow(kind)) === true;
      drainEvents();
      return ok;
    });
  }

  /**
   * The waits: PyQt6's msecs (-1: no limit), and `options.signal` to abandon the wait, which
   * rejects with an AbortError and leaves the socket as it is (still connecting, say), with no
   * timeout verdict applied.
   */
  waitForConnected(msecs = 30000, options?: AbortOptions): Promise<boolean> {
    const name = this.m('waitForConnected');
    checkMsecs(name, msecs);
    const signal = signalOf(name, options);
    if (signal?.aborted) return this.wait(name, Wait.Connected, msecs, signal);
    this.catchUp();
    if (this._state === State.Connected) return Promise.resolve(true);
    if (this._state === State.Unconnected) return Promise.resolve(false);
    return this.wait(name, Wait.Connected, msecs, signal);
  }

  // (Not async: bad arguments throw at the call, as everywhere else.)
  waitForReadyRead(msecs = 30000, options?: AbortOptions): Promise<boolean> {
    const name = this.m('waitForReadyRead');
    checkMsecs(name, msecs);
    const signal = signalOf(name, options);
    return this.waitForData(name, msecs, options, signal);
  }

  private async waitForData(
    name: string,
    msecs: number,
    options: AbortOptions | undefined,
    signal: AbortSignal | undefined,
  ): Promise<boolean> {
    if (signal?.aborted) return this.wait(name, Wait.ReadyRead, msecs, signal);
    this.catchUp();
    if (this._state === State.Unconnected) return false;
    if (this._state === State.HostLookup || this._state === State.Connecting) {
      const start = Date.now();
      if (!(await this.waitForConnected(msecs, options))) return false;
      if (msecs >= 0) msecs = Math.max(0, msecs - (Date.now() - start));
    }
    if (this._fresh?.readyRead) {
      this._fresh.readyRead = false;
      return true;
    }
    return this.wait(name, Wait.ReadyRead, msecs, signal);
  }

  waitForBytesWritten(msecs = 30000, options?: AbortOptions): Promise<boolean> {
    const name = this.m('waitForBytesWritten');
    checkMsecs(name, msecs);
    const signal = signalOf(name, options);
    return this.waitForWritten(name, msecs, options, signal);
  }

  private async waitForWritten(
    name: string,
    msecs: number,
    options: AbortOptions | undefined,
    signal: AbortSignal | undefined,
  ): Promise<boolean> {
    if (signal?.aborted) return this.wait(name, Wait.BytesWritten, msecs, signal);
    this.catchUp();
    if (this._state === State.Unconnected) return false;
    if (this._state === State.HostLookup || this._state === State.Connecting) {
      const start = Date.now();
      if (!(await this.waitForConnected(msecs, options))) return false;
      if (msecs >= 0) msecs = Math.max(0, msecs - (Date.now() - start));
    }
    if (this._fresh?.bytesWritten) {
      this._fresh.bytesWritten = false;
      return true;
    }
    if (this.bytesToWrite() === 0) return false;
    return this.wait(name, Wait.BytesWritten, msecs, signal);
  }

  waitForDisconnected(msecs = 30000, options?: AbortOptions): Promise<boolean> {
    const name = this.m('waitForDisconnected');
    checkMsecs(name, msecs);
    const signal = signalOf(name, options);
    if (signal?.aborted) return this.wait(name, Wait.Disconnected, msecs, signal);
    this.catchUp();
    if (this._fresh?.disconnected) {
      this._fresh.disconnected = false;
      return Promise.resolve(true);
    }
    if (this._state === State.Unconnected) {
      process.emitWarning(`${this.qtClass()}::waitForDisconnected() is not allowed in UnconnectedState`);
      return Promise.resolve(false);
    }
    return this.wait(name, Wait.Disconnected, msecs, signal);
  }

  // ---- QObject ----

  deleteLater(): void {
    this.h.deleteLater();
  }

  // ---- Node: `using` and `await using` ----

  /** `using sock = new QTcpSocket()`: at scope exit, abort the connection and free the Qt object. */
  [disposeSymbol](): void {
    if (this.h.gone) return;
    this.abort();
    this.deleteLater();
  }

  /**
   * `await using`: a graceful end first (what was written is sent), waiting up to 30 s for it,
   * then as `using`.
   */
  async [asyncDisposeSymbol](): Promise<void> {
    if (this.h.gone) return;
    if (this._state !== State.Unconnected) {
      this.disconnectGracefully();
      // The call above changed the state, which TS's narrowing cannot know.
      if ((this._state as number) !== State.Unconnected) await this.waitForDisconnected(30000);
    }
    this[disposeSymbol]();
  }
}
defineSignals(StreamSocket, ['connected', 'disconnected', 'errorOccurred', 'stateChanged']);
