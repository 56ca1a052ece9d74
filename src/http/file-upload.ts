import type { FastifyRequest, preValidationHookHandler } from 'fastify';
import { AppError } from '../kernel/errors.js';
import type { UploadedUserFile } from '../kernel/uploaded-file.js';

/**
 * Reading the multipart upload of one user file (an application document, a submission file, a zip of
 * feedback files …) from a web form or the API. It runs as a preValidation hook, before the CSRF check of
 * the web form: the form's fields become the request body (so the check finds `_csrf`), and the file is kept
 * aside for the handler. Only the part named `file` is kept; its name is only shown, never used as a path.
 * A file past `maxBytes` is not an HTTP failure but a field problem the form can show: it is marked
 * `tooLarge` and its bytes are dropped (the use case checks its own, possibly smaller, limit).
 */

export type { UploadedUserFile };

export interface SingleFileUpload {
  /** The preValidation hook reading the multipart body. */
  read: preValidationHookHandler;
  /** The uploaded file of this request; none is a validation error on `file` with the given key. */
  file(request: FastifyRequest): UploadedUserFile;
  /** The uploaded file of this request, or null when the form was sent without one (an optional file). */
  optionalFile(request: FastifyRequest): UploadedUserFile | null;
}

const LIMIT_CODES = new Set(['FST_PARTS_LIMIT', 'FST_FILES_LIMIT', 'FST_FIELDS_LIMIT']);

/** One multipart reader for forms that send a single file (`file`) and a few short fields. */
export function singleFileUpload(options: {
  maxBytes: number;
  noFileKey: string;
  /** The largest text field in bytes (4,096 unless said: a form with a long text, e.g. a forum post). */
  fieldBytes?: number;
}): SingleFileUpload {
  const uploads = new WeakMap<FastifyRequest, UploadedUserFile>();

  async function read(request: FastifyRequest): Promise<void> {
    if (!request.isMultipart()) return;
    const fields: Record<string, string> = {};
    try {
      const parts = request.parts({
        limits: {
          fileSize: options.maxBytes,
          files: 1,
          fields: 5,
          parts: 6,
          fieldSize: options.fieldBytes ?? 4096,
        },
        // A file cut at the limit is marked rather than thrown (an option of @fastify/multipart that its
        // types do not declare for `parts`).
        throwFileSizeLimit: false,
      } as Parameters<FastifyRequest['parts']>[0]);
      for await (const part of parts) {
        if (part.type === 'field') fields[part.fieldname] = String(part.value);
        else if (part.fieldname === 'file' && !uploads.has(request)) {
          const bytes = await part.toBuffer();
          // A form sent without choosing a file still has the part, nameless and empty: that is "no file".
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
      if (code && LIMIT_CODES.has(code)) throw new AppError('payload_too_large');
      if (error instanceof AppError) throw error;
      // Malformed multipart bodies (busboy's "Unexpected end of form", a prototype field name …).
      throw new AppError('bad_request');
    }
    request.body = fields;
  }

  return {
    read: read as preValidationHookHandler,
    file(request) {
      const file = uploads.get(request);
      if (!file) throw new AppError('validation_failed', {}, [{ path: 'file', key: options.noFileKey }]);
      return file;
    },
    optionalFile(request) {
      return uploads.get(request) ?? null;
    },
  };
}
