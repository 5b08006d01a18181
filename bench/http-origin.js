// The HTTP bench's origin, a process of its own (bench/run.js starts it once per run), so that no
// side pays for the server in its own process: `GET /bytes/<n>` answers n bytes with a
// Content-Length, written as the socket drains; `GET /small` answers 64 bytes. Keep-alive, as
// Node's server does by default. Prints {"port":N} once it listens; ends when stdin ends.
'use strict';
const http = require('node:http');

const CHUNK = Buffer.alloc(1 << 20, 7);
const SMALL = Buffer.alloc(64, 1);

const server = http.createServer((req, res) => {
  const m = /^\/bytes\/(\d+)$/.exec(req.url);
  if (req.url === '/small') {
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': SMALL.length });
    res.end(SMALL);
  } else if (m) {
    let left = Number(m[1]);
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': left });
    const more = () => {
      while (left > 0) {
        const n = Math.min(left, CHUNK.length);
        left -= n;
        if (!res.write(n === CHUNK.length ? CHUNK : CHUNK.subarray(0, n))) return res.once('drain', more);
      }
      res.end();
    };
    more();
  } else {
    res.writeHead(404, { 'Content-Length': 0 });
    res.end();
  }
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
