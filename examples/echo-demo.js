// Echo server and client through qtnetwork, printing what they exchange and the states they pass.
'use strict';
const { QTcpServer, QTcpSocket, QHostAddress, QAbstractSocket } = require('../dist');

const stateName = (s) => QAbstractSocket.SocketState[s];

async function main() {
  const server = new QTcpServer();
  server.newConnection.connect(() => {
    const peer = server.nextPendingConnection();
    console.log(`server: connection from ${peer.peerAddress().toString()}:${peer.peerPort()}`);
    peer.readyRead.connect(() => {
      const data = peer.readAll();
      console.log(`server: echoing ${JSON.stringify(data.toString())}`);
      peer.write(data);
    });
    peer.disconnected.connect(() => console.log('server: peer disconnected'));
  });
  if (!(await server.listen(new QHostAddress(QHostAddress.SpecialAddress.LocalHost), 0))) {
    throw new Error(`listen failed: ${server.errorString()}`);
  }
  console.log(`server: listening on 127.0.0.1:${server.serverPort()}`);

  const client = new QTcpSocket();
  client.stateChanged.connect((s) => console.log(`client: state -> ${stateName(s)}`));
  client.connectToHost('127.0.0.1', server.serverPort());
  console.log(`client: state right after connectToHost: ${stateName(client.state())}`);
  if (!(await client.waitForConnected(3000))) throw new Error(client.errorString());

  for (const line of ['hello, Qt', 'from Node']) {
    client.write(line);
    console.log(`client: sent ${JSON.stringify(line)}`);
    let got = Buffer.alloc(0);
    while (got.length < line.length && (await client.waitForReadyRead(3000))) {
      got = Buffer.concat([got, client.readAll()]);
    }
    console.log(`client: received ${JSON.stringify(got.toString())}`);
  }
  client.disconnectFromHost();
  if (client.state() !== QAbstractSocket.SocketState.UnconnectedState) await client.waitForDisconnected(3000);
  server.close();
  console.log('done');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
