// Qt's Fortune Server example (qtbase/examples/network/fortuneserver), headless: the port of
// fortuneserver.py (PyQt6), function by function. The dialog's label is printed, and so is each
// fortune sent; the Quit button is the end of stdin (Ctrl-D).
//
//   node fortuneserver.js [port = 0] [seed]
//
// With a seed, the fortunes come in a fixed order (the same as the original's) instead of at
// random, so that two runs can be compared line by line.
'use strict';
const {
  QByteArray,
  QDataStream,
  QHostAddress,
  QIODevice,
  QNetworkInterface,
  QObject,
  QTcpServer,
} = require('qtnetwork');

const FORTUNES = [
  "You've been leading a dog's life. Stay off the furniture.",
  "You've got to think about tomorrow.",
  'You will be surprised by a loud noise.',
  'You will feel hungry again in another hour.',
  'You might have mail.',
  'You cannot kill time without injuring eternity.',
  'Computers are not intelligent. They only think they are.',
];

/** QRandomGenerator.global().bounded(n); with a seed, MINSTD, which the original computes alike. */
function chooser(seed) {
  // QRandomGenerator is QtCore's, not in qtnetwork: Math.random stands in for it.
  if (seed === undefined) return (n) => Math.floor(Math.random() * n);
  let state = seed;
  return (n) => {
    state = (state * 48271) % 2147483647; // below 2^53: exact in a double
    return state % n;
  };
}

/** The dialog's label: the first non-localhost IPv4 address, else IPv4 localhost, and the port. */
function statusText(tcpServer) {
  let ipAddress = '';
  for (const address of QNetworkInterface.allAddresses()) {
    if (!address.equals(QHostAddress.SpecialAddress.LocalHost) && address.toIPv4Address()[0]) {
      ipAddress = address.toString();
      break;
    }
  }
  if (!ipAddress) ipAddress = new QHostAddress(QHostAddress.SpecialAddress.LocalHost).toString();
  return (
    `The server is running on\n\nIP: ${ipAddress}\nport: ${tcpServer.serverPort()}\n\n` +
    'Run the Fortune Client example now.'
  );
}

/** The Quit button: the end of stdin. */
function quitOnStdinEnd(quit) {
  process.stdin.on('end', quit);
  process.stdin.resume();
}

class Server extends QObject {
  constructor(port, bounded) {
    super();
    this.port = port;
    this.bounded = bounded;
    this.fortunes = [...FORTUNES];
    this.tcpServer = null;
  }

  // listen() is awaited (it can wait on a proxy), so this is not done in the constructor.
  async initServer() {
    this.tcpServer = new QTcpServer();
    if (!(await this.tcpServer.listen(new QHostAddress(QHostAddress.SpecialAddress.Any), this.port))) {
      console.log(`Unable to start the server: ${this.tcpServer.errorString()}.`);
      return false;
    }
    console.log(statusText(this.tcpServer));
    this.tcpServer.newConnection.connect(this.sendFortune);
    return true;
  }

  sendFortune() {
    const fortune = this.fortunes[this.bounded(this.fortunes.length)];
    const block = new QByteArray();
    const out = new QDataStream(block, QIODevice.OpenModeFlag.WriteOnly);
    out.setVersion(QDataStream.Version.Qt_5_10);
    out.writeQString(fortune);

    const clientConnection = this.tcpServer.nextPendingConnection();
    clientConnection.disconnected.connect(clientConnection.deleteLater);

    clientConnection.write(block);
    clientConnection.disconnectFromHost();
    console.log(`sent: ${fortune}`);
  }
}

async function main(argv) {
  const port = argv.length > 2 ? Number(argv[2]) : 0;
  const seed = argv.length > 3 ? Number(argv[3]) : undefined;
  const server = new Server(port, chooser(seed));
  if (!(await server.initServer())) return 1;
  // No app.exec() to leave: once the server is closed, the process ends when its last
  // connection has.
  quitOnStdinEnd(() => server.tcpServer.close());
  return 0;
}

if (require.main === module) {
  void main(process.argv).then((code) => (process.exitCode = code));
}
module.exports = { FORTUNES, chooser, quitOnStdinEnd, statusText };
