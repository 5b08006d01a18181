// What the package tests share: whether a prebuild is newer than its sources, and the one error a
// process gets when Qt Network is not installed (lib/core/runtime.ts qtLoadError), on either arch.
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..');

/** Whether `prebuild` exists and is newer than binding.gyp and every file under native/. */
export function prebuildIsFresh(prebuild: string): boolean {
  if (!fs.existsSync(prebuild)) return false;
  const built = fs.statSync(prebuild).mtimeMs;
  const inputs = [
    'binding.gyp',
    ...fs.readdirSync(path.join(root, 'native'), { recursive: true }).map((f) => path.join('native', String(f))),
  ];
  return inputs.every((f) => fs.statSync(path.join(root, f)).mtimeMs <= built);
}

/** A child that loaded the package without `library` exited with the Qt-missing error, once. */
export function expectQtMissing(r: { status: number | null; stderr: string }, library: string): void {
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(
    /^Error: qtnetwork needs the Qt 6 Network library \(Qt 6\.4 or newer\) and it is not installed\. On Debian\/Ubuntu: apt-get install libqt6network6 /m,
  );
  expect(r.stderr).toContain(`${library}: cannot open shared object file`);
  expect(r.stderr).toContain("code: 'QTNETWORK_QT_MISSING'");
  // One error: not the loader's own, not a second one as its cause.
  expect(r.stderr.match(/^\s*(\[cause\]: )?Error: /gm)).toHaveLength(1);
}
