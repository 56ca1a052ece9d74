import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `npm start` runs the build (scripts/build.mjs: esbuild, file by file, into dist/). Built here into a
 * temporary folder inside the project (so that node_modules is found as it is from dist/): the command
 * line answers from the build, the files the code reads beside itself are there, and a worker module is
 * started from its built JavaScript without tsx.
 */
const root = join(import.meta.dirname, '..');
const out = mkdtempSync(join(root, '.build-test-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the build that npm start runs', () => {
  it('builds every module and its assets, and the command line runs from it', () => {
    const printed = execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--out', out], {
      encoding: 'utf8',
    });
    expect(printed).toMatch(/^Built \d+ modules and \d+ assets into dist\/ in \d+ ms\.\n$/);
    for (const path of [
      'src/cli/main.js',
      'bench/server.js',
      'src/i18n/locales/forums/fr.json',
      'src/web/static/site.css',
      'src/modules/credentials/schema/achievementcredential.json',
      'src/modules/credentials/issuing/sign-worker.js',
    ])
      expect(existsSync(join(out, path)), path).toBe(true);
    expect(existsSync(join(out, 'src/modules/forums/forum.test.js'))).toBe(false);
    const help = execFileSync(process.execPath, [join(out, 'src/cli/main.js'), '--help'], {
      encoding: 'utf8',
    });
    expect(help).toContain('diploma serve [--demo]');
  }, 120_000);

  it('starts a worker from its built JavaScript, and from TypeScript with tsx when run from the sources', async () => {
    const built = (await import(
      join(out, 'src/kernel/worker-module.js')
    )) as typeof import('../src/kernel/worker-module.js');
    const fromBuild = built.workerModule(
      `file://${out}/src/modules/credentials/issuing/sign-pool.js`,
      'sign-worker',
    );
    expect(fromBuild).toEqual({
      filename: `file://${out}/src/modules/credentials/issuing/sign-worker.js`,
      execArgv: [],
    });
    const fromSources = built.workerModule('file:///app/src/modules/x/pool.ts', 'x-worker');
    expect(fromSources).toEqual({
      filename: 'file:///app/src/modules/x/x-worker.ts',
      execArgv: ['--import', 'tsx'],
    });
  });
});
