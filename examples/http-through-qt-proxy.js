// Node's http client through a Qt proxy: Qt makes the TCP connection (SOCKS5 or HTTP CONNECT,
// chosen as Qt chooses: here an application-wide proxy), Node speaks HTTP over it.
//
//   node examples/http-through-qt-proxy.js <socks5|http> <proxy host> <proxy port> <url>
'use strict';
const http = require('node:http');
const { QNetworkProxy, QtHttpAgent } = require('qtnetwork');

const [kind, proxyHost, proxyPort, url] = process.argv.slice(2);
if (!url) throw new Error('usage: http-through-qt-proxy.js <socks5|http> <proxy host> <proxy port> <url>');
const type = kind === 'http' ? QNetworkProxy.ProxyType.HttpProxy : QNetworkProxy.ProxyType.Socks5Proxy;
QNetworkProxy.setApplicationProxy(new QNetworkProxy(type, proxyHost, Number(proxyPort)));

const agent = new QtHttpAgent();
http
  .get(url, { agent, timeout: 10000 }, (res) => {
    console.log(`HTTP ${res.statusCode}`);
    res.pipe(process.stdout);
    res.on('end', () => agent.destroy());
  })
  .on('error', (err) => {
    console.error(`${err.code}: ${err.message}`);
    process.exitCode = 1;
  });
