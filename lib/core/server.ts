// What QTcpServer and QLocalServer share: a server on the Qt side whose accepted connections reach
// JS as sockets as soon as Qt accepts them; nextPendingConnection() hands out the oldest, as Qt's
// does. The listening state, errors and limits are the JS side's view, as of the last event or call.
import { AbortOptions, asyncDisposeSymbol, disposeSymbol, signalOf } from './node';
import { checkArity, checkInt, checkMsecs } from './args';
import { Handle } from './handle';
import type { NativeServer, ServerSnapshotOf } from './native';
import { ServerEvent as Ev, ServerSnapshot } from './protocol';
import { QObject } from './QObject';
import { drainEvents, EventSink } from './runtime';
import { defineSignals, madeSignal, Signal } from './signal';
import { SocketError } from './socketEnums';

// The one kind of wait a server has (waitForNewConnection).
const NEW_CONNECTION = 0;

/** A socket a server hands out. */
interface Accepted {
  _announcePending(): void;
}

export abstract class StreamServer<S extends Accepted, N extends NativeServer> extends QObject implements EventSink {
  declare readonly newConnection: Signal<[]>;

  /** @internal */
  protected readonly h: Handle<N, [boolean, boolean]>;
  private seq = 0;
  private listening = false;
  private _serverError = SocketError.UnknownSocketError;
  private _errorString = '';
  private backlog = 50;
  private maxPending = 30;
  private pending: S[] = [];
  // Connections accepted since the last waitForNewConnection: a blocking PyQt6 wait would have
  // found them still in the kernel's queue (see StreamSocket's `fresh`).
  private freshPending = 0;

  /** @internal */
  protected constructor(nativeServer: N) {
    super();
    this.h = new Handle(this, nativeServer);
    this.applySnapshot(this.h.native.snapshot());
  }

  // ---- what the subclass says ----

  /**
   * @internal the JS socket around an accepted connection's native socket (`id`: I3, the socket's
   * handle id for a QSslServer, whose event names a socket JS has already); undefined: none.
   */
  protected abstract adopt(nativeSocket: unknown, id: number): S | undefined;
  /** @internal the class's own part of an event or snapshot: I2's number and the strings before errorString. */
  protected abstract applyOwn(value: number, strings: readonly unknown[], at: number): void;
  /** @internal an event of a kind only the subclass has (PendingConnectionAvailable, AcceptError). */
  protected otherEvent(_kind: number, _arg: number, _payload: unknown, _i0: number): void {}
  /**
   * @internal whether a connection accepted before waitForNewConnection answers it: a blocking
   * PyQt6 program would find it still in the kernel's queue (QTcpServer). QLocalServer's own wait
   * answers from its pending queue whatever happened before (verdict).
   */
  protected countsEarlyArrivals(): boolean {
    return true;
  }
  /** @internal what a wait that ran out answers, from Qt's zero-timeout one: [ok, timedOut]. */
  protected verdict(ok: boolean, timedOut: boolean): [boolean, boolean] {
    return [ok, timedOut];
  }
  /** @internal a method's name for messages: `QLocalServer.listen`. */
  protected m(method: string): string {
    return `${this.constructor.name}.${method}`;
  }

  /** @internal a connection the subclass queued itself (QTcpServer.addPendingConnection). */
  protected queuePending(socket: S): void {
    this.pending.push(socket);
    this.freshPending++;
  }

  /** @internal */
  onEvent(
    kind: number,
    seq: number,
    listening: number,
    error: number,
    own: number,
    arg: number,
    backlog: number,
    maxPending: number,
    payload: unknown,
  ): void {
    if (kind === Ev.NewPending) {
      const socket = this.adopt(payload, arg);
      if (socket) {
        this.pending.push(socket);
        this.freshPending++;
      }
    }
    if (seq > this.seq && kind !== Ev.NewPending) {
      this.seq = seq;
      const strings = payload as string[];
      this.applyState(listening, error, own, backlog, maxPending, strings, 0, strings[strings.length - 1]);
    }
    switch (kind) {
      case Ev.NewConnection:
        if (this.h.hasWait(NEW_CONNECTION)) this.freshPending = 0;
        this.h.settleAll(() => [true, false], seq);
        madeSignal(this, 'newConnection')?.emit();
        break;
      case Ev.Destroyed:
        // Waits run to their timeout, which answers [false, true] for a gone server.
        this.h.destroyed();
        this.listening = false;
        // Qt deleted the connections still pending with the server, as close() does.
        this.pending = [];
        madeSignal(this, 'destroyed')?.emit(this);
        break;
      default:
        this.otherEvent(kind, arg, payload, listening);
    }
  }

