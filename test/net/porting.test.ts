// docs/porting.md runs: every ```js block is extracted and run as its own program (requiring the
// package by name, as a user does); its asserts are the rule's claims. The guide describes the
// default runtime (loop), whichever runtime the rest of the suite runs under.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');
const doc = fs.readFileSync(path.join(root, 'docs', 'porting.md'), 'utf8');
const rules = [...doc.matchAll(/^## (.+)$|^```js\n([\s\S]*?)^```$/gm)].reduce<{ rule: string; codes: string[] }[]>(
  (acc, m) => {
    if (m[1] !== undefined) acc.push({ rule: m[1], codes: [] });
    else acc[acc.length - 1].codes.push(m[2]);
    return acc;
  },
  [],
);
const blocks = rules.flatMap((r) => r.codes.map((code, i) => [`${r.rule}" (snippet ${i + 1}`, code]));

test('every rule has a snippet', () => {
  expect(rules.length).toBeGreaterThanOrEqual(7);
  for (const r of rules) expect(r.codes.join('')).toMatch(/assert\./);
});

test.each(blocks)('rule "%s) runs and its asserts hold', (_rule, code) => {
  const env = { ...process.env, QTNETWORK_RUNTIME: 'loop' };
  const r = spawnSync(process.execPath, ['-e', code], { cwd: root, env, encoding: 'utf8', timeout: 20000 });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});

test('a snippet whose claim is false fails (the harness can fail)', () => {
  const r = spawnSync(
    process.execPath,
    ['-e', "require('node:assert').strictEqual(require('qtnetwork').QNetworkProxy.ProxyType.Socks5Proxy, 2)"],
    { cwd: root, encoding: 'utf8', timeout: 20000 },
  );
  expect(r.status).not.toBe(0);
});
