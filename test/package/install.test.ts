// What a user gets from the registry: the packed tarball, installed into a fresh project offline
// with a PATH that has node and npm but no compiler, make or cmake. It must load the prebuild
// (nothing compiled, no build/) and echo through a QTcpServer/QTcpSocket from CJS and from ESM.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prebuildIsFresh } from './prebuilds';

const root = path.join(__dirname, '..', '..');
// Both prebuilds the tarball ships (the arm64 one is run under qemu by arm64.test.ts).
const PREBUILDS = ['linux-x64', 'linux-arm64'].map((d) => path.join(root, 'prebuilds', d, 'qtnetwork.glibc.node'));

let tmp: string;
let app: string;
let bin: string; // the PATH: node, npm, sh, python3 and pkg-config; no compiler, make or cmake
let env: NodeJS.ProcessEnv;

// The echo both entry points run; `load` is how each one gets the package.
const echo = (load: string): string => `${load}
const server = new QTcpServer();
if (!(await server.listen(new QHostAddress('127.0.0.1'), 0))) throw new Error(server.errorString());
server.newConnection.connect(() => { const p = server.nextPendingConnection(); p.readyRead.connect(() => p.write(p.readAll())); });
const c = new QTcpSocket();
c.connectToHost('127.0.0.1', server.serverPort());
if (!(await c.waitForConnected(5000))) throw new Error(c.errorString());
c.write('ping');
while (c.bytesAvailable() < 4) if (!(await c.waitForReadyRead(5000))) throw new Error('no echo');
// Which addon the process mapped: it must be the shipped prebuild.
const maps = require('node:fs').readFileSync('/proc/self/maps', 'utf8').split('\\n');
const addon = [...new Set(maps.filter((l) => l.endsWith('.node') && l.includes('qtnetwork')).map((l) => l.slice(l.indexOf('/'))))];
console.log(JSON.stringify({ echoed: c.readAll().toString(), addon }));
c.abort(); server.close();
`;

