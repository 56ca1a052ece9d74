import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** scripts/check-engines.mjs (run by .ci/run after `npm ci`) against fixture trees and this project. */

const SCRIPT = join(import.meta.dirname, '..', 'scripts', 'check-engines.mjs');
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface Manifest {
  name: string;
  version: string;
  engines?: { node: string };
}

/** A project folder: its package.json, installed packages (path → manifest) and an optional lockfile. */
function fixture(installed: Record<string, Manifest>, lockPackages?: Record<string, object>): string {
  const root = mkdtempSync(join(tmpdir(), 'engines-'));
  dirs.push(root);
  const write = (path: string, value: object) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), JSON.stringify(value));
  };
  write('package.json', { name: 'fixture', version: '1.0.0', engines: { node: '>=20.19' } });
  for (const [path, manifest] of Object.entries(installed)) write(`${path}/package.json`, manifest);
  if (lockPackages)
    write('package-lock.json', {
      lockfileVersion: 3,
      packages: { '': { name: 'fixture' }, ...lockPackages },
    });
  return root;
}

function run(dir: string) {
  const result = spawnSync(process.execPath, [SCRIPT, dir], { encoding: 'utf8' });
  return { status: result.status, out: result.stdout, err: result.stderr };
}

const FINE = {
  'node_modules/fastify': { name: 'fastify', version: '5.12.8', engines: { node: '>=20' } },
  'node_modules/@scope/either': {
    name: '@scope/either',
    version: '1.0.0',
    engines: { node: '^18.18.0 || ^20.9.0 || >=21.1.0' },
  },
  'node_modules/no-engines': { name: 'no-engines', version: '0.1.0' },
};

describe('scripts/check-engines.mjs', () => {
  it('passes a tree whose packages all accept Node 20.19', () => {
    const result = run(fixture(FINE));
    expect(result.err).toBe('');
    expect(result.status).toBe(0);
    expect(result.out).toMatch(/all 3 installed and 0 locked packages accept Node\.js 20\.19\.0/);
  });

  it('fails on a package that needs Node 22, nested anywhere in the installed tree', () => {
    const result = run(
      fixture({
        ...FINE,
        'node_modules/@fastify/cookie': {
          name: '@fastify/cookie',
          version: '11.1.5',
          engines: { node: '>=20' },
        },
        'node_modules/@fastify/cookie/node_modules/cookie': {
          name: 'cookie',
          version: '2.0.2',
          engines: { node: '>=22' },
        },
      }),
    );
    expect(result.status).toBe(1);
    expect(result.err).toMatch(
      /cookie@2\.0\.2 wants node >=22, which excludes 20\.19\.0.* \(node_modules\/@fastify\/cookie\/node_modules\/cookie\)/,
    );
    expect(result.err).not.toContain('fastify@5.12.8');
  });

  it('fails on a package that accepts the running Node but not the project’s lowest (20.19)', () => {
    const result = run(
      fixture({ 'node_modules/late': { name: 'late', version: '1.0.0', engines: { node: '>=20.20.5' } } }),
    );
    expect(result.status).toBe(1);
    expect(result.err).toContain('late@1.0.0 wants node >=20.20.5, which excludes 20.19.0');
  });

  it('fails on a locked package that is not installed on this machine (an optional one)', () => {
    const result = run(
      fixture(FINE, {
        'node_modules/content-disposition': { version: '3.1.0', engines: { node: '>=22' } },
        'node_modules/fastify': { version: '5.12.8', engines: { node: '>=20' } },
      }),
    );
    expect(result.status).toBe(1);
    expect(result.err).toContain('content-disposition@3.1.0 wants node >=22');
  });

  it('passes this project’s installed tree and lockfile', () => {
    const result = run(join(import.meta.dirname, '..'));
    expect(result.err).toBe('');
    expect(result.status).toBe(0);
  });
});
