#!/usr/bin/env python3
"""Qt's Broadcast Sender example (qtbase/examples/network/broadcastsender), headless, in PyQt6.

The original that broadcastsender.js ports. Start is pressed at once: a QTimer sends
"Broadcast message N" every `interval` ms; the label is printed; it quits after `count`.

    python3 broadcastsender.py [address = 255.255.255.255] [port = 45454] [count = 5] [interval = 1000]
"""
import sys

from PyQt6.QtCore import QByteArray, QCoreApplication, QObject, QTimer
from PyQt6.QtNetwork import QHostAddress, QUdpSocket


class Sender(QObject):
    def __init__(self, address, port, count):
        super().__init__()
        # QHostAddress.SpecialAddress.Broadcast in Qt's; another one (the test's namespace has only
        # lo: 127.255.255.255) from the command line.
        self.address = (QHostAddress(QHostAddress.SpecialAddress.Broadcast) if address == "255.255.255.255"
                        else QHostAddress(address))
        self.port = port
        self.count = count
        self.messageNo = 1
        print(f"Ready to broadcast datagrams on port {port}", flush=True)
        self.udpSocket = QUdpSocket(self)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.broadcastDatagram)

    def startBroadcasting(self, interval):
        self.timer.start(interval)

    def broadcastDatagram(self):
        print(f"Now broadcasting datagram {self.messageNo}", flush=True)
        datagram = QByteArray(b"Broadcast message ") + QByteArray.number(self.messageNo)
        self.udpSocket.writeDatagram(datagram, self.address, self.port)
        self.messageNo += 1
        if self.messageNo > self.count:  # the user presses Quit
            self.timer.stop()
            QCoreApplication.quit()


def main(argv):
    app = QCoreApplication(argv)
    address = argv[1] if len(argv) > 1 else "255.255.255.255"
    port = int(argv[2]) if len(argv) > 2 else 45454
    count = int(argv[3]) if len(argv) > 3 else 5
    interval = int(argv[4]) if len(argv) > 4 else 1000
    sender = Sender(address, port, count)
    sender.startBroadcasting(interval)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