beforeAll(() => {
  // The suite runs on a built tree (npm run build); the prebuilds are made here if the native
  // sources changed since the last ones (a few minutes: x64, then arm64 cross-compiled), as `npm
  // pack`'s prepack would.
  if (!fs.existsSync(path.join(root, 'dist', 'index.mjs'))) throw new Error('run npm run build first');
  if (!PREBUILDS.every(prebuildIsFresh))
    execFileSync(process.execPath, [path.join(root, 'scripts', 'prebuild.js')], { cwd: root, stdio: 'ignore' });

  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qtnetwork-install-'));
  // The package, and its dependencies packed from this tree's node_modules: npm --offline needs
  // their registry metadata in its cache to resolve a version range, which npm ci never stores,
  // while local tarballs of the exact versions need nothing.
  const pack = (dir: string): string =>
    path.join(
      tmp,
      JSON.parse(
        execFileSync('npm', ['pack', dir, '--ignore-scripts', '--json', '--pack-destination', tmp], {
          cwd: root,
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        }),
      )[0].filename,
    );
  const deps = Object.keys(JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).dependencies);
  const tarballs = [pack('.'), ...deps.map((d) => pack(path.join(root, 'node_modules', d)))];

  bin = path.join(tmp, 'bin');
  fs.mkdirSync(bin);
  // npm itself, wherever this machine has it (its bin is a link to npm-cli.js).
  const npmCli = fs.realpathSync(execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim());
  fs.symlinkSync(process.execPath, path.join(bin, 'node'));
  fs.symlinkSync(npmCli, path.join(bin, 'npm'));
  fs.symlinkSync('/bin/sh', path.join(bin, 'sh'));
  // Not build tools themselves, but what node-gyp needs (python as PYTHON: a pyenv shim needs pyenv's PATH) before it reaches the compiler: with them
  // the source-build fallback below fails for want of make and a compiler, not earlier.
  const which = (tool: string): string =>
    spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
  if (which('pkg-config')) fs.symlinkSync(which('pkg-config'), path.join(bin, 'pkg-config'));
  env = {
    HOME: process.env.HOME,
    PATH: bin,
    PYTHON: fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : fs.realpathSync(which('python3')),
    npm_config_update_notifier: 'false',
  };

  app = path.join(tmp, 'app');
  fs.mkdirSync(app);
  fs.writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', private: true }));
  // Offline, with the install script (node-gyp-build) run, as for a user.
  const r = spawnSync('npm', ['install', ...tarballs, '--offline', '--no-audit', '--no-fund', '--foreground-scripts'], {
    cwd: app,
    env,
    encoding: 'utf8',
    timeout: 90000,
  });
  if (r.status !== 0) throw new Error(`npm install failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
}, 900000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('the PATH of the install has no compiler, make or cmake', () => {
  const r = spawnSync('sh', ['-c', 'for t in cc gcc g++ c++ clang make cmake; do command -v $t; done; true'], {
    env,
    encoding: 'utf8',
  });
  expect(r.stdout).toBe('');
});

test('the tarball ships the prebuilds, the JS with its types, both entries and the sources for a build', () => {
  const pkg = path.join(app, 'node_modules', 'qtnetwork');
  // Each prebuild is the file prebuild.js made, not some other build of the same name.
  for (const p of PREBUILDS)
    expect(fs.readFileSync(path.join(pkg, path.relative(root, p))).equals(fs.readFileSync(p))).toBe(true);
  expect(fs.readdirSync(path.join(pkg, 'prebuilds')).sort()).toEqual(['linux-arm64', 'linux-x64']);
  for (const f of [
    'prebuilds/linux-x64/qtnetwork.glibc.node',
    'prebuilds/linux-arm64/qtnetwork.glibc.node',
    'dist/index.js',
    'dist/index.mjs',
    'dist/index.d.ts',
    'dist/QTcpSocket.d.ts',
    'binding.gyp',
    'CMakeLists.txt',
    'native/tcp_socket.cc',
    'native/runtime/channel.cc',
  ]) {
    expect(fs.existsSync(path.join(pkg, f))).toBe(true);
  }
  // The README points to the porting guide and the examples: they come with the package.
  expect(fs.existsSync(path.join(pkg, 'docs', 'porting.md'))).toBe(true);
  for (const f of fs.readdirSync(path.join(__dirname, '..', '..', 'examples')))
    expect(fs.existsSync(path.join(pkg, 'examples', f))).toBe(true);
  expect(fs.existsSync(path.join(pkg, 'lib'))).toBe(false);
  expect(fs.existsSync(path.join(pkg, 'test'))).toBe(false);
});

test("the prebuilds need at most glibc 2.34, GCC 12's libstdc++ and Qt 6.4 (the README's platform table)", () => {
  for (const p of PREBUILDS) {
    const text = fs.readFileSync(p).toString('latin1');
    const newest = (prefix: string): string =>
      [...text.matchAll(new RegExp(`(?<=\\0${prefix})[\\d.]+(?=\\0)`, 'g'))]
        .map((m) => m[0])
        .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
        .pop()!;
    expect([newest('GLIBC_'), newest('GLIBCXX_'), newest('Qt_')]).toEqual(['2.34', '3.4.30', '6.4']);
  }
});

test('installed without compiling: no build/ in the installed package', () => {
  expect(fs.existsSync(path.join(app, 'node_modules', 'qtnetwork', 'build'))).toBe(false);
});

const prebuildPath = (): string =>
  fs.realpathSync(path.join(app, 'node_modules', 'qtnetwork', 'prebuilds', 'linux-x64', 'qtnetwork.glibc.node'));

test('echoes from CommonJS, on the prebuild', () => {
  fs.writeFileSync(
    path.join(app, 'echo.cjs'),
    `const { QTcpServer, QTcpSocket, QHostAddress } = require('qtnetwork');\n(async () => {\n${echo('')}})();\n`,
  );
  const out = execFileSync(process.execPath, ['echo.cjs'], { cwd: app, env, encoding: 'utf8', timeout: 20000 });
  expect(JSON.parse(out)).toEqual({ echoed: 'ping', addon: [prebuildPath()] });
});

test('echoes from ESM, on the same prebuild', () => {
  fs.writeFileSync(
    path.join(app, 'echo.mjs'),
    echo(
      `import { QTcpServer, QTcpSocket, QHostAddress } from 'qtnetwork';\nimport { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);`,
    ),
  );
  const out = execFileSync(process.execPath, ['echo.mjs'], { cwd: app, env, encoding: 'utf8', timeout: 20000 });
  expect(JSON.parse(out)).toEqual({ echoed: 'ping', addon: [prebuildPath()] });
});

test('an example runs from the installed package, on the prebuild', () => {
  const demo = path.join(app, 'node_modules', 'qtnetwork', 'examples', 'echo-demo.js');
  const out = execFileSync(process.execPath, [demo], { cwd: app, env, encoding: 'utf8', timeout: 20000 });
  expect(out).toMatch(/client: received "from Node"/);
  expect(out).toMatch(/^done$/m);
});

test('without the prebuild the same install would have to compile, and cannot here', () => {
  // The counterpart of the tests above: they pass because of the prebuild, not because this PATH
  // could build. With the prebuild gone, the install step falls back to node-gyp and fails.
  const pkg = path.join(app, 'node_modules', 'qtnetwork');
  fs.renameSync(path.join(pkg, 'prebuilds'), path.join(tmp, 'prebuilds-aside'));
  try {
    const r = spawnSync('npm', ['rebuild', 'qtnetwork', '--offline', '--foreground-scripts'], {
      cwd: app,
      env,
      encoding: 'utf8',
      timeout: 90000,
    });
    expect(r.status).not.toBe(0);
    expect(`${r.stdout}${r.stderr}`).toMatch(/gyp ERR!.*(make|cc|c\+\+|g\+\+)\b/);
  } finally {
    fs.rmSync(path.join(pkg, 'build'), { recursive: true, force: true });
    fs.renameSync(path.join(tmp, 'prebuilds-aside'), path.join(pkg, 'prebuilds'));
  }
}, 100000);
