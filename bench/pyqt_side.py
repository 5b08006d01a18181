"""One PyQt6 measurement, the same workloads as bench/node-side.js written the PyQt6 way
(event-driven, QCoreApplication's loop, no blocking waits inside the timed part):
    /usr/bin/python3 bench/pyqt_side.py <workload> '<json params>'
Prints one JSON line {value, unit}; bench/run.js runs it between our side and Node's."""
import gc
import json
import math
import os
import re
import resource
import sys
import time

from PyQt6.QtCore import QCoreApplication, QSocketNotifier, Qt, QTimer, QUrl
from PyQt6.QtNetwork import (QAbstractSocket, QHostAddress, QNetworkAccessManager, QNetworkProxy,
                             QNetworkReply, QNetworkRequest, QSslCertificate, QSslConfiguration,
                             QSslSocket, QTcpServer, QTcpSocket, QUdpSocket)

WORKLOAD = sys.argv[1]
P = json.loads(sys.argv[2] if len(sys.argv) > 2 else '{}')
LOCAL = '127.0.0.1'
CHUNK = b'\x07' * (1 << 20)
PING = b'\x01' * 64
WRITE_AHEAD = 8 << 20  # as on our side: keep Qt's write buffer under this

app = QCoreApplication(sys.argv[:1])
result = {}
# Objects that must outlive the function that made them (PyQt6 frees what Python drops).
keep = []


def fail(why):
    sys.stderr.write(f'{WORKLOAD}/pyqt: {why}\n')
    sys.stderr.flush()
    # os._exit: no Qt teardown, which could block on sockets still open.
    os._exit(1)


def finish(value, unit, **extra):
    result.update(value=value, unit=unit, **extra)
    app.exit(0)


# Every run is bounded in time, whatever the loop waits on.
_watchdog = QTimer()
_watchdog.setSingleShot(True)
_watchdog.timeout.connect(lambda: fail(f"deadline of {P.get('timeoutMs', 120000)} ms passed"))
_watchdog.start(int(P.get('timeoutMs', 120000)))


def pair(then, proxy=None, no_delay=False):
    """A connected client/peer pair on loopback, handed to then(client, peer)."""
    server = QTcpServer()
    if not server.listen(QHostAddress(LOCAL), 0):
        fail(f'listen: {server.errorString()}')
    client = QTcpSocket()
    if proxy is not None:
        client.setProxy(proxy)
    state = {'up': False, 'peer': None}
    keep.extend([server, client, state])

    def ready():
        if state['up'] and state['peer'] is not None:
            peer = state['peer']
            if no_delay:
                client.setSocketOption(QAbstractSocket.SocketOption.LowDelayOption, 1)
                peer.setSocketOption(QAbstractSocket.SocketOption.LowDelayOption, 1)
            then(client, peer)

    def on_conn():
        state['peer'] = server.nextPendingConnection()
        keep.append(state['peer'])
        server.newConnection.disconnect(on_conn)
        ready()

    def on_connected():
        state['up'] = True
        ready()

    server.newConnection.connect(on_conn)
    client.connected.connect(on_connected)
    client.errorOccurred.connect(lambda e: fail(f'connect: {client.errorString()}') if not state['up'] else None)
    client.connectToHost(LOCAL, server.serverPort())


def pump_into(socket, total):
    """Writes total bytes to socket, keeping its write buffer under WRITE_AHEAD; a QSslSocket's
    encrypted bytes still to go count too (bytesToWrite() has only those not yet encrypted)."""
    st = {'sent': 0}
    tls = isinstance(socket, QSslSocket)
    queued = (lambda: socket.bytesToWrite() + socket.encryptedBytesToWrite()) if tls else socket.bytesToWrite

    def pump(_n=0):
        while st['sent'] < total and queued() < WRITE_AHEAD:
            n = min(len(CHUNK), total - st['sent'])
            socket.write(CHUNK if n == len(CHUNK) else CHUNK[:n])
            st['sent'] += n

    socket.bytesWritten.connect(pump)
    if tls:
        socket.encryptedBytesWritten.connect(pump)
    keep.append(pump)
    pump()


