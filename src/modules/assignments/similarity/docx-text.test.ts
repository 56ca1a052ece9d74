import { describe, expect, it } from 'vitest';
import { docxBytes } from '../../../../test/helpers/assessment-factories.js';
import { readZip } from '../../../integrations/zip/safe-zip.js';
import { zipBuffer } from '../../../integrations/zip/zip-writer.js';
import { DOCX_LIMITS, docxText, readDocxText } from './docx-text.js';

/** The test DOCX with its parts changed (a part set to null is left out). */
async function withParts(changes: Record<string, Buffer | null>): Promise<Buffer> {
  const parts = await readZip(await docxBytes('Ann', 'Words of the brief.'));
  for (const [name, bytes] of Object.entries(changes))
    if (bytes === null) parts.delete(name);
    else parts.set(name, bytes);
  return zipBuffer([...parts].map(([name, bytes]) => ({ name, bytes })));
}

const documentXml = (body: string) =>
  Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );

describe('DOCX text, read with mammoth', () => {
  it('reads the running text, one paragraph a line, entities decoded', async () => {
    expect(await readDocxText(await docxBytes('Ann', 'Words of the brief.'))).toEqual({
      unreadable: false,
      text: 'Words of the brief.',
    });
    const two = await withParts({
      'word/document.xml': documentXml(
        '<w:p><w:r><w:t>Labour &amp; migration</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">in </w:t></w:r><w:r><w:t>the region</w:t></w:r></w:p>',
      ),
    });
    expect(await docxText(two)).toBe('Labour & migration\nin the region');
  });

  it('says a corrupt or hostile DOCX cannot be read, never throws', async () => {
    const notAZip = Buffer.from('PK\u0003\u0004 word/document.xml but no zip', 'latin1');
    expect(await readDocxText(notAZip)).toEqual({ unreadable: true });
    expect(await docxText(notAZip)).toBe('');
    // A zip without the document part.
    expect(await readDocxText(await withParts({ 'word/document.xml': null }))).toEqual({ unreadable: true });
    // Malformed XML in the document part.
    expect(
      await readDocxText(await withParts({ 'word/document.xml': Buffer.from('<w:document><w:body><w:p>') })),
    ).toEqual({ unreadable: true });
    // A zip bomb: 8 MB of one letter inflated from a few KB (ratio far above 100).
    const bomb = await withParts({ 'word/document.xml': Buffer.alloc(8 * 1024 * 1024, 'a') });
    expect(bomb.length).toBeLessThan(100_000);
    expect(await readDocxText(bomb)).toEqual({ unreadable: true });
    // A document part above the limit on one part.
    const large = await withParts({
      'word/document.xml': documentXml('<w:p><w:r><w:t>long</w:t></w:r></w:p>'),
    });
    expect(await readDocxText(large, { ...DOCX_LIMITS, maxEntryBytes: 100 })).toEqual({ unreadable: true });
    expect((await readDocxText(large)).unreadable).toBe(false);
  });
});
