// Qt's Broadcast Sender example (qtbase/examples/network/broadcastsender), headless: the port of
// broadcastsender.py (PyQt6), function by function. Start is pressed at once: a QTimer sends
// "Broadcast message N" every `interval` ms; the label is printed; it quits after `count`.
//
//   node broadcastsender.js [address = 255.255.255.255] [port = 45454] [count = 5] [interval = 1000]
'use strict';
const { QByteArray, QHostAddress, QObject, QTimer, QUdpSocket } = require('qtnetwork');

class Sender extends QObject {
  constructor(address, port, count) {
    super();
    // QHostAddress.SpecialAddress.Broadcast in Qt's; another one (the test's namespace has only
    // lo: 127.255.255.255) from the command line.
    this.address =
      address === '255.255.255.255'
        ? new QHostAddress(QHostAddress.SpecialAddress.Broadcast)
        : new QHostAddress(address);
    this.port = port;
    this.count = count;
    this.messageNo = 1;
    console.log(`Ready to broadcast datagrams on port ${port}`);
    this.udpSocket = new QUdpSocket();
    this.timer = new QTimer();
    this.timer.timeout.connect(this.broadcastDatagram);
  }

  startBroadcasting(interval) {
    this.timer.start(interval);
  }

  broadcastDatagram() {
    console.log(`Now broadcasting datagram ${this.messageNo}`);
    const datagram = new QByteArray('Broadcast message ').append(QByteArray.number(this.messageNo));
    this.udpSocket.writeDatagram(datagram, this.address, this.port);
    this.messageNo += 1;
    // The user presses Quit. No app.exec() to leave: the process ends once nothing is open, and
    // the socket is (the first writeDatagram bound it).
    if (this.messageNo > this.count) {
      this.timer.stop();
      this.udpSocket.close();
    }
  }
}

function main(argv) {
  const address = argv.length > 2 ? argv[2] : '255.255.255.255';
  const port = argv.length > 3 ? Number(argv[3]) : 45454;
  const count = argv.length > 4 ? Number(argv[4]) : 5;
  const interval = argv.length > 5 ? Number(argv[5]) : 1000;
  const sender = new Sender(address, port, count);
  sender.startBroadcasting(interval);
}

main(process.argv);
