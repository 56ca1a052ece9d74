/**
 * Files attached to forum posts: the limits shown before upload, the types accepted (recognised by
 * content, never by the name the browser sent) and the name kept for the download. Pure.
 */
import { documentTypeOf } from '../../../kernel/document-type.js';
import type { FieldError } from '../../../kernel/errors.js';
import type { UploadedUserFile } from '../../../kernel/uploaded-file.js';

/** The largest attachment (also the multipart reader's limit). */
export const ATTACHMENT_MAX_MEGABYTES = 10;
export const ATTACHMENT_MAX_BYTES = ATTACHMENT_MAX_MEGABYTES * 1024 * 1024;
/** At most this many files on one post. */
export const ATTACHMENTS_PER_POST = 5;

export const ATTACHMENT_TYPES = ['pdf', 'docx', 'xlsx', 'pptx', 'png', 'jpg', 'gif'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** The content type each accepted type is served with (always as a download). */
export const ATTACHMENT_CONTENT_TYPES: Record<AttachmentType, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
};

/** The `accept` list of the file inputs (a hint to the browser; the server checks the content). */
export const ATTACHMENT_ACCEPT = ATTACHMENT_TYPES.map((t) => `.${t}`).join(',') + ',.jpeg';

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** The type of `bytes` by their content (signatures; an Office file by the part its zip holds), or null. */
export function attachmentTypeOf(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpg';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'gif';
  const document = documentTypeOf(bytes);
  if (document) return document;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const zip = Buffer.from(bytes);
    if (zip.includes('xl/workbook.xml', 0, 'latin1')) return 'xlsx';
    if (zip.includes('ppt/presentation.xml', 0, 'latin1')) return 'pptx';
  }
  return null;
}

/**
 * The name kept for a file: no path, no control characters, at most 120 characters, ending with the
 * extension of its real type (a `report.exe` that is a PDF is kept as `report.exe.pdf`).
 */
export function attachmentName(fileName: string | undefined, type: AttachmentType): string {
  const base =
    (fileName ?? '')
      .split(/[\\/]/)
      .pop()
      ?.replace(/[\p{Cc}\p{Cf}"<>|:*?]/gu, '_')
      .trim() ?? '';
  const extension = type === 'jpg' ? /\.(jpe?g)$/i : new RegExp(`\\.${type}$`, 'i');
  const named = base || 'file';
  const withType = extension.test(named) ? named : `${named}.${type}`;
  return withType.length > 120 ? withType.slice(withType.length - 120) : withType;
}

export interface CheckedAttachment {
  fileName: string;
  type: AttachmentType;
  contentType: string;
  bytes: Uint8Array;
}

/** An uploaded file checked for a post: its size, its type by content; a field problem on `file` if not. */
export function checkAttachment(file: UploadedUserFile): CheckedAttachment | FieldError {
  const limits = { max: ATTACHMENT_MAX_MEGABYTES };
  if (file.tooLarge || file.bytes.length > ATTACHMENT_MAX_BYTES)
    return { path: 'file', key: 'forums.error.fileTooLarge', values: limits };
  if (file.bytes.length === 0) return { path: 'file', key: 'forums.error.fileEmpty' };
  const type = attachmentTypeOf(file.bytes);
  if (!type) return { path: 'file', key: 'forums.error.fileType' };
  return {
    fileName: attachmentName(file.fileName, type),
    type,
    contentType: ATTACHMENT_CONTENT_TYPES[type],
    bytes: file.bytes,
  };
}
