// Fails when a package of the dependency tree declares a Node.js engine range that excludes the Node.js
// versions this project supports, so that a routine update cannot pull a Node-22-only release unnoticed
// (content-disposition 3 and cookie 2 did; package.json "overrides" now pins Node-20 releases of both).
//
// Checked against both the lowest version of the project's own `engines.node` (">=20.19" → 20.19.0) and
// the running Node.js, for every package:
//   - installed: every package.json under node_modules, nested node_modules and scopes included;
//   - locked: every entry of package-lock.json, including optional packages not installed on this machine.
// No exceptions list: pin or override (package.json "overrides") a version that supports Node 20.
//
// Usage: node scripts/check-engines.mjs [project directory, default: the current directory]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import semver from 'semver';

const root = resolve(process.argv[2] ?? '.');
const project = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const projectRange = project.engines?.node;
const floor = projectRange ? semver.minVersion(projectRange) : null;
const running = process.versions.node;
const targets = [...new Set([floor?.version, running].filter(Boolean))];

const problems = new Map();

/** Records `name@version` at `where` when its engines.node range leaves out one of the targets. */
function check(name, version, range, where) {
  if (typeof range !== 'string' || range.trim() === '') return;
  if (!semver.validRange(range)) {
    problems.set(`${where}`, `${name}@${version} declares an unreadable engines.node "${range}" (${where})`);
    return;
  }
  const excluded = targets.filter((target) => !semver.satisfies(target, range, { includePrerelease: true }));
  if (excluded.length > 0)
    problems.set(
      `${where}`,
      `${name}@${version} wants node ${range}, which excludes ${excluded.join(' and ')} (${where})`,
    );
}

function isDirectory(path) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

let installed = 0;
function visit(modulesDir) {
  if (!isDirectory(modulesDir)) return;
  for (const name of readdirSync(modulesDir)) {
    if (name.startsWith('.')) continue;
    const path = join(modulesDir, name);
    if (name.startsWith('@')) {
      visit(path);
      continue;
    }
    const manifest = join(path, 'package.json');
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
    installed += 1;
    check(pkg.name ?? name, pkg.version, pkg.engines?.node, relative(root, path));
    visit(join(path, 'node_modules'));
  }
}
visit(join(root, 'node_modules'));

let locked = 0;
const lockPath = join(root, 'package-lock.json');
if (existsSync(lockPath)) {
  const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (path === '' || entry.link) continue;
    locked += 1;
    const name = entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    check(name, entry.version, entry.engines?.node, path);
  }
}

if (problems.size > 0) {
  console.error(
    `Packages that do not support Node.js ${targets.join(' and ')} ` +
      `(project engines.node "${projectRange ?? 'none'}"):\n  ${[...problems.values()].join('\n  ')}\n` +
      'Pin or override (package.json "overrides") a release that supports them.',
  );
  process.exit(1);
}
console.log(
  `engines: all ${installed} installed and ${locked} locked packages accept Node.js ${targets.join(' and ')}`,
);
