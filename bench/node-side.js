// One measurement, in a process of its own so that each side starts clean (no heap, thread or
// socket left by another side): `node bench/node-side.js <workload> <qt|net> '<json params>'`.
// Prints one JSON line {value, unit, n}. The same workloads, written the same way with PyQt6, are
// in bench/pyqt_side.py; bench/run.js interleaves the three and compares.
'use strict';
const net = require('node:net');
const dgram = require('node:dgram');
const fs = require('node:fs');
const path = require('node:path');

const [workload, side, paramsJson = '{}'] = process.argv.slice(2);
const P = JSON.parse(paramsJson);
const LOCAL = '127.0.0.1';
const CHUNK = Buffer.alloc(1 << 20, 7);
const PING = Buffer.alloc(64, 1);
// Qt-side write buffer kept under this, as a Qt program pumping on bytesWritten would.
const QT_WRITE_AHEAD = 8 << 20;

// Loaded only for the Qt side, so the net side's RSS and startup carry nothing of ours.
let qt;
const Qt = () => (qt ??= require(process.env.QTN_DIST || path.join(__dirname, '..', 'dist')));

// Every run is bounded in time: past the deadline the child reports and exits, whatever it waits on.
setTimeout(() => fail(`deadline of ${P.timeoutMs} ms passed`), P.timeoutMs ?? 120000).unref();

function fail(why) {
  process.stderr.write(`${workload}/${side}: ${why}\n`);
  process.exit(1);
}

const now = () => process.hrtime.bigint();
const secondsSince = (t0) => Number(now() - t0) / 1e9;
const once = (emitter, ev) =>
  new Promise((resolve, reject) => {
    emitter.once(ev, resolve);
    if (ev !== 'error') emitter.once('error', reject);
  });

// --- TCP pairs, both ends in this process ----------------------------------------------------

async function qtPair(opts = {}) {
  const { QTcpServer, QTcpSocket, QHostAddress, QAbstractSocket } = Qt();
  const server = new QTcpServer();
  if (!(await server.listen(new QHostAddress(LOCAL), 0))) fail(`listen: ${server.errorString()}`);
  const client = new QTcpSocket();
  if (opts.proxy) client.setProxy(opts.proxy);
  client.connectToHost(LOCAL, server.serverPort());
  if (!(await client.waitForConnected(10000))) fail(`connect: ${client.errorString()}`);
  if (!server.hasPendingConnections()) await server.waitForNewConnection(10000);
  const peer = server.nextPendingConnection();
  if (!peer) fail('no pending connection');
  if (opts.noDelay) {
    client.setSocketOption(QAbstractSocket.SocketOption.LowDelayOption, 1);
    peer.setSocketOption(QAbstractSocket.SocketOption.LowDelayOption, 1);
  }
  return { server, client, peer };
}

async function netPair(opts = {}) {
  const server = net.createServer();
  server.listen(0, LOCAL);
  await once(server, 'listening');
  const peerP = once(server, 'connection');
  const client = opts.connect ? await opts.connect(server.address().port) : net.connect(server.address().port, LOCAL);
  if (!opts.connect) await once(client, 'connect');
  const peer = await peerP;
  if (opts.noDelay) {
    client.setNoDelay(true);
    peer.setNoDelay(true);
  }
  return { server, client, peer };
}

/** A client connected to a server in another process, TCP_NODELAY on. */
async function qtConnect(port) {
  const { QTcpSocket, QAbstractSocket } = Qt();
  const c = new QTcpSocket();
  c.connectToHost(LOCAL, port);
  if (!(await c.waitForConnected(10000))) fail(`connect: ${c.errorString()}`);
  c.setSocketOption(QAbstractSocket.SocketOption.LowDelayOption, 1);
  return c;
}

async function netConnect(port) {
  const c = net.connect(port, LOCAL);
  await once(c, 'connect');
  c.setNoDelay(true);
  return c;
}

// --- bulk: P.bytes from client to server, MB/s from the first write to the last byte read --------

/**
 * Writes `bytes` to a Qt socket, keeping its write buffer under QT_WRITE_AHEAD. A QSslSocket's
 * bytesToWrite() counts only what is not yet encrypted (bytesWritten comes once it is): the
 * encrypted bytes still to go are counted too, and their going makes room, or the whole upload
 * would pile up in Qt's buffer encrypted.
 */
