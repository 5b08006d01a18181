#!/usr/bin/env node
// Qt's blocking paths, measured in each runtime: a SOCKS5 BIND (QTcpServer.listen through a proxy)
// and a UDP ASSOCIATE (QUdpSocket.bind through a proxy) to a proxy that accepts the TCP connection
// and never answers (test/fixtures/hostile_proxy.js --mode socks-silent). Qt waits for its answer
// inside the call, up to 5 s. Printed: how long the call took to give up, and the longest the JS
// thread went without running a 10 ms interval meanwhile (the loop runtime runs Qt on the JS
// thread; the thread runtime on a thread of its own). Run inside scripts/in-netns.
//
// Usage: node bench/blocking.js            (both runtimes, one child process each)
//        node bench/blocking.js --child    (the runtime QTNETWORK_RUNTIME names, in this process)
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const path = require('node:path');
const readline = require('node:readline');
const { performance } = require('node:perf_hooks');

const dist = process.env.QTN_DIST || path.join(__dirname, '..', 'dist');

async function child() {
  const { QHostAddress, QNetworkProxy, QTcpServer, QUdpSocket, runtime } = require(dist);
  const proxy = spawn(process.execPath, [
    path.join(__dirname, '..', 'test', 'fixtures', 'hostile_proxy.js'),
    '--mode',
    'socks-silent',
    '--lifetime-ms',
    '30000',
  ]);
  const lines = readline.createInterface({ input: proxy.stdout });
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the hostile proxy did not start')), 5000);
    lines.once('line', (l) => {
      clearTimeout(timer);
      resolve(JSON.parse(l).port);
    });
  });
  const socks = new QNetworkProxy(QNetworkProxy.ProxyType.Socks5Proxy, '127.0.0.1', port);
  const out = { runtime };
  try {
    for (const [name, attempt] of [
      [
        'bind',
        () => {
          const s = new QTcpServer();
          s.setProxy(socks);
          return Promise.resolve(s.listen(new QHostAddress('127.0.0.1'), 0)).finally(() => s.close());
        },
      ],
      [
        'udpAssociate',
        () => {
          const u = new QUdpSocket();
          u.setProxy(socks);
          return Promise.resolve(u.bind(new QHostAddress('127.0.0.1'), 0)).finally(() => u.close());
        },
      ],
    ]) {
      let last = performance.now();
      let maxGap = 0;
      const tick = setInterval(() => {
        const now = performance.now();
        maxGap = Math.max(maxGap, now - last);
        last = now;
      }, 10);
      const t0 = performance.now();
      const ok = await attempt();
      const ms = performance.now() - t0;
      // One more tick, so that a gap that ends with the call is counted.
      await new Promise((resolve) => setTimeout(resolve, 30));
      clearInterval(tick);
      out[name] = { ok, callMs: Math.round(ms), jsThreadMaxGapMs: Math.round(maxGap) };
    }
  } finally {
    proxy.kill();
  }
  console.log(JSON.stringify(out));
}

function main() {
  const rows = [];
  for (const runtime of ['loop', 'thread']) {
    const r = spawnSync(process.execPath, [path.join(__dirname, 'blocking.js'), '--child'], {
      env: { ...process.env, QTNETWORK_RUNTIME: runtime },
      encoding: 'utf8',
      timeout: 60000,
    });
    if (r.status !== 0) throw new Error(`${runtime}: exit ${r.status}\n${r.stderr}`);
    rows.push(JSON.parse(r.stdout.trim().split('\n').pop()));
  }
  console.log('Qt blocking on a silent SOCKS5 proxy (gives up after 5 s): call time; longest the JS thread was held');
  for (const r of rows)
    for (const what of ['bind', 'udpAssociate'])
      console.log(
        `${r.runtime.padEnd(6)} ${what.padEnd(12)} result ${String(r[what].ok).padEnd(5)} ` +
          `call ${r[what].callMs} ms, JS thread held up to ${r[what].jsThreadMaxGapMs} ms`,
      );
}

if (process.argv.includes('--child')) {
  child().catch((err) => {
    console.error(err);
    process.exit(1);
  });
} else {
  main();
}
