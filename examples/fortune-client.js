// Qt's Fortune Client example (qtbase/examples/network/fortuneclient), ported from PyQt6: it
// connects, reads one QString as QDataStream would, with a read transaction so that a fortune
// split across packets is read only once it is whole, and prints it.
//
//   node examples/fortune-client.js <host> <port>
'use strict';
const { QAbstractSocket, QTcpSocket } = require('qtnetwork');

/** in >> QString, inside a transaction: undefined (and rolled back) until it is all there. */
function readQString(socket) {
  socket.startTransaction();
  const size = socket.read(4);
  if (size.length === 4) {
    const n = size.readUInt32BE(0);
    const body = socket.read(n);
    if (body.length === n) {
      socket.commitTransaction();
      return Buffer.from(body).swap16().toString('utf16le');
    }
  }
  socket.rollbackTransaction();
  return undefined;
}

async function main(host = process.argv[2] ?? '127.0.0.1', port = Number(process.argv[3])) {
  const tcpSocket = new QTcpSocket();
  tcpSocket.errorOccurred.connect((error) => {
    if (error !== QAbstractSocket.SocketError.RemoteHostClosedError)
      console.error(`The following error occurred: ${tcpSocket.errorString()}.`);
  });
  tcpSocket.connectToHost(host, port);
  if (!(await tcpSocket.waitForConnected(5000))) throw new Error(tcpSocket.errorString());
  let fortune;
  while ((fortune = readQString(tcpSocket)) === undefined) {
    if (!(await tcpSocket.waitForReadyRead(5000))) throw new Error(`no fortune: ${tcpSocket.errorString()}`);
  }
  console.log(fortune);
  tcpSocket.abort();
}

main().catch((err) => {
  console.error(err.message);
  process.exitCode = 1;
});