function qtPump(socket, bytes) {
  let sent = 0;
  const tls = typeof socket.encryptedBytesToWrite === 'function';
  const queued = tls ? () => socket.bytesToWrite() + socket.encryptedBytesToWrite() : () => socket.bytesToWrite();
  const pump = () => {
    while (sent < bytes && queued() < QT_WRITE_AHEAD) {
      socket.write(CHUNK.subarray(0, Math.min(CHUNK.length, bytes - sent)));
      sent += Math.min(CHUNK.length, bytes - sent);
    }
  };
  socket.bytesWritten.connect(pump);
  if (tls) socket.encryptedBytesWritten.connect(pump);
  pump();
}

/** Writes `bytes` to a Node socket, waiting for 'drain' when it asks to. */
function netPump(socket, bytes) {
  let sent = 0;
  const pump = () => {
    while (sent < bytes) {
      const n = Math.min(CHUNK.length, bytes - sent);
      sent += n;
      if (!socket.write(CHUNK.subarray(0, n))) return void socket.once('drain', pump);
    }
  };
  pump();
}

function bulkQtOver(p, bytes) {
  return new Promise((resolve) => {
    let received = 0;
    const t0 = now();
    p.peer.readyRead.connect(() => {
      received += p.peer.readAll().length;
      if (received >= bytes) resolve(bytes / secondsSince(t0) / 1e6);
    });
    qtPump(p.client, bytes);
  });
}

function bulkNetOver(p, bytes) {
  return new Promise((resolve) => {
    let received = 0;
    const t0 = now();
    p.peer.on('data', (d) => {
      received += d.length;
      if (received >= bytes) resolve(bytes / secondsSince(t0) / 1e6);
    });
    netPump(p.client, bytes);
  });
}

// --- TLS: clients of bench/tls-server.js (P.port, another process), trusting only P.ca ----------
// The server's certificate is for 127.0.0.1 and localhost; every client verifies it (chain and
// name) as its users' would, against the bench's CA, connecting to 127.0.0.1.

let qtTlsReady = false;
/** A QSslSocket connecting to the server (the CA in the default configuration, set once); a TLS error fails the run. */
function qtTlsSocket() {
  const { QSslSocket, QSslConfiguration, QSslCertificate } = Qt();
  if (!qtTlsReady) {
    const config = QSslConfiguration.defaultConfiguration();
    config.setCaCertificates(QSslCertificate.fromPath(P.ca));
    QSslConfiguration.setDefaultConfiguration(config);
    qtTlsReady = true;
  }
  const s = new QSslSocket();
  const why = () => s.sslHandshakeErrors().map((e) => e.errorString());
  s.sslErrors.connect(() => fail(`TLS: ${why().join('; ')}`));
  s.connectToHostEncrypted(LOCAL, P.port);
  return s;
}

/** Our client up to its `encrypted` signal, and closed again: resolves on `disconnected`. */
function qtHandshake() {
  return new Promise((resolve) => {
    const s = qtTlsSocket();
    let up = false;
    s.errorOccurred.connect(() => {
      if (!up) fail(`TLS connect: ${s.errorString()}`);
    });
    s.encrypted.connect(() => {
      up = true;
      s.disconnectFromHost();
    });
    s.disconnected.connect(() => {
      s.deleteLater();
      resolve();
    });
  });
}

let tlsCa;
/** Node's client up to 'secureConnect' (the CA given per connection, as its users do), then closed. */
function netHandshake() {
  const tls = require('node:tls');
  tlsCa ??= fs.readFileSync(P.ca);
  return new Promise((resolve, reject) => {
    const s = tls.connect({ host: LOCAL, port: P.port, ca: tlsCa }, () => s.end());
    s.on('error', reject);
    s.on('close', resolve);
  });
}

/** The CPU this process used since `from` (process.cpuUsage(), every thread), in µs. */
const cpuSince = (from) => {
  const d = process.cpuUsage(from);
  return d.user + d.system;
};

