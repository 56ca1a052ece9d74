/**
 * HTML rendered once per kept value and language: a value kept by `KeptResults` (the library's search
 * page, the committee's queues) is replaced by a new object when its tables change, so HTML memoised on
 * the object itself can never outlive the data it shows (no second table stamp to race with a write).
 */
import { randomBytes } from 'node:crypto';

const renderedByValue = new WeakMap<object, Map<string, string>>();

/**
 * Characters beyond Latin-1 written as numeric character references ("ễ" → "&#7877;"). One such character
 * (a name in Vietnamese, a title in Chinese) makes V8 hold the whole page as a two-byte string, which then
 * costs about twice as much to measure and encode as UTF-8 on every response; the browser shows the same
 * text. For markup only (text and attribute values): kept HTML holds no script or style element.
 */
export function latin1Html(html: string): string {
  return html.replace(/[\u0100-\u{10ffff}]/gu, (c) => `&#${c.codePointAt(0)};`);
}

/** The HTML `render` gave for `value` under `variant` (e.g. the language), rendered the first time only. */
export function renderedOnce(value: object, variant: string, render: () => string): string {
  let byVariant = renderedByValue.get(value);
  if (!byVariant) {
    byVariant = new Map();
    renderedByValue.set(value, byVariant);
  }
  let html = byVariant.get(variant);
  if (html === undefined) {
    html = latin1Html(render());
    byVariant.set(variant, html);
  }
  return html;
}

/** Stands for the request's CSRF token in HTML rendered once (random per process: no text can hold it). */
const TOKEN_MARK = `csrf-${randomBytes(16).toString('hex')}`;

/**
 * `renderedOnce` for HTML that carries the request's CSRF token (a form): rendered once with a mark in the
 * token's place, the mark replaced by `token` on every call.
 */
export function renderedOnceWithToken(
  value: object,
  variant: string,
  token: string,
  render: (tokenMark: string) => string,
): string {
  const html = renderedOnce(value, variant, () => render(TOKEN_MARK));
  return html.includes(TOKEN_MARK) ? html.replaceAll(TOKEN_MARK, token) : html;
}
