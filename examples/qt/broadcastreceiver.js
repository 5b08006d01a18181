// Qt's Broadcast Receiver example (qtbase/examples/network/broadcastreceiver), headless: the port
// of broadcastreceiver.py (PyQt6), function by function. It binds with ShareAddress and prints the
// label for each datagram; it quits after `count` datagrams.
//
//   node broadcastreceiver.js [port = 45454] [count = 5]
'use strict';
const { QObject, QUdpSocket } = require('qtnetwork');

class Receiver extends QObject {
  constructor(port, count) {
    super();
    this.count = count;
    this.udpSocket = new QUdpSocket();
    this.port = port;
  }

  // bind() is awaited (it can wait on a proxy), so this is not done in the constructor.
  async init() {
    await this.udpSocket.bind(this.port, QUdpSocket.BindFlag.ShareAddress);
    this.udpSocket.readyRead.connect(this.processPendingDatagrams);
    console.log('Listening for broadcasted messages');
  }

  processPendingDatagrams() {
    while (this.udpSocket.hasPendingDatagrams()) {
      const [datagram] = this.udpSocket.readDatagram(this.udpSocket.pendingDatagramSize());
      console.log(`Received datagram: "${datagram.toString()}"`);
      this.count -= 1;
      // The user presses Quit: no app.exec() to leave, the process ends once the socket is closed.
      if (this.count === 0) this.udpSocket.close();
    }
  }
}

function main(argv) {
  const port = argv.length > 2 ? Number(argv[2]) : 45454;
  const count = argv.length > 3 ? Number(argv[3]) : 5;
  void new Receiver(port, count).init();
}

main(process.argv);
