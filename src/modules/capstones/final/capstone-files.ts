/**
 * Checking and storing a capstone's document (a draft, a feedback file, the final): PDF or DOCX by
 * content, within the platform's limit, stored under a key made of ids (the uploaded name is only shown
 * to the candidate and their supervisor). Reuses the assignments' file rules. Not a use case.
 */
import type { Services } from '../../../deps.js';
import { AppError } from '../../../kernel/errors.js';
import { cleanFileName, fileTypeOf, sha256Hex } from '../../assignments/assignment.js';
import { CAPSTONE_MAX_BYTES } from '../capstone.js';

/** A file as received from a form or the API. */
export interface CapstoneUpload {
  fileName: string | undefined;
  bytes: Buffer;
  tooLarge?: boolean;
}

export interface StoredCapstoneFile {
  key: string;
  type: 'pdf' | 'docx';
  sha256: string;
  size: number;
  name: string;
}

function fileProblem(key: string, values?: Record<string, number>): AppError {
  return new AppError('validation_failed', {}, [{ path: 'file', key, ...(values ? { values } : {}) }]);
}

/** Checks the file and stores it under `capstones/<capstoneId>/<fileId>.<type>`. */
export async function storeCapstoneFile(
  deps: Pick<Services, 'storage'>,
  capstoneId: string,
  fileId: string,
  file: CapstoneUpload,
): Promise<StoredCapstoneFile> {
  if (file.tooLarge || file.bytes.length > CAPSTONE_MAX_BYTES)
    throw fileProblem('capstones.error.fileTooLarge', { max: CAPSTONE_MAX_BYTES / 1024 / 1024 });
  if (file.bytes.length === 0) throw fileProblem('capstones.error.fileEmpty');
  const type = fileTypeOf(file.bytes);
  if (!type) throw fileProblem('capstones.error.fileType');
  const key = `capstones/${capstoneId}/${fileId}.${type}`;
  await deps.storage.put(key, file.bytes);
  return {
    key,
    type,
    sha256: sha256Hex(file.bytes),
    size: file.bytes.length,
    name: cleanFileName(file.fileName, `capstone.${type}`),
  };
}

/** The content type of a stored document. */
export const contentTypeOf = (type: string) =>
  type === 'pdf'
    ? 'application/pdf'
    : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
