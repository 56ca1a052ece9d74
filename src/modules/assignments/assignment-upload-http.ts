import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../kernel/errors.js';
import { FILE_BYTES_LIMIT } from './assignment.js';
import type { UploadedSubmissionFile } from './upload-submission-file.js';

/**
 * Reading the multipart upload of a submission file, as admissions reads its documents: a preValidation
 * hook before the CSRF check (which then finds `_csrf` among the fields); only the part named `file` is
 * kept, its name only shown to its owner. A file past the platform's largest limit is marked, not thrown,
 * so the form can say what is wrong; the assignment's own (smaller) limit is checked by the use case.
 */
const uploads = new WeakMap<FastifyRequest, UploadedSubmissionFile>();

export async function readSubmissionUpload(request: FastifyRequest): Promise<void> {
  if (!request.isMultipart()) return;
  const fields: Record<string, string> = {};
  try {
    const parts = request.parts({
      limits: { fileSize: FILE_BYTES_LIMIT, files: 1, fields: 5, parts: 6, fieldSize: 4096 },
      throwFileSizeLimit: false,
    } as Parameters<FastifyRequest['parts']>[0]);
    for await (const part of parts) {
      if (part.type === 'field') fields[part.fieldname] = String(part.value);
      else if (part.fieldname === 'file' && !uploads.has(request)) {
        const bytes = await part.toBuffer();
        if (!part.filename && bytes.length === 0) continue;
        uploads.set(
          request,
          part.file.truncated
            ? { fileName: part.filename, bytes: Buffer.alloc(0), tooLarge: true }
            : { fileName: part.filename, bytes },
        );
      } else part.file.resume();
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT')
      throw new AppError('payload_too_large');
    if (error instanceof AppError) throw error;
    throw new AppError('bad_request');
  }
  request.body = fields;
}

/** The uploaded file of this request; none is a validation error on `file`. */
export function uploadedSubmissionFile(request: FastifyRequest): UploadedSubmissionFile {
  const file = uploads.get(request);
  if (!file) throw new AppError('validation_failed', {}, [{ path: 'file', key: 'assignments.error.noFile' }]);
  return file;
}

/** Sends a stored file as a download no browser renders inline, sniffs or runs. */
export function sendDownload(
  reply: FastifyReply,
  file: { bytes: Uint8Array; fileName: string; contentType: string },
): FastifyReply {
  const ascii = file.fileName.replace(/[^\w.-]/g, '_');
  return reply
    .type(file.contentType)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(file.bytes));
}
