// The numbers both halves of the binding read are defined once, in native/protocol.h: the
// generated lib/core/protocol.ts must be what the generator makes of it now, and the addon (built
// from the header) must export the same values.
import fs from 'node:fs';
import path from 'node:path';
import { protocolValues } from '../../lib/core/protocol';
import { native } from '../../lib/core/runtime';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the generator is a CommonJS build script
const gen = require('../../scripts/gen-protocol.js') as {
  generate(): string;
  parse(text: string): Record<string, Record<string, number>>;
  target: string;
};

test('lib/core/protocol.ts is up to date with native/protocol.h', () => {
  expect(fs.readFileSync(gen.target, 'utf8')).toBe(gen.generate());
});

test('the addon exports the same lists and values as lib/core/protocol.ts', () => {
  expect(native.protocol).toEqual(protocolValues);
  expect(Object.keys(native.protocol)).toEqual(
    expect.arrayContaining([
      'SocketEvent',
      'ServerEvent',
      'EventSlot',
      'SocketSnapshot',
      'ServerSnapshot',
      'SocketWait',
      'Limit',
    ]),
  );
});

test('a header that disagrees is noticed (the comparison can fail)', () => {
  const header = fs.readFileSync(path.join(__dirname, '..', '..', 'native', 'protocol.h'), 'utf8');
  const changed = gen.parse(header.replace('X(Connected, 3)', 'X(Connected, 30)'));
  expect(changed.SocketEvent.Connected).toBe(30);
  expect(changed).not.toEqual(native.protocol);
});

test('each event kind, snapshot position and wait kind is distinct within its list', () => {
  for (const [group, entries] of Object.entries(protocolValues)) {
    // Limits are sizes, not kinds: two may be equal (a reply's read chunk and the datagram cap).
    if (group === 'Limit') continue;
    const values = Object.values(entries);
    expect({ group, distinct: new Set(values).size }).toEqual({ group, distinct: values.length });
  }
});
