// Generates lib/core/protocol.ts from native/protocol.h, the one source of the numbers both halves
// of the binding read. `--check` only says whether the file is up to date (npm run lint runs it).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const header = path.join(root, 'native', 'protocol.h');
const target = path.join(root, 'lib', 'core', 'protocol.ts');

/** The lists of protocol.h: { SocketEvent: { StateChanged: 1, ... }, ... }, in its order. */
function parse(text) {
  const bodies = new Map();
  for (const m of text.matchAll(/^#define (QTN_\w+)\(X\)((?:.*\\\n)*.*)$/gm)) bodies.set(m[1], m[2]);
  const groups = {};
  for (const [, group, list] of (bodies.get('QTN_PROTOCOL') ?? '').matchAll(/X\((\w+), (QTN_\w+)\)/g)) {
    if (!bodies.has(list)) throw new Error(`protocol.h: ${group} names ${list}, which is not defined`);
    groups[group] = Object.fromEntries(
      [...bodies.get(list).matchAll(/X\((\w+), (-?\d+)\)/g)].map((e) => [e[1], Number(e[2])]),
    );
  }
  if (Object.keys(groups).length === 0) throw new Error('protocol.h: no QTN_PROTOCOL list');
  return groups;
}

function render(groups) {
  const out = [
    '// Generated from native/protocol.h by scripts/gen-protocol.js: edit that file, not this one.',
    '// The numbers both halves of the binding read (see native/protocol.h for what each means).',
    '',
  ];
  for (const [group, entries] of Object.entries(groups)) {
    out.push(`export const enum ${group} {`);
    for (const [name, value] of Object.entries(entries)) out.push(`  ${name} = ${value},`);
    out.push('}', '');
  }
  out.push("/** The same values as plain objects, for the test that compares them with the addon's. */");
  out.push(`export const protocolValues = ${JSON.stringify(groups, null, 2).replace(/"(\w+)":/g, '$1:')} as const;`);
  return out.join('\n') + '\n';
}

function generate() {
  return render(parse(fs.readFileSync(header, 'utf8')));
}

module.exports = { parse, generate, target };

if (require.main === module)
  require('./generated').writeOrCheck(target, generate(), 'native/protocol.h', 'gen-protocol.js');
