import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../kernel/errors.js';
import { APPLICATION_FILE_MAX_BYTES, type UploadedApplicationFile } from './application-files.js';

/**
 * Reading the multipart upload of an application document (web form or API), as the results import does:
 * a preValidation hook (before the CSRF check, which then finds `_csrf` among the fields); only the part
 * named `file` is kept, its name only shown. A file past the limit is not an HTTP failure but a field
 * problem the form shows ("larger than 5 MB"): it is marked, and its bytes are not kept.
 */

const uploads = new WeakMap<FastifyRequest, UploadedApplicationFile>();

export async function readApplicationUpload(request: FastifyRequest): Promise<void> {
  if (!request.isMultipart()) return;
  const fields: Record<string, string> = {};
  try {
    const options = {
      limits: { fileSize: APPLICATION_FILE_MAX_BYTES, files: 1, fields: 5, parts: 6, fieldSize: 4096 },
      // A file cut at the limit is marked rather than thrown, so that the form can say what is wrong
      // (an option of @fastify/multipart that its types do not declare for `parts`).
      throwFileSizeLimit: false,
    };
    const parts = request.parts(options);
    for await (const part of parts) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
      } else if (part.fieldname === 'file' && !uploads.has(request)) {
        const bytes = await part.toBuffer();
        // A form sent without choosing a file still has the part, nameless and empty: that is "no file".
        if (!part.filename && bytes.length === 0) continue;
        uploads.set(
          request,
          part.file.truncated
            ? { fileName: part.filename, bytes: Buffer.alloc(0), tooLarge: true }
            : { fileName: part.filename, bytes },
        );
      } else {
        part.file.resume();
      }
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

/** The uploaded document of this request; none is a validation error on `file`. */
export function uploadedApplicationFile(request: FastifyRequest): UploadedApplicationFile {
  const file = uploads.get(request);
  if (!file) throw new AppError('validation_failed', {}, [{ path: 'file', key: 'admissions.error.noFile' }]);
  return file;
}

/** Sends a stored PDF as a download no browser renders inline, sniffs or runs. */
export function sendPdfDownload(reply: FastifyReply, fileName: string, bytes: Uint8Array): FastifyReply {
  return reply
    .type('application/pdf')
    .header('content-disposition', `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(bytes));
}
