/**
 * Files sent as downloads: never rendered inline, sniffed or run by a browser. Every route that sends a
 * stored or generated file goes through here, so the headers are the same everywhere.
 */
import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

export interface Download {
  contentType: string;
  /** Shown to the person; reduced to ASCII for the plain `filename`, kept whole in `filename*`. */
  fileName: string;
  body: Uint8Array | string | Readable;
  /** `private, no-store` unless said otherwise. */
  cacheControl?: string;
}

/** The ASCII stand-in of a file name for `content-disposition` (anything else becomes `_`). */
export function asciiFileName(fileName: string): string {
  return fileName.replace(/[^\w.-]/g, '_');
}

/** Sends a file as an attachment with the platform's download headers. */
export function sendDownload(reply: FastifyReply, file: Download): FastifyReply {
  const ascii = asciiFileName(file.fileName);
  const disposition =
    ascii === file.fileName
      ? `attachment; filename="${ascii}"`
      : `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`;
  return reply
    .type(file.contentType)
    .header('content-disposition', disposition)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', file.cacheControl ?? 'private, no-store')
    .send(
      file.body instanceof Uint8Array && !Buffer.isBuffer(file.body) ? Buffer.from(file.body) : file.body,
    );
}
