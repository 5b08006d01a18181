// Qt's Loopback example (qtbase/examples/network/loopback), headless: the port of loopback.py
// (PyQt6), function by function. A client and a server in one process: the client writes
// TotalBytes in PayloadSize pieces, writing more from bytesWritten while Qt's write buffer is low,
// and the server reads them. The labels are printed as they change ("client: ..." and
// "server: ..."); a progress label that moves by more than one MB at once prints each MB between,
// so that the lines do not depend on how the bytes were cut. Start is pressed at once; it quits
// when all arrived.
//
//   node loopback.js [TotalBytes = 50 MiB] [PayloadSize = 64 KiB]
'use strict';
const { QByteArray, QHostAddress, QObject, QTcpServer, QTcpSocket } = require('qtnetwork');

/** A status label, printed when its text changes. */
class Label {
  constructor(name, text) {
    this.name = name;
    this.mb = -1;
    this.setText(text);
  }

  setText(text) {
    console.log(`${this.name}: ${text}`);
  }

  setProgress(format, mb) {
    while (this.mb < mb) {
      this.mb += 1;
      this.setText(format(this.mb));
    }
  }
}

class Dialog extends QObject {
  constructor(totalBytes, payloadSize) {
    super();
    this.TotalBytes = totalBytes;
    this.PayloadSize = payloadSize;
    this.clientStatusLabel = new Label('client', 'Client ready');
    this.serverStatusLabel = new Label('server', 'Server ready');
    this.tcpServer = new QTcpServer();
    this.tcpClient = new QTcpSocket();
    this.tcpServerConnection = null;
    this.tcpServer.newConnection.connect(this.acceptConnection);
    this.tcpClient.connected.connect(this.startTransfer);
    this.tcpClient.bytesWritten.connect(this.updateClientProgress);
    this.tcpClient.errorOccurred.connect(this.displayError);
  }

  async start() {
    this.bytesWritten = 0;
    this.bytesReceived = 0;
    this.bytesToWrite = 0;

    if (!this.tcpServer.isListening() && !(await this.tcpServer.listen())) {
      console.log(`Loopback: Unable to start the test: ${this.tcpServer.errorString()}.`);
      process.exitCode = 1; // Cancel
      return;
    }

    this.serverStatusLabel.setText('Listening');
    this.clientStatusLabel.setText('Connecting');
    this.tcpClient.connectToHost(new QHostAddress(QHostAddress.SpecialAddress.LocalHost), this.tcpServer.serverPort());
  }

  acceptConnection() {
    const connection = (this.tcpServerConnection = this.tcpServer.nextPendingConnection());
    if (!connection) {
      this.serverStatusLabel.setText('Error: got invalid pending connection!');
      return;
    }
    connection.readyRead.connect(this.updateServerProgress);
    connection.errorOccurred.connect(this.displayError);
    connection.disconnected.connect(connection.deleteLater);

    this.serverStatusLabel.setText('Accepted connection');
    this.tcpServer.close();
  }

  startTransfer() {
    this.bytesToWrite = this.TotalBytes - this.tcpClient.write(new QByteArray(this.PayloadSize, '@'));
    this.clientStatusLabel.setText('Connected');
  }

  updateServerProgress() {
    this.bytesReceived += this.tcpServerConnection.bytesAvailable();
    this.tcpServerConnection.readAll();

    this.serverStatusLabel.setProgress((mb) => `Received ${mb}MB`, Math.floor(this.bytesReceived / (1024 * 1024)));

    // The Start button is enabled again: done. No app.exec() to leave: with both ends closed
    // (the client when it sees this close), the process ends.
    if (this.bytesReceived === this.TotalBytes) this.tcpServerConnection.close();
  }

  updateClientProgress(numBytes) {
    this.bytesWritten += numBytes;

    if (this.bytesToWrite > 0 && this.tcpClient.bytesToWrite() <= 4 * this.PayloadSize)
      this.bytesToWrite -= this.tcpClient.write(new QByteArray(Math.min(this.bytesToWrite, this.PayloadSize), '@'));

    this.clientStatusLabel.setProgress((mb) => `Sent ${mb}MB`, Math.floor(this.bytesWritten / (1024 * 1024)));
  }

  displayError(socketError) {
    if (socketError === QTcpSocket.SocketError.RemoteHostClosedError) return;
    console.log(`Network error: The following error occurred: ${this.tcpClient.errorString()}.`);
    this.tcpClient.close();
    this.tcpServer.close();
    process.exitCode = 1;
  }
}

function main(argv) {
  const total = argv.length > 2 ? Number(argv[2]) : 50 * 1024 * 1024;
  const payload = argv.length > 3 ? Number(argv[3]) : 64 * 1024;
  void new Dialog(total, payload).start();
}

main(process.argv);