  private applyState(
    listening: number,
    error: number,
    own: number,
    backlog: number,
    maxPending: number,
    strings: readonly unknown[],
    at: number,
    errorString: string,
  ): void {
    this.listening = listening === 1;
    this._serverError = error;
    this.backlog = backlog;
    this.maxPending = maxPending;
    this.applyOwn(own, strings, at);
    this._errorString = errorString;
    this.h.setActive(this.listening);
  }

  /** @internal A sync call's answer (ServerSnapshot, LocalServerSnapshot): Seq, Listening, Error,
   * the class's number (Port, SocketOptions), Backlog, MaxPending, the class's strings, errorString,
   * the result last. */
  protected applySnapshot(s: ServerSnapshotOf): boolean | number | null {
    if (s[ServerSnapshot.Seq] >= this.seq) {
      this.seq = s[ServerSnapshot.Seq];
      this.applyState(
        s[ServerSnapshot.Listening],
        s[ServerSnapshot.Error],
        s[ServerSnapshot.Port],
        s[ServerSnapshot.Backlog],
        s[ServerSnapshot.MaxPending],
        s,
        ServerSnapshot.Address,
        s[s.length - 2] as string,
      );
    }
    return s[s.length - 1] as boolean | number | null;
  }

  ref(): this {
    this.h.ref(true);
    return this;
  }

  unref(): this {
    this.h.ref(false);
    return this;
  }

  close(): void {
    checkArity(this.m('close'), arguments, 0, 0);
    this.applySnapshot(this.h.native.close());
    // Qt deletes the connections still pending; their sockets report it through their own events.
    this.pending = [];
  }

  isListening(): boolean {
    return this.listening;
  }

  serverError(): SocketError {
    return this._serverError;
  }

  errorString(): string {
    return this._errorString;
  }

  hasPendingConnections(): boolean {
    return this.pending.length > 0;
  }

  /** The oldest pending connection, or null (PyQt6: None). */
  nextPendingConnection(): S | null {
    const s = this.pending.shift();
    if (s === undefined) return null;
    this.h.native.take();
    // Arrivals the caller has taken are no longer news for waitForNewConnection.
    this.freshPending = Math.min(this.freshPending, this.pending.length);
    s._announcePending();
    return s;
  }

  maxPendingConnections(): number {
    return this.maxPending;
  }

  setMaxPendingConnections(numConnections: number): void {
    checkInt(this.m('setMaxPendingConnections'), 'numConnections', numConnections, -(2 ** 31), 2 ** 31 - 1);
    this.applySnapshot(this.h.native.setMaxPendingConnections(numConnections));
  }

  listenBacklogSize(): number {
    return this.backlog;
  }

  setListenBacklogSize(size: number): void {
    checkInt(this.m('setListenBacklogSize'), 'size', size, -(2 ** 31), 2 ** 31 - 1);
    this.applySnapshot(this.h.native.setListenBacklogSize(size));
  }

  socketDescriptor(): number {
    return (this.applySnapshot(this.h.native.socketDescriptor()) as number | null) ?? -1;
  }

  /** PyQt6 returns (ok, timedOut); so does this promise. msecs = 0 checks without waiting, -1 waits
   * forever. As Qt's, it waits for a new connection: one already pending does not count. */
  waitForNewConnection(msecs = 0, options?: AbortOptions): Promise<[boolean, boolean]> {
    const name = this.m('waitForNewConnection');
    checkMsecs(name, msecs);
    const signal = signalOf(name, options);
    if (!signal?.aborted) {
      if (!this.listening) return Promise.resolve([false, false]);
      if (this.freshPending > 0 && this.countsEarlyArrivals()) {
        this.freshPending = 0;
        return Promise.resolve([true, false]);
      }
    }
    // Any new connection answers it, whenever the wait began: Qt's waits count from the call.
    return this.h.wait(name, NEW_CONNECTION, -Infinity, msecs, signal, () => {
      // Qt's own zero-timeout wait has the last word; the connection it accepted (if any)
      // is delivered before the promise resolves, so nextPendingConnection() finds it.
      const r = this.h.gone ? 2 : (this.applySnapshot(this.h.native.waitNow()) as number);
      drainEvents();
      this.freshPending = 0;
      return this.verdict((r & 1) !== 0, (r & 2) !== 0);
    });
  }

  deleteLater(): void {
    this.h.deleteLater();
  }

  /** `using server = new QTcpServer()`: at scope exit, stop listening and free the Qt object
   * (connections already handed out stay open: they belong to their holders). */
  [disposeSymbol](): void {
    if (this.h.gone) return;
    this.close();
    this.deleteLater();
  }

  /** `await using`: as `using` (closing a server does not wait on anything), for symmetry with net.Server. */
  async [asyncDisposeSymbol](): Promise<void> {
    this[disposeSymbol]();
  }
}
defineSignals(StreamServer, ['newConnection']);
