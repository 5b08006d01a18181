// Must compile (ESM user): named imports and the default export, through the exports map.
import qt, { QTcpSocket, QAbstractSocket } from 'qtnetwork';

const a: QTcpSocket = new qt.QTcpSocket();
const b = new QTcpSocket();
const s: QAbstractSocket.SocketState = b.state();
export { a, s };