/** P.count handshakes, P.concurrency at a time, each its own connection: handshakes per second. */
async function handshakes(one) {
  let started = 0;
  const worker = async () => {
    while (started < P.count) {
      started++;
      await one();
    }
  };
  // Holds the process up meanwhile: on the thread runtime, between a QSslSocket's
  // stateChanged(Unconnected) and its disconnected (a close Qt finishes after the close_notify went
  // out, not within the call), nothing else of ours does, and the process could exit before the
  // disconnected that starts the next handshake.
  const hold = setInterval(() => {}, 1000);
  const t0 = now();
  const cpu0 = process.cpuUsage();
  await Promise.all(Array.from({ length: Math.min(P.concurrency, P.count) }, worker));
  const cpuMsPerHandshake = cpuSince(cpu0) / 1e3 / P.count;
  clearInterval(hold);
  return { value: P.count / secondsSince(t0), unit: 'handshakes/s', cpuMsPerHandshake };
}

// --- ping-pong: P.rounds round trips of 64 bytes, one in flight; µs per round trip --------------

function pingQtOver(client, rounds) {
  return new Promise((resolve) => {
    let n = 0;
    let got = 0;
    const t0 = now();
    client.readyRead.connect(() => {
      got += client.readAll().length;
      // TCP may split a reply: a round ends when all 64 bytes are back.
      if (got < PING.length) return;
      got -= PING.length;
      if (++n >= rounds) resolve(Number(now() - t0) / 1e3 / rounds);
      else client.write(PING);
    });
    client.write(PING);
  });
}

function pingNetOver(client, rounds) {
  return new Promise((resolve) => {
    let n = 0;
    let got = 0;
    const t0 = now();
    client.on('data', (d) => {
      got += d.length;
      if (got < PING.length) return;
      got -= PING.length;
      if (++n >= rounds) resolve(Number(now() - t0) / 1e3 / rounds);
      else client.write(PING);
    });
    client.write(PING);
  });
}

// --- paced echo: CPU per message, server and client in processes of their own ------------------
// bench/run.js starts the server, then the client, and reads both processes' CPU from /proc when
// the client prints its window marks; the client counts the echoes that came back inside the window.
// Both stay up until run.js closes their stdin: a process that exits as it prints its last mark
// takes its threads (and their CPU figures) out of /proc before they are read.

/** Prints a line for bench/run.js at once (stdout to a pipe is synchronous on Linux). */
const say = (o) => process.stdout.write(`${JSON.stringify(o)}\n`);

/** Resolves with r once stdin ends (run.js is done with this process, or gone). */
const stdinEnd = (r) =>
  new Promise((resolve) => {
    process.stdin.on('end', () => resolve(r));
    process.stdin.on('error', () => resolve(r));
    process.stdin.resume();
  });

/**
 * Sends 64-byte messages at P.rate per second from a 1 ms repeating timer, each tick sending the
 * messages due by then (a timer fires late now and then; the rate is kept, not the spacing). A
 * backlog over 50 ms is dropped and counted as missed, so an overloaded side falls short of the
 * rate instead of catching up in bursts. `echoed()` is the count of whole echoes received so far.
 */
function paced(send, echoed) {
  return new Promise((resolve) => {
    const rate = P.rate;
    const maxBacklog = Math.max(1, Math.ceil(rate * 0.05));
    const t0 = now();
    const winStart = t0 + BigInt(P.warmupMs) * 1000000n;
    const winEnd = winStart + BigInt(P.windowMs) * 1000000n;
    let sent = 0;
    let missed = 0;
    let inWindow = false;
    let echoed0 = 0;
    let tWin = 0n;
    const tick = () => {
      const t = now();
      if (!inWindow && t >= winStart) {
        inWindow = true;
        echoed0 = echoed();
        tWin = t;
        say({ mark: 'start' });
      } else if (inWindow && t >= winEnd) {
        clearInterval(timer);
        const n = echoed() - echoed0;
        say({ mark: 'end' });
        const seconds = Number(t - tWin) / 1e9;
        return resolve({ value: n, unit: 'msgs', messages: n, seconds, achieved: n / seconds, sent, missed });
      }
      const due = Math.floor((Number(t - t0) / 1e9) * rate) + 1;
      if (due - sent > maxBacklog) {
        missed += due - sent - maxBacklog;
        sent = due - maxBacklog;
      }
      for (; sent < due; sent++) send();
    };
    const timer = setInterval(tick, Math.max(1, Math.floor(1000 / rate)));
    tick();
  });
}

