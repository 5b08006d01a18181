// QTcpSocket through real proxies, in this process: what the proxy itself saw (its log), and how
// proxyAuthenticationRequired behaves while Qt waits for the JS slot (no deadlock, other sockets
// go on, calls on the waiting socket are safe).
import { inspect } from 'node:util';
import { QAbstractSocket, QAuthenticator, QHostAddress, QNetworkProxy, QTcpServer, QTcpSocket } from '../../lib';
import { echoConnections, nextEmit, ping, sleep } from '../helpers';
import { ProxyServer, startDante, startMicrosocks, startTinyproxy, stopAllProxies } from '../proxies';

const { Socks5Proxy, HttpProxy } = QNetworkProxy.ProxyType;
const { ConnectedState, UnconnectedState } = QAbstractSocket.SocketState;
const SECRET = 'hunter2-secret';

let dante: ProxyServer;
let microsocks: ProxyServer;
let tinyproxy: ProxyServer;
let server: QTcpServer;

jest.setTimeout(30000);

beforeAll(async () => {
  [dante, microsocks, tinyproxy] = await Promise.all([
    startDante(),
    startMicrosocks({ user: 'muser', password: SECRET }),
    startTinyproxy({ user: 'tuser', password: SECRET }),
  ]);
  server = new QTcpServer();
  expect(await server.listen(new QHostAddress('127.0.0.1'), 0)).toBe(true);
  // An echo server, so that each test can check bytes went through.
  echoConnections(server);
});

afterAll(async () => {
  server.close();
  await stopAllProxies();
});

async function echoThrough(sock: QTcpSocket, host = '127.0.0.1'): Promise<string> {
  sock.connectToHost(host, server.serverPort());
  expect(await sock.waitForConnected(10000)).toBe(true);
  return ping(sock);
}

describe('the proxy sees what Qt sends', () => {
  test('with HostNameLookupCapability the host name goes to the proxy; without it, the address', async () => {
    const byName = new QTcpSocket();
    byName.setProxy(new QNetworkProxy(Socks5Proxy, '127.0.0.1', dante.port));
    expect(await echoThrough(byName, 'localhost')).toBe('ping');
    byName.abort();

    const resolved = new QTcpSocket();
    const p = new QNetworkProxy(Socks5Proxy, '127.0.0.1', dante.port);
    p.setCapabilities(p.capabilities() & ~QNetworkProxy.Capability.HostNameLookupCapability);
    resolved.setProxy(p);
    expect(await echoThrough(resolved, 'localhost')).toBe('ping');
    resolved.abort();

    const port = server.serverPort();
    const targets = dante.targets();
    expect(targets).toContain(`localhost:${port}`);
    expect(targets.filter((t) => t === `127.0.0.1:${port}`)).toHaveLength(1);
  });

  test('HTTP CONNECT names the host as given', async () => {
    const sock = new QTcpSocket();
    sock.setProxy(new QNetworkProxy(HttpProxy, '127.0.0.1', tinyproxy.port, 'tuser', SECRET));
    expect(await echoThrough(sock, 'localhost')).toBe('ping');
    sock.abort();
    expect(tinyproxy.targets()).toContain(`localhost:${server.serverPort()}`);
  });
});

