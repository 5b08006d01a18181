// http.Agent and https.Agent whose connections are QTcpSockets, so that Node's http and https
// clients (http.get, fetch-like code on top of them) go through Qt's proxy selection: the
// application proxy, the application proxy factory, or the proxy given to the agent. Qt makes
// the TCP connection (through SOCKS5 or HTTP CONNECT); Node speaks HTTP (and TLS) over it.
import http from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { QNetworkProxy } from '../QNetworkProxy';
import { createConnection } from './QTcpSocketStream';

export interface QtAgentOptions extends http.AgentOptions {
  /** The proxy for every connection; default: Qt's choice (application proxy or factory). */
  proxy?: QNetworkProxy | QNetworkProxy.ProxyType;
}

function proxyOption(name: string, proxy: unknown): QNetworkProxy | QNetworkProxy.ProxyType | undefined {
  // QNetworkProxy.from checks it (TypeError naming the argument) and copies it, as Qt's setProxy does.
  return proxy === undefined ? undefined : QNetworkProxy.from(name, 'options.proxy', proxy as QNetworkProxy);
}

export class QtHttpAgent extends http.Agent {
  readonly proxy: QNetworkProxy | QNetworkProxy.ProxyType | undefined;

  constructor(options: QtAgentOptions = {}) {
    const { proxy, ...rest } = options;
    super(rest);
    this.proxy = proxyOption('QtHttpAgent', proxy);
  }

  // Returns the socket (Agent then calls its own callback once): the callback argument is unused.
  createConnection(options: { host?: string; port?: number | string; timeout?: number }): Duplex {
    const stream = createConnection({
      host: options.host ?? 'localhost',
      port: Number(options.port ?? 80),
      proxy: this.proxy,
      timeout: options.timeout,
    });
    return stream;
  }
}

export class QtHttpsAgent extends https.Agent {
  readonly proxy: QNetworkProxy | QNetworkProxy.ProxyType | undefined;

  constructor(options: QtAgentOptions & https.AgentOptions = {}) {
    const { proxy, ...rest } = options;
    super(rest);
    this.proxy = proxyOption('QtHttpsAgent', proxy);
  }

  /** TLS by Node over the Qt connection (the proxy sees only the CONNECT target and ciphertext). */
  createConnection(options: tls.ConnectionOptions & { host?: string; port?: number | string }): Duplex {
    const raw = createConnection({
      host: options.host ?? 'localhost',
      port: Number(options.port ?? 443),
      proxy: this.proxy,
      timeout: options.timeout,
    });
    const servername =
      options.servername ?? (options.host && !/^[\d.:]+$/.test(options.host) ? options.host : undefined);
    const secure = tls.connect({ ...options, socket: raw, servername });
    return secure;
  }
}
