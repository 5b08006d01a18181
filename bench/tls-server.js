// The TLS workloads' server, one Node tls server in a process of its own that every side's client
// talks to (so the server's cost is the same for all): `node bench/tls-server.js <cert> <key>`.
// Prints {"port": N} once listening; exits when its stdin closes. A connection that sends a
// 12-digit length and then that many bytes gets "k" back once they are all in (the bulk run); one
// that sends nothing is a handshake run, closed by the client. No session resumption: no tickets,
// and Node's server keeps no session cache of its own without a 'resumeSession' listener, so every
// handshake is a full one.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const tls = require('node:tls');

const [certFile, keyFile] = process.argv.slice(2);
const HEADER = 12;
const server = tls.createServer(
  {
    cert: fs.readFileSync(certFile),
    key: fs.readFileSync(keyFile),
    secureOptions: crypto.constants.SSL_OP_NO_TICKET,
  },
  (s) => {
    let header = Buffer.alloc(0);
    let left = -1;
    s.on('data', (d) => {
      if (left < 0) {
        header = Buffer.concat([header, d]);
        if (header.length < HEADER) return;
        left = Number(header.subarray(0, HEADER).toString('latin1')) - (header.length - HEADER);
      } else left -= d.length;
      if (left === 0) s.write('k');
    });
    s.on('error', () => s.destroy());
  },
);
// Reused sessions would make the handshake rows measure resumptions; counted, said at exit.
let reused = 0;
server.on('secureConnection', (s) => {
  if (s.isSessionReused()) reused++;
});
server.on('tlsClientError', () => {});
server.listen({ port: 0, host: '127.0.0.1', backlog: 1024 }, () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
const bye = () => {
  if (reused > 0) process.stderr.write(`tls-server: ${reused} sessions were resumed\n`);
  process.exit(0);
};
process.stdin.on('end', bye);
process.stdin.on('error', bye);
process.stdin.resume();
