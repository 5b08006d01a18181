// Qt's Threaded Fortune Server example (qtbase/examples/network/threadedfortuneserver), headless:
// the port of threadedfortuneserver.py (PyQt6), function by function. A QTcpServer subclass
// overrides incomingConnection() and hands each socket descriptor to a thread of its own, which
// sends one fortune. It prints what fortuneserver.js prints, and quits at the end of stdin.
//
//   node threadedfortuneserver.js [port = 0] [seed]
//
// A QThread is a worker_threads Worker running this file: it has its own qtnetwork, and the
// socket descriptor (a number) is all it needs from the server.
'use strict';
const { Worker, isMainThread, parentPort, workerData } = require('node:worker_threads');
const { QByteArray, QDataStream, QHostAddress, QIODevice, QTcpServer, QTcpSocket } = require('qtnetwork');
const { FORTUNES, chooser, quitOnStdinEnd, statusText } = require('./fortuneserver');

/** FortuneThread.run(), in the worker. */
async function run({ socketDescriptor, text }) {
  const tcpSocket = new QTcpSocket();
  if (!tcpSocket.setSocketDescriptor(socketDescriptor)) {
    parentPort.postMessage({ error: tcpSocket.error() }); // emit error(tcpSocket.error())
    return;
  }

  const block = new QByteArray();
  const out = new QDataStream(block, QIODevice.OpenModeFlag.WriteOnly);
  out.setVersion(QDataStream.Version.Qt_4_0);
  out.writeQString(text);

  tcpSocket.write(block);
  tcpSocket.disconnectFromHost();
  await tcpSocket.waitForDisconnected();
}

class FortuneServer extends QTcpServer {
  constructor(bounded) {
    super();
    this.bounded = bounded;
    this.fortunes = [...FORTUNES];
  }

  incomingConnection(socketDescriptor) {
    const fortune = this.fortunes[this.bounded(this.fortunes.length)];
    // new FortuneThread(...).start(); a Worker is freed when it ends (finished → deleteLater).
    new Worker(__filename, { workerData: { socketDescriptor, text: fortune } });
    console.log(`sent: ${fortune}`);
  }
}

async function main(argv) {
  const port = argv.length > 2 ? Number(argv[2]) : 0;
  const seed = argv.length > 3 ? Number(argv[3]) : undefined;
  const server = new FortuneServer(chooser(seed));
  if (!(await server.listen(new QHostAddress(QHostAddress.SpecialAddress.Any), port))) {
    console.log(`Unable to start the server: ${server.errorString()}.`);
    return 1;
  }
  console.log(statusText(server));
  // No app.exec() to leave: once the server is closed, the process ends when its threads have.
  quitOnStdinEnd(() => server.close());
  return 0;
}

if (isMainThread) void main(process.argv).then((code) => (process.exitCode = code));
else void run(workerData);
