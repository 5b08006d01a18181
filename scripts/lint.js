// npm run lint: lib/core/protocol.ts up to date with native/protocol.h, ESLint (the porting guide's ```js snippets too, extracted to .lint/docs/), Prettier
// for the TS and JS sources, clang-format for native/. `--fix` rewrites instead of checking.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const fix = process.argv.includes('--fix');

// Each snippet as its own file, as test/net/porting.test.ts runs it.
const docs = path.join(root, '.lint', 'docs');
fs.rmSync(docs, { recursive: true, force: true });
fs.mkdirSync(docs, { recursive: true });
const guide = fs.readFileSync(path.join(root, 'docs', 'porting.md'), 'utf8');
let n = 0;
for (const m of guide.matchAll(/^```js\n([\s\S]*?)^```$/gm)) {
  fs.writeFileSync(path.join(docs, `porting-${++n}.js`), m[1]);
}

const native = [];
for (const dir of ['native', 'native/runtime']) {
  for (const f of fs.readdirSync(path.join(root, dir))) if (/\.(cc|h)$/.test(f)) native.push(path.join(dir, f));
}

const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const steps = [
  [process.execPath, [path.join(__dirname, 'gen-protocol.js'), ...(fix ? [] : ['--check'])]],
  [process.execPath, [path.join(__dirname, 'gen-methods.js'), ...(fix ? [] : ['--check'])]],
  // The tests' types too: jest only transpiles them.
  [bin('tsc'), ['-p', 'tsconfig.test.json', '--noEmit']],
  [bin('eslint'), [...(fix ? ['--fix'] : []), '.']],
  [
    bin('prettier'),
    [fix ? '--write' : '--check', '--log-level', 'warn', 'lib', 'test', 'bench', 'examples', 'scripts'],
  ],
  ['clang-format', [...(fix ? ['-i'] : ['--dry-run', '-Werror']), ...native]],
];
let failed = false;
for (const [cmd, args] of steps) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.error) {
    console.error(`lint: ${path.basename(cmd)} did not run (${r.error.message}); scripts/setup installs it`);
    failed = true;
  } else if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
