/**
 * Pure: what one verification request may ask of the server (issue 11, point 4). A credential costs a
 * canonicalisation and a signature check per proof; the bounds keep one request within a few of them.
 */

/** Largest submitted credential or presentation we verify (characters of JSON or JWT). */
export const MAX_SUBMITTED_LENGTH = 200_000;
/** Most credentials in one presentation. */
export const MAX_CREDENTIALS_PER_PRESENTATION = 10;
/** Deepest nesting of objects and arrays in a submitted credential or presentation. */
export const MAX_NESTING_DEPTH = 32;

/** Pure: true when `value` nests objects or arrays deeper than `limit` (iterative: no stack to exhaust). */
export function nestsDeeperThan(value: unknown, limit: number = MAX_NESTING_DEPTH): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (!item || typeof item !== 'object') continue;
    if (depth + 1 > limit) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item)) {
      if (child && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

/** Pure: the size of a submitted credential or presentation, in characters. */
export function sizeOf(input: unknown): number {
  return typeof input === 'string' ? input.length : JSON.stringify(input ?? null).length;
}
