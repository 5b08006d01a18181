// QHostInfo against PyQt6, live, in the test namespace (names resolve from /etc/hosts only): the
// same names looked up at once with lookupHost give the same ids and results, fromName the same
// QHostInfo; then aborts, the promise form, many lookups at once, the value API, keep-alive and
// exit with a lookup pending, bad input. test/fixtures/parity/host_info.py is PyQt6's side.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { QHostAddress, QHostInfo } from '../../lib';

// localhost and names of /etc/hosts, IP literals (v4, v6, mapped), names Qt rejects without a
// lookup (a..b, the empty name), and names that are nowhere (the namespace has no DNS server).
const names = [
  'localhost',
  'LOCALHOST',
  'vm',
  '127.0.0.1',
  '::1',
  '::ffff:127.0.0.1',
  'a..b',
  '',
  'no-such-host.invalid',
  'x'.repeat(300),
];

type Encoded = { hostName: string; addresses: string[]; error: number; errorString: string; lookupId: number };
const encode = (info: QHostInfo): Encoded => ({
  hostName: info.hostName(),
  addresses: info.addresses().map(String),
  error: info.error(),
  errorString: info.errorString(),
  lookupId: info.lookupId(),
});

function pyqt(): { ids: number[]; lookup: Encoded[]; fromName: Encoded[]; local: string[] } {
  const script = path.join(__dirname, '..', 'fixtures', 'parity', 'host_info.py');
  const r = spawnSync('/usr/bin/python3', [script, JSON.stringify(names)], { encoding: 'utf8', timeout: 60000 });
  if (r.status !== 0) throw new Error(`host_info.py failed (${r.status ?? r.signal}):\n${r.stderr}`);
  return JSON.parse(r.stdout);
}

describe('parity with PyQt6', () => {
  let theirs: ReturnType<typeof pyqt>;
  const ours: { ids: number[]; lookup: Encoded[]; fromName: Encoded[]; local: string[] } = {
    ids: [],
    lookup: [],
    fromName: [],
    local: [],
  };

  // Qt numbers lookups process-wide, and jest runs other files' lookups (a connect by name) in this
  // process before this one: ids are compared as counted from each side's first lookup.
  const fromFirst = (r: Encoded[], first: number): Encoded[] =>
    r.map((e) => ({ ...e, lookupId: e.lookupId - first + 1 }));

  beforeAll(async () => {
    theirs = pyqt();
    const results: Promise<Encoded>[] = [];
    for (const name of names) {
      results.push(
        new Promise((resolve) => {
          ours.ids.push(QHostInfo.lookupHost(name, (info) => resolve(encode(info))));
        }),
      );
    }
    ours.lookup = await Promise.all(results);
    for (const name of names) ours.fromName.push(encode(await QHostInfo.fromName(name)));
    ours.local = [QHostInfo.localHostName(), QHostInfo.localDomainName()];
    const [ourFirst, theirFirst] = [ours.lookup[0].lookupId, theirs.lookup[0].lookupId];
    ours.lookup = fromFirst(ours.lookup, ourFirst);
    theirs.lookup = fromFirst(theirs.lookup, theirFirst);
  }, 60000);

  test('lookupHost: the same QHostInfo in the slot, lookup ids included; ours returns that id', () => {
    expect(ours.lookup).toEqual(theirs.lookup);
    // PyQt6 6.4's lookupHost(name, callable) returns 0 whatever Qt's id (so its ids cannot be
    // aborted); ours returns Qt's, the one the slot's QHostInfo carries (README, Differences).
    expect(ours.ids.map((id) => id - ours.ids[0] + 1)).toEqual(ours.lookup.map((r) => r.lookupId));
    expect(theirs.ids).toEqual(names.map(() => 0));
  });

  test('fromName: the same QHostInfo', () => {
    expect(ours.fromName).toEqual(theirs.fromName);
  });

  test('localHostName and localDomainName', () => {
    expect(ours.local).toEqual(theirs.local);
  });

  test('the names exercise what they should (a guard against a vacuous comparison)', () => {
    const byName = Object.fromEntries(names.map((n, k) => [n, ours.lookup[k]]));
    expect(byName.localhost.addresses).toContain('127.0.0.1');
    expect(byName['::1'].addresses).toEqual(['::1']);
    expect(byName['a..b'].error).toBe(QHostInfo.HostInfoError.HostNotFound);
    expect(byName['no-such-host.invalid'].error).not.toBe(QHostInfo.HostInfoError.NoError);
    expect(new Set(ours.ids).size).toBe(names.length);
  });
});

