import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { Client } from './http-extra.js';
import { multipartBody } from './import-helpers.js';

/**
 * Helpers for the credentials pages' HTTP tests: reading the verdict of a verification page, and sending
 * the verification form as a browser does (multipart, with the page's CSRF token).
 */

/** Text with its tags removed and its white space collapsed. */
export function plainText(html: string): string {
  return (
    html
      .replace(/<[^>]+>/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&quot;/g, '"')
      // Collapse layout whitespace only: no-break spaces are text (French typography puts them before colons).
      .replace(/[ \t\n\r\f\v]+/g, ' ')
      .trim()
  );
}

/** The big status word of a verification page (`Valid`, `Revoked` …), without its decorative sign. */
export function verdictOf(html: string): string {
  const match = html.match(/<p class="verdict-status"[^>]*>([\s\S]*?)<\/p>/);
  return plainText((match?.[1] ?? '').replace(/<span class="verdict-sign"[^>]*>[\s\S]*?<\/span>/, ''));
}

/** The text of the first element with this class (tags stripped), or ''. */
export function textOfClass(html: string, className: string): string {
  const match = html.match(
    new RegExp(`<(\\w+)[^>]*class="[^"]*\\b${className}\\b[^"]*"[^>]*>([\\s\\S]*?)</\\1>`),
  );
  return plainText(match?.[2] ?? '');
}

/** The CSRF token of the verification form, as a browser has it after loading `/verify`. */
async function verifyFormToken(client: Client): Promise<string> {
  const page = await client.get('/verify');
  const match = page.body.match(/name="_csrf" value="([^"]+)"/);
  if (!match?.[1]) throw new Error('no CSRF field on /verify');
  return match[1];
}

/** Sends the verification form as the page does (multipart): pasted text and/or a file. */
export async function submitVerifyForm(
  client: Client,
  input: { pasted?: string; file?: { name: string; content: Buffer | string; type?: string } },
  options: { csrf?: boolean } = {},
): Promise<LightMyRequestResponse> {
  const fields: Record<string, string> = {};
  if (options.csrf !== false) fields._csrf = await verifyFormToken(client);
  fields.credential = input.pasted ?? '';
  const { payload, headers } = multipartBody(
    fields,
    input.file
      ? { name: input.file.name, content: input.file.content, type: input.file.type ?? 'application/json' }
      : null,
  );
  const response = await client.app.inject({
    method: 'POST',
    url: '/verify',
    remoteAddress: client.address,
    headers: { ...headers, cookie: client.jar.header() },
    payload,
  });
  client.jar.store(response);
  return response;
}

/** A browser signed in as an existing person (by email and password). */
export async function browserOf(
  app: FastifyInstance,
  person: { email: string; password: string },
): Promise<Client> {
  const client = new Client(app);
  await client.signIn(person.email, person.password);
  return client;
}
