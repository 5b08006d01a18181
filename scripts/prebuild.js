#!/usr/bin/env node
// npm run prebuild: prebuildify (N-API, stripped, tagged glibc since it links the system's glibc Qt)
// over binding.gyp, writing prebuilds/linux-x64/ and prebuilds/linux-arm64/ here. The arm64 one is
// cross-compiled with Debian's cross g++ against Debian's arm64 Qt, extracted into build/arm64/sysroot
// by scripts/arm64-sysroot. `--arch=x64` (or QTNETWORK_PREBUILD_ARCH=x64) makes only the x64 one, for
// a machine without the cross compiler. It builds in a staging copy, because node-gyp rebuild would
// wipe build/, where the cmake-js development build lives.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');

// npm runs a script named prebuild before every `npm run build`, as its pre-hook, with the same
// environment as `npm run prebuild`; only npm's own command line tells the two apart. As a hook it
// does nothing (the development build does not need a prebuild, and it costs ~30 s).
function npmCommandLine() {
  let pid = process.ppid;
  for (let depth = 0; depth < 5 && pid > 1; depth++) {
    try {
      // npm sets its process title to its command ("npm run build"), which overwrites argv.
      const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim().split(/\s+/);
      if (argv.slice(0, 2).some((a) => /(^|\/)npm(-cli\.js)?$/.test(a))) return argv;
      pid = Number(
        fs
          .readFileSync(`/proc/${pid}/stat`, 'utf8')
          .replace(/^.*\) /s, '')
          .split(' ')[1],
      );
    } catch {
      return undefined;
    }
  }
  return undefined;
}
if (
  process.env.npm_lifecycle_event === 'prebuild' &&
  npmCommandLine()?.includes('build') &&
  !npmCommandLine()?.includes('prebuild')
) {
  process.exit(0);
}

// --arch=x64,arm64 (ours; the rest goes to prebuildify).
const passed = [];
let archs = (process.env.QTNETWORK_PREBUILD_ARCH || 'x64,arm64').split(',');
for (const a of process.argv.slice(2)) {
  if (a.startsWith('--arch=')) archs = a.slice('--arch='.length).split(',');
  else passed.push(a);
}
for (const a of archs) {
  if (a === os.arch()) continue;
  if (!(a === 'arm64' && os.arch() === 'x64' && process.platform === 'linux')) {
    console.error(`prebuild: cannot build for ${a} on ${process.platform}-${os.arch()}; pass --arch=${os.arch()}`);
    process.exit(1);
  }
}

const CROSS = 'aarch64-linux-gnu';
/**
 * What node-gyp needs to cross-compile for arm64: the cross tools and the arm64 Qt in the sysroot.
 * Returns a message instead when they are missing.
 */
function crossEnv(env) {
  const onPath = (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
  if (!onPath(`${CROSS}-g++`))
    return (
      `prebuild: the linux-arm64 prebuild needs the cross compiler ${CROSS}-g++: apt-get install g++-${CROSS} ` +
      '(or run bash scripts/setup); pass --arch=x64 to make only the x64 prebuild'
    );
  // The sysroot (Qt's arm64 headers and libraries); made once, then cached (a no-op when present).
  const made = spawnSync('bash', [path.join(root, 'scripts', 'arm64-sysroot')], { stdio: 'inherit' });
  if (made.status !== 0)
    return 'prebuild: could not make build/arm64/sysroot (scripts/arm64-sysroot); pass --arch=x64 to skip arm64';
  const sysroot = path.join(root, 'build', 'arm64', 'sysroot');
  const libdirs = [`${sysroot}/usr/lib/${CROSS}`, `${sysroot}/lib/${CROSS}`];
  return {
    ...env,
    // The cross g++ brings its own arm64 glibc and libstdc++ (Debian 12's, as in the sysroot).
    CC_target: `${CROSS}-gcc`,
    CXX_target: `${CROSS}-g++`,
    LINK_target: `${CROSS}-g++`,
    AR_target: `${CROSS}-ar`,
    PREBUILD_STRIP_BIN: `${CROSS}-strip`,
    // binding.gyp asks pkg-config for Qt's flags: the arm64 .pc files, their paths under the sysroot.
    PKG_CONFIG_LIBDIR: `${sysroot}/usr/lib/${CROSS}/pkgconfig`,
    PKG_CONFIG_SYSROOT_DIR: sysroot,
    // Qt's libraries need others (glib, ssl, icu, ...): the linker finds them in the sysroot.
    LDFLAGS: `-Wl,-rpath-link=${libdirs.join(':')}`,
  };
}

const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'qtnetwork-prebuild-'));
try {
  for (const f of ['native', 'binding.gyp', 'package.json'])
    fs.cpSync(path.join(root, f), path.join(stage, f), { recursive: true });
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(stage, 'node_modules'));
  const env = { ...process.env };
  // Build against this Node's own headers when it has them: node-gyp would otherwise download
  // them, which fails offline (the test that packs the tarball runs without a network). N-API's
  // and libuv's headers are the same for every architecture.
  const prefix = path.join(path.dirname(process.execPath), '..');
  if (!env.npm_config_nodedir && fs.existsSync(path.join(prefix, 'include', 'node', 'common.gypi')))
    env.npm_config_nodedir = prefix;
  // node-gyp's make, on every core (the cross build takes minutes on one).
  env.JOBS ??= String(os.cpus().length);
  const bin = require.resolve('prebuildify/bin.js', { paths: [root] });
  // The host's own architecture first: a failed cross build leaves it made.
  const order = [...new Set(archs)];
  for (const arch of [...order.filter((a) => a === os.arch()), ...order.filter((a) => a !== os.arch())]) {
    const args = [bin, stage, '--out', root, '--napi', '--strip', '--tag-libc', '--arch', arch, ...passed];
    const archEnv = arch === os.arch() ? env : crossEnv(env);
    if (typeof archEnv === 'string') {
      console.error(archEnv);
      process.exitCode = 1;
      break;
    }
    const r = spawnSync(process.execPath, args, { stdio: 'inherit', env: archEnv });
    if (r.status !== 0) {
      process.exitCode = r.status ?? 1;
      break;
    }
  }
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}
