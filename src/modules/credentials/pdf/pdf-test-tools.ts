/**
 * Test helpers: poppler-utils (pdftotext, pdfdetach, pdfinfo, pdffonts) to read PDFs back. The fonts come
 * with the npm dependencies, so a missing font fails every PDF test at once (run `npm install`). Without
 * poppler-utils the read-back tests are skipped with a clear warning, or fail at once with
 * REQUIRE_PDF_TOOLS=1 (CI, which installs poppler-utils).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPdfFonts } from './fonts.js';

const POPPLER_TOOLS = ['pdftotext', 'pdfdetach', 'pdfinfo', 'pdffonts'] as const;

function toolExists(tool: string): boolean {
  return spawnSync(tool, ['-v'], { stdio: 'ignore' }).error === undefined;
}

const fontCheck = checkPdfFonts();
if (!fontCheck.ok) throw new Error(`The credential PDF tests need the packaged fonts: ${fontCheck.message}`);

const missingTools = POPPLER_TOOLS.filter((tool) => !toolExists(tool));

/** True when poppler-utils is installed (tests that read PDFs back need it). */
export const pdfToolsAvailable = missingTools.length === 0;

if (!pdfToolsAvailable) {
  const problem = `poppler-utils missing (${missingTools.join(', ')} not found): apt-get install poppler-utils`;
  if (process.env.REQUIRE_PDF_TOOLS === '1') {
    throw new Error(`REQUIRE_PDF_TOOLS=1 but the PDF tests cannot read PDFs back: ${problem}`);
  }
  console.warn(`Credential PDF read-back tests SKIPPED: ${problem}`);
}

/** Bidi controls that pdftotext adds around right-to-left text. */
const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/** Removes bidi controls and collapses all whitespace to single spaces. */
export function normaliseText(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(/\s+/gu, ' ').trim();
}

function withPdfFile<T>(pdf: Uint8Array, use: (path: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'credential-pdf-'));
  try {
    const path = join(dir, 'credential.pdf');
    writeFileSync(path, pdf);
    return use(path, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The page's text as pdftotext (reading order, UTF-8) extracts it, normalised. */
export function extractText(pdf: Uint8Array): string {
  return withPdfFile(pdf, (path) =>
    normaliseText(execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' })),
  );
}

/** `pdfinfo` fields (Title, Author, Page size, …). */
export function pdfInfo(pdf: Uint8Array): Record<string, string> {
  return withPdfFile(pdf, (path) => {
    const out = execFileSync('pdfinfo', ['-enc', 'UTF-8', path], { encoding: 'utf8' });
    const fields: Record<string, string> = {};
    for (const line of out.split('\n')) {
      const at = line.indexOf(':');
      if (at > 0) fields[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
    return fields;
  });
}

/** One row of `pdffonts`: the font name, its type and whether it is embedded and subset. */
export interface PdfFontRow {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
}

/** The fonts `pdffonts` lists. */
export function pdfFonts(pdf: Uint8Array): PdfFontRow[] {
  return withPdfFile(pdf, (path) => {
    const lines = execFileSync('pdffonts', [path], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    return lines.map((line) => {
      const match = /^(\S+)\s+(.+?)\s+(Identity-H|\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+$/.exec(
        line,
      );
      if (!match) throw new Error(`unexpected pdffonts line: ${line}`);
      return { name: match[1]!, type: match[2]!, embedded: match[4] === 'yes', subset: match[5] === 'yes' };
    });
  });
}

/** The attached files as `pdfdetach -saveall` writes them: name → bytes; and the `-list` output. */
export function detachAll(pdf: Uint8Array): { list: string; files: Map<string, Buffer> } {
  return withPdfFile(pdf, (path, dir) => {
    const list = execFileSync('pdfdetach', ['-list', '-enc', 'UTF-8', path], { encoding: 'utf8' });
    const out = join(dir, 'attachments');
    mkdirSync(out);
    execFileSync('pdfdetach', ['-saveall', '-o', out, path]);
    const files = new Map(readdirSync(out).map((name) => [name, readFileSync(join(out, name))]));
    return { list, files };
  });
}
