// http.Agent and https.Agent whose connections are QTcpSockets, so that Node's http and https
// clients (http.get, fetch-like code on top of them) go through Qt's proxy selection: the
// application proxy, the application proxy factory, or the proxy given to the agent. Qt makes
// the TCP connection (through SOCKS5 or HTTP CONNECT); Node speaks HTTP (and TLS) over it, or, with
// QtHttpsAgent's `tls: 'qt'`, Qt does the TLS too (a QSslSocket, verified by Qt).
import http from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { describe } from '../core/args';
import { QNetworkProxy } from '../QNetworkProxy';
import { checkTlsOptions, createSecureConnection } from './QSslSocketStream';
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

export interface QtHttpsAgentOptions extends QtAgentOptions, https.AgentOptions {
  /**
   * Who does the TLS: 'node' (the default), Node's tls over Qt's connection; 'qt', Qt's QSslSocket
   * (createSecureConnection: `ca`, `cert`/`key`, `rejectUnauthorized`, `servername` and
   * `ALPNProtocols` as there; tls options Qt's path cannot honour are refused).
   */
  tls?: 'node' | 'qt';
}

export class QtHttpsAgent extends https.Agent {
  readonly proxy: QNetworkProxy | QNetworkProxy.ProxyType | undefined;
  readonly tls: 'node' | 'qt';

  constructor(options: QtHttpsAgentOptions = {}) {
    const { proxy, tls: by = 'node', ...rest } = options;
    if (by !== 'node' && by !== 'qt')
      throw new TypeError(`QtHttpsAgent: argument 'options.tls' must be 'node' or 'qt', got ${describe(by)}`);
    if (by === 'qt') checkTlsOptions('QtHttpsAgent', rest as Record<string, unknown>);
    super(rest);
    this.proxy = proxyOption('QtHttpsAgent', proxy);
    this.tls = by;
  }

  /**
   * tls 'node': TLS by Node over the Qt connection (the proxy sees only the CONNECT target and
   * ciphertext); tls 'qt': a QSslSocket's view.
   */
  createConnection(options: tls.ConnectionOptions & { host?: string; port?: number | string }): Duplex {
    if (this.tls === 'qt') {
      // A request's own tls options are checked as the agent's; then only what Qt's path maps
      // goes on (http adds options of its own: path, method, headers...).
      checkTlsOptions('QtHttpsAgent', options as Record<string, unknown>);
      const { host, port, servername, ca, cert, key, passphrase, rejectUnauthorized, ALPNProtocols, timeout } = options;
      return createSecureConnection({
        host: host ?? 'localhost',
        port: Number(port ?? 443),
        servername: servername || undefined,
        ca: ca as string | Buffer | (string | Buffer)[] | undefined,
        cert: cert as string | Buffer | (string | Buffer)[] | undefined,
        key: key as string | Buffer | undefined,
        passphrase,
        rejectUnauthorized,
        ALPNProtocols: ALPNProtocols as (string | Uint8Array)[] | undefined,
        proxy: this.proxy,
        timeout,
      });
    }
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
