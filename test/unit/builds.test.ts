// Both builds of the addon: cmake-js (the one the suite runs on) and node-gyp through binding.gyp
// (what prebuilds and source installs use). The node-gyp build is cached by a hash of its inputs.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');

function inputsHash(): string {
  const h = createHash('sha256');
  const files = [
    'binding.gyp',
    ...fs.readdirSync(path.join(root, 'native'), { recursive: true }).map((f) => path.join('native', String(f))),
  ];
  for (const f of files.sort()) {
    const p = path.join(root, f);
    if (fs.statSync(p).isFile()) h.update(f).update(fs.readFileSync(p));
  }
  return h.digest('hex').slice(0, 16);
}

// An echo through the given addon, in a child process.
const SMOKE = `
const { QTcpServer, QTcpSocket, QHostAddress } = require(process.env.QTN_DIST);
(async () => {
  const server = new QTcpServer();
  await server.listen(new QHostAddress('127.0.0.1'), 0);
  server.newConnection.connect(() => { const p = server.nextPendingConnection(); p.readyRead.connect(() => p.write(p.readAll())); });
  const c = new QTcpSocket();
  c.connectToHost('127.0.0.1', server.serverPort());
  await c.waitForConnected(5000);
  c.write('ping');
  await c.waitForReadyRead(5000);
  console.log(c.readAll().toString());
  c.abort(); server.close();
})();`;

function smoke(addon: string): string {
  return execFileSync(process.execPath, ['-e', SMOKE], {
    env: { ...process.env, QTNETWORK_ADDON: addon, QTN_DIST: path.join(root, 'dist') },
    encoding: 'utf8',
    timeout: 20000,
  });
}

test('the cmake-js build loads and echoes', () => {
  expect(smoke(path.join(root, 'build', 'Release', 'qtnetwork.node'))).toBe('ping\n');
});

test('the node-gyp build (binding.gyp) builds, loads and echoes', () => {
  const dir = path.join(os.tmpdir(), `qtnetwork-gyp-${inputsHash()}`);
  const addon = path.join(dir, 'build', 'Release', 'qtnetwork.node');
  if (!fs.existsSync(addon)) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    fs.cpSync(path.join(root, 'native'), path.join(dir, 'native'), { recursive: true });
    fs.copyFileSync(path.join(root, 'binding.gyp'), path.join(dir, 'binding.gyp'));
    fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
    const nodeGyp = require.resolve('node-gyp/bin/node-gyp.js', { paths: [root] });
    // Build against this Node's own headers when it has them (no download: the tests run offline).
    const prefix = path.join(path.dirname(process.execPath), '..');
    const nodedir =
      process.env.npm_config_nodedir ??
      (fs.existsSync(path.join(prefix, 'include', 'node', 'common.gypi')) ? prefix : undefined);
    const args = [nodeGyp, 'rebuild', '-j', String(os.cpus().length), ...(nodedir ? [`--nodedir=${nodedir}`] : [])];
    const r = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`node-gyp rebuild failed:\n${r.stdout}\n${r.stderr}`);
  }
  expect(smoke(addon)).toBe('ping\n');
}, 600000);
