#!/usr/bin/env python3
"""Qt's Multicast Receiver example (qtbase/examples/network/multicastreceiver), headless, in PyQt6.

The original that multicastreceiver.js ports. It joins 239.255.43.21 (and ff12::2115 where IPv6
can) and prints the label's lines for each datagram; it quits after `count` datagrams on each
socket that listens.

    python3 multicastreceiver.py [port = 45454] [count = 5]
"""
import sys

from PyQt6.QtCore import QCoreApplication, QObject
from PyQt6.QtNetwork import QHostAddress, QUdpSocket


class Receiver(QObject):
    def __init__(self, port, count):
        super().__init__()
        self.groupAddress4 = QHostAddress("239.255.43.21")
        self.groupAddress6 = QHostAddress("ff12::2115")
        self.udpSocket4 = QUdpSocket(self)
        self.udpSocket6 = QUdpSocket(self)
        self.count4 = count
        self.count6 = count

        self.udpSocket4.bind(QHostAddress(QHostAddress.SpecialAddress.AnyIPv4), port,
                             QUdpSocket.BindFlag.ShareAddress)
        self.udpSocket4.joinMulticastGroup(self.groupAddress4)

        if (not self.udpSocket6.bind(QHostAddress(QHostAddress.SpecialAddress.AnyIPv6), port,
                                     QUdpSocket.BindFlag.ShareAddress)
                or not self.udpSocket6.joinMulticastGroup(self.groupAddress6)):
            print("Listening for multicast messages on IPv4 only", flush=True)
            self.count6 = 0
        else:
            print("Listening for multicast messages on both IPv4 and IPv6", flush=True)

        self.udpSocket4.readyRead.connect(self.processPendingDatagrams)
        self.udpSocket6.readyRead.connect(self.processPendingDatagrams)

    def processPendingDatagrams(self):
        # using QUdpSocket.readDatagram (API since Qt 4)
        while self.udpSocket4.hasPendingDatagrams():
            datagram, _host, _port = self.udpSocket4.readDatagram(self.udpSocket4.pendingDatagramSize())
            print(f'Received IPv4 datagram: "{datagram.decode()}"', flush=True)
            self.count4 -= 1

        # using QUdpSocket.receiveDatagram (API since Qt 5.8)
        while self.udpSocket6.hasPendingDatagrams():
            dgram = self.udpSocket6.receiveDatagram()
            print(f'Received IPv6 datagram from [{dgram.senderAddress().toString()}]:{dgram.senderPort()}: '
                  f'"{dgram.data().data().decode()}"', flush=True)
            self.count6 -= 1

        if self.count4 <= 0 and self.count6 <= 0:  # the user presses Quit
            QCoreApplication.quit()


def main(argv):
    app = QCoreApplication(argv)
    port = int(argv[1]) if len(argv) > 1 else 45454
    count = int(argv[2]) if len(argv) > 2 else 5
    receiver = Receiver(port, count)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
