/** The document types users hand in (submissions, feedback files), recognised by content, never by name. */
export const DOCUMENT_TYPES = ['pdf', 'docx'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** The content type each document type is served with. */
export const DOCUMENT_CONTENT_TYPES: Record<DocumentType, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const PDF_MAGIC = '%PDF-';
const ZIP_MAGIC = 'PK\u0003\u0004';

/** Pure: the type by content (the `%PDF-` signature; a zip holding `word/document.xml`), or null. */
export function documentTypeOf(bytes: Uint8Array): DocumentType | null {
  const head = Buffer.from(bytes.subarray(0, 5)).toString('latin1');
  if (head === PDF_MAGIC) return 'pdf';
  if (head.startsWith(ZIP_MAGIC) && Buffer.from(bytes).includes('word/document.xml', 0, 'latin1'))
    return 'docx';
  return null;
}
