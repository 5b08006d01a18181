// What the generators (gen-protocol.js, gen-methods.js) do when run: write the file if it changed,
// or with `--check` only say whether it is up to date (npm run lint runs them so).
'use strict';
const fs = require('node:fs');
const path = require('node:path');

function writeOrCheck(target, text, from, script) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (current === text) return;
  if (process.argv.includes('--check')) {
    const rel = path.relative(path.join(__dirname, '..'), target);
    console.error(`${rel} is out of date with ${from}: run node scripts/${script}`);
    process.exit(1);
  }
  fs.writeFileSync(target, text);
}

module.exports = { writeOrCheck };
