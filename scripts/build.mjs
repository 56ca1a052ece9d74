/**
 * `npm run build` (run by `npm start` first): the platform's TypeScript transpiled file by file to
 * JavaScript in dist/ (esbuild, no bundling, no type checking: `npm run typecheck` does that), with the
 * files the code reads beside itself (locales, static assets, schemas) copied. Running from dist/ spares
 * every process tsx's module-hooks thread (about 80 MB of resident memory; see docs/operations.md,
 * "Running from the build"). Tests and `npm run diploma` keep running the sources with tsx.
 * Takes a second or two; prints one line. `--out DIR` builds elsewhere (the build's test does).
 */
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outAt = process.argv.indexOf('--out');
const out = outAt > 0 ? resolve(process.argv[outAt + 1] ?? '') : join(root, 'dist');
const started = Date.now();

/** Every file under `dir` (relative to the project), tests and their helpers left out. */
function filesUnder(dir) {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name).slice(root.length))
    .filter((path) => !/\.test\.tsx?$/.test(path) && !/(^|\/)test-data\//.test(path));
}

rmSync(out, { recursive: true, force: true });
const sources = filesUnder('src');
const code = [...sources.filter((p) => /\.tsx?$/.test(p)), 'bench/server.ts', 'bench/protocol.ts'];
await build({
  entryPoints: code.map((p) => join(root, p)),
  outdir: out,
  outbase: root,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  bundle: false,
  logLevel: 'warning',
});
const assets = sources.filter((p) => !/\.tsx?$/.test(p));
for (const path of assets) {
  mkdirSync(dirname(join(out, path)), { recursive: true });
  copyFileSync(join(root, path), join(out, path));
}
process.stdout.write(
  `Built ${code.length} modules and ${assets.length} assets into dist/ in ${Date.now() - started} ms.\n`,
);