describe('proxyAuthenticationRequired', () => {
  test('the slot gets the proxy and a fresh authenticator, and what it sets is used', async () => {
    const sock = new QTcpSocket();
    sock.setProxy(new QNetworkProxy(Socks5Proxy, '127.0.0.1', microsocks.port));
    const seen: [QNetworkProxy, string, string][] = [];
    sock.proxyAuthenticationRequired.connect((proxy: QNetworkProxy, auth: QAuthenticator) => {
      seen.push([proxy, auth.user(), auth.password()]);
      auth.setUser('muser');
      auth.setPassword(SECRET);
    });
    expect(await echoThrough(sock)).toBe('ping');
    expect(seen).toHaveLength(1);
    const [proxy, user, password] = seen[0];
    expect([proxy.type(), proxy.hostName(), proxy.port(), user, password]).toEqual([
      Socks5Proxy,
      '127.0.0.1',
      microsocks.port,
      '',
      '',
    ]);
    sock.abort();
  });

  test('other sockets, and sync calls on them, go on while Qt waits for a slot', async () => {
    let release!: () => void;
    const answered = new Promise<void>((r) => (release = r));
    const slow = new QTcpSocket();
    slow.setProxy(new QNetworkProxy(Socks5Proxy, '127.0.0.1', microsocks.port));
    let other: QTcpSocket | undefined;
    slow.proxyAuthenticationRequired.connect((_p: QNetworkProxy, a: QAuthenticator) => {
      // The Qt thread is waiting for this slot right now. A socket connects, echoes and closes,
      // through sync calls (connectToHost, abort) that need the Qt thread: they must not deadlock.
      other = new QTcpSocket();
      other.connectToHost('127.0.0.1', server.serverPort());
      expect(other.state()).toBe(QAbstractSocket.SocketState.ConnectingState);
      a.setUser('muser');
      a.setPassword(SECRET);
      release();
    });
    slow.connectToHost('127.0.0.1', server.serverPort());
    await answered;
    expect(await slow.waitForConnected(10000)).toBe(true);
    expect(await other!.waitForConnected(10000)).toBe(true);
    other!.write('x');
    expect(await other!.waitForReadyRead(10000)).toBe(true);
    expect(other!.readAll().toString()).toBe('x');
    other!.abort();
    slow.abort();
  });

  test('a call on the waiting socket before its slot ran cancels the wait, safely', async () => {
    const sock = new QTcpSocket();
    sock.setProxy(new QNetworkProxy(Socks5Proxy, '127.0.0.1', microsocks.port));
    let slotRan = 0;
    sock.proxyAuthenticationRequired.connect((_p: QNetworkProxy, a: QAuthenticator) => {
      slotRan++;
      a.setUser('muser');
      a.setPassword(SECRET);
    });
    sock.connectToHost('127.0.0.1', server.serverPort());
    // Block this thread until the proxy has answered and Qt waits for the slot, then abort:
    // the abort reaches Qt inside the emission and must wait for it to end (deferred), not run in it.
    const end = Date.now() + 300;
    while (Date.now() < end) {
      /* busy: the event cannot be delivered while this runs */
    }
    sock.abort();
    expect(sock.state()).toBe(UnconnectedState);
    await sleep(300);
    expect(slotRan).toBeLessThanOrEqual(1);
    expect(sock.state()).toBe(UnconnectedState);
    // The socket is usable again afterwards.
    expect(await echoThrough(sock)).toBe('ping');
    expect(sock.state()).toBe(ConnectedState);
    sock.abort();
  });

  test('deleteLater while Qt waits for the slot frees the socket once Qt is out of the emission', async () => {
    const sock = new QTcpSocket();
    sock.setProxy(new QNetworkProxy(Socks5Proxy, '127.0.0.1', microsocks.port));
    sock.proxyAuthenticationRequired.connect(() => {
      sock.deleteLater();
    });
    const destroyed = nextEmit(sock.destroyed);
    sock.connectToHost('127.0.0.1', server.serverPort());
    await destroyed;
    expect(sock.state()).toBe(UnconnectedState);
  });
});

describe('secrets', () => {
  test('a password appears in no error string, inspect or JSON output of proxies, sockets, authenticators', async () => {
    const sock = new QTcpSocket();
    const proxy = new QNetworkProxy(Socks5Proxy, '127.0.0.1', microsocks.port, 'muser', 'wrong-' + SECRET);
    sock.setProxy(proxy);
    sock.connectToHost('127.0.0.1', server.serverPort());
    expect(await sock.waitForConnected(5000)).toBe(false);
    const auth = new QAuthenticator();
    auth.setPassword(SECRET);
    const outputs = [
      sock.errorString(),
      inspect(proxy),
      inspect(sock.proxy()),
      JSON.stringify(proxy),
      inspect(auth),
      JSON.stringify(auth),
      inspect(sock, { depth: 4 }),
    ];
    for (const out of outputs) expect(out).not.toContain(SECRET);
    expect(sock.proxy().password()).toBe('wrong-' + SECRET); // still there for whoever asks for it
  });
});
