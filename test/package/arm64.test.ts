// The linux-arm64 prebuild, run on this x86-64 machine under qemu user emulation (qemu-aarch64 -L
// <sysroot>, no binfmt registration needed) by Debian's arm64 Node, all from build/arm64/sysroot
// (scripts/arm64-sysroot, which scripts/setup runs: Debian's arm64 packages extracted, not
// installed). Debian 12's arm64 nodejs is Node 18: older than the package's engines (>= 20), but the
// prebuild is N-API 8, which Node 18 has, so it loads the very file Node 20+ loads on a real board.
// It goes through node-gyp-build's choice in a package laid out as installed: a tour (TCP echo,
// UDP, SOCKS5 through microsocks) under both runtimes, then the error a machine without Qt gets.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { until } from '../helpers';
import { startMicrosocks, stopAllProxies, type ProxyServer } from '../proxies';
import { expectQtMissing, prebuildIsFresh } from './prebuilds';

const root = path.join(__dirname, '..', '..');
const PREBUILD = path.join(root, 'prebuilds', 'linux-arm64', 'qtnetwork.glibc.node');
const SYSROOT = path.join(root, 'build', 'arm64', 'sysroot');
const LIBDIR = path.join('usr', 'lib', 'aarch64-linux-gnu');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qtnetwork-arm64-'));
const pkg = path.join(tmp, 'qtnetwork');
let microsocks: ProxyServer;

/** Debian's arm64 Node under qemu; absolute paths that exist under `sysroot` are taken from there. */
function arm64Node(sysroot: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const childEnv = { ...process.env, ...env };
  delete childEnv.QTNETWORK_ADDON;
  return spawnSync('qemu-aarch64', ['-L', sysroot, path.join(sysroot, 'usr', 'bin', 'node'), ...args], {
    env: childEnv,
    encoding: 'utf8',
    timeout: 120000, // emulated V8 starts in ~10 s on a busy 2-core machine
  });
}

beforeAll(async () => {
  for (const [what, ok] of [
    ['qemu-aarch64 (apt-get install qemu-user)', spawnSync('sh', ['-c', 'command -v qemu-aarch64']).status === 0],
    [
      'the arm64 sysroot (bash scripts/arm64-sysroot, which needs the network)',
      fs.existsSync(path.join(SYSROOT, 'usr', 'bin', 'node')),
    ],
  ] as const)
    if (!ok) throw new Error(`missing ${what}: run bash scripts/setup`);
  // Made here if the native sources changed since the last one (a few minutes), as npm pack would.
  if (!prebuildIsFresh(PREBUILD))
    execFileSync(process.execPath, [path.join(root, 'scripts', 'prebuild.js'), '--arch=arm64'], {
      cwd: root,
      stdio: 'ignore',
    });
  // The package as npm installs it, with only the arm64 prebuild (and no build/ to prefer).
  fs.mkdirSync(path.join(pkg, 'prebuilds', 'linux-arm64'), { recursive: true });
  fs.cpSync(path.join(root, 'dist'), path.join(pkg, 'dist'), { recursive: true });
  fs.copyFileSync(path.join(root, 'package.json'), path.join(pkg, 'package.json'));
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(pkg, 'node_modules'));
  fs.copyFileSync(PREBUILD, path.join(pkg, 'prebuilds', 'linux-arm64', 'qtnetwork.glibc.node'));
  microsocks = await startMicrosocks();
}, 900000);

afterAll(async () => {
  await stopAllProxies();
  fs.rmSync(tmp, { recursive: true, force: true });
});

test('the prebuild is an arm64 ELF file needing only Qt Core, Qt Network and the C/C++ runtime', () => {
  const head = fs.readFileSync(PREBUILD).subarray(0, 20);
  expect(head.subarray(0, 4).toString('latin1')).toBe('\x7fELF');
  expect(head.readUInt16LE(18)).toBe(183); // e_machine: EM_AARCH64
  // The dynamic section's NEEDED entries (binutils' readelf reads any architecture's ELF); not the
  // file's strings, which name the OpenSSL libraries the addon dlopens (native/ssl_socket.cc).
  const needed = [
    ...execFileSync('readelf', ['-d', PREBUILD], { encoding: 'utf8' }).matchAll(
      /\(NEEDED\)\s+Shared library: \[([^\]]+)\]/g,
    ),
  ].map((m) => m[1]);
  expect(new Set(needed)).toEqual(
    new Set(['libQt6Network.so.6', 'libQt6Core.so.6', 'libstdc++.so.6', 'libgcc_s.so.1', 'libc.so.6']),
  );
});

