// QTcpSocket: a QAbstractSocket of type TcpSocket.
import { checkArity } from './core/args';
import { native } from './core/runtime';
import { SocketType } from './core/socketEnums';
import { QAbstractSocket } from './QAbstractSocket';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const adopting: { native?: any } = {};

export class QTcpSocket extends QAbstractSocket {
  /** QTcpSocket(parent = None). Parents are not modelled: the JS object owns its socket. */
  constructor(parent?: null) {
    checkArity('QTcpSocket', arguments, 0, 1);
    if (parent !== undefined && parent !== null) {
      throw new TypeError("QTcpSocket: argument 'parent' must be None (null); parents are not supported");
    }
    const n = adopting.native ?? new native.TcpSocket();
    adopting.native = undefined;
    super(SocketType.TcpSocket, n);
  }

  /** @internal wraps a socket the Qt thread created (a connection a QTcpServer accepted). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  static _adopt(nativeSocket: any): QTcpSocket {
    adopting.native = nativeSocket;
    return new QTcpSocket();
  }
}
