/**
 * The running text of a PDF, for the similarity check: Debian's `pdftotext` (poppler-utils) reading the
 * bytes on stdin, UTF-8 out, at most 20 s and 20 MB of text. A PDF it cannot read, or a machine without
 * pdftotext, gives '' (the check then compares the other texts: it never fails a page). pdftotext is optional:
 * the server starts without it and says so (`pdfTextAvailable`, `PDF_TEXT_MISSING`).
 */
import { spawn } from 'node:child_process';

const TIMEOUT_MS = 20_000;
const MAX_TEXT_BYTES = 20 * 1024 * 1024;

/** The text of a PDF ('' when it cannot be read). */
export function pdfText(bytes: Uint8Array, command = 'pdftotext'): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (text: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(text);
    };
    const child = spawn(command, ['-q', '-enc', 'UTF-8', '-nopgbrk', '-', '-'], {
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish('');
    }, TIMEOUT_MS);
    child.on('error', () => finish(''));
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_TEXT_BYTES) {
        child.kill('SIGKILL');
        finish('');
      } else chunks.push(chunk);
    });
    child.on('close', (code) => finish(code === 0 ? Buffer.concat(chunks).toString('utf8') : ''));
    child.stdin.on('error', () => finish(''));
    child.stdin.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });
}

/** Whether `pdftotext` runs on this machine (`pdftotext -v` exits 0), asked once per command. */
const availability = new Map<string, Promise<boolean>>();
export function pdfTextAvailable(command = 'pdftotext'): Promise<boolean> {
  let known = availability.get(command);
  if (!known) {
    known = new Promise<boolean>((resolve) => {
      const child = spawn(command, ['-v'], { stdio: 'ignore' });
      child.on('error', () => resolve(false));
      child.on('close', (code) => resolve(code === 0));
    });
    availability.set(command, known);
  }
  return known;
}

/** The plain line the server logs at start when PDF text cannot be extracted. */
export const PDF_TEXT_MISSING =
  'pdftotext not found: the text of submitted PDF files is not extracted, so the similarity check compares ' +
  'online text and DOCX files only (apt-get install poppler-utils; PDFs handed in meanwhile are read at the next check)';
