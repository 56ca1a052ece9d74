import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OB_REFERENCE_DIR, SHARED_REFERENCE_DIR } from './credentials-fixtures.js';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

describe('the reference data the tests use', () => {
  it('is in the repository (no test depends on a folder beside it)', () => {
    expect(files(OB_REFERENCE_DIR).length).toBeGreaterThanOrEqual(10);
  });

  // The copy must not drift from the standards' data the project was given.
  it.runIf(existsSync(SHARED_REFERENCE_DIR))('equals ../shared/reference wherever both have a file', () => {
    const different = files(OB_REFERENCE_DIR)
      .map((path) => relative(OB_REFERENCE_DIR, path))
      .filter((name) => existsSync(join(SHARED_REFERENCE_DIR, name)))
      .filter(
        (name) =>
          !readFileSync(join(OB_REFERENCE_DIR, name)).equals(readFileSync(join(SHARED_REFERENCE_DIR, name))),
      );
    expect(different).toEqual([]);
  });
});
