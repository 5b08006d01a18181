// docs/porting.md rule 12: the ESLint setup the guide gives porters finds the three forgotten
// awaits its table lists. The guide's own `mjs` block is the config; the package's type
// declarations (dist/) give the promises their types, as in a porter's project.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');
const doc = fs.readFileSync(path.join(root, 'docs', 'porting.md'), 'utf8');
const config = /^```mjs\n([\s\S]*?)^```$/m.exec(doc)?.[1];

const program = `const { QHostAddress, QTcpServer, QTcpSocket } = require('qtnetwork');
async function main() {
  const sock = new QTcpSocket();
  const server = new QTcpServer();
  while (sock.waitForReadyRead()) sock.readAll();
  if (!server.listen(new QHostAddress('127.0.0.1'), 0)) throw new Error('listen failed');
  sock.waitForConnected();
  await sock.waitForDisconnected();
}
void main();
`;

let dir = '';
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qtn-lint-'));
  const modules = path.join(dir, 'node_modules');
  fs.mkdirSync(modules);
  fs.symlinkSync(root, path.join(modules, 'qtnetwork'));
  for (const dep of ['eslint', 'typescript', 'typescript-eslint'])
    fs.symlinkSync(path.join(root, 'node_modules', dep), path.join(modules, dep));
  fs.writeFileSync(path.join(dir, 'eslint.config.mjs'), config ?? '');
  const tsconfig = { compilerOptions: { allowJs: true, checkJs: true, noEmit: true, strict: true }, include: ['*.js'] };
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
  fs.writeFileSync(path.join(dir, 'app.js'), program);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('the guide has the config', () => {
  expect(config).toMatch(/no-floating-promises/);
});

test("the guide's ESLint setup reports each forgotten await, and not the awaited one", () => {
  const eslint = path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const r = spawnSync(process.execPath, [eslint, '--format', 'json', 'app.js'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 120000,
  });
  expect(r.stderr).toBe('');
  const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string; line: number }[] }[];
  const found = result.messages.map((m) => `${m.line} ${m.ruleId}`).sort();
  expect(found).toEqual([
    '5 @typescript-eslint/no-misused-promises',
    '6 @typescript-eslint/no-misused-promises',
    '7 @typescript-eslint/no-floating-promises',
  ]);
});