def bulk_over(client, peer):
    total = P['bytes']
    st = {'received': 0, 't0': time.perf_counter()}

    def on_read():
        st['received'] += len(peer.readAll())
        if st['received'] >= total:
            finish(total / (time.perf_counter() - st['t0']) / 1e6, 'MB/s')

    peer.readyRead.connect(on_read)
    pump_into(client, total)


def ping_over(client):
    rounds = P['rounds']
    st = {'n': 0, 'got': 0, 't0': time.perf_counter()}

    def on_read():
        st['got'] += len(client.readAll())
        if st['got'] < len(PING):  # TCP may split a reply
            return
        st['got'] -= len(PING)
        st['n'] += 1
        if st['n'] >= rounds:
            finish((time.perf_counter() - st['t0']) * 1e6 / rounds, 'us')
        else:
            client.write(PING)

    client.readyRead.connect(on_read)
    client.write(PING)


def bulk():
    pair(bulk_over)


def ping():
    def go(client, peer):
        peer.readyRead.connect(lambda: peer.write(peer.readAll()))
        ping_over(client)
    pair(go, no_delay=True)


def ping_remote():
    client = QTcpSocket()
    keep.append(client)

    def on_connected():
        client.setSocketOption(QAbstractSocket.SocketOption.LowDelayOption, 1)
        ping_over(client)

    client.connected.connect(on_connected)
    client.errorOccurred.connect(lambda e: fail(f'connect: {client.errorString()}') if client.state() != QAbstractSocket.SocketState.ConnectedState else None)
    client.connectToHost(LOCAL, P['port'])


def connect():
    """One connection at a time: connect, accept, the client closes, both ends see the close."""
    count = P['count']
    server = QTcpServer()
    if not server.listen(QHostAddress(LOCAL), 0):
        fail(f'listen: {server.errorString()}')
    port = server.serverPort()
    keep.append(server)
    st = {'i': 0, 't0': time.perf_counter()}

    def one():
        client = QTcpSocket()
        c = {'up': False, 'peer': None, 'open': 2}

        def closed(sock):
            sock.deleteLater()
            c['open'] -= 1
            if c['open'] == 0:
                st['i'] += 1
                if st['i'] >= count:
                    finish(count / (time.perf_counter() - st['t0']), 'conn/s')
                else:
                    one()

        def maybe_close():
            if c['up'] and c['peer'] is not None:
                client.disconnectFromHost()

        def on_conn():
            server.newConnection.disconnect(on_conn)
            peer = server.nextPendingConnection()
            c['peer'] = peer
            peer.disconnected.connect(lambda: closed(peer))
            maybe_close()

        def on_connected():
            c['up'] = True
            maybe_close()

        server.newConnection.connect(on_conn)
        client.connected.connect(on_connected)
        client.disconnected.connect(lambda: closed(client))
        client.errorOccurred.connect(lambda e: fail(f'connect: {client.errorString()}') if not c['up'] else None)
        client.connectToHost(LOCAL, port)

    one()


def udp():
    """Request/response with a QUdpSocket echo in this process."""
    rounds = P['rounds']
    echo = QUdpSocket()
    client = QUdpSocket()
    keep.extend([echo, client])
    if not echo.bind(QHostAddress(LOCAL), 0) or not client.bind(QHostAddress(LOCAL), 0):
        fail('bind failed')
    to = QHostAddress(LOCAL)
    port = echo.localPort()

    def on_echo():
        while echo.hasPendingDatagrams():
            d = echo.receiveDatagram()
            echo.writeDatagram(d.makeReply(d.data()))

    st = {'n': 0, 't0': time.perf_counter()}

    def on_reply():
        while client.hasPendingDatagrams():
            client.receiveDatagram()
            st['n'] += 1
            if st['n'] >= rounds:
                return finish((time.perf_counter() - st['t0']) * 1e6 / rounds, 'us')
            client.writeDatagram(PING, to, port)

    echo.readyRead.connect(on_echo)
    client.readyRead.connect(on_reply)
    client.writeDatagram(PING, to, port)


