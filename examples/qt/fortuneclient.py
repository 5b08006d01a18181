#!/usr/bin/env python3
"""Qt's Fortune Client example (qtbase/examples/network/fortuneclient), headless, in PyQt6.

The original that fortuneclient.js ports. It prints the server names the dialog offers, then
"clicks" Get Fortune `count` times, printing each fortune (the status label); a message box is
printed and ends the program with exit code 1.

    python3 fortuneclient.py <host> <port> [count = 1]
"""
import sys

from PyQt6.QtCore import QCoreApplication, QDataStream, QObject, QTimer
from PyQt6.QtNetwork import QAbstractSocket, QHostInfo, QNetworkInterface, QTcpSocket


def host_choices():
    """The dialog's server-name combo box: this machine's names, then its addresses."""
    items = []
    name = QHostInfo.localHostName()
    if name:
        items.append(name)
        domain = QHostInfo.localDomainName()
        if domain:
            items.append(name + "." + domain)
    if name != "localhost":
        items.append("localhost")
    addresses = QNetworkInterface.allAddresses()
    items += [a.toString() for a in addresses if not a.isLoopback()]
    items += [a.toString() for a in addresses if a.isLoopback()]
    return items


class Client(QObject):
    def __init__(self, host, port, count):
        super().__init__()
        self.host = host
        self.port = port
        self.clicks = count
        self.exitCode = 0
        self.currentFortune = ""
        self.tcpSocket = QTcpSocket(self)
        self.inp = QDataStream()
        self.inp.setDevice(self.tcpSocket)
        self.inp.setVersion(QDataStream.Version.Qt_5_10)
        self.tcpSocket.readyRead.connect(self.readFortune)
        self.tcpSocket.errorOccurred.connect(self.displayError)

    def clickGetFortune(self):
        self.clicks -= 1
        self.requestNewFortune()

    def requestNewFortune(self):
        self.tcpSocket.abort()
        self.tcpSocket.connectToHost(self.host, self.port)

    def readFortune(self):
        self.inp.startTransaction()
        nextFortune = self.inp.readQString()
        if not self.inp.commitTransaction():
            return
        if nextFortune == self.currentFortune:
            QTimer.singleShot(0, self.requestNewFortune)
            return
        self.currentFortune = nextFortune
        print(self.currentFortune, flush=True)
        self.enableGetFortuneButton()

    def displayError(self, socketError):
        if socketError == QAbstractSocket.SocketError.RemoteHostClosedError:
            return
        if socketError == QAbstractSocket.SocketError.HostNotFoundError:
            print("Fortune Client: The host was not found. Please check the host name and port settings.")
        elif socketError == QAbstractSocket.SocketError.ConnectionRefusedError:
            print("Fortune Client: The connection was refused by the peer. Make sure the fortune server is "
                  "running, and check that the host name and port settings are correct.")
        else:
            print(f"Fortune Client: The following error occurred: {self.tcpSocket.errorString()}.")
        sys.stdout.flush()
        self.exitCode = 1  # the user reads the message box and quits
        QCoreApplication.quit()

    def enableGetFortuneButton(self):
        """The button is enabled again: the user clicks it while clicks are left, else quits."""
        if self.clicks > 0:
            QTimer.singleShot(0, self.clickGetFortune)
        else:
            QCoreApplication.quit()


def main(argv):
    app = QCoreApplication(argv)
    choices = host_choices()
    print("Server name choices: " + ", ".join(choices), flush=True)
    host, port = argv[1], int(argv[2])
    count = int(argv[3]) if len(argv) > 3 else 1
    client = Client(host, port, count)
    client.clickGetFortune()
    app.exec()
    return client.exitCode


if __name__ == "__main__":
    sys.exit(main(sys.argv))
