#!/usr/bin/env python3
"""Qt's Broadcast Receiver example (qtbase/examples/network/broadcastreceiver), headless, in PyQt6.

The original that broadcastreceiver.js ports. It binds with ShareAddress and prints the label for
each datagram; it quits after `count` datagrams.

    python3 broadcastreceiver.py [port = 45454] [count = 5]
"""
import sys

from PyQt6.QtCore import QCoreApplication, QObject
from PyQt6.QtNetwork import QUdpSocket


class Receiver(QObject):
    def __init__(self, port, count):
        super().__init__()
        self.count = count
        self.udpSocket = QUdpSocket(self)
        self.udpSocket.bind(port, QUdpSocket.BindFlag.ShareAddress)
        self.udpSocket.readyRead.connect(self.processPendingDatagrams)
        print("Listening for broadcasted messages", flush=True)

    def processPendingDatagrams(self):
        while self.udpSocket.hasPendingDatagrams():
            datagram, _host, _port = self.udpSocket.readDatagram(self.udpSocket.pendingDatagramSize())
            print(f'Received datagram: "{datagram.decode()}"', flush=True)
            self.count -= 1
            if self.count == 0:  # the user presses Quit
                QCoreApplication.quit()


def main(argv):
    app = QCoreApplication(argv)
    port = int(argv[1]) if len(argv) > 1 else 45454
    count = int(argv[2]) if len(argv) > 2 else 5
    receiver = Receiver(port, count)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
