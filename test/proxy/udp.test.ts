// UDP through SOCKS5 (dante's UDP ASSOCIATE): each scenario runs live in PyQt6 and in qtnetwork
// against the same dante, a UDP echo and a silent proxy started here; the traces must match (see
// test/parity/udp.test.ts). The runners run asynchronously: the echo lives in this process.
import { execFile } from 'node:child_process';
import dgram from 'node:dgram';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { comparableTraces } from '../helpers';
import { ProxyServer, startDante, stopAllProxies } from '../proxies';

type Scenario = { name: string; steps: Record<string, unknown>[] };
const fixtures = path.join(__dirname, '..', 'fixtures', 'parity');
const scenarios: Scenario[] = JSON.parse(fs.readFileSync(path.join(fixtures, 'udp_proxy_scenarios.json'), 'utf8'));
const ports: Record<string, number> = {};
const echoed: string[] = [];
let dante: ProxyServer;
let echo: dgram.Socket;
let silent: net.Server;

jest.setTimeout(60000);

beforeAll(async () => {
  dante = await startDante();
  ports.dante = dante.port;
  echo = dgram.createSocket('udp4');
  echo.on('message', (m, from) => {
    echoed.push(m.toString('latin1'));
    echo.send(Buffer.concat([Buffer.from('echo:'), m]), from.port, from.address);
  });
  await new Promise<void>((resolve) => echo.bind(0, '127.0.0.1', resolve));
  ports.echo = echo.address().port;
  // Accepts the SOCKS5 connection and never answers it.
  // Reads (and drops) what comes, never answers: a connection whose bytes nobody read would never
  // see its client's end, and would keep the test process from exiting after close().
  silent = net.createServer((s) => {
    s.on('error', () => undefined);
    s.resume();
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  ports.silent = (silent.address() as net.AddressInfo).port;
});

afterAll(async () => {
  echo.close();
  silent.close();
  await stopAllProxies();
});

async function run(cmd: string, script: string, scenario: Scenario): Promise<unknown> {
  const p = promisify(execFile)(cmd, [path.join(fixtures, script)], {
    encoding: 'utf8',
    timeout: 30000,
    env: { ...process.env, QTN_DIST: path.join(__dirname, '..', '..', 'dist'), QTN_PORTS: JSON.stringify(ports) },
  });
  p.child.stdin?.end(JSON.stringify(scenario));
  return JSON.parse((await p).stdout);
}

// Requests dante logged (its UDP ASSOCIATEs among them): proof that a run went through it.
const viaDante = (): number => dante.targets().length;

test.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, scenario) => {
  const usesDante = scenario.steps.some(
    (st) => st.proxy === 'dante' || (st.op === 'applicationProxy' && st.port === 'dante'),
  );
  echoed.length = 0;
  let before = viaDante();
  const pyqt = await run('/usr/bin/python3', 'udp_runner.py', scenario);
  if (usesDante) expect(viaDante()).toBeGreaterThan(before);
  const fromPyqt = [...echoed];
  echoed.length = 0;
  before = viaDante();
  const ours = await run(process.execPath, 'udp_runner.js', scenario);
  if (usesDante) expect(viaDante()).toBeGreaterThan(before);
  const [oursTrace, pyqtTrace] = comparableTraces(ours, pyqt);
  expect(oursTrace).toEqual(pyqtTrace);
  // What reached the echo through dante is the same too (and, where a datagram was sent, not nothing).
  expect(echoed).toEqual(fromPyqt);
  if (scenario.steps.some((st) => st.port === 'echo')) expect(echoed.length).toBeGreaterThan(0);
});
