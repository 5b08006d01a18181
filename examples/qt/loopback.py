#!/usr/bin/env python3
"""Qt's Loopback example (qtbase/examples/network/loopback), headless, in PyQt6.

The original that loopback.js ports. A client and a server in one process: the client writes
TotalBytes in PayloadSize pieces, writing more from bytesWritten while Qt's write buffer is low,
and the server reads them. The labels are printed as they change ("client: ..." and "server: ...");
a progress label that moves by more than one MB at once prints each MB between, so that the lines
do not depend on how the bytes were cut. Press Start is done at once; it quits when all arrived.

    python3 loopback.py [TotalBytes = 50 MiB] [PayloadSize = 64 KiB]
"""
import sys

from PyQt6.QtCore import QByteArray, QCoreApplication, QObject
from PyQt6.QtNetwork import QAbstractSocket, QHostAddress, QTcpServer, QTcpSocket


class Label:
    """A status label, printed when its text changes."""

    def __init__(self, name, text):
        self.name = name
        self.mb = -1
        self.setText(text)

    def setText(self, text):
        print(f"{self.name}: {text}", flush=True)

    def setProgress(self, fmt, mb):
        while self.mb < mb:
            self.mb += 1
            self.setText(fmt % self.mb)


class Dialog(QObject):
    def __init__(self, totalBytes, payloadSize):
        super().__init__()
        self.TotalBytes = totalBytes
        self.PayloadSize = payloadSize
        self.exitCode = 0
        self.clientStatusLabel = Label("client", "Client ready")
        self.serverStatusLabel = Label("server", "Server ready")
        self.tcpServer = QTcpServer()
        self.tcpClient = QTcpSocket()
        self.tcpServerConnection = None
        self.tcpServer.newConnection.connect(self.acceptConnection)
        self.tcpClient.connected.connect(self.startTransfer)
        self.tcpClient.bytesWritten.connect(self.updateClientProgress)
        self.tcpClient.errorOccurred.connect(self.displayError)

    def start(self):
        self.bytesWritten = 0
        self.bytesReceived = 0
        self.bytesToWrite = 0

        if not self.tcpServer.isListening() and not self.tcpServer.listen():
            print(f"Loopback: Unable to start the test: {self.tcpServer.errorString()}.", flush=True)
            self.exitCode = 1  # Cancel
            QCoreApplication.quit()
            return

        self.serverStatusLabel.setText("Listening")
        self.clientStatusLabel.setText("Connecting")
        self.tcpClient.connectToHost(QHostAddress(QHostAddress.SpecialAddress.LocalHost),
                                     self.tcpServer.serverPort())

    def acceptConnection(self):
        self.tcpServerConnection = self.tcpServer.nextPendingConnection()
        if not self.tcpServerConnection:
            self.serverStatusLabel.setText("Error: got invalid pending connection!")
            return
        self.tcpServerConnection.readyRead.connect(self.updateServerProgress)
        self.tcpServerConnection.errorOccurred.connect(self.displayError)
        self.tcpServerConnection.disconnected.connect(self.tcpServerConnection.deleteLater)

        self.serverStatusLabel.setText("Accepted connection")
        self.tcpServer.close()

    def startTransfer(self):
        self.bytesToWrite = self.TotalBytes - self.tcpClient.write(QByteArray(self.PayloadSize, b"@"))
        self.clientStatusLabel.setText("Connected")

    def updateServerProgress(self):
        self.bytesReceived += self.tcpServerConnection.bytesAvailable()
        self.tcpServerConnection.readAll()

        self.serverStatusLabel.setProgress("Received %dMB", self.bytesReceived // (1024 * 1024))

        if self.bytesReceived == self.TotalBytes:
            self.tcpServerConnection.close()
            QCoreApplication.quit()  # the Start button is enabled again: done

    def updateClientProgress(self, numBytes):
        self.bytesWritten += numBytes

        if self.bytesToWrite > 0 and self.tcpClient.bytesToWrite() <= 4 * self.PayloadSize:
            self.bytesToWrite -= self.tcpClient.write(QByteArray(min(self.bytesToWrite, self.PayloadSize), b"@"))

        self.clientStatusLabel.setProgress("Sent %dMB", self.bytesWritten // (1024 * 1024))

    def displayError(self, socketError):
        if socketError == QTcpSocket.SocketError.RemoteHostClosedError:
            return
        print(f"Network error: The following error occurred: {self.tcpClient.errorString()}.", flush=True)
        self.tcpClient.close()
        self.tcpServer.close()
        self.exitCode = 1
        QCoreApplication.quit()


def main(argv):
    app = QCoreApplication(argv)
    total = int(argv[1]) if len(argv) > 1 else 50 * 1024 * 1024
    payload = int(argv[2]) if len(argv) > 2 else 64 * 1024
    dialog = Dialog(total, payload)
    dialog.start()
    app.exec()
    return dialog.exitCode


if __name__ == "__main__":
    sys.exit(main(sys.argv))