const cpuWorkloads = {
  // The echo server: prints its port, then serves until bench/run.js closes its stdin.
  async cpuServer() {
    if (side === 'qt') {
      const { QTcpServer, QHostAddress, QAbstractSocket } = Qt();
      const server = new QTcpServer();
      if (!(await server.listen(new QHostAddress(LOCAL), 0))) fail(`listen: ${server.errorString()}`);
      server.newConnection.connect(() => {
        while (server.hasPendingConnections()) {
          const s = server.nextPendingConnection();
          s.setSocketOption(QAbstractSocket.SocketOption.LowDelayOption, 1);
          s.readyRead.connect(() => s.write(s.readAll()));
          s.disconnected.connect(() => s.deleteLater());
        }
      });
      say({ port: server.serverPort(), runtime: runtimeOf() });
    } else {
      const server = net.createServer({ noDelay: true }, (s) => {
        s.on('data', (d) => s.write(d));
        s.on('error', () => s.destroy());
      });
      server.listen(0, LOCAL);
      await once(server, 'listening');
      say({ port: server.address().port, runtime: runtimeOf() });
    }
    await stdinEnd();
    process.exit(0);
  },

  async cpuClient() {
    let got = 0;
    const echoed = () => Math.floor(got / PING.length);
    if (side === 'qt') {
      const c = await qtConnect(P.port);
      c.readyRead.connect(() => {
        got += c.readAll().length;
      });
      return paced(() => c.write(PING), echoed).then(stdinEnd);
    }
    const c = await netConnect(P.port);
    c.on('data', (d) => {
      got += d.length;
    });
    return paced(() => c.write(PING), echoed).then(stdinEnd);
  },
};

// --- the workloads -----------------------------------------------------------------------------

function qtManager() {
  const { QNetworkAccessManager, QNetworkProxy } = Qt();
  const nam = new QNetworkAccessManager();
  if (P.proxyPort)
    nam.setProxy(
      new QNetworkProxy(
        QNetworkProxy.ProxyType.HttpProxy,
        LOCAL,
        P.proxyPort,
        process.env.BENCH_PROXY_USER,
        process.env.BENCH_PROXY_PASSWORD,
      ),
    );
  return nam;
}

/** One GET with our manager: the bytes received (read as they come when `stream`, else at the end). */
function qtGet(nam, url, stream) {
  const { QNetworkRequest } = Qt();
  return new Promise((resolve) => {
    const reply = nam.get(new QNetworkRequest(url));
    let n = 0;
    if (stream) reply.readyRead.connect(() => (n += reply.readAll().length));
    reply.finished.connect(() => {
      if (reply.error() !== 0) fail(`GET ${url}: ${reply.errorString()}`);
      n += reply.readAll().length;
      reply.deleteLater();
      resolve(n);
    });
  });
}

let undiciProxy;
/** The fetch to call: through squid, undici's with a ProxyAgent, since Node's takes no proxy. */
function fetchReady() {
  if (!P.proxyPort) return (url) => globalThis.fetch(url); // Node's own, the one its users call
  const { fetch, ProxyAgent } = require('undici');
  const token = `Basic ${Buffer.from(`${process.env.BENCH_PROXY_USER}:${process.env.BENCH_PROXY_PASSWORD}`).toString('base64')}`;
  undiciProxy ??= new ProxyAgent({ uri: `http://${LOCAL}:${P.proxyPort}`, token });
  return (url) => fetch(url, { dispatcher: undiciProxy });
}

/** One GET with `fetch` (fetchReady's): the bytes of the body, read as a stream when `stream`. */
async function fetchGet(fetch, url, stream) {
  const res = await fetch(url);
  if (res.status !== 200) fail(`GET ${url}: status ${res.status}`);
  if (!stream) return (await res.arrayBuffer()).byteLength;
  let n = 0;
  for await (const chunk of res.body) n += chunk.length;
  return n;
}

