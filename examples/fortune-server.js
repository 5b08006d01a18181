// Qt's Fortune Server example (qtbase/examples/network/fortuneserver), ported from PyQt6: it
// listens, and to every client that connects sends one fortune as QDataStream writes a QString
// (a big-endian quint32 byte count, then UTF-16BE), then disconnects.
//
//   node examples/fortune-server.js [port]      prints "listening on <address>:<port>"
'use strict';
const { QHostAddress, QTcpServer } = require('qtnetwork');

const fortunes = [
  "You've been leading a dog's life. Stay off the furniture.",
  "You've got to think about tomorrow.",
  'You will be surprised by a loud noise.',
  'You will feel hungry again in another hour.',
  'You might have mail.',
  'You cannot kill time without injuring eternity.',
  'Computers are not intelligent. They only think they are.',
];

/** out << QString(text): what QDataStream writes for a QString. */
function qstring(text) {
  const utf16be = Buffer.from(text, 'utf16le').swap16();
  const size = Buffer.alloc(4);
  size.writeUInt32BE(utf16be.length);
  return Buffer.concat([size, utf16be]);
}

async function main(port = Number(process.argv[2] ?? 0)) {
  const tcpServer = new QTcpServer();
  if (!(await tcpServer.listen(new QHostAddress(QHostAddress.SpecialAddress.LocalHost), port))) {
    throw new Error(`Unable to start the server: ${tcpServer.errorString()}`);
  }
  tcpServer.newConnection.connect(() => {
    // sendFortune(): write, then disconnectFromHost (Qt sends what was written first).
    const clientConnection = tcpServer.nextPendingConnection();
    clientConnection.disconnected.connect(() => clientConnection.deleteLater());
    clientConnection.write(qstring(fortunes[Math.floor(Math.random() * fortunes.length)]));
    clientConnection.disconnectFromHost();
  });
  console.log(`listening on ${tcpServer.serverAddress().toString()}:${tcpServer.serverPort()}`);
  return tcpServer;
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err.message);
    process.exitCode = 1;
  });
}
module.exports = { fortunes, main, qstring };
