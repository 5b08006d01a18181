// Type tests: tsc over snippets that a user compiles against the package (resolved by name
// through the exports map to dist/*.d.ts): compiles.ts and compiles.mts must compile;
// rejects.ts holds lines that must not, each under an @ts-expect-error (unused ones fail).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const dir = __dirname;
const tsc = path.join(dir, '..', '..', 'node_modules', 'typescript', 'bin', 'tsc');

function compile(project: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [tsc, '-p', project, '--pretty', 'false'], {
    encoding: 'utf8',
    timeout: 60000,
  });
  return { status: r.status, out: r.stdout + r.stderr };
}

test('the snippets compile, and every line of rejects.ts is an error', () => {
  const r = compile(path.join(dir, 'tsconfig.json'));
  expect(r.out).toBe('');
  expect(r.status).toBe(0);
}, 60000);

test('control: without its @ts-expect-error lines, rejects.ts fails once per marked line', () => {
  // Proves the directives stand over real errors, one each, at the lines they mark.
  const src = fs.readFileSync(path.join(dir, 'rejects.ts'), 'utf8').split('\n');
  const expected: number[] = [];
  const stripped: string[] = [];
  for (const line of src) {
    if (line.trim().startsWith('// @ts-expect-error')) expected.push(stripped.length + 1);
    else stripped.push(line);
  }
  expect(expected.length).toBeGreaterThanOrEqual(15);
  const file = path.join(dir, 'rejects.tmp.ts');
  const project = path.join(dir, 'tsconfig.tmp.json');
  fs.writeFileSync(file, stripped.join('\n'));
  fs.writeFileSync(project, JSON.stringify({ extends: './tsconfig.json', files: ['rejects.tmp.ts'] }));
  try {
    const r = compile(project);
    expect(r.status).not.toBe(0);
    const lines = [...r.out.matchAll(/rejects\.tmp\.ts\((\d+),\d+\): error/g)].map((m) => Number(m[1]));
    expect([...new Set(lines)]).toEqual(expected);
  } finally {
    fs.rmSync(file, { force: true });
    fs.rmSync(project, { force: true });
  }
}, 60000);

test('the ESM entry exports every name of the CJS entry, as the same objects', () => {
  const script = `import * as esm from 'qtnetwork'; import { createRequire } from 'node:module';
const cjs = createRequire(import.meta.url)('qtnetwork');
const names = Object.keys(cjs).sort();
console.log(JSON.stringify({ names, same: names.every((n) => esm[n] === cjs[n]), esm: Object.keys(esm).filter((n) => n !== 'default').sort(), dflt: esm.default === cjs }));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 20000,
  });
  expect(r.stderr).toBe('');
  const out = JSON.parse(r.stdout);
  expect(out.names).toContain('QTcpSocket');
  expect(out.esm).toEqual(out.names);
  expect(out.same).toBe(true);
  expect(out.dflt).toBe(true);
});