const workloads = {
  async bulk() {
    if (side === 'qt') return { value: await bulkQtOver(await qtPair(), P.bytes), unit: 'MB/s' };
    return { value: await bulkNetOver(await netPair(), P.bytes), unit: 'MB/s' };
  },

  async ping() {
    if (side === 'qt') {
      const p = await qtPair({ noDelay: true });
      p.peer.readyRead.connect(() => p.peer.write(p.peer.readAll()));
      return { value: await pingQtOver(p.client, P.rounds), unit: 'us' };
    }
    const p = await netPair({ noDelay: true });
    p.peer.on('data', (d) => p.peer.write(d));
    return { value: await pingNetOver(p.client, P.rounds), unit: 'us' };
  },

  // To bench/echo-server.js, a Node net echo in another process (P.port).
  async pingRemote() {
    if (side === 'qt') return { value: await pingQtOver(await qtConnect(P.port), P.rounds), unit: 'us' };
    return { value: await pingNetOver(await netConnect(P.port), P.rounds), unit: 'us' };
  },

  // One connection at a time: connect, accept, the client closes, both ends see the close.
  async connect() {
    const n = P.count;
    if (side === 'qt') {
      const { QTcpServer, QTcpSocket, QHostAddress } = Qt();
      const server = new QTcpServer();
      if (!(await server.listen(new QHostAddress(LOCAL), 0))) fail(`listen: ${server.errorString()}`);
      const port = server.serverPort();
      const t0 = now();
      for (let i = 0; i < n; i++) {
        await new Promise((resolve) => {
          let open = 2;
          const closed = (s) => {
            s.deleteLater();
            if (--open === 0) resolve();
          };
          const client = new QTcpSocket();
          let clientUp = false;
          let peer = null;
          // The client closes once it is connected and the server has taken the connection.
          const maybeClose = () => {
            if (clientUp && peer) client.disconnectFromHost();
          };
          server.newConnection.connect(function onConn() {
            server.newConnection.disconnect(onConn);
            peer = server.nextPendingConnection();
            peer.disconnected.connect(() => closed(peer));
            maybeClose();
          });
          client.connected.connect(() => {
            clientUp = true;
            maybeClose();
          });
          client.disconnected.connect(() => closed(client));
          client.errorOccurred.connect((e) => {
            if (!clientUp) fail(`connect: ${client.errorString()} (${e})`);
          });
          client.connectToHost(LOCAL, port);
        });
      }
      const s = secondsSince(t0);
      server.close();
      return { value: n / s, unit: 'conn/s' };
    }
    const server = net.createServer();
    server.listen(0, LOCAL);
    await once(server, 'listening');
    const port = server.address().port;
    const t0 = now();
    for (let i = 0; i < n; i++) {
      await new Promise((resolve, reject) => {
        let open = 2;
        const closed = () => {
          if (--open === 0) resolve();
        };
        let clientUp = false;
        let peer = null;
        const client = net.connect(port, LOCAL);
        const maybeClose = () => {
          if (clientUp && peer) client.destroy();
        };
        server.once('connection', (s) => {
          peer = s;
          peer.on('close', closed);
          maybeClose();
        });
        client.once('connect', () => {
          clientUp = true;
          maybeClose();
        });
        client.on('close', closed);
        client.on('error', reject);
      });
    }
    const s = secondsSince(t0);
    server.close();
    return { value: n / s, unit: 'conn/s' };
  },

  // Request/response with an echo of the same library in this process.
  async udp() {
    const rounds = P.rounds;
    if (side === 'qt') {
      const { QUdpSocket, QHostAddress } = Qt();
      const echo = new QUdpSocket();
      const client = new QUdpSocket();
      if (!(await echo.bind(new QHostAddress(LOCAL), 0))) fail(`bind: ${echo.errorString()}`);
      if (!(await client.bind(new QHostAddress(LOCAL), 0))) fail(`bind: ${client.errorString()}`);
      echo.readyRead.connect(() => {
        while (echo.hasPendingDatagrams()) {
          const d = echo.receiveDatagram();
          echo.writeDatagram(d.makeReply(d.data()));
        }
      });
      const to = new QHostAddress(LOCAL);
      const port = echo.localPort();
      const value = await new Promise((resolve) => {
        let n = 0;
        const t0 = now();
        client.readyRead.connect(() => {
          while (client.hasPendingDatagrams()) {
            client.receiveDatagram();
            if (++n >= rounds) return resolve(Number(now() - t0) / 1e3 / rounds);
            client.writeDatagram(PING, to, port);
          }
        });
        client.writeDatagram(PING, to, port);
      });
      return { value, unit: 'us' };
    }
    const echo = dgram.createSocket('udp4');
    const client = dgram.createSocket('udp4');
    echo.on('message', (m, r) => echo.send(m, r.port, r.address));
    echo.bind(0, LOCAL);
    client.bind(0, LOCAL);
    await Promise.all([once(echo, 'listening'), once(client, 'listening')]);
    const port = echo.address().port;
    const value = await new Promise((resolve) => {
      let n = 0;
      const t0 = now();
      client.on('message', () => {
        if (++n >= rounds) return resolve(Number(now() - t0) / 1e3 / rounds);
        client.send(PING, port, LOCAL);
      });
      client.send(PING, port, LOCAL);
    });
    return { value, unit: 'us' };
  },

  // Bulk through the SOCKS5 proxy at P.proxyPort to a sink in this process: ours with a
  // QNetworkProxy on the socket, Node with the npm socks client (side 'socks').
  async proxied() {
    if (side === 'qt') {
      const { QNetworkProxy } = Qt();
      const proxy = new QNetworkProxy(QNetworkProxy.ProxyType.Socks5Proxy, LOCAL, P.proxyPort);
      return { value: await bulkQtOver(await qtPair({ proxy }), P.bytes), unit: 'MB/s' };
    }
    const { SocksClient } = require('socks');
    const connect = async (port) =>
      (
        await SocksClient.createConnection({
          proxy: { host: LOCAL, port: P.proxyPort, type: 5 },
          command: 'connect',
          destination: { host: LOCAL, port },
          timeout: 10000,
        })
      ).socket;
    return { value: await bulkNetOver(await netPair({ connect }), P.bytes), unit: 'MB/s' };
  },

  // HTTP from bench/http-origin.js (P.port, another process): ours with a QNetworkAccessManager,
  // Node with fetch (side 'fetch'). Through squid when P.proxyPort is given (Basic, the password
  // from the environment, never a command line): ours with a QNetworkProxy on the manager, Node
  // with undici's fetch and ProxyAgent, since Node's global fetch takes no proxy.
  async httpDownload() {
    const url = `http://${LOCAL}:${P.port}/bytes/${P.bytes}`;
    const nam = side === 'qt' ? qtManager() : null;
    const fetch = side === 'qt' ? null : fetchReady();
    const get = (u, stream) => (side === 'qt' ? qtGet(nam, u, stream) : fetchGet(fetch, u, stream));
    // A small GET first, out of the timing, as in httpGets: the library loaded (Node loads its
    // fetch on first use), the connection up.
    if ((await get(`http://${LOCAL}:${P.port}/small`, false)) !== 64) fail('the first GET did not give 64 bytes');
    const t0 = now();
    const cpu0 = process.cpuUsage();
    const got = await get(url, true);
    if (got !== P.bytes) fail(`received ${got} of ${P.bytes} bytes`);
    const cpuMsPerMiB = cpuSince(cpu0) / 1e3 / (P.bytes / 2 ** 20);
    return { value: P.bytes / 1e6 / secondsSince(t0), unit: 'MB/s', cpuMsPerMiB };
  },

  // P.bytes one way through a TLS connection to bench/tls-server.js, from the first write to the
  // server's "k" once it has them all (the handshake before, out of the timing): MB/s, and the CPU
  // this process used meanwhile per MiB.
  async tlsBulk() {
    const header = Buffer.from(String(P.bytes).padStart(12, '0'), 'latin1');
    let t0;
    let cpu0;
    let use0;
    if (side === 'qt') {
      const s = qtTlsSocket();
      if (!(await s.waitForEncrypted(30000))) fail(`TLS connect: ${s.errorString()}`);
      await new Promise((resolve) => {
        s.readyRead.connect(() => {
          if (s.readAll().includes('k')) resolve();
        });
        t0 = now();
        cpu0 = process.cpuUsage();
        use0 = process.resourceUsage();
        s.write(header);
        qtPump(s, P.bytes);
      });
    } else {
      const tls = require('node:tls');
      const s = tls.connect({ host: LOCAL, port: P.port, ca: fs.readFileSync(P.ca) });
      await once(s, 'secureConnect');
      await new Promise((resolve) => {
        s.on('data', (d) => {
          if (d.includes('k')) resolve();
        });
        t0 = now();
        cpu0 = process.cpuUsage();
        use0 = process.resourceUsage();
        s.write(header);
        netPump(s, P.bytes);
      });
    }
    const seconds = secondsSince(t0);
    const mib = P.bytes / 2 ** 20;
    const cpuMsPerMiB = cpuSince(cpu0) / 1e3 / mib;
    // The system's part and the page faults (Qt's buffers freed and faulted in again), per MiB.
    const use = process.resourceUsage();
    const sysMsPerMiB = (use.systemCPUTime - use0.systemCPUTime) / 1e3 / mib;
    const faultsPerMiB = (use.minorPageFault - use0.minorPageFault) / mib;
    return { value: P.bytes / seconds / 1e6, unit: 'MB/s', cpuMsPerMiB, sysMsPerMiB, faultsPerMiB };
  },

  async tlsHandshakes() {
    // The side's library loaded before the clock starts, as PyQt6's import is and as every other
    // workload does: the first handshake loaded ours (~65 ms of CPU, 80-140 ms) inside the timing.
    if (side === 'qt') Qt();
    else require('node:tls');
    return handshakes(side === 'qt' ? qtHandshake : netHandshake);
  },

  // P.count GETs of 64 bytes, one at a time, over the connections the client keeps alive.
  async httpGets() {
    const url = `http://${LOCAL}:${P.port}/small`;
    let get;
    if (side === 'qt') {
      const nam = qtManager();
      get = () => qtGet(nam, url, false);
    } else {
      const fetch = fetchReady();
      get = () => fetchGet(fetch, url, false);
    }
    if ((await get()) !== 64) fail('the first GET did not give 64 bytes'); // connection up, out of the timing
    const t0 = now();
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < P.count; i++) if ((await get()) !== 64) fail(`GET ${i} did not give 64 bytes`);
    const cpuUsPerRequest = cpuSince(cpu0) / P.count;
    return { value: P.count / secondsSince(t0), unit: 'req/s', cpuUsPerRequest };
  },

  // RSS growth per idle client connection to bench/echo-server.js (P.port, another process), from
  // a baseline taken after one connection has come and gone (runtime and first allocations up).
  async rss() {
    const count = P.count;
    const inFlight = 200; // connects outstanding at once, well under the listen backlog
    let open;
    if (side === 'qt') {
      const { QTcpSocket } = Qt();
      open = () =>
        new Promise((resolve) => {
          const s = new QTcpSocket();
          s.connected.connect(() => resolve(s));
          s.errorOccurred.connect(() => fail(`connect: ${s.errorString()}`));
          s.connectToHost(LOCAL, P.port);
        });
      const first = await open();
      first.abort();
      first.deleteLater();
    } else {
      open = () =>
        new Promise((resolve, reject) => {
          const s = net.connect(P.port, LOCAL, () => resolve(s));
          s.once('error', reject);
        });
      (await open()).destroy();
    }
    const base = await settledRss();
    const held = [];
    let next = 0;
    const worker = async () => {
      while (next < count) {
        next++;
        held.push(await open());
      }
    };
    await Promise.all(Array.from({ length: Math.min(inFlight, count) }, worker));
    const after = await settledRss();
    if (held.length !== count) fail(`held ${held.length} of ${count}`);
    return { value: (after - base) / count, unit: 'B/conn', baseRss: base, rss: after };
  },
};

