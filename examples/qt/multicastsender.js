// Qt's Multicast Sender example (qtbase/examples/network/multicastsender), headless: the port of
// multicastsender.py (PyQt6), function by function. Start is pressed at once: a QTimer sends
// "Multicast message N" to 239.255.43.21 (and to ff12::2115 when its IPv6 socket is bound) every
// `interval` ms, with the TTL given; the label is printed; it quits after `count`.
//
//   node multicastsender.js [port = 45454] [count = 5] [interval = 1000] [ttl = 1]
'use strict';
const { QAbstractSocket, QByteArray, QHostAddress, QObject, QTimer, QUdpSocket } = require('qtnetwork');

class Sender extends QObject {
  constructor(port, count) {
    super();
    this.groupAddress4 = new QHostAddress('239.255.43.21');
    this.groupAddress6 = new QHostAddress('ff12::2115');
    this.port = port;
    this.count = count;
    this.messageNo = 1;
    this.udpSocket4 = new QUdpSocket();
    this.udpSocket6 = new QUdpSocket();
    this.timer = new QTimer();
  }

  // bind() is awaited (it can wait on a proxy), so this is not done in the constructor.
  async init() {
    // force binding to their respective families
    await this.udpSocket4.bind(new QHostAddress(QHostAddress.SpecialAddress.AnyIPv4), 0);
    await this.udpSocket6.bind(new QHostAddress(QHostAddress.SpecialAddress.AnyIPv6), this.udpSocket4.localPort());

    const msg =
      this.udpSocket6.state() !== QAbstractSocket.SocketState.BoundState
        ? `IPv6 failed. Ready to multicast datagrams to group ${this.groupAddress4.toString()} on port ${this.port}`
        : `Ready to multicast datagrams to groups ${this.groupAddress4.toString()} and ` +
          `[${this.groupAddress6.toString()}] on port ${this.port}`;
    console.log(msg);
    this.timer.timeout.connect(this.sendDatagram);
  }

  ttlChanged(newTtl) {
    // we only set the TTL on the IPv4 socket, as that changes the multicast scope
    this.udpSocket4.setSocketOption(QAbstractSocket.SocketOption.MulticastTtlOption, newTtl);
  }

  startSending(interval) {
    this.timer.start(interval);
  }

  sendDatagram() {
    console.log(`Now sending datagram ${this.messageNo}`);
    const datagram = new QByteArray('Multicast message ').append(QByteArray.number(this.messageNo));
    this.udpSocket4.writeDatagram(datagram, this.groupAddress4, this.port);
    if (this.udpSocket6.state() === QAbstractSocket.SocketState.BoundState)
      this.udpSocket6.writeDatagram(datagram, this.groupAddress6, this.port);
    this.messageNo += 1;
    // The user presses Quit. No app.exec() to leave: the process ends once nothing is open.
    if (this.messageNo > this.count) {
      this.timer.stop();
      this.udpSocket4.close();
      this.udpSocket6.close();
    }
  }
}

async function main(argv) {
  const port = argv.length > 2 ? Number(argv[2]) : 45454;
  const count = argv.length > 3 ? Number(argv[3]) : 5;
  const interval = argv.length > 4 ? Number(argv[4]) : 1000;
  const ttl = argv.length > 5 ? Number(argv[5]) : 1;
  const sender = new Sender(port, count);
  await sender.init();
  sender.ttlChanged(ttl);
  sender.startSending(interval);
}

void main(process.argv);
