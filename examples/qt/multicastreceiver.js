// Qt's Multicast Receiver example (qtbase/examples/network/multicastreceiver), headless: the port
// of multicastreceiver.py (PyQt6), function by function. It joins 239.255.43.21 (and ff12::2115
// where IPv6 can) and prints the label's lines for each datagram; it quits after `count` datagrams
// on each socket that listens.
//
//   node multicastreceiver.js [port = 45454] [count = 5]
'use strict';
const { QHostAddress, QObject, QUdpSocket } = require('qtnetwork');

class Receiver extends QObject {
  constructor(port, count) {
    super();
    this.groupAddress4 = new QHostAddress('239.255.43.21');
    this.groupAddress6 = new QHostAddress('ff12::2115');
    this.udpSocket4 = new QUdpSocket();
    this.udpSocket6 = new QUdpSocket();
    this.count4 = count;
    this.count6 = count;
    this.port = port;
  }

  // bind() is awaited (it can wait on a proxy), so this is not done in the constructor.
  async init() {
    const { ShareAddress } = QUdpSocket.BindFlag;
    await this.udpSocket4.bind(new QHostAddress(QHostAddress.SpecialAddress.AnyIPv4), this.port, ShareAddress);
    this.udpSocket4.joinMulticastGroup(this.groupAddress4);

    if (
      !(await this.udpSocket6.bind(new QHostAddress(QHostAddress.SpecialAddress.AnyIPv6), this.port, ShareAddress)) ||
      !this.udpSocket6.joinMulticastGroup(this.groupAddress6)
    ) {
      console.log('Listening for multicast messages on IPv4 only');
      this.count6 = 0;
      this.udpSocket6.close(); // Python's would be let go at exit; an open one keeps Node running
    } else {
      console.log('Listening for multicast messages on both IPv4 and IPv6');
    }

    this.udpSocket4.readyRead.connect(this.processPendingDatagrams);
    this.udpSocket6.readyRead.connect(this.processPendingDatagrams);
  }

  processPendingDatagrams() {
    // using QUdpSocket.readDatagram (API since Qt 4)
    while (this.udpSocket4.hasPendingDatagrams()) {
      const [datagram] = this.udpSocket4.readDatagram(this.udpSocket4.pendingDatagramSize());
      console.log(`Received IPv4 datagram: "${datagram.toString()}"`);
      this.count4 -= 1;
    }

    // using QUdpSocket.receiveDatagram (API since Qt 5.8)
    while (this.udpSocket6.hasPendingDatagrams()) {
      const dgram = this.udpSocket6.receiveDatagram();
      console.log(
        `Received IPv6 datagram from [${dgram.senderAddress().toString()}]:${dgram.senderPort()}: ` +
          `"${dgram.data().toString()}"`,
      );
      this.count6 -= 1;
    }

    // The user presses Quit. No app.exec() to leave: the process ends once nothing is open.
    if (this.count4 <= 0 && this.count6 <= 0) {
      this.udpSocket4.close();
      this.udpSocket6.close();
    }
  }
}

function main(argv) {
  const port = argv.length > 2 ? Number(argv[2]) : 45454;
  const count = argv.length > 3 ? Number(argv[3]) : 5;
  void new Receiver(port, count).init();
}

main(process.argv);
