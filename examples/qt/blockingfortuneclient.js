// Qt's Blocking Fortune Client example (qtbase/examples/network/blockingfortuneclient), headless:
// the port of blockingfortuneclient.py (PyQt6), function by function. The client "clicks" Get
// Fortune `count` times and prints each fortune (the status label); a message box is printed and
// ends the program with exit code 1.
//
//   node blockingfortuneclient.js <host> <port> [count = 1]
//
// The original's FortuneThread blocks a QThread in Qt's waits. Here the waits are awaited, so
// run() is an async function on the JS thread: it needs no mutex, and the wait condition is a
// promise that the next request resolves.
'use strict';
const {
  QAbstractSocket,
  QDataStream,
  QHostAddress,
  QNetworkInterface,
  QObject,
  QTcpSocket,
  Signal,
} = require('qtnetwork');

class FortuneThread {
  constructor() {
    this.newFortune = new Signal('newFortune'); // pyqtSignal(str)
    this.error = new Signal('error'); // pyqtSignal(int, str)
    this.quit = false;
    this.hostName = '';
    this.port = 0;
    this.running = null; // run()'s promise while it runs
    this.wakeOne = () => {}; // cond.wakeOne()
  }

  /** ~FortuneThread(): tell run() to end, wake it, and wait for it. */
  async stop() {
    this.quit = true;
    this.wakeOne();
    await this.running;
  }

  requestNewFortune(hostName, port) {
    this.hostName = hostName;
    this.port = port;
    if (!this.isRunning()) this.start();
    else this.wakeOne();
  }

  isRunning() {
    return this.running !== null;
  }

  start() {
    this.running = this.run().finally(() => (this.running = null));
  }

  async run() {
    let serverName = this.hostName;
    let serverPort = this.port;

    while (!this.quit) {
      const Timeout = 5 * 1000;

      const socket = new QTcpSocket();
      socket.connectToHost(serverName, serverPort);

      if (!(await socket.waitForConnected(Timeout))) {
        this.error.emit(socket.error(), socket.errorString());
        return;
      }

      const inp = new QDataStream(socket);
      inp.setVersion(QDataStream.Version.Qt_4_0);
      let fortune;

      do {
        if (!(await socket.waitForReadyRead(Timeout))) {
          this.error.emit(socket.error(), socket.errorString());
          return;
        }
        inp.startTransaction();
        fortune = inp.readQString();
      } while (!inp.commitTransaction());

      // cond.wait(): made before newFortune is emitted, since the slot runs at once (Qt queues it
      // to the GUI thread, which the mutex holds off until the thread waits).
      const woken = new Promise((resolve) => (this.wakeOne = resolve));
      this.newFortune.emit(fortune);

      await woken;
      serverName = this.hostName;
      serverPort = this.port;
      socket.abort(); // C++ destroys the socket here, at the end of the loop's body
    }
  }
}

/** The dialog's host field: the first non-localhost IPv4 address, else IPv4 localhost. */
function defaultHost() {
  for (const address of QNetworkInterface.allAddresses()) {
    if (!address.equals(QHostAddress.SpecialAddress.LocalHost) && address.toIPv4Address()[0]) return address.toString();
  }
  return new QHostAddress(QHostAddress.SpecialAddress.LocalHost).toString();
}

class BlockingClient extends QObject {
  constructor(host, port, count) {
    super();
    this.host = host;
    this.port = port;
    this.clicks = count;
    this.currentFortune = '';
    this.fortuneThread = new FortuneThread();
    this.fortuneThread.newFortune.connect(this.showFortune);
    this.fortuneThread.error.connect(this.displayError);
  }

  clickGetFortune() {
    this.clicks -= 1;
    this.requestNewFortune();
  }

  requestNewFortune() {
    this.fortuneThread.requestNewFortune(this.host, this.port);
  }

  showFortune(nextFortune) {
    if (nextFortune === this.currentFortune) {
      this.requestNewFortune();
      return;
    }
    this.currentFortune = nextFortune;
    console.log(this.currentFortune);
    this.enableGetFortuneButton();
  }

  displayError(socketError, message) {
    switch (socketError) {
      case QAbstractSocket.SocketError.HostNotFoundError:
        console.log('Blocking Fortune Client: The host was not found. Please check the host and port settings.');
        break;
      case QAbstractSocket.SocketError.ConnectionRefusedError:
        console.log(
          'Blocking Fortune Client: The connection was refused by the peer. Make sure the fortune ' +
            'server is running, and check that the host name and port settings are correct.',
        );
        break;
      default:
        console.log(`Blocking Fortune Client: The following error occurred: ${message}.`);
    }
    process.exitCode = 1; // the user reads the message box and quits
    this.quit();
  }

  /** The button is enabled again: the user clicks it while clicks are left, else quits. */
  enableGetFortuneButton() {
    if (this.clicks > 0) this.clickGetFortune();
    else this.quit();
  }

  // QCoreApplication.quit(): there is no app.exec() to leave; the process ends once the thread has.
  quit() {
    void this.fortuneThread.stop();
  }
}

function main(argv) {
  console.log(`Server name: ${defaultHost()}`);
  const [host, port] = [argv[2], Number(argv[3])];
  const count = argv.length > 4 ? Number(argv[4]) : 1;
  const client = new BlockingClient(host, port, count);
  client.clickGetFortune();
}

main(process.argv);
