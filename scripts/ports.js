// Loopback port helpers shared by the tests (test/proxies.ts) and the benchmarks (bench/run.js),
// which is plain JS run outside jest.
'use strict';
const net = require('node:net');

/** A port nothing listens on right now: the kernel's pick for a listener closed at once. */
function freePort(host = '127.0.0.1') {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, host, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** One TCP connect attempt, bounded. */
function canConnect(port, host = '127.0.0.1', ms = 1000) {
  return new Promise((resolve) => {
    const s = net.connect({ port, host });
    const done = (ok) => {
      clearTimeout(timer);
      s.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), ms);
    s.once('connect', () => done(true));
    s.once('error', () => done(false));
  });
}

module.exports = { freePort, canConnect };
