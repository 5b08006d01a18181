// QTcpSocket: a QAbstractSocket of type TcpSocket.
import { checkArity } from './core/args';
import type { NativeAbstractSocket } from './core/native';
import { native } from './core/runtime';
import { SocketType } from './core/socketEnums';
import { QAbstractSocket } from './QAbstractSocket';

// The native socket _adopt hands to the one constructor call it makes.
const adopting: { native?: NativeAbstractSocket } = {};

export class QTcpSocket extends QAbstractSocket {
  /** QTcpSocket(parent = None). Parents are not modelled: the JS object owns its socket. */
  constructor(parent?: null) {
    const name = new.target.name;
    checkArity(name, arguments, 0, 1);
    if (parent !== undefined && parent !== null) {
      throw new TypeError(`${name}: argument 'parent' must be None (null); parents are not supported`);
    }
    const n = adopting.native ?? (new.target as typeof QTcpSocket)._newNative();
    adopting.native = undefined;
    super(SocketType.TcpSocket, n);
  }

  /** @internal the native socket `new` makes: a subclass (QSslSocket) makes its own. */
  protected static _newNative(): NativeAbstractSocket {
    return new native.QTcpSocket();
  }

  /** @internal the native socket (a server's addPendingConnection hands it to Qt's queue). */
  static _nativeOf(socket: QTcpSocket): NativeAbstractSocket {
    return socket.h.native;
  }

  /** @internal wraps a socket the Qt thread created (a connection a QTcpServer accepted). */
  static _adopt(this: typeof QTcpSocket, nativeSocket: NativeAbstractSocket, refresh = false): QTcpSocket {
    adopting.native = nativeSocket;
    // `this`: QSslSocket._adopt makes a QSslSocket (a QSslServer's connection).
    const s = new this();
    // Made by a sync call (QTcpServer.incomingConnection): its state comes with no event.
    if (refresh) s.applySnapshot(s.h.native.snapshot());
    return s;
  }
}
