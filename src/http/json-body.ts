import type { FastifyInstance } from 'fastify';
import { AppError } from '../kernel/errors.js';

/**
 * Deepest nesting of arrays and objects a JSON body may have. Credentials, presentations and every API
 * body nest a dozen levels at most; canonicalisation, validation and the presenters recurse, so a body of
 * thousands of levels would exhaust the stack (a 500) or the CPU before any rule could refuse it.
 */
export const JSON_MAX_DEPTH = 64;

/**
 * Pure: true when the JSON text nests arrays and objects deeper than `max` (brackets inside strings do
 * not count). One pass over the text, before it is parsed.
 */
export function jsonNestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/**
 * Replaces the JSON body parser by one that refuses bodies nested deeper than JSON_MAX_DEPTH
 * (`body_too_deep`, 400, in the route's usual error shape) and otherwise parses as Fastify does (prototype
 * poisoning refused). Installed on the root before any route, so every route that takes JSON has it.
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (jsonNestsDeeperThan(body as string, JSON_MAX_DEPTH)) {
      done(new AppError('body_too_deep', { max: JSON_MAX_DEPTH }), undefined);
      return;
    }
    parse(request, body as string, done);
  });
}
