// UDP round trip: a QUdpSocket pings a Node dgram echo N times (one datagram in flight), against
// a dgram client doing the same; prints microseconds per round trip and the ratio.
'use strict';
const dgram = require('node:dgram');
const path = require('node:path');
const { QHostAddress, QUdpSocket } = require(process.env.QTN_DIST || path.join(__dirname, '..', 'dist'));

const N = Number(process.env.N || 2000);
const LOCALHOST = '127.0.0.1';

async function echo() {
  const e = dgram.createSocket('udp4');
  e.on('message', (m, r) => e.send(m, r.port, r.address));
  await new Promise((resolve) => e.bind(0, LOCALHOST, resolve));
  return e;
}

async function ours(port) {
  const s = new QUdpSocket();
  await s.bind(new QHostAddress(LOCALHOST), 0);
  const to = new QHostAddress(LOCALHOST);
  const payload = Buffer.alloc(64);
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    s.writeDatagram(payload, to, port);
    if (!s.hasPendingDatagrams() && !(await s.waitForReadyRead(5000))) throw new Error('lost');
    s.receiveDatagram();
  }
  const us = Number(process.hrtime.bigint() - t0) / 1000 / N;
  s.close();
  return us;
}

async function node(port) {
  const c = dgram.createSocket('udp4');
  await new Promise((resolve) => c.bind(0, LOCALHOST, resolve));
  const payload = Buffer.alloc(64);
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    const got = new Promise((resolve) => c.once('message', resolve));
    c.send(payload, port, LOCALHOST);
    await got;
  }
  const us = Number(process.hrtime.bigint() - t0) / 1000 / N;
  c.close();
  return us;
}

(async () => {
  const e = await echo();
  const port = e.address().port;
  await ours(port); // warm-up: the Qt thread, first allocations
  const q = await ours(port);
  const n = await node(port);
  console.log(`UDP round trip, ${N} x 64 bytes: qtnetwork ${q.toFixed(1)} us, node dgram ${n.toFixed(1)} us, ratio ${(q / n).toFixed(2)}`);
  e.close();
})();
