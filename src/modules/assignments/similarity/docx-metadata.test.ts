import { describe, expect, it } from 'vitest';
import { docxBytes } from '../../../../test/helpers/assessment-factories.js';
import { readZip } from '../../../integrations/zip/safe-zip.js';
import { documentTypeOf } from '../../../kernel/document-type.js';
import { blindCopy } from '../get-submission-file.js';
import { emptyElements, stripDocxMetadata } from './docx-metadata.js';

describe('DOCX metadata stripping', () => {
  it('empties the named elements, attributes kept', () => {
    expect(emptyElements('<a><dc:creator>Ann</dc:creator><x>1</x></a>', ['dc:creator'])).toBe(
      '<a><dc:creator/><x>1</x></a>',
    );
    expect(emptyElements('<dc:title lang="en">T</dc:title>', ['dc:title'])).toBe('<dc:title lang="en"/>');
  });

  it('removes the author, last modifier, title and company from a real DOCX, keeping the text', async () => {
    const original = await docxBytes('Amina Diallo');
    expect(original.toString('latin1')).toContain('docProps/core.xml');
    const copy = Buffer.from(await blindCopy('docx', original));
    expect(documentTypeOf(copy)).toBe('docx');
    const parts = await readZip(copy);
    const core = parts.get('docProps/core.xml')!.toString();
    expect(core).toContain('<dc:creator/>');
    expect(core).toContain('<cp:lastModifiedBy/>');
    expect(core).toContain('dcterms:created');
    expect(parts.get('docProps/app.xml')!.toString()).toContain('<Company/>');
    expect(parts.get('word/document.xml')!.toString()).toContain('My essay text.');
    for (const [, bytes] of parts) expect(bytes.toString()).not.toContain('Amina');
    expect([...parts.keys()]).toEqual([...(await readZip(original)).keys()]);
  });

  it('serves a DOCX it cannot read as stored', async () => {
    const broken = Buffer.from('PK\u0003\u0004 word/document.xml but no zip', 'latin1');
    expect(Buffer.from(await stripDocxMetadata(broken)).equals(broken)).toBe(true);
  });
});
