/**
 * Reads back the messages the outbox mailer writes (RFC 822 text from nodemailer): the headers an
 * administrator needs (encoded words decoded) and the plain-text part, decoded. Not a general MIME parser:
 * enough for our own messages, and harmless on anything else (an unknown shape yields an empty text).
 */

/** What the outbox page and tests read from a message. */
export interface ReadMessage {
  messageId: string | null;
  to: string;
  subject: string;
  language: string | null;
  /** The plain-text part (or the body of a single-part text message). */
  text: string;
  hasHtml: boolean;
}

/** Splits a message into its unfolded header lines and its body. */
function splitHeaders(raw: string): { headers: Map<string, string>; body: string } {
  const normalised = raw.replace(/\r\n/g, '\n');
  const end = normalised.indexOf('\n\n');
  const head = end === -1 ? normalised : normalised.slice(0, end);
  const body = end === -1 ? '' : normalised.slice(end + 2);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function bytesToUtf8(bytes: number[]): string {
  return Buffer.from(bytes).toString('utf8');
}

/** Decodes quoted-printable text (soft line breaks removed, `=XX` bytes read as UTF-8). */
export function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i += 1) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i] ?? '', 'utf8'));
    }
  }
  return bytesToUtf8(bytes);
}

/** Decodes RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`); adjacent words join without space. */
export function decodeEncodedWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(
      /=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g,
      (_match, _charset: string, encoding: string, data: string) =>
        encoding.toUpperCase() === 'B'
          ? Buffer.from(data, 'base64').toString('utf8')
          : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}

function decodeBody(body: string, transferEncoding: string | undefined): string {
  const encoding = (transferEncoding ?? '').toLowerCase();
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

/** The parts of a multipart body (each with its own headers). */
function parts(body: string, contentType: string): { headers: Map<string, string>; body: string }[] {
  const boundary = contentType.match(/boundary="?([^";]+)"?/i)?.[1];
  if (!boundary) return [];
  return body
    .split(`--${boundary}`)
    .slice(1)
    .filter((chunk) => !chunk.startsWith('--'))
    .map((chunk) => splitHeaders(chunk.replace(/^\n/, '').replace(/\n$/, '')));
}

/** Reads one message written by the outbox mailer. */
export function readMailMessage(raw: string): ReadMessage {
  const { headers, body } = splitHeaders(raw);
  const contentType = headers.get('content-type') ?? 'text/plain';
  let text = '';
  let hasHtml = false;
  if (/^multipart\//i.test(contentType)) {
    for (const part of parts(body, contentType)) {
      const type = part.headers.get('content-type') ?? 'text/plain';
      if (/^text\/html/i.test(type)) hasHtml = true;
      else if (/^text\/plain/i.test(type) && !text)
        text = decodeBody(part.body, part.headers.get('content-transfer-encoding'));
    }
  } else if (/^text\/html/i.test(contentType)) {
    hasHtml = true;
  } else {
    text = decodeBody(body, headers.get('content-transfer-encoding'));
  }
  return {
    messageId: headers.get('message-id') ?? null,
    to: decodeEncodedWords(headers.get('to') ?? ''),
    subject: decodeEncodedWords(headers.get('subject') ?? ''),
    language: headers.get('content-language') ?? null,
    text: text.trimEnd(),
    hasHtml,
  };
}
