/**
 * Reading uploaded zip files safely (SCORM and cmi5 packages), with yauzl. Every entry must stay inside
 * the target folder (no absolute path, no `..`, no drive letter, no backslash trick), no symlink, no
 * encrypted entry, no duplicate name; the entry count, each entry's size, the total size and the
 * compression ratio are capped (`ZipLimits`, configurable: docs/operations.md § Zip limits). Declared
 * sizes are not trusted: the bytes really inflated are counted as they come, and reading stops at the
 * first byte over a cap.
 */
import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

export interface ZipLimits {
  /** Most entries (files and folders). */
  maxEntries: number;
  /** Most bytes of all entries together, inflated. */
  maxTotalBytes: number;
  /** Most bytes of one entry, inflated. */
  maxEntryBytes: number;
  /** Most inflated bytes per compressed byte (over the whole archive and per entry, past 1 MiB). */
  maxRatio: number;
}

const MIB = 1024 * 1024;

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxTotalBytes: 500 * MIB,
  maxEntryBytes: 100 * MIB,
  maxRatio: 100,
};

/** The limits in force: the defaults, overridden by the configuration (ZIP_MAX_* variables). */
export function zipLimitsOf(config: { zipLimits?: Partial<ZipLimits> | undefined }): ZipLimits {
  return { ...DEFAULT_ZIP_LIMITS, ...config.zipLimits };
}

/** Below this many inflated bytes the ratio is not judged (tiny files compress very well and are harmless). */
const RATIO_FLOOR_BYTES = MIB;

export type ZipProblem =
  | 'not-a-zip'
  | 'too-many-entries'
  | 'entry-too-large'
  | 'too-large'
  | 'ratio'
  | 'unsafe-path'
  | 'symlink'
  | 'encrypted'
  | 'duplicate';

/** Why a zip was refused; `entry` names the entry at fault when there is one. */
export class ZipRejectedError extends Error {
  constructor(
    readonly problem: ZipProblem,
    readonly entry?: string,
  ) {
    super(entry ? `${problem}: ${entry}` : problem);
    this.name = 'ZipRejectedError';
  }
}

/** The safe relative path of an entry name, or null when it would leave the target folder. */
export function safeEntryPath(name: string): string | null {
  if (name.length === 0 || name.length > 1024 || name.includes('\0') || name.includes('\\')) return null;
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return null;
  const segments = name.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  const normalised = posix.normalize(name);
  if (normalised.startsWith('../') || normalised === '..' || posix.isAbsolute(normalised)) return null;
  return normalised;
}

const isSymlink = (entry: yauzl.Entry) => ((entry.externalFileAttributes >>> 16) & 0o170000) === 0o120000;

function open(source: Buffer | string): Promise<yauzl.ZipFile> {
  const options = {
    lazyEntries: true,
    validateEntrySizes: true,
    decodeStrings: true,
    strictFileNames: false,
  };
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, zip?: yauzl.ZipFile) =>
      error || !zip ? reject(new ZipRejectedError('not-a-zip')) : resolve(zip);
    if (typeof source === 'string') yauzl.open(source, options, done);
    else yauzl.fromBuffer(source, options, done);
  });
}

/**
 * Reads every file entry of a zip, one at a time, and hands its path and bytes to `onFile` (folders are
 * skipped). Throws `ZipRejectedError` at the first broken rule; `onFile` may have seen earlier entries,
 * so callers store nothing until the whole walk has succeeded (or store inside a transaction).
 */
export async function walkZip(
  source: Buffer | string,
  limits: ZipLimits,
  onFile: (path: string, bytes: Buffer) => void | Promise<void>,
): Promise<{ files: number; totalBytes: number }> {
  const zip = await open(source);
  const compressedTotal = typeof source === 'string' ? zip.fileSize : source.length;
  try {
    if (zip.entryCount > limits.maxEntries) throw new ZipRejectedError('too-many-entries');
    const seen = new Set<string>();
    let totalBytes = 0;
    let files = 0;
    for (;;) {
      const entry = await nextEntry(zip);
      if (!entry) break;
      if (seen.size >= limits.maxEntries) throw new ZipRejectedError('too-many-entries');
      const name = entry.fileName;
      const path = safeEntryPath(name.endsWith('/') ? name.slice(0, -1) || '.' : name);
      if (!path && name !== '/') throw new ZipRejectedError('unsafe-path', name);
      if (isSymlink(entry)) throw new ZipRejectedError('symlink', name);
      if (entry.isEncrypted()) throw new ZipRejectedError('encrypted', name);
      const key = (path ?? name).toLowerCase();
      if (seen.has(key)) throw new ZipRejectedError('duplicate', name);
      seen.add(key);
      if (name.endsWith('/')) continue;
      const bytes = await readEntry(zip, entry, limits, () => totalBytes, compressedTotal);
      totalBytes += bytes.length;
      files += 1;
      await onFile(path as string, bytes);
    }
    return { files, totalBytes };
  } finally {
    zip.close();
  }
}

/** Reads a whole zip into a map of path → bytes (for small packages and tests). */
export async function readZip(
  source: Buffer | string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  await walkZip(source, limits, (path, bytes) => {
    files.set(path, bytes);
  });
  return files;
}

function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (entry: yauzl.Entry) => {
      cleanup();
      resolve(entry);
    };
    const onEnd = () => {
      cleanup();
      resolve(null);
    };
    const onError = (error: Error) => {
      cleanup();
      // yauzl itself refuses absolute and `..` names before we see them.
      const unsafe = /relative path|absolute path|invalid characters/i.test(error.message);
      reject(new ZipRejectedError(unsafe ? 'unsafe-path' : 'not-a-zip'));
    };
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

function readEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  limits: ZipLimits,
  totalSoFar: () => number,
  compressedTotal: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream?: Readable) => {
      if (error || !stream) return reject(new ZipRejectedError('not-a-zip', entry.fileName));
      const chunks: Buffer[] = [];
      let size = 0;
      const stop = (problem: ZipProblem) => {
        stream.destroy();
        reject(new ZipRejectedError(problem, entry.fileName));
      };
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        const total = totalSoFar() + size;
        if (size > limits.maxEntryBytes) return stop('entry-too-large');
        if (total > limits.maxTotalBytes) return stop('too-large');
        if (size > RATIO_FLOOR_BYTES && size > limits.maxRatio * Math.max(entry.compressedSize, 1))
          return stop('ratio');
        if (total > RATIO_FLOOR_BYTES && total > limits.maxRatio * Math.max(compressedTotal, 1))
          return stop('ratio');
        chunks.push(chunk);
      });
      stream.on('error', () => reject(new ZipRejectedError('not-a-zip', entry.fileName)));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}