def proxied():
    proxy = QNetworkProxy(QNetworkProxy.ProxyType.Socks5Proxy, LOCAL, P['proxyPort'])
    pair(bulk_over, proxy=proxy)


def http_manager():
    """A QNetworkAccessManager; through squid at P.proxyPort (Basic, the password from the
    environment) when given."""
    nam = QNetworkAccessManager()
    if P.get('proxyPort'):
        nam.setProxy(QNetworkProxy(QNetworkProxy.ProxyType.HttpProxy, LOCAL, P['proxyPort'],
                                   os.environ.get('BENCH_PROXY_USER', ''), os.environ.get('BENCH_PROXY_PASSWORD', '')))
    keep.append(nam)
    return nam


def http_get(nam, url, stream, then):
    """One GET; then(bytes received), read as they come when stream, else at the end."""
    reply = nam.get(QNetworkRequest(QUrl(url)))
    got = [0]
    if stream:
        reply.readyRead.connect(lambda: got.__setitem__(0, got[0] + len(reply.readAll())))

    def done():
        if reply.error() != QNetworkReply.NetworkError.NoError:
            fail(f'GET {url}: {reply.errorString()}')
        got[0] += len(reply.readAll())
        reply.deleteLater()
        then(got[0])
    reply.finished.connect(done)


def http_download():
    """P.bytes from bench/http-origin.js at P.port, read as they come; MB/s and the CPU this
    process used meanwhile per MiB."""
    url = f"http://{LOCAL}:{P['port']}/bytes/{P['bytes']}"
    nam = http_manager()
    st = {}

    def done(n):
        if n != P['bytes']:
            fail(f"received {n} of {P['bytes']} bytes")
        finish(P['bytes'] / 1e6 / (time.perf_counter() - st['t0']), 'MB/s',
               cpuMsPerMiB=(time.process_time() - st['cpu0']) * 1e3 / (P['bytes'] / 2 ** 20))

    def start(n):
        if n != 64:
            fail('the first GET did not give 64 bytes')
        st['t0'] = time.perf_counter()
        st['cpu0'] = time.process_time()
        http_get(nam, url, True, done)
    # A small GET first, out of the timing, as in http_gets: the connection up.
    http_get(nam, f"http://{LOCAL}:{P['port']}/small", False, start)


def http_gets():
    """P.count GETs of 64 bytes, one at a time, over the connections Qt keeps alive."""
    url = f"http://{LOCAL}:{P['port']}/small"
    nam = http_manager()
    st = {'i': -1, 't0': 0.0, 'cpu0': 0.0}  # the first GET (-1) brings the connection up, outside the timing

    def next_one(n):
        if n != 64:
            fail(f"GET {st['i']} did not give 64 bytes")
        st['i'] += 1
        if st['i'] == 0:
            st['t0'] = time.perf_counter()
            st['cpu0'] = time.process_time()
        if st['i'] == P['count']:
            return finish(P['count'] / (time.perf_counter() - st['t0']), 'req/s',
                          cpuUsPerRequest=(time.process_time() - st['cpu0']) * 1e6 / P['count'])
        http_get(nam, url, False, next_one)
    http_get(nam, url, False, next_one)


def tls_socket():
    """A QSslSocket connecting to bench/tls-server.js at P.port, trusting P.ca (set once in the
    default configuration, as on our side); it fails the run on a TLS error."""
    if not tls_state['ready']:
        config = QSslConfiguration.defaultConfiguration()
        config.setCaCertificates(QSslCertificate.fromPath(P['ca']))
        QSslConfiguration.setDefaultConfiguration(config)
        tls_state['ready'] = True
    s = QSslSocket()
    s.sslErrors.connect(lambda errors: fail('TLS: ' + '; '.join(e.errorString() for e in errors)))
    s.connectToHostEncrypted(LOCAL, P['port'])
    return s


tls_state = {'ready': False}


