// CI's short run of `npm run bench` (--smoke: tiny sizes, one round): every workload produces a
// row with a finite positive median for all three sides, and the JSON report is written. No
// timing is asserted: the bench reports ratios, a slow side is not a failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const WORKLOADS = ['bulk', 'ping', 'pingRemote', 'connect', 'udp', 'proxied', 'rss'];

interface Row {
  workload: string;
  title: string;
  median: Record<'ours' | 'node' | 'pyqt', number>;
  ratio: Record<'node' | 'pyqt', number>;
  errors: string[];
}

test('npm run bench --smoke: every workload measured for qtnetwork, Node and PyQt6', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qtn-bench-'));
  const out = path.join(dir, 'results.json');
  try {
    // The test already runs in the namespace; in-netns then just runs the command.
    const r = spawnSync(
      'bash',
      [
        path.join(ROOT, 'scripts', 'in-netns'),
        process.execPath,
        path.join(ROOT, 'bench', 'run.js'),
        '--smoke',
        '--out',
        out,
      ],
      {
        encoding: 'utf8',
        timeout: 55000,
      },
    );
    expect({ status: r.status, stderr: r.status === 0 ? '' : r.stderr }).toEqual({ status: 0, stderr: '' });
    const report = JSON.parse(fs.readFileSync(out, 'utf8')) as {
      rows: Row[];
      targets: { result: string }[];
      config: { smoke: boolean };
    };
    expect(report.config.smoke).toBe(true);
    expect(report.rows.map((row) => row.workload)).toEqual(WORKLOADS);
    for (const row of report.rows) {
      expect({ workload: row.workload, errors: row.errors }).toEqual({ workload: row.workload, errors: [] });
      for (const v of [...Object.values(row.median), ...Object.values(row.ratio)]) {
        expect(Number.isFinite(v) && v > 0).toBe(true);
      }
    }
    expect(report.targets).toHaveLength(8);
    for (const t of report.targets) expect(['pass', 'miss']).toContain(t.result);
    // The table printed is the one written.
    for (const row of report.rows) expect(r.stdout).toContain(`| ${row.title} |`);
    expect(r.stdout).toContain('| target (ours/other) |');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
