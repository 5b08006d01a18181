// A Node Duplex view of a QLocalSocket (lib/interop/socketStream.ts has how it behaves): Node
// code can pipe through a Unix-domain connection Qt made or accepted.
import { LocalSocketError, LocalSocketState, QLocalSocket } from '../QLocalSocket';
import { SocketStream, SocketStreamOptions, streamError } from './socketStream';

// Node's codes for the Qt errors that have one (as net.connect to a path gives them); the others
// are QT_<LocalSocketError name>.
const CODES: Partial<Record<LocalSocketError, string>> = {
  [LocalSocketError.ConnectionRefusedError]: 'ECONNREFUSED',
  [LocalSocketError.ServerNotFoundError]: 'ENOENT',
  [LocalSocketError.SocketAccessError]: 'EACCES',
  [LocalSocketError.SocketTimeoutError]: 'ETIMEDOUT',
};

export type QLocalSocketStreamOptions = SocketStreamOptions;

export class QLocalSocketStream extends SocketStream<QLocalSocket> {
  constructor(socket: QLocalSocket, options: QLocalSocketStreamOptions = {}) {
    super('QLocalSocketStream', socket, socket instanceof QLocalSocket, options);
  }

  /** @internal */
  protected errorFor(error: LocalSocketError): Error {
    const name = LocalSocketError[error] ?? String(error);
    return streamError(this.socket.errorString(), error, `QLocalSocket.LocalSocketError.${name}`, CODES[error]);
  }

  /** @internal */
  protected disconnectSocket(): void {
    this.socket.disconnectFromServer();
  }

  /** As net.Socket on a path: the path (here Qt's full server name) while connected. */
  get remoteAddress(): string | undefined {
    return this.socket.state() === LocalSocketState.ConnectedState ? this.socket.fullServerName() : undefined;
  }
}
