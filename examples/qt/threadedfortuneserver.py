#!/usr/bin/env python3
"""Qt's Threaded Fortune Server example (qtbase/examples/network/threadedfortuneserver), headless,
in PyQt6.

The original that threadedfortuneserver.js ports. A QTcpServer subclass overrides
incomingConnection() and hands each socket descriptor to a thread of its own, which sends one
fortune. It prints what fortuneserver.py prints, and quits at the end of stdin.

    python3 threadedfortuneserver.py [port = 0] [seed]
"""
import sys

from PyQt6.QtCore import QByteArray, QCoreApplication, QDataStream, QIODevice, QThread, pyqtSignal
from PyQt6.QtNetwork import QHostAddress, QTcpServer, QTcpSocket

from fortuneserver import FORTUNES, chooser, quit_on_stdin_end, status_text


class FortuneThread(QThread):
    error = pyqtSignal(QTcpSocket.SocketError)

    def __init__(self, socketDescriptor, fortune, parent):
        super().__init__(parent)
        self.socketDescriptor = socketDescriptor
        self.text = fortune

    def run(self):
        tcpSocket = QTcpSocket()
        if not tcpSocket.setSocketDescriptor(self.socketDescriptor):
            self.error.emit(tcpSocket.error())
            return

        block = QByteArray()
        out = QDataStream(block, QIODevice.OpenModeFlag.WriteOnly)
        out.setVersion(QDataStream.Version.Qt_4_0)
        out.writeQString(self.text)

        tcpSocket.write(block)
        tcpSocket.disconnectFromHost()
        tcpSocket.waitForDisconnected()


class FortuneServer(QTcpServer):
    def __init__(self, bounded):
        super().__init__()
        self.bounded = bounded
        self.fortunes = list(FORTUNES)

    def incomingConnection(self, socketDescriptor):
        fortune = self.fortunes[self.bounded(len(self.fortunes))]
        thread = FortuneThread(socketDescriptor, fortune, self)
        thread.finished.connect(thread.deleteLater)
        thread.start()
        print(f"sent: {fortune}", flush=True)


def main(argv):
    app = QCoreApplication(argv)
    port = int(argv[1]) if len(argv) > 1 else 0
    seed = int(argv[2]) if len(argv) > 2 else None
    server = FortuneServer(chooser(seed))
    if not server.listen(QHostAddress(QHostAddress.SpecialAddress.Any), port):
        print(f"Unable to start the server: {server.errorString()}.", flush=True)
        return 1
    print(status_text(server), flush=True)
    quit_on_stdin_end(app)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
