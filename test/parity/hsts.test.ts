// HSTS parity: QNetworkAccessManager's Strict-Transport-Security calls, run with PyQt6
// (/usr/bin/python3) and with ours, each in a fresh process (test/fixtures/parity/hsts_runner.*):
// the list Qt keeps (an expired policy removes a host, a newer one replaces it), the store in a
// directory of each side's own, and a request to a known host going out as https://.
import { QHstsPolicy, QNetworkAccessManager } from '../../lib';
import { makeTempDir, runBothSides, type Scenario } from '../helpers';

const FUTURE = Date.UTC(2999, 0, 1);
const LATER = Date.UTC(3000, 5, 1, 2, 3, 4, 5);
const PAST = Date.UTC(2001, 0, 1);
type Step = { op: string } & Record<string, unknown>;
const scenario = (name: string, ...steps: Step[]): Scenario => ({ name, steps });
const hosts: Step = { op: 'hosts' };
const add = (...policies: [number | null, number, string][]): Step => ({ op: 'add', policies });

const scenarios: Scenario[] = [
  scenario('defaults', { op: 'enable', on: false }, hosts, { op: 'store', on: false, dir: false }),
  scenario('enable and disable', { op: 'enable', on: true }, { op: 'enable', on: false }, { op: 'enable', on: true }),
  scenario(
    'the list: added, replaced, removed by an expired policy',
    add([FUTURE, 1, 'a.example'], [FUTURE, 0, 'B.Example'], [null, 0, 'c.example'], [PAST, 0, 'd.example']),
    hosts,
    add([LATER, 0, 'a.example']),
    hosts,
    add([PAST, 0, 'b.example']),
    hosts,
    add([FUTURE, 1, ''], [FUTURE, 1, '127.0.0.1'], [FUTURE, 1, 'b\u00fccher.example']),
    hosts,
  ),
  scenario('hosts are kept while HSTS is off', { op: 'enable', on: false }, add([FUTURE, 1, 'a.example']), hosts),
  scenario(
    'a store in a directory: a new manager reads what the first one stored',
    { op: 'store', on: true, dir: true },
    add([FUTURE, 1, 'kept.example'], [LATER, 0, 'other.example']),
    hosts,
    { op: 'newManager' },
    hosts,
    { op: 'store', on: true, dir: true },
    hosts,
    { op: 'store', on: false, dir: true },
    hosts,
  ),
  scenario(
    'a known host is asked over https (port 80 becomes 443), an unknown one and an IP as they are',
    { op: 'get', url: 'http://localhost:1/p' },
    { op: 'enable', on: true },
    add([FUTURE, 0, 'localhost']),
    { op: 'get', url: 'http://localhost:1/p' },
    { op: 'get', url: 'http://localhost/p' },
    { op: 'get', url: 'http://127.0.0.1:1/p' },
    { op: 'enable', on: false },
    { op: 'get', url: 'http://localhost:1/p' },
  ),
];

test.each(scenarios.map((s) => [s.name, s] as const))('%s', (_name, s) => {
  const dirs = { ours: makeTempDir('hsts-ours'), pyqt: makeTempDir('hsts-pyqt') };
  try {
    const [ours, pyqt] = runBothSides('hsts_runner', s, {}, (side) => ({ QTN_STORE: dirs[side].dir }));
    expect(ours).toEqual(pyqt);
    // Not vacuous: every step answered on PyQt6's side, and no request ran out of time.
    const steps = (pyqt as { steps: { answer: unknown }[] }).steps;
    expect(steps).toHaveLength(s.steps.length);
    s.steps.forEach((step, k) => {
      if (step.op === 'get') expect(steps[k].answer).not.toBeNull();
    });
  } finally {
    dirs.ours.remove();
    dirs.pyqt.remove();
  }
});

test('the scenarios see hosts listed, a request rewritten and the store read back', () => {
  const dir = { ours: makeTempDir('hsts-g'), pyqt: makeTempDir('hsts-g2') };
  try {
    const [, rewritten] = runBothSides('hsts_runner', scenarios[5], {}, (side) => ({ QTN_STORE: dir[side].dir }));
    expect(JSON.stringify(rewritten)).toContain('https://localhost:1/p');
    const [, stored] = runBothSides('hsts_runner', scenarios[4], {}, (side) => ({ QTN_STORE: dir[side].dir }));
    expect(JSON.stringify((stored as { steps: unknown[] }).steps[6])).toContain('kept.example');
  } finally {
    dir.ours.remove();
    dir.pyqt.remove();
  }
});

test('bad arguments name the method, the argument and what was given; a deleted manager answers as Qt no longer can', async () => {
  const nam = new QNetworkAccessManager();
  expect(() => nam.setStrictTransportSecurityEnabled(1 as never)).toThrow(
    new TypeError(
      "QNetworkAccessManager.setStrictTransportSecurityEnabled: argument 'enabled' must be a boolean, got number 1",
    ),
  );
  expect(() => nam.addStrictTransportSecurityHosts(new QHstsPolicy() as never)).toThrow(
    /addStrictTransportSecurityHosts: argument 'knownHosts' must be an iterable of QHstsPolicy, got QHstsPolicy object/,
  );
  expect(() => nam.addStrictTransportSecurityHosts(['a.example'] as never)).toThrow(
    /addStrictTransportSecurityHosts: argument 'knownHosts' must hold QHstsPolicy objects, got string "a.example"/,
  );
  expect(() => nam.enableStrictTransportSecurityStore(true, 5 as never)).toThrow(
    /enableStrictTransportSecurityStore: argument 'storeDir' must be a string, got number 5/,
  );
  expect(() => nam.enableStrictTransportSecurityStore('yes' as never)).toThrow(/argument 'enabled' must be a boolean/);
  // Any iterable of policies, as PyQt6 takes any iterable.
  nam.addStrictTransportSecurityHosts(new Set([new QHstsPolicy(new Date(FUTURE), 0, 'set.example')]));
  expect(nam.strictTransportSecurityHosts().map((p) => p.host())).toEqual(['set.example']);
  const destroyed = new Promise((resolve) => nam.destroyed.connect(resolve));
  nam.deleteLater();
  await destroyed;
  expect(nam.strictTransportSecurityHosts()).toEqual([]);
});