def tls_bulk():
    """P.bytes one way to the TLS server, timed from the first write to its "k"; MB/s and the CPU
    this process used meanwhile per MiB."""
    total = P['bytes']
    s = tls_socket()
    keep.append(s)
    st = {'up': False}

    def on_read():
        if b'k' in bytes(s.readAll()):
            seconds = time.perf_counter() - st['t0']
            cpu_ms = (time.process_time() - st['cpu0']) * 1e3
            use, mib = resource.getrusage(resource.RUSAGE_SELF), total / 2 ** 20
            finish(total / seconds / 1e6, 'MB/s', cpuMsPerMiB=cpu_ms / mib,
                   sysMsPerMiB=(use.ru_stime - st['use0'].ru_stime) * 1e3 / mib,
                   faultsPerMiB=(use.ru_minflt - st['use0'].ru_minflt) / mib)

    def on_encrypted():
        st['up'] = True
        st['t0'] = time.perf_counter()
        st['cpu0'] = time.process_time()
        st['use0'] = resource.getrusage(resource.RUSAGE_SELF)
        s.write(str(total).zfill(12).encode('latin1'))
        pump_into(s, total)

    s.readyRead.connect(on_read)
    s.encrypted.connect(on_encrypted)
    s.errorOccurred.connect(lambda e: fail(f'TLS connect: {s.errorString()}') if not st['up'] else None)


def tls_handshakes():
    """P.count handshakes, P.concurrency at a time, each on a connection of its own, closed once
    encrypted: handshakes per second."""
    count = P['count']
    st = {'started': 0, 'done': 0, 't0': time.perf_counter(), 'cpu0': time.process_time()}

    def one():
        st['started'] += 1
        s = tls_socket()
        c = {'up': False}
        keep.append(s)

        def on_encrypted():
            c['up'] = True
            s.disconnectFromHost()

        def on_disconnected():
            keep.remove(s)
            s.deleteLater()
            st['done'] += 1
            if st['done'] >= count:
                finish(count / (time.perf_counter() - st['t0']), 'handshakes/s',
                       cpuMsPerHandshake=(time.process_time() - st['cpu0']) * 1e3 / count)
            elif st['started'] < count:
                one()

        s.encrypted.connect(on_encrypted)
        s.disconnected.connect(on_disconnected)
        s.errorOccurred.connect(lambda e: fail(f'TLS connect: {s.errorString()}') if not c['up'] else None)

    for _ in range(min(P['concurrency'], count)):
        one()


def settled_rss():
    for _ in range(3):
        gc.collect()
        QCoreApplication.processEvents()
        time.sleep(0.05)
    with open('/proc/self/status') as f:
        return int(re.search(r'VmRSS:\s+(\d+) kB', f.read()).group(1)) * 1024


def rss():
    """RSS growth per idle client connection to the Node echo server at P.port."""
    count = P['count']
    in_flight = 200
    held = []
    st = {'started': 0, 'base': 0}

    def start_one(on_up):
        s = QTcpSocket()
        held.append(s)
        s.connected.connect(lambda: on_up(s))
        s.errorOccurred.connect(lambda e: fail(f'connect: {s.errorString()}') if s.state() != QAbstractSocket.SocketState.ConnectedState else None)
        s.connectToHost(LOCAL, P['port'])

    up = {'n': 0}

    def on_up(_s):
        up['n'] += 1
        if st['started'] < count:
            st['started'] += 1
            start_one(on_up)
        elif up['n'] >= count:
            after = settled_rss()
            finish((after - st['base']) / count, 'B/conn', baseRss=st['base'], rss=after)

    def first_up(s):
        # A first connection come and gone: runtime and first allocations in the baseline.
        s.abort()
        held.remove(s)
        s.deleteLater()
        QTimer.singleShot(0, begin)

    def begin():
        st['base'] = settled_rss()
        for _ in range(min(in_flight, count)):
            st['started'] += 1
            start_one(on_up)

    start_one(first_up)


def say(obj):
    """A line for bench/run.js, flushed at once: it reads /proc when a window mark arrives."""
    print(json.dumps(obj), flush=True)


def on_stdin_end(then):
    """Calls then() once stdin ends: bench/run.js is done with this process (it has read our CPU
    from /proc; exiting before that would take our threads' figures with us), or it is gone."""
    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)

    def readable():
        if not os.read(sys.stdin.fileno(), 4096):
            notifier.setEnabled(False)
            then()

    notifier.activated.connect(readable)
    keep.append(notifier)


