/**
 * The running text of a DOCX for the similarity check, read with mammoth (`extractRawText`: paragraphs on
 * lines of their own; issue 13 names it). The upload is untrusted: it is first opened with the platform's
 * safe zip reader under tight limits (a zip bomb, an unsafe path, a huge part or too many parts stop there),
 * then handed to mammoth; any failure (not a zip, no `word/document.xml`, malformed XML) gives
 * `{ unreadable: true }`, never an exception: the check then says the file could not be read.
 */
import mammoth from 'mammoth';
import { readZip, type ZipLimits } from '../../../integrations/zip/safe-zip.js';

const MIB = 1024 * 1024;

/** A Word document has a few dozen parts; its text part is rarely above a few MB even for a long thesis. */
export const DOCX_LIMITS: ZipLimits = {
  maxEntries: 2_000,
  maxTotalBytes: 200 * MIB,
  maxEntryBytes: 50 * MIB,
  maxRatio: 100,
};

/** Most characters of text kept from one document (beyond: cut; 20 MB, as for PDF). */
const MAX_TEXT_CHARS = 20 * MIB;

export type DocxText = { unreadable: false; text: string } | { unreadable: true };

/** The text of a DOCX, or that it could not be read (corrupt, hostile, not a Word document). */
export async function readDocxText(bytes: Uint8Array, limits: ZipLimits = DOCX_LIMITS): Promise<DocxText> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    const parts = await readZip(buffer, limits);
    if (!parts.has('word/document.xml')) return { unreadable: true };
    const { value } = await mammoth.extractRawText({ buffer });
    return {
      unreadable: false,
      text: value
        .slice(0, MAX_TEXT_CHARS)
        .replace(/\n{2,}/g, '\n')
        .trim(),
    };
  } catch {
    return { unreadable: true };
  }
}

/** The text of a DOCX, '' when it cannot be read. */
export async function docxText(bytes: Uint8Array): Promise<string> {
  const read = await readDocxText(bytes);
  return read.unreadable ? '' : read.text;
}
