import { parse as parseCsv } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';
import yauzl from 'yauzl';
import { AppError } from '../../kernel/errors.js';
import type { Cell } from './cells.js';

/**
 * Reading an uploaded spreadsheet into rows of cells. The type is decided by the content, never by the
 * name: an XLSX file is a zip archive (`PK\x03\x04`), a CSV file is UTF-8 text (a BOM is allowed).
 */

export type SpreadsheetType = 'csv' | 'xlsx';

/** Largest upload accepted (the multipart limit). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
/** An XLSX file may not unpack to more than this (a zip bomb stops here, before the reader sees it). */
export const XLSX_MAX_UNPACKED_BYTES = 256 * 1024 * 1024;
const XLSX_MAX_ENTRIES = 2000;

/** A row of a file with its place (1-based line of a CSV file, row of a sheet). */
export interface SheetRow {
  line: number;
  cells: Cell[];
}

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

function fileProblem(key: string, values: Record<string, string | number> = {}): AppError {
  return new AppError('validation_failed', {}, [{ path: 'file', key, values }]);
}

/** Pure: the spreadsheet type of some bytes by their content, or null when it is neither. */
export function sniffFileType(bytes: Buffer): SpreadsheetType | null {
  if (bytes.length >= 4 && bytes.subarray(0, 4).equals(ZIP_SIGNATURE)) return 'xlsx';
  return decodeText(bytes) === null ? null : 'csv';
}

/** Pure: UTF-8 text without its BOM, or null when the bytes are not text (invalid UTF-8, control bytes). */
export function decodeText(bytes: Buffer): string | null {
  const body = bytes.subarray(0, 3).equals(UTF8_BOM) ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return null;
  }
  // Text files have no control characters other than tab, line feed and carriage return.
  return /(?![\t\n\r])\p{Cc}/u.test(text) ? null : text;
}

/** Pure: about how many data rows a file holds, without parsing it (decides whether a job reads it). */
export function estimateRowCount(bytes: Buffer, type: SpreadsheetType): number {
  if (type === 'xlsx') return Math.ceil(bytes.length / 20); // dense sheets take ~20-25 bytes a row
  let lines = 0;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) lines += 1;
  return lines;
}

/** Pure: the delimiter of a CSV file (comma, semicolon as spreadsheets write in French or Spanish, or tab). */
export function detectDelimiter(text: string): string {
  const sample = text.split(/\r?\n/, 5).join('\n');
  const counts = [',', ';', '\t'].map((d) => [d, sample.split(d).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/** Parses CSV text into rows with their starting line numbers. */
export function readCsv(text: string): SheetRow[] {
  const rows: SheetRow[] = [];
  let previousLines = 0;
  try {
    parseCsv(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: false,
      on_record: (record: string[], context) => {
        rows.push({ line: previousLines + 1, cells: record });
        previousLines = context.lines;
        return null;
      },
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? previousLines + 1;
    throw fileProblem('imports.error.csvSyntax', { line });
  }
  return rows;
}

/** Unpacks every entry of a zip archive in memory, counting the bytes, without keeping them. */
function measureZip(bytes: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (openError, zip) => {
      if (openError || !zip) return reject(fileProblem('imports.error.unreadable'));
      let unpacked = 0;
      let entries = 0;
      const fail = (error: AppError) => {
        try {
          zip.close();
        } catch {
          // already closed
        }
        reject(error);
      };
      zip.on('error', () => fail(fileProblem('imports.error.unreadable')));
      zip.on('end', () => resolve());
      zip.on('entry', (entry: yauzl.Entry) => {
        entries += 1;
        if (entries > XLSX_MAX_ENTRIES) return fail(fileProblem('imports.error.tooBigUnpacked'));
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return fail(fileProblem('imports.error.unreadable'));
          stream.on('data', (chunk: Buffer) => {
            unpacked += chunk.length;
            if (unpacked > XLSX_MAX_UNPACKED_BYTES) {
              stream.destroy();
              fail(fileProblem('imports.error.tooBigUnpacked'));
            }
          });
          stream.on('error', () => fail(fileProblem('imports.error.unreadable')));
          stream.on('end', () => zip.readEntry());
        });
      });
      zip.readEntry();
    });
  });
}

/** Reads the first sheet of an XLSX file (after checking what it unpacks to). */
export async function readXlsx(bytes: Buffer): Promise<SheetRow[]> {
  await measureZip(bytes);
  let data: Cell[][];
  try {
    data = (await readSheet(bytes)) as Cell[][];
  } catch {
    throw fileProblem('imports.error.unreadable');
  }
  return data.map((cells, index) => ({ line: index + 1, cells }));
}

/** Reads an uploaded file of a known type into rows; file-level problems throw `validation_failed`. */
export async function readSpreadsheet(bytes: Buffer, type: SpreadsheetType): Promise<SheetRow[]> {
  if (type === 'xlsx') return readXlsx(bytes);
  const text = decodeText(bytes);
  if (text === null) throw fileProblem('imports.error.fileType');
  return readCsv(text);
}