test.each(['loop', 'thread'])(
  'under qemu, %s runtime: TCP echo, a UDP datagram, an echo through SOCKS5 (microsocks)',
  async (runtime) => {
    const before = microsocks.targets().length;
    const r = arm64Node(
      SYSROOT,
      [path.join(__dirname, '..', 'fixtures', 'arm64_tour.js'), pkg, String(microsocks.port)],
      {
        QTNETWORK_RUNTIME: runtime,
      },
    );
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out).toEqual({
      arch: 'arm64',
      node: expect.stringMatching(/^v\d+\./),
      addon: [path.join(pkg, 'prebuilds', 'linux-arm64', 'qtnetwork.glibc.node')],
      tcp: 'ping',
      udp: { written: 8, data: 'datagram', fromA: true },
      socks5: 'ping',
      port: expect.any(Number),
    });
    // The proxied echo went through the proxy, to the tour's server (its log is read as it comes).
    await until(() => microsocks.targets().length > before, 5000, 'the proxy log line');
    expect(microsocks.targets().slice(before)).toEqual([`127.0.0.1:${out.port}`]);
  },
  300000,
);

test('under qemu, without Qt Network at run time: the one error naming the package to install', () => {
  // The same sysroot minus libQt6Network: links to everything else, down to Qt's library directory.
  const noQt = path.join(tmp, 'sysroot-no-qt');
  const chain = new Set(['usr', path.join('usr', 'lib'), LIBDIR]);
  const mirror = (rel: string): void => {
    fs.mkdirSync(path.join(noQt, rel), { recursive: true });
    for (const e of fs.readdirSync(path.join(SYSROOT, rel))) {
      const r = path.join(rel, e);
      if (chain.has(r)) mirror(r);
      else if (!(rel === LIBDIR && e.startsWith('libQt6Network.so')))
        fs.symlinkSync(path.join(SYSROOT, r), path.join(noQt, r));
    }
  };
  mirror('');
  expect(fs.existsSync(path.join(noQt, LIBDIR, 'libQt6Core.so.6'))).toBe(true);
  expect(fs.existsSync(path.join(noQt, LIBDIR, 'libQt6Network.so.6'))).toBe(false);
  // qemu falls back to the host's own path: an arm64 Qt installed through multiarch would be found.
  expect(fs.existsSync(path.join('/', LIBDIR, 'libQt6Network.so.6'))).toBe(false);
  const script = `const q = require(${JSON.stringify(pkg)}); console.log(new q.QHostAddress('10.1.2.3').toString())`;

  const control = arm64Node(SYSROOT, ['-e', script]);
  expect(control.stdout).toBe('10.1.2.3\n');

  const r = arm64Node(noQt, ['-e', script]);
  expectQtMissing(r, 'libQt6Network.so.6');
}, 300000);

test('without the cross compiler, the arm64 prebuild stops with the package to install', () => {
  // A PATH with node and sh only; --arch=arm64, so that nothing is built before the check.
  const bin = path.join(tmp, 'bin-no-cross');
  fs.mkdirSync(bin);
  fs.symlinkSync(process.execPath, path.join(bin, 'node'));
  fs.symlinkSync('/bin/sh', path.join(bin, 'sh'));
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'prebuild.js'), '--arch=arm64'], {
    env: { HOME: process.env.HOME, PATH: bin },
    encoding: 'utf8',
    timeout: 20000,
  });
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('apt-get install g++-aarch64-linux-gnu');
  expect(r.stderr).toContain('pass --arch=x64 to make only the x64 prebuild');
});
