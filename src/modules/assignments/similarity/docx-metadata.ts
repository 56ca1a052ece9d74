/**
 * DOCX document metadata stripping: the copy markers download has no author. A DOCX is a zip; its
 * `docProps/core.xml` names the creator, the last person who modified it, title, subject, keywords,
 * description and category, and `docProps/app.xml` the company and the manager. They are emptied (the
 * elements kept, so Word still opens the file); the other parts are copied as they are. The stored original
 * is untouched. A DOCX that cannot be read safely is served as stored (it was accepted by content). Its
 * running text for the similarity check is read with mammoth (`docx-text.ts`).
 */
import { readZip } from '../../../integrations/zip/safe-zip.js';
import { zipBuffer } from '../../../integrations/zip/zip-writer.js';

const CORE_FIELDS = [
  'dc:creator',
  'cp:lastModifiedBy',
  'dc:title',
  'dc:subject',
  'cp:keywords',
  'dc:description',
  'cp:category',
  'cp:contentStatus',
];
const APP_FIELDS = ['Company', 'Manager'];

/** Pure: an XML part with the text of the named elements removed (`<dc:creator>Ann</dc:creator>` → `<dc:creator/>`). */
export function emptyElements(xml: string, names: readonly string[]): string {
  let out = xml;
  for (const name of names) {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    out = out.replace(new RegExp(`<${escaped}(\\s[^>]*)?>[\\s\\S]*?</${escaped}>`, 'g'), `<${name}$1/>`);
  }
  return out;
}

/** A DOCX's copy without the document metadata that could name its author. */
export async function stripDocxMetadata(bytes: Uint8Array): Promise<Uint8Array> {
  let parts: Map<string, Buffer>;
  try {
    parts = await readZip(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    return bytes;
  }
  const entries = [...parts].map(([name, content]) => {
    if (name === 'docProps/core.xml')
      return { name, bytes: Buffer.from(emptyElements(content.toString('utf8'), CORE_FIELDS), 'utf8') };
    if (name === 'docProps/app.xml')
      return { name, bytes: Buffer.from(emptyElements(content.toString('utf8'), APP_FIELDS), 'utf8') };
    return { name, bytes: content };
  });
  return zipBuffer(entries.map((e) => ({ ...e, mtime: new Date(Date.UTC(1980, 0, 1)) })));
}
