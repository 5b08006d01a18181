// A Node net echo server in a process of its own, for the cross-process round trip and as the
// peer of the RSS runs: prints {"port": N} once listening; exits when its stdin closes, so it
// never outlives the bench that started it.
'use strict';
const net = require('node:net');

const server = net.createServer({ noDelay: true }, (s) => {
  s.on('data', (d) => s.write(d));
  s.on('error', () => s.destroy());
});
server.maxConnections = Number(process.argv[2] || 20000);
server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => {
  process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
