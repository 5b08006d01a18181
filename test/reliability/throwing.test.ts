// Throwing slots, in child processes: a slot that throws behaves as a throwing net.Socket listener
// does — process.on('uncaughtException') sees the error, or without a handler the process exits
// with code 1 and the stack printed — never a hang, never swallowed. The same for a throwing
// queryProxy override (compared with a throwing `lookup` of net.connect) and a throwing
// proxyAuthenticationRequired slot through a real SOCKS5 proxy that requires a password.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ProxyServer, startMicrosocks, stopAllProxies } from '../proxies';

const dist = path.join(__dirname, '..', '..', 'dist');
const PASSWORD = 'thr0wing-secret';
let socks: ProxyServer;

jest.setTimeout(60000);

beforeAll(async () => {
  socks = await startMicrosocks({ user: 'tuser', password: PASSWORD });
});

afterAll(() => stopAllProxies());

interface Outcome {
  status: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function run(code: string): Outcome {
  const start = Date.now();
  const r = spawnSync(process.execPath, ['-e', code], {
    env: { ...process.env, QTN_DIST: dist, SOCKS_PORT: String(socks.port) },
    encoding: 'utf8',
    timeout: 20000,
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - start };
}

// An echo server (Node's) and, with HANDLER, an uncaughtException handler that prints what it got
// and lets the program go on; `after()` is what the program does once it has caught the error.
const prelude = (handler: boolean): string => `
  const net = require('node:net');
  const q = require(process.env.QTN_DIST);
  const echo = net.createServer((c) => { c.on('error', () => {}); c.on('data', (d) => c.write(d)); });
  let after = () => {};
  ${handler ? "process.on('uncaughtException', (e) => { console.log('caught ' + e.message); after(); });" : ''}
`;

// What each kind of socket does when its data handler throws, with the same server and data.
const dataHandlerThrows: Record<'qt' | 'net', string> = {
  qt: `echo.listen(0, '127.0.0.1', () => {
    const s = new q.QTcpSocket();
    s.readyRead.connect(() => { s.readAll(); throw new Error('handler failed'); });
    s.connected.connect(() => s.write('x'));
    s.connectToHost('127.0.0.1', echo.address().port);
    after = () => { s.abort(); echo.close(); };
  });`,
  net: `echo.listen(0, '127.0.0.1', () => {
    const s = net.connect(echo.address().port, '127.0.0.1', () => s.write('x'));
    s.on('data', () => { throw new Error('handler failed'); });
    after = () => { s.destroy(); echo.close(); };
  });`,
};

/** The shape both must share: exit code, what the handler printed, whether a stack was printed. */
const shape = (o: Outcome): unknown => ({
  status: o.status,
  signal: o.signal,
  stdout: o.stdout,
  stackPrinted: /Error: [\w ]+ failed\n\s+at /.test(o.stderr),
});

describe.each([false, true])('with an uncaughtException handler: %s', (handler) => {
  test('a throwing readyRead slot behaves as a throwing net.Socket data listener', () => {
    const qt = run(prelude(handler) + dataHandlerThrows.qt);
    const node = run(prelude(handler) + dataHandlerThrows.net);
    expect(shape(qt)).toEqual(shape(node));
    expect(shape(qt)).toEqual(
      handler
        ? { status: 0, signal: null, stdout: 'caught handler failed\n', stackPrinted: false }
        : { status: 1, signal: null, stdout: '', stackPrinted: true },
    );
    expect(qt.ms).toBeLessThan(15000);
  });

  test('a throwing queryProxy override throws from connectToHost as a throwing lookup does from net.connect', () => {
    // A name, not a loopback address: Qt asks no factory for those.
    const qt = run(`${prelude(handler)}
      class Failing extends q.QNetworkProxyFactory { queryProxy() { throw new Error('queryProxy failed'); } }
      q.QNetworkProxyFactory.setApplicationProxyFactory(new Failing());
      const s = new q.QTcpSocket();
      // The handler may run inside Qt's question (the loop runtime): the factory goes after it.
      after = () => { console.log('state ' + s.state()); setImmediate(() => q.QNetworkProxyFactory.setApplicationProxyFactory(null)); };
      setTimeout(() => s.connectToHost('peer.invalid', 9), 10);`);
    const node = run(`${prelude(handler)}
      let s;
      after = () => { console.log('state ' + (s ? s.readyState : 'closed')); };
      setTimeout(() => { s = net.connect({ host: 'peer.invalid', port: 9, lookup() { throw new Error('queryProxy failed'); } }); s.on('error', () => {}); }, 10);`);
    // The same outcome; after catching, our socket is unconnected (0) as net's never existed.
    expect({ ...(shape(qt) as object), stdout: qt.stdout.replace('state 0', 'state closed') }).toEqual(shape(node));
    expect(shape(qt)).toEqual(
      handler
        ? { status: 0, signal: null, stdout: 'caught queryProxy failed\nstate 0\n', stackPrinted: false }
        : { status: 1, signal: null, stdout: '', stackPrinted: true },
    );
  });

  test('a throwing proxyAuthenticationRequired slot (real SOCKS5 proxy with a password): never a hang, the connection fails as Qt fails it', () => {
    const r = run(`${prelude(handler)}
      const s = new q.QTcpSocket();
      s.setProxy(new q.QNetworkProxy(q.QNetworkProxy.ProxyType.Socks5Proxy, '127.0.0.1', Number(process.env.SOCKS_PORT)));
      s.proxyAuthenticationRequired.connect((proxy, auth) => { throw new Error('auth slot failed'); });
      s.errorOccurred.connect((e) => { console.log('error ' + q.QAbstractSocket.SocketError[e]); echo.close(); });
      echo.listen(0, '127.0.0.1', () => s.connectToHost('127.0.0.1', echo.address().port));`);
    expect(shape(r)).toEqual(
      handler
        ? {
            status: 0,
            signal: null,
            stdout: 'caught auth slot failed\nerror ProxyAuthenticationRequiredError\n',
            stackPrinted: false,
          }
        : { status: 1, signal: null, stdout: '', stackPrinted: true },
    );
    expect(r.ms).toBeLessThan(15000);
    expect(r.stdout + r.stderr).not.toContain(PASSWORD);
  });
});
