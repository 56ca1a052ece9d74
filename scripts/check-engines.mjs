// Fails when an installed package declares a Node.js engine range that excludes the running Node.js,
// so that a routine update cannot pull a Node-22-only release unnoticed. Known-harmless ones are listed.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [major, minor] = process.versions.node.split('.').map(Number);
// Packages whose engines field says >=22 but which work on Node 20 (checked; see docs/decisions).
const KNOWN_OK = new Set(['content-disposition', 'cookie']);

function satisfiesMinimum(range) {
  // Only ">=X[.Y]" / "^X" / "X || Y" forms matter here: find the lowest major accepted.
  const majors = [...range.matchAll(/(?:>=|\^|~)?\s*(\d+)(?:\.(\d+))?/g)].map((m) => [
    Number(m[1]),
    Number(m[2] ?? 0),
  ]);
  if (majors.length === 0) return true;
  return majors.some(([maj, min]) => maj < major || (maj === major && min <= minor));
}

const problems = [];
function visit(dir) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    if (name.startsWith('@')) {
      visit(path);
      continue;
    }
    const manifest = join(path, 'package.json');
    if (existsSync(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
      const range = pkg.engines?.node;
      if (range && !KNOWN_OK.has(pkg.name) && !satisfiesMinimum(range))
        problems.push(`${pkg.name}@${pkg.version} wants node ${range}`);
      visit(join(path, 'node_modules'));
    }
  }
}
visit('node_modules');
if (problems.length) {
  console.error(`Packages that do not support Node.js ${process.versions.node}:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`engines: every package accepts Node.js ${process.versions.node}`);
