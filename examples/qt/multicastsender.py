#!/usr/bin/env python3
"""Qt's Multicast Sender example (qtbase/examples/network/multicastsender), headless, in PyQt6.

The original that multicastsender.js ports. Start is pressed at once: a QTimer sends
"Multicast message N" to 239.255.43.21 (and to ff12::2115 when its IPv6 socket is bound) every
`interval` ms, with the TTL given; the label is printed; it quits after `count`.

    python3 multicastsender.py [port = 45454] [count = 5] [interval = 1000] [ttl = 1]
"""
import sys

from PyQt6.QtCore import QByteArray, QCoreApplication, QObject, QTimer
from PyQt6.QtNetwork import QAbstractSocket, QHostAddress, QUdpSocket


class Sender(QObject):
    def __init__(self, port, count):
        super().__init__()
        self.groupAddress4 = QHostAddress("239.255.43.21")
        self.groupAddress6 = QHostAddress("ff12::2115")
        self.port = port
        self.count = count
        self.messageNo = 1
        self.udpSocket4 = QUdpSocket(self)
        self.udpSocket6 = QUdpSocket(self)
        self.timer = QTimer(self)

        # force binding to their respective families
        self.udpSocket4.bind(QHostAddress(QHostAddress.SpecialAddress.AnyIPv4), 0)
        self.udpSocket6.bind(QHostAddress(QHostAddress.SpecialAddress.AnyIPv6), self.udpSocket4.localPort())

        if self.udpSocket6.state() != QAbstractSocket.SocketState.BoundState:
            msg = f"IPv6 failed. Ready to multicast datagrams to group {self.groupAddress4.toString()} on port {port}"
        else:
            msg = (f"Ready to multicast datagrams to groups {self.groupAddress4.toString()} and "
                   f"[{self.groupAddress6.toString()}] on port {port}")
        print(msg, flush=True)
        self.timer.timeout.connect(self.sendDatagram)

    def ttlChanged(self, newTtl):
        # we only set the TTL on the IPv4 socket, as that changes the multicast scope
        self.udpSocket4.setSocketOption(QAbstractSocket.SocketOption.MulticastTtlOption, newTtl)

    def startSending(self, interval):
        self.timer.start(interval)

    def sendDatagram(self):
        print(f"Now sending datagram {self.messageNo}", flush=True)
        datagram = QByteArray(b"Multicast message ") + QByteArray.number(self.messageNo)
        self.udpSocket4.writeDatagram(datagram, self.groupAddress4, self.port)
        if self.udpSocket6.state() == QAbstractSocket.SocketState.BoundState:
            self.udpSocket6.writeDatagram(datagram, self.groupAddress6, self.port)
        self.messageNo += 1
        if self.messageNo > self.count:  # the user presses Quit
            self.timer.stop()
            QCoreApplication.quit()


def main(argv):
    app = QCoreApplication(argv)
    port = int(argv[1]) if len(argv) > 1 else 45454
    count = int(argv[2]) if len(argv) > 2 else 5
    interval = int(argv[3]) if len(argv) > 3 else 1000
    ttl = int(argv[4]) if len(argv) > 4 else 1
    sender = Sender(port, count)
    sender.ttlChanged(ttl)
    sender.startSending(interval)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