def cpu_server():
    """The paced echo's server: prints its port, then serves until bench/run.js closes stdin."""
    server = QTcpServer()
    if not server.listen(QHostAddress(LOCAL), 0):
        fail(f'listen: {server.errorString()}')
    keep.append(server)

    def on_conn():
        while server.hasPendingConnections():
            s = server.nextPendingConnection()
            s.setSocketOption(QAbstractSocket.SocketOption.LowDelayOption, 1)
            s.readyRead.connect(lambda s=s: s.write(s.readAll()))
            s.disconnected.connect(s.deleteLater)

    server.newConnection.connect(on_conn)
    on_stdin_end(lambda: os._exit(0))
    say({'port': server.serverPort(), 'runtime': None})


def cpu_client():
    """64-byte messages at P.rate per second, as bench/node-side.js paced() sends them: a 1 ms
    repeating timer sends the messages due, a backlog over 50 ms is dropped and counted as missed."""
    rate = P['rate']
    max_backlog = max(1, math.ceil(rate * 0.05))
    client = QTcpSocket()
    keep.append(client)
    st = {'got': 0, 'sent': 0, 'missed': 0, 'win': None, 'echoed0': 0}
    echoed = lambda: st['got'] // len(PING)

    def on_read():
        st['got'] += len(client.readAll())

    def tick():
        t = time.perf_counter()
        if st['win'] is None and t >= win_start:
            st['win'] = t
            st['echoed0'] = echoed()
            say({'mark': 'start'})
        elif st['win'] is not None and t >= win_start + P['windowMs'] / 1e3:
            timer.stop()
            n = echoed() - st['echoed0']
            say({'mark': 'end'})
            seconds = t - st['win']
            return on_stdin_end(lambda: finish(n, 'msgs', messages=n, seconds=seconds, achieved=n / seconds,
                                               sent=st['sent'], missed=st['missed']))
        due = int((t - t0) * rate) + 1
        if due - st['sent'] > max_backlog:
            st['missed'] += due - st['sent'] - max_backlog
            st['sent'] = due - max_backlog
        while st['sent'] < due:
            client.write(PING)
            st['sent'] += 1

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(max(1, 1000 // rate))
    timer.timeout.connect(tick)
    keep.append(timer)
    t0 = win_start = 0.0

    def on_connected():
        nonlocal t0, win_start
        client.setSocketOption(QAbstractSocket.SocketOption.LowDelayOption, 1)
        t0 = time.perf_counter()
        win_start = t0 + P['warmupMs'] / 1e3
        timer.start()
        tick()

    client.readyRead.connect(on_read)
    client.connected.connect(on_connected)
    client.errorOccurred.connect(lambda e: fail(f'connect: {client.errorString()}') if client.state() != QAbstractSocket.SocketState.ConnectedState else None)
    client.connectToHost(LOCAL, P['port'])


WORKLOADS = {'cpuServer': cpu_server, 'cpuClient': cpu_client,
             'bulk': bulk, 'ping': ping, 'pingRemote': ping_remote, 'connect': connect,
             'udp': udp, 'proxied': proxied, 'rss': rss,
             'httpDownload': http_download, 'httpGets': http_gets,
             'httpDownloadSquid': http_download, 'httpGetsSquid': http_gets,
             'tlsBulk': tls_bulk, 'tlsHandshakes': tls_handshakes, 'tlsHandshakesConcurrent': tls_handshakes}

if WORKLOAD not in WORKLOADS:
    fail('unknown workload')
QTimer.singleShot(0, WORKLOADS[WORKLOAD])
app.exec()
v = result.get('value')
if not isinstance(v, (int, float)) or not v > 0 or v == float('inf'):
    fail(f'not a positive number: {v}')
print(json.dumps({'workload': WORKLOAD, 'side': 'pyqt', 'runtime': None, **result}), flush=True)
os._exit(0)  # skip Qt's teardown of the sockets still open: the measurement is done
