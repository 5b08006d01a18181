// Generates lib/core/methods.ts: per class of lib/, the public methods it declares, the ones that
// come bound on read (lib/core/bound.ts). Private, protected and @internal methods are left out:
// the package calls them per event, and a bound function per call would cost there for nothing.
// `--check` only says whether the file is up to date (npm run lint runs it).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const root = path.join(__dirname, '..');
const lib = path.join(root, 'lib');
const target = path.join(lib, 'core', 'methods.ts');

function sources(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    // Node interop classes (Duplex, http.Agent) keep Node's method semantics.
    else if (e.name.endsWith('.ts') && p !== target && !p.includes(`${path.sep}interop${path.sep}`)) out.push(p);
  }
  return out;
}

const hidden = (m) =>
  (ts.getCombinedModifierFlags(m) &
    (ts.ModifierFlags.Private | ts.ModifierFlags.Protected | ts.ModifierFlags.Static)) !==
    0 || ts.getJSDocTags(m).some((t) => t.tagName.text === 'internal');

/** { ClassName: ['method', ...] } for every named class of lib/ with at least one public method. */
function collect() {
  const classes = {};
  for (const file of sources(lib)) {
    const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node) => {
      if (ts.isClassDeclaration(node) && node.name) {
        const names = new Set();
        for (const m of node.members) {
          // A body: abstract declarations and overload signatures put nothing on the prototype.
          if (!ts.isMethodDeclaration(m) || !m.body || !ts.isIdentifier(m.name) || hidden(m)) continue;
          names.add(m.name.text);
        }
        if (names.size > 0) {
          const name = node.name.text;
          if (classes[name]) throw new Error(`two classes named ${name} in lib/: methods.ts keys them by name`);
          classes[name] = [...names].sort();
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return classes;
}

function generate() {
  const classes = collect();
  const out = [
    '// Generated from the classes of lib/ by scripts/gen-methods.js: edit those, not this file.',
    '// Per class, the public methods it declares: the ones bound on read (lib/core/bound.ts).',
    '',
    'export const publicMethods: { readonly [className: string]: readonly string[] } = {',
  ];
  for (const name of Object.keys(classes).sort())
    out.push(`  ${name}: [${classes[name].map((m) => `'${m}'`).join(', ')}],`);
  out.push('};');
  return out.join('\n') + '\n';
}

module.exports = { generate, target };

if (require.main === module)
  require('./generated').writeOrCheck(target, generate(), 'the classes of lib/', 'gen-methods.js');
