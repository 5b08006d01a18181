// An application proxy factory in the loop runtime: Qt runs on the JS thread, so Qt asks the JS
// factory itself, when and as often as it asks a PyQt6 one. (The thread runtime asks it before each
// connect or listen instead; the parity suites cover what both have in common.)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { runtime } from '../../lib';

const dist = path.join(__dirname, '..', '..', 'dist');
const loopOnly = runtime === 'loop' ? test : test.skip;

function run(body: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['-e', `const q = require(${JSON.stringify(dist)});\n${body}`], {
    encoding: 'utf8',
    timeout: 20000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

loopOnly(
  'Qt asks the factory when it asks: one question for a name that does not resolve, none of the type-only kind',
  () => {
    // The lookup of a .invalid name fails (no DNS in the test's namespace): Qt asks about the peer,
    // then gives up before any socket engine would ask the type-only question.
    const r = run(`
    const asked = [];
    class Recording extends q.QNetworkProxyFactory {
      queryProxy(query) {
        asked.push(query.queryType() + ' ' + query.peerHostName() + ':' + query.peerPort());
        return [new q.QNetworkProxy(q.QNetworkProxy.ProxyType.NoProxy)];
      }
    }
    q.QNetworkProxyFactory.setApplicationProxyFactory(new Recording());
    const s = new q.QTcpSocket();
    s.errorOccurred.connect((e) => console.log('errorOccurred ' + q.QAbstractSocket.SocketError[e] + ' after ' + JSON.stringify(asked)));
    s.connectToHost('peer.invalid', 80);
    console.log('returned after ' + JSON.stringify(asked));
    s.waitForConnected(2000).then((ok) => { console.log('connected ' + ok); process.exit(0); });
  `);
    expect(r.stdout).toBe(
      [
        'returned after ["0 peer.invalid:80"]',
        'errorOccurred HostNotFoundError after ["0 peer.invalid:80"]',
        'connected false',
        '',
      ].join('\n'),
    );
    expect(r.status).toBe(0);
  },
);

loopOnly(
  'replacing the factory from inside its own queryProxy is an Error, not a factory deleted while Qt uses it',
  () => {
    // The throw is the factory's: reported as an uncaught exception (as a throwing slot), and Qt
    // goes on without a proxy.
    const r = run(`
    process.on('uncaughtException', (err) => console.log('uncaught ' + err.message));
    class Fickle extends q.QNetworkProxyFactory {
      queryProxy() {
        q.QNetworkProxyFactory.setApplicationProxyFactory(null);
        return [];
      }
    }
    q.QNetworkProxyFactory.setApplicationProxyFactory(new Fickle());
    const s = new q.QTcpSocket();
    s.errorOccurred.connect((e) => console.log('errorOccurred ' + q.QAbstractSocket.SocketError[e]));
    s.connectToHost('a..b', 80);
    s.waitForConnected(2000).then(() => {
      // Outside queryProxy it may go.
      q.QNetworkProxyFactory.setApplicationProxyFactory(null);
      console.log('replaced after');
      process.exit(0);
    });
  `);
    expect(r.stdout).toBe(
      [
        "uncaught QNetworkProxyFactory.setApplicationProxyFactory: not from inside a proxy factory's queryProxy (Qt is using that factory now)",
        'errorOccurred HostNotFoundError',
        'replaced after',
        '',
      ].join('\n'),
    );
    expect(r.status).toBe(0);
  },
);

loopOnly(
  'a factory that throws: an uncaught exception inside the call that made Qt ask, and Qt connects without a proxy',
  () => {
    const r = run(`
    process.on('uncaughtException', (err) => console.log('uncaught ' + err.message));
    class Failing extends q.QNetworkProxyFactory { queryProxy() { throw new Error('queryProxy failed'); } }
    q.QNetworkProxyFactory.setApplicationProxyFactory(new Failing());
    const s = new q.QTcpSocket();
    s.connectToHost('a..b', 80);
    console.log('returned');
    s.waitForConnected(2000).then(() => { console.log('error ' + s.errorString()); process.exit(0); });
  `);
    expect(r.stdout).toBe(['uncaught queryProxy failed', 'returned', 'error Host not found', ''].join('\n'));
  },
);
