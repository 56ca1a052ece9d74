import type { FastifyReply } from 'fastify';
import { sendDownload } from '../../../http/downloads.js';
import { singleFileUpload } from '../../../http/file-upload.js';
import { APPLICATION_FILE_MAX_BYTES } from './application-files.js';

/** The multipart upload of an application document (web form or API): the shared single-file reader. */
const upload = singleFileUpload({
  maxBytes: APPLICATION_FILE_MAX_BYTES,
  noFileKey: 'admissions.error.noFile',
});

export const readApplicationUpload = upload.read;
export const uploadedApplicationFile = upload.file;

/** Sends a stored PDF as a download no browser renders inline, sniffs or runs. */
export function sendPdfDownload(reply: FastifyReply, fileName: string, bytes: Uint8Array): FastifyReply {
  return sendDownload(reply, {
    body: bytes,
    fileName: fileName.replace(/[^\w.-]/g, '_'),
    contentType: 'application/pdf',
  });
}
