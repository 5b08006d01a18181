// Qt's Fortune Client example (qtbase/examples/network/fortuneclient), headless: the port of
// fortuneclient.py (PyQt6), function by function. It prints the server names the dialog offers,
// then "clicks" Get Fortune `count` times, printing each fortune (the status label); a message box
// is printed and ends the program with exit code 1.
//
//   node fortuneclient.js <host> <port> [count = 1]
'use strict';
const {
  QAbstractSocket,
  QDataStream,
  QHostInfo,
  QNetworkInterface,
  QObject,
  QTcpSocket,
  QTimer,
} = require('qtnetwork');

/** The dialog's server-name combo box: this machine's names, then its addresses. */
function hostChoices() {
  const items = [];
  const name = QHostInfo.localHostName();
  if (name) {
    items.push(name);
    const domain = QHostInfo.localDomainName();
    if (domain) items.push(`${name}.${domain}`);
  }
  if (name !== 'localhost') items.push('localhost');
  const addresses = QNetworkInterface.allAddresses();
  items.push(...addresses.filter((a) => !a.isLoopback()).map((a) => a.toString()));
  items.push(...addresses.filter((a) => a.isLoopback()).map((a) => a.toString()));
  return items;
}

class Client extends QObject {
  constructor(host, port, count) {
    super();
    this.host = host;
    this.port = port;
    this.clicks = count;
    this.exitCode = 0;
    this.currentFortune = '';
    this.tcpSocket = new QTcpSocket();
    this.in = new QDataStream();
    this.in.setDevice(this.tcpSocket);
    this.in.setVersion(QDataStream.Version.Qt_5_10);
    this.tcpSocket.readyRead.connect(this.readFortune);
    this.tcpSocket.errorOccurred.connect(this.displayError);
  }

  clickGetFortune() {
    this.clicks -= 1;
    this.requestNewFortune();
  }

  requestNewFortune() {
    this.tcpSocket.abort();
    this.tcpSocket.connectToHost(this.host, this.port);
  }

  readFortune() {
    this.in.startTransaction();
    const nextFortune = this.in.readQString();
    if (!this.in.commitTransaction()) return;
    if (nextFortune === this.currentFortune) {
      QTimer.singleShot(0, this.requestNewFortune);
      return;
    }
    this.currentFortune = nextFortune;
    console.log(this.currentFortune);
    this.enableGetFortuneButton();
  }

  displayError(socketError) {
    switch (socketError) {
      case QAbstractSocket.SocketError.RemoteHostClosedError:
        return;
      case QAbstractSocket.SocketError.HostNotFoundError:
        console.log('Fortune Client: The host was not found. Please check the host name and port settings.');
        break;
      case QAbstractSocket.SocketError.ConnectionRefusedError:
        console.log(
          'Fortune Client: The connection was refused by the peer. Make sure the fortune server is ' +
            'running, and check that the host name and port settings are correct.',
        );
        break;
      default:
        console.log(`Fortune Client: The following error occurred: ${this.tcpSocket.errorString()}.`);
    }
    this.exitCode = 1; // the user reads the message box and quits
    this.quit();
  }

  /** The button is enabled again: the user clicks it while clicks are left, else quits. */
  enableGetFortuneButton() {
    if (this.clicks > 0) QTimer.singleShot(0, this.clickGetFortune);
    else this.quit();
  }

  // QCoreApplication.quit(): there is no app.exec() to leave; the process ends once nothing is
  // open, so the socket is closed.
  quit() {
    this.tcpSocket.abort();
    process.exitCode = this.exitCode;
  }
}

function main(argv) {
  const choices = hostChoices();
  console.log(`Server name choices: ${choices.join(', ')}`);
  const [host, port] = [argv[2], Number(argv[3])];
  const count = argv.length > 4 ? Number(argv[4]) : 1;
  const client = new Client(host, port, count);
  client.clickGetFortune();
}

main(process.argv);
