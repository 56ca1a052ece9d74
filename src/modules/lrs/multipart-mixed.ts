/**
 * multipart/mixed bodies (xAPI statements with attachments), read and written. Pure: bytes in, parts
 * out. The first part is the statements' JSON; each further part carries one attachment, named by its
 * `X-Experience-API-Hash` header (its SHA-256, checked here against the bytes received).
 */
import { createHash, randomUUID } from 'node:crypto';
import { XapiError } from './xapi-statement.js';

export interface MimePart {
  headers: Record<string, string>;
  body: Buffer;
}

/** The boundary of a multipart content type, or null. */
export function boundaryOf(contentType: string | undefined): string | null {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  return match ? (match[1] ?? match[2] ?? null) : null;
}

const LF = 0x0a;

/** The length of the line break (CRLF or LF) at `at` in `chunk`, 0 if there is none. */
function lineBreakAt(chunk: Buffer, at: number): number {
  if (chunk[at] === 0x0d && chunk[at + 1] === LF) return 2;
  return chunk[at] === LF ? 1 : 0;
}

/** Where a part's headers end and its body starts: at the first empty line (CRLF CRLF, or LF LF). */
function headerBlock(chunk: Buffer): { headerEnd: number; bodyStart: number } {
  const crlf = chunk.indexOf('\r\n\r\n');
  const lf = chunk.indexOf('\n\n');
  if (crlf < 0 && lf < 0) return { headerEnd: chunk.length, bodyStart: chunk.length };
  if (lf < 0 || (crlf >= 0 && crlf < lf)) return { headerEnd: crlf, bodyStart: crlf + 4 };
  return { headerEnd: lf, bodyStart: lf + 2 };
}

/** Splits a multipart body into its parts (headers lower-cased). */
export function parseMultipart(body: Buffer, boundary: string): MimePart[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: MimePart[] = [];
  let position = body.indexOf(delimiter);
  if (position < 0) throw new XapiError(400, 'the multipart body has no boundary');
  for (;;) {
    position += delimiter.length;
    if (body.subarray(position, position + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, position);
    if (next < 0) throw new XapiError(400, 'the multipart body is not closed');
    // Between the delimiter's line break and the one before the next delimiter. Lines end in CRLF (RFC
    // 2046); a bare LF is taken too (the ADL suite's own sample bodies and many clients write LF).
    let chunk = body.subarray(position, next);
    chunk = chunk.subarray(lineBreakAt(chunk, 0));
    if (chunk.subarray(chunk.length - 2).toString() === '\r\n') chunk = chunk.subarray(0, chunk.length - 2);
    else if (chunk[chunk.length - 1] === LF) chunk = chunk.subarray(0, chunk.length - 1);
    const { headerEnd, bodyStart } = headerBlock(chunk);
    const headerText = chunk.subarray(0, headerEnd).toString('utf8');
    const headers: Record<string, string> = {};
    for (const line of headerText.split(/\r?\n/)) {
      const colon = line.indexOf(':');
      if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    parts.push({ headers, body: chunk.subarray(bodyStart) });
    position = next;
  }
  return parts;
}

/** Reads a statements request in multipart/mixed: the statements' JSON and the attachments, hashes checked. */
export function readStatementsMultipart(
  body: Buffer,
  contentType: string | undefined,
): { json: unknown; parts: { sha2: string; contentType: string; bytes: Uint8Array }[] } {
  const boundary = boundaryOf(contentType);
  if (!boundary) throw new XapiError(400, 'multipart/mixed needs a boundary');
  const [first, ...rest] = parseMultipart(body, boundary);
  if (!first || !/^application\/json\b/i.test(first.headers['content-type'] ?? ''))
    throw new XapiError(400, 'the first part must be the statements as application/json');
  let json: unknown;
  try {
    json = JSON.parse(first.body.toString('utf8'));
  } catch {
    throw new XapiError(400, 'the statements are not valid JSON');
  }
  const parts = rest.map((p) => {
    const hash = p.headers['x-experience-api-hash'];
    if (!hash) throw new XapiError(400, 'every attachment part needs an X-Experience-API-Hash header');
    if (
      p.headers['content-transfer-encoding'] !== undefined &&
      p.headers['content-transfer-encoding'] !== 'binary'
    )
      throw new XapiError(400, 'attachment parts must use Content-Transfer-Encoding: binary');
    const sha2 = createHash('sha256').update(p.body).digest('hex');
    if (sha2 !== hash.toLowerCase())
      throw new XapiError(400, `attachment ${hash} does not match its SHA-256`);
    return { sha2, contentType: p.headers['content-type'] ?? 'application/octet-stream', bytes: p.body };
  });
  return { json, parts };
}

/** Writes statements and their attachments as multipart/mixed; returns the body and the boundary. */
export function writeMultipart(
  json: unknown,
  attachments: readonly { sha2: string; contentType: string; content: Uint8Array }[],
): { body: Buffer; boundary: string } {
  const boundary = `xapi-${randomUUID()}`;
  const chunks: Buffer[] = [
    Buffer.from(`--${boundary}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(json)}\r\n`),
  ];
  for (const a of attachments) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Type: ${a.contentType}\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: ${a.sha2}\r\n\r\n`,
      ),
      Buffer.from(a.content),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), boundary };
}
