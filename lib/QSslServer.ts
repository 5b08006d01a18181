// QSslServer: a QTcpServer whose connections are QSslSockets, queued (pendingConnectionAvailable,
// newConnection, nextPendingConnection) once their handshake has succeeded, as in Qt 6.4. Qt makes
// each socket and runs its handshake (native/ssl_server.cc); JS gets the socket when Qt makes it,
// so the server's signals name the same object nextPendingConnection later returns.
import { checkArity, checkInt } from './core/args';
import type { NativeAbstractSocket, NativeSslServer, NativeTcpServer } from './core/native';
import { ServerEvent as Ev } from './core/protocol';
import { native } from './core/runtime';
import { defineSignals, madeSignal, Signal } from './core/signal';
import { SocketError } from './core/socketEnums';
import { AlertLevel, AlertType } from './QSsl';
import { adopt as adoptConfiguration, configurationArg, QSslConfiguration } from './QSslConfiguration';
import type { QSslError } from './QSslError';
import type { QSslPreSharedKeyAuthenticator } from './QSslPreSharedKeyAuthenticator';
import { QSslSocket } from './QSslSocket';
import { QTcpServer } from './QTcpServer';
import { QTcpSocket } from './QTcpSocket';

// A socket in its handshake, and how the server hears its own TLS signals.
// The socket's signals the server repeats, with the socket first, while it handshakes.
const RELAYED = [
  'sslErrors',
  'peerVerifyError',
  'handshakeInterruptedOnError',
  'preSharedKeyAuthenticationRequired',
  'alertSent',
  'alertReceived',
] as const;

interface Handshaking {
  socket: QSslSocket;
  unrelay(): void;
}

export class QSslServer extends QTcpServer {
  /**
   * Call `socket.ignoreSslErrors()` in the slot, synchronously, as in PyQt6: Qt reads the answer
   * when the slots return (the socket's own sslErrors question, asked through the server).
   */
  declare readonly sslErrors: Signal<[QSslSocket, QSslError[]]>;
  declare readonly peerVerifyError: Signal<[QSslSocket, QSslError]>;
  /** The socket's error during its handshake (Qt then deletes the socket), or SocketTimeoutError. */
  declare readonly errorOccurred: Signal<[QSslSocket, SocketError]>;
  /** Set the identity and key on the authenticator in the slot, synchronously: Qt reads them when the slots return. */
  declare readonly preSharedKeyAuthenticationRequired: Signal<[QSslSocket, QSslPreSharedKeyAuthenticator]>;
  declare readonly alertSent: Signal<[QSslSocket, AlertLevel, AlertType, string]>;
  declare readonly alertReceived: Signal<[QSslSocket, AlertLevel, AlertType, string]>;
  /** Call `socket.continueInterruptedHandshake()` (and ignoreSslErrors) in the slot, synchronously, as in PyQt6. */
  declare readonly handshakeInterruptedOnError: Signal<[QSslSocket, QSslError]>;
  declare readonly startedEncryptionHandshake: Signal<[QSslSocket]>;

  // By handle id: the sockets in their handshake, held until queued or deleted.
  private readonly handshaking = new Map<number, Handshaking>();

  /** @internal */
  protected static override _newNative(): NativeTcpServer {
    return new native.QSslServer();
  }

  private get ssl(): NativeSslServer {
    return this.h.native as NativeSslServer;
  }

  /** @internal the socket Qt queued: the one JS has held since its handshake began. */
  protected override adopt(_nativeSocket: unknown, id: number): QTcpSocket | undefined {
    const entry = this.handshaking.get(id);
    if (!entry) return undefined;
    // Qt disconnects the server from a socket it queues.
    entry.unrelay();
    this.handshaking.delete(id);
    return entry.socket;
  }

  /** @internal */
  protected override otherEvent(kind: number, arg: number, payload: unknown, i0: number): void {
    if (kind === Ev.SslSocket) return this.track(arg, QSslSocket._adopt(payload as NativeAbstractSocket) as QSslSocket);
    const socket = this.handshaking.get(arg)?.socket;
    if (kind === Ev.StartedEncryptionHandshake) {
      if (socket) madeSignal(this, 'startedEncryptionHandshake')?.emit(socket);
    } else if (kind === Ev.SslErrorOccurred) {
      if (socket) madeSignal(this, 'errorOccurred')?.emit(socket, i0 as SocketError);
    } else {
      super.otherEvent(kind, arg, payload, i0);
    }
  }

  // The socket's TLS signals are the server's while it handshakes (Qt's QSslServer connects them
  // the same way). Relayed from the socket's JS signals, the server's slots run inside the socket's
  // emission, so what they answer reaches Qt as a socket's own slots' does: ignoreSslErrors,
  // continueInterruptedHandshake, the pre-shared key.
  private track(id: number, socket: QSslSocket): void {
    const relays = RELAYED.map((name) => {
      const signal = socket[name] as Signal<unknown[]>;
      const relay = (...args: unknown[]) =>
        (madeSignal(this, name) as Signal<unknown[]> | undefined)?.emit(socket, ...args);
      signal.connect(relay);
      return [signal, relay] as const;
    });
    // Qt deleted it (its handshake failed or timed out), or the server went with it.
    const gone = () => {
      this.handshaking.get(id)?.unrelay();
      this.handshaking.delete(id);
    };
    socket.destroyed.connect(gone);
    this.handshaking.set(id, {
      socket,
      unrelay: () => {
        for (const [signal, relay] of relays) signal.disconnect(relay);
        socket.destroyed.disconnect(gone);
      },
    });
  }

  /** The oldest connection whose handshake has succeeded, or null (PyQt6: None). */
  override nextPendingConnection(): QSslSocket | null {
    return super.nextPendingConnection() as QSslSocket | null;
  }

  /** The configuration each new connection's socket gets (set it before listen). */
  setSslConfiguration(sslConfiguration: QSslConfiguration): void {
    const name = 'QSslServer.setSslConfiguration';
    checkArity(name, arguments, 1, 1);
    this.ssl.setSslConfiguration(configurationArg(name, 'sslConfiguration', sslConfiguration));
  }

  /** A copy of the configuration set (QSslConfiguration.defaultConfiguration() until then). */
  sslConfiguration(): QSslConfiguration {
    checkArity('QSslServer.sslConfiguration', arguments, 0, 0);
    return adoptConfiguration(this.ssl.sslConfiguration());
  }

  /** Milliseconds a new connection has for its handshake (5000 by default); new connections only. */
  setHandshakeTimeout(timeout: number): void {
    const name = 'QSslServer.setHandshakeTimeout';
    checkArity(name, arguments, 1, 1);
    checkInt(name, 'timeout', timeout, -(2 ** 31), 2 ** 31 - 1);
    this.ssl.setHandshakeTimeout(timeout);
  }

  handshakeTimeout(): number {
    checkArity('QSslServer.handshakeTimeout', arguments, 0, 0);
    return this.applySnapshot(this.ssl.handshakeTimeout()) as number;
  }
}
defineSignals(QSslServer, [
  'sslErrors',
  'peerVerifyError',
  'errorOccurred',
  'preSharedKeyAuthenticationRequired',
  'alertSent',
  'alertReceived',
  'handshakeInterruptedOnError',
  'startedEncryptionHandshake',
]);
