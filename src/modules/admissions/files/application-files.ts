import { createHash } from 'node:crypto';
import { AppError } from '../../../kernel/errors.js';
import { type ApplicationFileKind, FILE_KINDS } from '../application.js';

/** Uploaded documents: PDF only (checked by content), at most 5 MB. Pure rules shared by the form and the API. */
export const APPLICATION_FILE_MAX_BYTES = 5 * 1024 * 1024;
export const ORIGINAL_NAME_MAX = 200;

import type { UploadedUserFile as UploadedApplicationFile } from '../../../kernel/uploaded-file.js';

export type { UploadedApplicationFile };

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

/** True when the bytes are a PDF by their content (the `%PDF-` signature), whatever the file is called. */
export function isPdf(bytes: Uint8Array): boolean {
  return (
    bytes.length >= PDF_MAGIC.length && Buffer.from(bytes.subarray(0, PDF_MAGIC.length)).equals(PDF_MAGIC)
  );
}

/** The name shown for an upload: its last path segment, without control characters, at most 200 characters. */
export function displayFileName(name: string | undefined, kind: ApplicationFileKind): string {
  const last = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = last
    .replace(/[\p{Cc}"]/gu, '')
    .trim()
    .slice(0, ORIGINAL_NAME_MAX);
  return clean === '' || clean === '.' || clean === '..' ? `${kind}.pdf` : clean;
}

/** The storage key of an application's file: generated from ids only (never from the uploaded name). */
export function applicationFileKey(applicationId: string, fileId: string): string {
  return `applications/${applicationId}/${fileId}.pdf`;
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function fileProblem(key: string, values?: Record<string, number>): AppError {
  return new AppError('validation_failed', {}, [{ path: 'file', key, ...(values ? { values } : {}) }]);
}

/** Checks kind, size and type of an upload; throws a validation error on the `file` (or `kind`) field. */
export function checkApplicationFile(kind: unknown, file: UploadedApplicationFile): ApplicationFileKind {
  if (typeof kind !== 'string' || !(FILE_KINDS as readonly string[]).includes(kind))
    throw new AppError('validation_failed', {}, [{ path: 'kind', key: 'validation.invalidChoice' }]);
  if (file.tooLarge || file.bytes.length > APPLICATION_FILE_MAX_BYTES)
    throw fileProblem('admissions.error.fileTooLarge', { max: APPLICATION_FILE_MAX_BYTES / 1024 / 1024 });
  if (file.bytes.length === 0) throw fileProblem('admissions.error.fileEmpty');
  if (!isPdf(file.bytes)) throw fileProblem('admissions.error.fileNotPdf');
  return kind as ApplicationFileKind;
}
