// Missing or too old Qt at run time. A system library cannot be hidden from the loader with
// LD_LIBRARY_PATH, so each case runs the real loading path (node-gyp-build finding the prebuild in
// a package laid out as installed) on a copy of the addon whose dynamic section asks for what this
// machine lacks: a renamed Qt library (DT_NEEDED), or a Qt symbol version newer than any Qt here.
// A root where Qt is really absent is arm64.test.ts's last case (under qemu, a sysroot without it).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { qtLoadError } from '../../lib/core/runtime';
import { expectQtMissing } from './prebuilds';

const root = path.join(__dirname, '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qtnetwork-noqt-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

// The addon the suite runs on: a prebuild is not needed, the dynamic section is the same.
const addon = fs.existsSync(path.join(root, 'build', 'Release', 'qtnetwork.node'))
  ? path.join(root, 'build', 'Release', 'qtnetwork.node')
  : path.join(root, 'prebuilds', 'linux-x64', 'qtnetwork.glibc.node');

/** Replaces every NUL-terminated `from` in the file's bytes by `to` (same length); returns how many. */
function patch(bytes: Buffer, from: string, to: string): number {
  expect(to.length).toBe(from.length);
  const needle = Buffer.from(`${from}\0`);
  let n = 0;
  for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1), n++) bytes.write(to, at, 'latin1');
  return n;
}

/** A package laid out as npm installs it, whose only addon is `bytes`; loads it in a child. */
function load(name: string, bytes: Buffer): { status: number | null; stderr: string; stdout: string } {
  const pkg = path.join(tmp, name);
  fs.mkdirSync(path.join(pkg, 'prebuilds', 'linux-x64'), { recursive: true });
  fs.cpSync(path.join(root, 'dist'), path.join(pkg, 'dist'), { recursive: true });
  fs.copyFileSync(path.join(root, 'package.json'), path.join(pkg, 'package.json'));
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(pkg, 'node_modules'));
  fs.writeFileSync(path.join(pkg, 'prebuilds', 'linux-x64', 'qtnetwork.glibc.node'), bytes);
  const env = { ...process.env };
  delete env.QTNETWORK_ADDON;
  const r = spawnSync(
    process.execPath,
    ['-e', `const q = require(${JSON.stringify(pkg)}); console.log(new q.QHostAddress('10.1.2.3').toString())`],
    {
      env,
      encoding: 'utf8',
      timeout: 20000,
    },
  );
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

test('control: the unpatched copy in the same layout loads', () => {
  const r = load('control', fs.readFileSync(addon));
  expect(r.stderr).toBe('');
  expect(r.stdout).toBe('10.1.2.3\n');
});

test('Qt Network not installed: one error naming the Debian package and the Qt version', () => {
  const bytes = fs.readFileSync(addon);
  expect(patch(bytes, 'libQt6Network.so.6', 'libQt6Missing.so.6')).toBe(1);
  const r = load('no-network', bytes);
  expectQtMissing(r, 'libQt6Missing.so.6');
});

test('a Qt older than 6.4: the error says so, with the same package to install', () => {
  const bytes = fs.readFileSync(addon);
  // The addon requires symbols of version Qt_6.4; ask for one no installed Qt has.
  expect(patch(bytes, 'Qt_6.4', 'Qt_6.9')).toBeGreaterThan(0);
  const r = load('old-qt', bytes);
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(
    /^Error: the Qt 6 on this system is older than Qt 6\.4, which qtnetwork needs\. On Debian\/Ubuntu: apt-get install libqt6network6 /m,
  );
  expect(r.stderr).toMatch(/version `Qt_6\.9' not found/);
});

test('other load failures pass through unchanged', () => {
  const other = new Error('No native build was found for platform=linux arch=x64');
  expect(qtLoadError(other)).toBeUndefined();
  expect(qtLoadError(new Error('/x/qtnetwork.node: invalid ELF header'))).toBeUndefined();
  // The message function on the loader's words for both cases, without a child process.
  expect(
    qtLoadError(new Error('libQt6Core.so.6: cannot open shared object file: No such file or directory'))?.message,
  ).toMatch(/libqt6network6.*Qt 6\.4/);
});

test('the addon really needs Qt_6.4 symbols (so the version case above is the real requirement)', () => {
  const r = execFileSync('readelf', ['-V', addon], { encoding: 'utf8' });
  expect(r).toMatch(/Name: Qt_6\.4/);
});
