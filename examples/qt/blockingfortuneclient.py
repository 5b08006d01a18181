#!/usr/bin/env python3
"""Qt's Blocking Fortune Client example (qtbase/examples/network/blockingfortuneclient), headless,
in PyQt6.

The original that blockingfortuneclient.js ports. A thread does the network work with Qt's
blocking waits; the client "clicks" Get Fortune `count` times and prints each fortune (the status
label); a message box is printed and ends the program with exit code 1.

    python3 blockingfortuneclient.py <host> <port> [count = 1]
"""
import sys

from PyQt6.QtCore import (QCoreApplication, QDataStream, QMutex, QMutexLocker, QObject, QThread,
                          QWaitCondition, pyqtSignal)
from PyQt6.QtNetwork import QAbstractSocket, QHostAddress, QNetworkInterface, QTcpSocket


class FortuneThread(QThread):
    newFortune = pyqtSignal(str)
    error = pyqtSignal(int, str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.quit_ = False
        self.mutex = QMutex()
        self.cond = QWaitCondition()
        self.hostName = ""
        self.port = 0

    def stop(self):
        """~FortuneThread(): tell run() to end, wake it, and wait for it."""
        self.mutex.lock()
        self.quit_ = True
        self.cond.wakeOne()
        self.mutex.unlock()
        self.wait()

    def requestNewFortune(self, hostName, port):
        locker = QMutexLocker(self.mutex)
        self.hostName = hostName
        self.port = port
        if not self.isRunning():
            self.start()
        else:
            self.cond.wakeOne()
        del locker

    def run(self):
        self.mutex.lock()
        serverName = self.hostName
        serverPort = self.port
        self.mutex.unlock()

        while not self.quit_:
            Timeout = 5 * 1000

            socket = QTcpSocket()
            socket.connectToHost(serverName, serverPort)

            if not socket.waitForConnected(Timeout):
                self.error.emit(socket.error().value, socket.errorString())
                return

            inp = QDataStream(socket)
            inp.setVersion(QDataStream.Version.Qt_4_0)

            while True:
                if not socket.waitForReadyRead(Timeout):
                    self.error.emit(socket.error().value, socket.errorString())
                    return
                inp.startTransaction()
                fortune = inp.readQString()
                if inp.commitTransaction():
                    break

            self.mutex.lock()
            self.newFortune.emit(fortune)

            self.cond.wait(self.mutex)
            serverName = self.hostName
            serverPort = self.port
            self.mutex.unlock()
            socket.abort()  # C++ destroys the socket here, at the end of the loop's body


def default_host():
    """The dialog's host field: the first non-localhost IPv4 address, else IPv4 localhost."""
    for address in QNetworkInterface.allAddresses():
        if address != QHostAddress(QHostAddress.SpecialAddress.LocalHost) and address.toIPv4Address()[0]:
            return address.toString()
    return QHostAddress(QHostAddress.SpecialAddress.LocalHost).toString()


class BlockingClient(QObject):
    def __init__(self, host, port, count):
        super().__init__()
        self.host = host
        self.port = port
        self.clicks = count
        self.exitCode = 0
        self.currentFortune = ""
        self.fortuneThread = FortuneThread()
        self.fortuneThread.newFortune.connect(self.showFortune)
        self.fortuneThread.error.connect(self.displayError)

    def clickGetFortune(self):
        self.clicks -= 1
        self.requestNewFortune()

    def requestNewFortune(self):
        self.fortuneThread.requestNewFortune(self.host, self.port)

    def showFortune(self, nextFortune):
        if nextFortune == self.currentFortune:
            self.requestNewFortune()
            return
        self.currentFortune = nextFortune
        print(self.currentFortune, flush=True)
        self.enableGetFortuneButton()

    def displayError(self, socketError, message):
        if socketError == QAbstractSocket.SocketError.HostNotFoundError.value:
            print("Blocking Fortune Client: The host was not found. Please check the host and port settings.")
        elif socketError == QAbstractSocket.SocketError.ConnectionRefusedError.value:
            print("Blocking Fortune Client: The connection was refused by the peer. Make sure the fortune "
                  "server is running, and check that the host name and port settings are correct.")
        else:
            print(f"Blocking Fortune Client: The following error occurred: {message}.")
        sys.stdout.flush()
        self.exitCode = 1  # the user reads the message box and quits
        self.quit()

    def enableGetFortuneButton(self):
        """The button is enabled again: the user clicks it while clicks are left, else quits."""
        if self.clicks > 0:
            self.clickGetFortune()
        else:
            self.quit()

    def quit(self):
        self.fortuneThread.stop()
        QCoreApplication.quit()


def main(argv):
    app = QCoreApplication(argv)
    print(f"Server name: {default_host()}", flush=True)
    host, port = argv[1], int(argv[2])
    count = int(argv[3]) if len(argv) > 3 else 1
    client = BlockingClient(host, port, count)
    client.clickGetFortune()
    app.exec()
    return client.exitCode


if __name__ == "__main__":
    sys.exit(main(sys.argv))
