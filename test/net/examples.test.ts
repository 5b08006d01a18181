// Examples that need no proxy, run as a user runs them (test/proxy/examples.test.ts has the rest).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

test("Qt's broadcast sender and receiver: every message arrives", () => {
  const script = path.join(__dirname, '..', '..', 'examples', 'udp-broadcast.js');
  // The test's namespace has only lo: its broadcast address is 127.255.255.255.
  const r = spawnSync(process.execPath, [script, '127.255.255.255', '3'], { encoding: 'utf8', timeout: 20000 });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  for (const n of [1, 2, 3]) expect(r.stdout).toContain(`receiver: "Broadcast message ${n}"`);
});
