/**
 * Writing zip files we make ourselves (the offline pack of a course space), with yazl: entries are
 * deflated unless they are already compressed (images, PDFs, media, archives), names are UTF-8, and the
 * archive is produced as a stream so a large pack is sent while it is being written.
 */
import type { Readable } from 'node:stream';
import yazl from 'yazl';

export interface ZipWriteEntry {
  /** A relative path inside the archive (`index.html`, `files/slides.pdf`). */
  name: string;
  bytes: Uint8Array;
  /** The entry's modification time (default: now). */
  mtime?: Date;
}

/** Extensions whose content is already compressed: stored as they are (deflating them costs time for nothing). */
const STORED = /\.(pdf|png|jpe?g|gif|webp|zip|docx|xlsx|pptx|odt|ods|odp|mp3|mp4|m4a|webm|gz)$/i;

/** The archive of `entries`, in order, as a stream of bytes. */
export function zipStream(entries: readonly ZipWriteEntry[]): Readable {
  const zip = new yazl.ZipFile();
  for (const entry of entries)
    zip.addBuffer(
      Buffer.from(entry.bytes.buffer, entry.bytes.byteOffset, entry.bytes.byteLength),
      entry.name,
      {
        mtime: entry.mtime ?? new Date(),
        mode: 0o100644,
        compress: !STORED.test(entry.name),
      },
    );
  zip.end();
  return zip.outputStream as Readable;
}

/** The archive of `entries` as one buffer (for small archives and tests). */
export async function zipBuffer(entries: readonly ZipWriteEntry[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of zipStream(entries)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
