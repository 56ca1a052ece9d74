import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IMPORT_MAX_BYTES } from '../integrations/spreadsheets/read-spreadsheet.js';
import { AppError } from '../kernel/errors.js';
import type { UploadedFile } from '../modules/pathway/import/import-upload.js';
import { sendDownload } from './downloads.js';

/**
 * Reading the multipart upload of an import form or API call. It runs as a preValidation hook, before the
 * CSRF check of the web form: the form's fields become the request body (so the check finds `_csrf`),
 * and the file is kept aside for the handler. Only the part named `file` is read; its name is only shown.
 */

const uploads = new WeakMap<FastifyRequest, UploadedFile>();

const TOO_LARGE = new Set([
  'FST_REQ_FILE_TOO_LARGE',
  'FST_PARTS_LIMIT',
  'FST_FILES_LIMIT',
  'FST_FIELDS_LIMIT',
]);

function uploadError(error: unknown): unknown {
  const code = (error as { code?: string }).code;
  if (code && TOO_LARGE.has(code)) return new AppError('payload_too_large');
  if (error instanceof AppError) return error;
  // Malformed multipart bodies (busboy's "Unexpected end of form", a prototype field name …).
  return new AppError('bad_request');
}

export async function readMultipartUpload(request: FastifyRequest): Promise<void> {
  if (!request.isMultipart()) return;
  const fields: Record<string, string> = {};
  try {
    const parts = request.parts({
      limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 10, parts: 12, fieldSize: 4096 },
    });
    for await (const part of parts) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
      } else if (part.fieldname === 'file' && !uploads.has(request)) {
        uploads.set(request, { fileName: part.filename, bytes: await part.toBuffer() });
      } else {
        await part.toBuffer();
      }
    }
  } catch (error) {
    throw uploadError(error);
  }
  request.body = fields;
}

/** The uploaded file of this request; a form without one is a validation error on `file`. */
export function uploadedFile(request: FastifyRequest): UploadedFile {
  const file = uploads.get(request);
  if (!file) throw new AppError('validation_failed', {}, [{ path: 'file', key: 'imports.error.noFile' }]);
  return file;
}

/** Sends CSV as a download that no browser renders or runs (the upload itself is never served back). */
export function sendCsvDownload(
  reply: FastifyReply,
  fileName: string,
  body: string | Readable,
): FastifyReply {
  return sendDownload(reply, {
    contentType: 'text/csv; charset=utf-8',
    fileName,
    body,
    cacheControl: 'no-store',
  });
}