async function settledRss() {
  for (let i = 0; i < 3; i++) {
    global.gc?.();
    await new Promise((r) => setTimeout(r, 50));
  }
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
  return Number(m[1]) * 1024;
}

// The runtime the package reports it runs on (QTNETWORK_RUNTIME asks for one); a package from
// before the runtime export has only the Qt thread. null: the package is not loaded (net side).
const runtimeOf = () => (qt === undefined ? null : (qt.runtime ?? 'thread'));

workloads.httpDownloadSquid = workloads.httpDownload;
workloads.httpGetsSquid = workloads.httpGets;
workloads.tlsHandshakesConcurrent = workloads.tlsHandshakes;

Object.assign(workloads, cpuWorkloads, {
  // bench/run.js asks this before a run: which runtime the package runs when asked for one.
  async runtime() {
    Qt();
    return { value: 1, unit: '-' };
  },
});

(async () => {
  if (!workloads[workload]) fail(`unknown workload`);
  const r = await workloads[workload]();
  if (!Number.isFinite(r.value) || r.value <= 0) fail(`not a positive number: ${r.value}`);
  process.stdout.write(`${JSON.stringify({ workload, side, runtime: runtimeOf(), ...r })}\n`);
  // Sockets and the Qt thread would keep the process alive; the measurement is done.
  process.exit(0);
})().catch((e) => fail((e && e.stack) || String(e)));
