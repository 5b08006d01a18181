#!/usr/bin/env python3
"""Qt's Fortune Server example (qtbase/examples/network/fortuneserver), headless, in PyQt6.

The original that fortuneserver.js ports. The dialog's label is printed, and so is each fortune
sent; the Quit button is the end of stdin (Ctrl-D).

    python3 fortuneserver.py [port = 0] [seed]

With a seed, the fortunes come in a fixed order (the same as the port's) instead of at random,
so that two runs can be compared line by line.
"""
import sys

from PyQt6.QtCore import (QByteArray, QCoreApplication, QDataStream, QIODevice, QObject,
                          QRandomGenerator, QSocketNotifier)
from PyQt6.QtNetwork import QHostAddress, QNetworkInterface, QTcpServer

FORTUNES = [
    "You've been leading a dog's life. Stay off the furniture.",
    "You've got to think about tomorrow.",
    "You will be surprised by a loud noise.",
    "You will feel hungry again in another hour.",
    "You might have mail.",
    "You cannot kill time without injuring eternity.",
    "Computers are not intelligent. They only think they are.",
]


def chooser(seed=None):
    """QRandomGenerator.global().bounded(n); with a seed, MINSTD, which the JS port computes alike."""
    if seed is None:
        return QRandomGenerator.global_().bounded
    state = [seed]

    def bounded(n):
        state[0] = state[0] * 48271 % 2147483647
        return state[0] % n
    return bounded


def status_text(tcp_server):
    """The dialog's label: the first non-localhost IPv4 address, else IPv4 localhost, and the port."""
    ip_address = ""
    for address in QNetworkInterface.allAddresses():
        if address != QHostAddress(QHostAddress.SpecialAddress.LocalHost) and address.toIPv4Address()[0]:
            ip_address = address.toString()
            break
    if not ip_address:
        ip_address = QHostAddress(QHostAddress.SpecialAddress.LocalHost).toString()
    return (f"The server is running on\n\nIP: {ip_address}\nport: {tcp_server.serverPort()}\n\n"
            "Run the Fortune Client example now.")


def quit_on_stdin_end(app):
    """The Quit button: the end of stdin quits the application."""
    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read, app)

    def read():
        if not sys.stdin.buffer.raw.read(4096):
            notifier.setEnabled(False)
            app.quit()
    notifier.activated.connect(read)


class Server(QObject):
    def __init__(self, port, bounded):
        super().__init__()
        self.port = port
        self.bounded = bounded
        self.fortunes = list(FORTUNES)
        self.tcpServer = None
        self.ok = self.initServer()
        if self.ok:
            self.tcpServer.newConnection.connect(self.sendFortune)

    def initServer(self):
        self.tcpServer = QTcpServer(self)
        if not self.tcpServer.listen(QHostAddress(QHostAddress.SpecialAddress.Any), self.port):
            print(f"Unable to start the server: {self.tcpServer.errorString()}.", flush=True)
            return False
        print(status_text(self.tcpServer), flush=True)
        return True

    def sendFortune(self):
        fortune = self.fortunes[self.bounded(len(self.fortunes))]
        block = QByteArray()
        out = QDataStream(block, QIODevice.OpenModeFlag.WriteOnly)
        out.setVersion(QDataStream.Version.Qt_5_10)
        out.writeQString(fortune)

        clientConnection = self.tcpServer.nextPendingConnection()
        clientConnection.disconnected.connect(clientConnection.deleteLater)

        clientConnection.write(block)
        clientConnection.disconnectFromHost()
        print(f"sent: {fortune}", flush=True)


def main(argv):
    app = QCoreApplication(argv)
    port = int(argv[1]) if len(argv) > 1 else 0
    seed = int(argv[2]) if len(argv) > 2 else None
    server = Server(port, chooser(seed))
    if not server.ok:
        return 1
    quit_on_stdin_end(app)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
