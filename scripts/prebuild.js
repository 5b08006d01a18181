#!/usr/bin/env node
// npm run prebuild: prebuildify (N-API, stripped, tagged glibc since it links the system's glibc Qt)
// over binding.gyp, writing prebuilds/<platform>-<arch>/ here. It builds in a staging copy, because
// node-gyp rebuild would wipe build/, where the cmake-js development build lives.
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
const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'qtnetwork-prebuild-'));
try {
  for (const f of ['native', 'binding.gyp', 'package.json'])
    fs.cpSync(path.join(root, f), path.join(stage, f), { recursive: true });
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(stage, 'node_modules'));
  const env = { ...process.env };
  // Build against this Node's own headers when it has them: node-gyp would otherwise download
  // them, which fails offline (the test that packs the tarball runs without a network).
  const prefix = path.join(path.dirname(process.execPath), '..');
  if (!env.npm_config_nodedir && fs.existsSync(path.join(prefix, 'include', 'node', 'common.gypi')))
    env.npm_config_nodedir = prefix;
  const bin = require.resolve('prebuildify/bin.js', { paths: [root] });
  const args = [bin, stage, '--out', root, '--napi', '--strip', '--tag-libc', ...process.argv.slice(2)];
  const r = spawnSync(process.execPath, args, { stdio: 'inherit', env });
  process.exitCode = r.status ?? 1;
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}
