// Quick side-by-side TCP figures, ours vs Node's net, both ends in one process, on loopback:
// bulk throughput and 64-byte ping-pong round trip. Interleaved A B A B, medians, ratios.
// (The full benchmark suite, with PyQt6 and proxies, is tracked by the benchmarks issue.)
'use strict';
const net = require('node:net');
const path = require('node:path');
const { QTcpServer, QTcpSocket, QHostAddress } = require(process.env.QTN_DIST || path.join(__dirname, '..', 'dist'));

const BULK = Number(process.env.BULK_MB || 256) << 20;
const ROUNDS = Number(process.env.ROUNDS || 5000);
const REPEATS = Number(process.env.REPEATS || 3);
const CHUNK = Buffer.alloc(1 << 20, 7);
const PING = Buffer.alloc(64, 1);

async function qtPair() {
  const server = new QTcpServer();
  await server.listen(new QHostAddress('127.0.0.1'), 0);
  const client = new QTcpSocket();
  client.connectToHost('127.0.0.1', server.serverPort());
  await client.waitForConnected(5000);
  await server.waitForNewConnection(5000);
  const peer = server.nextPendingConnection();
  return { server, client, peer, close: () => { client.abort(); peer.abort(); server.close(); } };
}

async function netPair() {
  const server = net.createServer();
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const peerP = new Promise((r) => server.once('connection', r));
  const client = net.connect(server.address().port, '127.0.0.1');
  await new Promise((r) => client.once('connect', r));
  const peer = await peerP;
  client.setNoDelay(true);
  peer.setNoDelay(true);
  return { client, peer, close: () => { client.destroy(); peer.destroy(); server.close(); } };
}

async function bulkQt() {
  const p = await qtPair();
  const start = process.hrtime.bigint();
  let received = 0;
  const done = new Promise((resolve) => p.peer.readyRead.connect(() => {
    received += p.peer.readAll().length;
    if (received >= BULK) resolve();
  }));
  let sent = 0;
  const pump = () => {
    while (sent < BULK && p.client.bytesToWrite() < 8 << 20) { p.client.write(CHUNK); sent += CHUNK.length; }
    if (sent < BULK) setImmediate(pump);
  };
  p.client.bytesWritten.connect(() => {});
  pump();
  await done;
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  p.close();
  return BULK / s / 1e6;
}

async function bulkNet() {
  const p = await netPair();
  const start = process.hrtime.bigint();
  let received = 0;
  const done = new Promise((resolve) => p.peer.on('data', (d) => { received += d.length; if (received >= BULK) resolve(); }));
  let sent = 0;
  const pump = () => {
    while (sent < BULK) {
      sent += CHUNK.length;
      if (!p.client.write(CHUNK)) { p.client.once('drain', pump); return; }
    }
  };
  pump();
  await done;
  const s = Number(process.hrtime.bigint() - start) / 1e9;
  p.close();
  return BULK / s / 1e6;
}

async function pingQt() {
  const p = await qtPair();
  p.peer.readyRead.connect(() => p.peer.write(p.peer.readAll()));
  let n = 0;
  const start = process.hrtime.bigint();
  await new Promise((resolve) => {
    p.client.readyRead.connect(() => {
      p.client.readAll();
      if (++n >= ROUNDS) resolve();
      else p.client.write(PING);
    });
    p.client.write(PING);
  });
  const us = Number(process.hrtime.bigint() - start) / 1e3 / ROUNDS;
  p.close();
  return us;
}

async function pingNet() {
  const p = await netPair();
  p.peer.on('data', (d) => p.peer.write(d));
  let n = 0;
  const start = process.hrtime.bigint();
  await new Promise((resolve) => {
    p.client.on('data', () => {
      if (++n >= ROUNDS) resolve();
      else p.client.write(PING);
    });
    p.client.write(PING);
  });
  const us = Number(process.hrtime.bigint() - start) / 1e3 / ROUNDS;
  p.close();
  return us;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

(async () => {
  const r = { bulkQt: [], bulkNet: [], pingQt: [], pingNet: [] };
  for (let i = 0; i < REPEATS; i++) {
    r.bulkQt.push(await bulkQt());
    r.bulkNet.push(await bulkNet());
    r.pingQt.push(await pingQt());
    r.pingNet.push(await pingNet());
  }
  const m = Object.fromEntries(Object.entries(r).map(([k, v]) => [k, median(v)]));
  console.log(`bulk ${BULK >> 20} MiB, one process: qtnetwork ${m.bulkQt.toFixed(0)} MB/s, net ${m.bulkNet.toFixed(0)} MB/s, ratio ${(m.bulkQt / m.bulkNet).toFixed(2)}x`);
  console.log(`64-byte ping-pong, one process: qtnetwork ${m.pingQt.toFixed(1)} us, net ${m.pingNet.toFixed(1)} us, ratio ${(m.pingQt / m.pingNet).toFixed(2)}x`);
  console.log(JSON.stringify({ medians: m, runs: r }));
  process.exit(0);
})();
