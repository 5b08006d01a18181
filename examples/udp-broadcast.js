// Qt's Broadcast Sender and Broadcast Receiver examples in one script, ported from PyQt6: the
// receiver binds to a port with ShareAddress (so several receivers can share it), the sender sends
// "Broadcast message N" to the broadcast address once every 100 ms.
//
//   node examples/udp-broadcast.js [broadcast address = 255.255.255.255] [messages = 5]
'use strict';
const { QAbstractSocket, QHostAddress, QUdpSocket } = require('../dist');

async function main([address = '255.255.255.255', count = '5'] = process.argv.slice(2)) {
  const { ShareAddress, ReuseAddressHint } = QAbstractSocket.BindFlag;

  // Broadcast Receiver: udpSocket.bind(45454, QUdpSocket.BindFlag.ShareAddress)
  const receiver = new QUdpSocket();
  if (
    !(await receiver.bind(new QHostAddress(QHostAddress.SpecialAddress.AnyIPv4), 0, ShareAddress | ReuseAddressHint))
  ) {
    throw new Error(`bind: ${receiver.errorString()}`);
  }
  const port = receiver.localPort();
  let received = 0;
  const done = new Promise((resolve) => {
    receiver.readyRead.connect(() => {
      while (receiver.hasPendingDatagrams()) {
        const [data] = receiver.readDatagram(receiver.pendingDatagramSize());
        console.log(`receiver: ${JSON.stringify(data.toString())}`);
        if (++received === Number(count)) resolve();
      }
    });
  });

  // Broadcast Sender: udpSocket.writeDatagram(datagram, QHostAddress.SpecialAddress.Broadcast, 45454)
  const sender = new QUdpSocket();
  const target = address === '255.255.255.255' ? QHostAddress.SpecialAddress.Broadcast : new QHostAddress(address);
  for (let n = 1; n <= Number(count); n++) {
    const sent = sender.writeDatagram(`Broadcast message ${n}`, target, port);
    if (sent < 0) throw new Error(`writeDatagram: ${sender.errorString()}`);
    console.log(`sender: broadcast message ${n} to ${address}:${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const timer = setTimeout(() => {
    console.error(`receiver: got ${received} of ${count} messages`);
    process.exit(1);
  }, 5000);
  await done;
  clearTimeout(timer);
  sender.close();
  receiver.close();
}

main().catch((err) => {
  console.error(err.message);
  process.exitCode = 1;
});
