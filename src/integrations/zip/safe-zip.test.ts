import { describe, expect, it } from 'vitest';
import { buildZip } from '../../../test/helpers/zip-builder.js';
import { DEFAULT_ZIP_LIMITS, readZip, safeEntryPath, type ZipLimits, ZipRejectedError } from './safe-zip.js';

async function problemOf(zip: Buffer, limits: Partial<ZipLimits> = {}) {
  try {
    await readZip(zip, { ...DEFAULT_ZIP_LIMITS, ...limits });
    return 'accepted';
  } catch (error) {
    if (error instanceof ZipRejectedError) return error.problem;
    throw error;
  }
}

describe('the safe zip reader', () => {
  it('reads a well-formed zip: folders skipped, paths kept', async () => {
    const files = await readZip(
      buildZip([
        { name: 'imsmanifest.xml', data: '<manifest/>' },
        { name: 'content/', data: '' },
        { name: 'content/index.html', data: '<p>hi</p>' },
        { name: 'content/raw.txt', data: 'stored', store: true },
      ]),
    );
    expect([...files.keys()]).toEqual(['imsmanifest.xml', 'content/index.html', 'content/raw.txt']);
    expect(files.get('content/index.html')?.toString()).toBe('<p>hi</p>');
  });

  it('refuses entries that leave the target folder', async () => {
    for (const name of ['../evil.txt', 'a/../../evil.txt', '/etc/passwd', 'C:/evil.txt', 'a/./b.txt']) {
      expect(await problemOf(buildZip([{ name, data: 'x' }])), name).toBe('unsafe-path');
    }
    expect(safeEntryPath('a\\..\\b')).toBeNull();
    expect(safeEntryPath('ok/file.html')).toBe('ok/file.html');
  });

  it('refuses symlinks, duplicates and what is not a zip', async () => {
    expect(await problemOf(buildZip([{ name: 'link', data: '/etc/passwd', symlink: true }]))).toBe('symlink');
    expect(
      await problemOf(
        buildZip([
          { name: 'a.txt', data: '1' },
          { name: 'A.txt', data: '2' },
        ]),
      ),
    ).toBe('duplicate');
    expect(await problemOf(Buffer.from('PK not really a zip'))).toBe('not-a-zip');
  });

  it('caps the entry count, the size of an entry, the total and the ratio (configurable)', async () => {
    const many = buildZip(Array.from({ length: 11 }, (_v, i) => ({ name: `f${i}.txt`, data: 'x' })));
    expect(await problemOf(many, { maxEntries: 10 })).toBe('too-many-entries');
    expect(await problemOf(many, { maxEntries: 11 })).toBe('accepted');
    const big = buildZip([{ name: 'big.bin', data: Buffer.alloc(2000, 1), store: true }]);
    expect(await problemOf(big, { maxEntryBytes: 1000 })).toBe('entry-too-large');
    const two = buildZip([
      { name: 'a.bin', data: Buffer.alloc(800, 1), store: true },
      { name: 'b.bin', data: Buffer.alloc(800, 2), store: true },
    ]);
    expect(await problemOf(two, { maxTotalBytes: 1500 })).toBe('too-large');
    // A bomb: 8 MiB of zeros deflate to a few KiB (ratio ~1000).
    const bomb = buildZip([{ name: 'zeros.bin', data: Buffer.alloc(8 * 1024 * 1024) }]);
    expect(await problemOf(bomb)).toBe('ratio');
    expect(await problemOf(bomb, { maxRatio: 10_000 })).toBe('accepted');
  });

  it('does not trust declared sizes: a zip that lies about a size is refused', async () => {
    const lying = buildZip([{ name: 'small-on-paper.bin', data: Buffer.alloc(5000, 7), declaredSize: 10 }]);
    expect(await problemOf(lying, { maxEntryBytes: 1000 })).not.toBe('accepted');
    expect(await problemOf(lying)).not.toBe('accepted');
  });
});
