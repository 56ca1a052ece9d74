/**
 * Reading the verification form (`POST /verify`): a pasted credential (`credential`) and/or a chosen file
 * (`file`), sent as multipart (the page's form) or urlencoded (a paste only). Like the import upload
 * (pathway/import-http.ts), the multipart body is read in a preValidation hook before the CSRF check, so
 * that its fields become the request body; the file is kept aside. Sizes are bounded while reading: a
 * larger file or field is reported as "too large", never buffered whole.
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../kernel/errors.js';
import {
  decodeUpload,
  MAX_SUBMITTED_BYTES,
  readSubmittedCredential,
  type SubmittedCredential,
} from './submitted-credential.js';

interface Upload {
  bytes: Buffer;
  /** True when the file was larger than MAX_SUBMITTED_BYTES (only its start was read). */
  truncated: boolean;
}

const uploads = new WeakMap<FastifyRequest, Upload>();
/** Requests whose pasted text was larger than the limit (its start only was kept). */
const truncatedPastes = new WeakSet<FastifyRequest>();

const TOO_MANY_PARTS = new Set(['FST_PARTS_LIMIT', 'FST_FILES_LIMIT', 'FST_FIELDS_LIMIT']);

/** preValidation: reads a multipart verification form (a no-op for urlencoded forms). */
export async function readVerifyUpload(request: FastifyRequest): Promise<void> {
  if (!request.isMultipart()) return;
  const fields: Record<string, string> = {};
  try {
    // `throwFileSizeLimit: false` (read by @fastify/multipart, missing from its type of `parts`): a larger
    // file is cut at the limit and flagged `truncated`, so it is answered "too large" beside its field.
    const options = {
      limits: {
        fileSize: MAX_SUBMITTED_BYTES,
        files: 1,
        fields: 4,
        parts: 6,
        fieldSize: MAX_SUBMITTED_BYTES,
      },
      throwFileSizeLimit: false,
    };
    const parts = request.parts(options as Parameters<FastifyRequest['parts']>[0]);
    for await (const part of parts) {
      if (part.type === 'field') {
        if (part.fieldname === 'credential' && part.valueTruncated) truncatedPastes.add(request);
        fields[part.fieldname] = String(part.value);
      } else if (part.fieldname === 'file' && !uploads.has(request)) {
        const bytes = await part.toBuffer();
        // An empty file input is sent as a part with no name and no bytes: no file was chosen.
        if (part.filename || bytes.length > 0)
          uploads.set(request, { bytes, truncated: part.file.truncated });
      } else {
        await part.toBuffer();
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code && TOO_MANY_PARTS.has(code)) throw new AppError('payload_too_large');
    // Malformed multipart bodies (busboy's "Unexpected end of form", a prototype field name …).
    throw new AppError('bad_request');
  }
  request.body = fields;
}

/** What was submitted, which field it came from (for the error's place), and the pasted text to echo. */
export interface Submission {
  field: 'file' | 'credential';
  read: SubmittedCredential;
  pasted: string;
}

/** The credential of a verification form: the chosen file when there is one, else the pasted text. */
export function submissionOf(request: FastifyRequest, body: Record<string, unknown>): Submission {
  const pasted = typeof body.credential === 'string' ? body.credential : '';
  const upload = uploads.get(request);
  if (upload) {
    if (upload.truncated) return { field: 'file', read: { ok: false, problem: 'tooLarge' }, pasted };
    const text = decodeUpload(upload.bytes);
    const read =
      text === null ? ({ ok: false, problem: 'notACredential' } as const) : readSubmittedCredential(text);
    return {
      field: 'file',
      read: read.ok || read.problem !== 'empty' ? read : { ok: false, problem: 'notACredential' },
      pasted,
    };
  }
  if (truncatedPastes.has(request))
    return { field: 'credential', read: { ok: false, problem: 'tooLarge' }, pasted: '' };
  return { field: 'credential', read: readSubmittedCredential(pasted), pasted };
}