test('lookupHost without a slot is a promise; abortHostLookup: the slot is never called', async () => {
  const info = await QHostInfo.lookupHost('127.0.0.1');
  expect(info.addresses().map(String)).toEqual(['127.0.0.1']);
  let called = 0;
  const id = QHostInfo.lookupHost('localhost', () => called++);
  QHostInfo.abortHostLookup(id);
  QHostInfo.abortHostLookup(999999); // unknown: ignored, as in Qt
  // Later lookups still answer, and the aborted one never does.
  const later = await QHostInfo.lookupHost('localhost');
  expect(later.error()).toBe(QHostInfo.HostInfoError.NoError);
  await new Promise((r) => setTimeout(r, 50));
  expect(called).toBe(0);
});

test('many lookups at once each answer once, with their own id', async () => {
  const n = 50;
  const seen = new Map<number, number>();
  const ids: number[] = [];
  await new Promise<void>((resolve) => {
    for (let k = 0; k < n; k++) {
      ids.push(
        QHostInfo.lookupHost(k % 2 ? 'localhost' : `10.0.0.${k}`, (info) => {
          seen.set(info.lookupId(), (seen.get(info.lookupId()) ?? 0) + 1);
          if (seen.size === n) resolve();
        }),
      );
    }
  });
  expect(new Set(ids).size).toBe(n);
  expect([...seen.keys()].sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
  expect([...seen.values()].every((c) => c === 1)).toBe(true);
});

test('the value API', () => {
  const info = new QHostInfo(7);
  expect([info.lookupId(), info.error(), info.hostName(), info.addresses()]).toEqual([7, 0, '', []]);
  info.setHostName('h');
  info.setAddresses([new QHostAddress('10.0.0.1'), QHostAddress.SpecialAddress.LocalHostIPv6]);
  info.setError(QHostInfo.HostInfoError.UnknownError);
  info.setErrorString('boom');
  info.setLookupId(9);
  const copy = new QHostInfo(info);
  expect(encode(copy)).toEqual({
    hostName: 'h',
    addresses: ['10.0.0.1', '::1'],
    error: 2,
    errorString: 'boom',
    lookupId: 9,
  });
  const other = new QHostInfo();
  other.swap(copy);
  expect([other.hostName(), copy.hostName()]).toEqual(['h', '']);
  expect(() => info.setError(5 as never)).toThrow(
    /QHostInfo.setError: argument 'error' must be a QHostInfo.HostInfoError/,
  );
  expect(() => info.setAddresses(['10.0.0.1'] as never)).toThrow(/QHostInfo.setAddresses: argument 'addresses\[0\]'/);
  expect(() => QHostInfo.lookupHost(5 as never, () => undefined)).toThrow(
    /QHostInfo.lookupHost: argument 'name' must be a string/,
  );
  expect(() => QHostInfo.lookupHost('x', 5 as never)).toThrow(
    /QHostInfo.lookupHost: argument 'slot' must be a function/,
  );
  expect(() => QHostInfo.abortHostLookup('1' as never)).toThrow(/QHostInfo.abortHostLookup: argument 'lookupId'/);
  expect(() => QHostInfo.fromName(null as never)).toThrow(/QHostInfo.fromName: argument 'name'/);
});

// Child processes, bounded: a pending lookup keeps the process alive until its slot ran; exiting
// with lookups pending (process.exit, or a natural exit after an abort) neither hangs nor crashes.
const run = (code: string): { status: number | null; stdout: string; stderr: string } => {
  const dist = path.join(__dirname, '..', '..', 'dist');
  const r = spawnSync(process.execPath, ['-e', `const { QHostInfo } = require(${JSON.stringify(dist)});\n${code}`], {
    encoding: 'utf8',
    timeout: 20000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

test('a pending lookup keeps the process alive; exit with one pending neither hangs nor crashes', () => {
  expect(run(`QHostInfo.lookupHost('localhost', (i) => console.log(i.addresses().map(String).join()));`)).toEqual({
    status: 0,
    stdout: '127.0.0.1\n',
    stderr: '',
  });
  expect(run(`QHostInfo.fromName('localhost').then((i) => console.log(i.hostName()));`)).toEqual({
    status: 0,
    stdout: 'localhost\n',
    stderr: '',
  });
  expect(run(`QHostInfo.abortHostLookup(QHostInfo.lookupHost('localhost', () => console.log('no')));`)).toEqual({
    status: 0,
    stdout: '',
    stderr: '',
  });
  expect(
    run(
      `for (let k = 0; k < 20; k++) QHostInfo.lookupHost('no-such-host-' + k + '.invalid', () => {}); process.exit(3);`,
    ),
  ).toEqual({ status: 3, stdout: '', stderr: '' });
});
