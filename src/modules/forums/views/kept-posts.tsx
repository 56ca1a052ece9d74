/**
 * A thread page's posts as HTML, each post's rendering kept: a post is rendered again only when something
 * it shows changes. The key of a kept post is everything its rendering reads (the post as the reader sees
 * it — text, author, files, history, "new", rights — the thread's state, the reader's rights, language and
 * time zone), so a kept rendering is the one a new rendering would give: an edit, a new file, a hidden post
 * or a reader's other rights make another key. The forms' CSRF token is left out of the kept HTML (a
 * process-wide random mark, put back per request). Rendering 50 posts with their forms was most of the
 * page's cost (bench/README.md, "Where the time goes").
 */
import { randomBytes } from 'node:crypto';
import { renderToString } from 'preact-render-to-string';
import type { Translator } from '../../../i18n/i18n.js';
import type { ThreadPage } from '../read-forums.js';
import { type PostFrame, PostItem } from './post-item.js';

/** How much kept HTML there is at most (keys and HTML, in characters), least recently used dropped first. */
export const KEPT_POSTS_CHARS = 8_000_000;

/** Where the token goes: random per process, so no text a person writes can contain it. */
const CSRF_MARK = `csrf-${randomBytes(16).toString('hex')}`;

const kept = new Map<string, string>();
let keptChars = 0;

function remember(key: string, html: string): void {
  kept.set(key, html);
  keptChars += key.length + html.length;
  for (const [oldest, oldHtml] of kept) {
    if (keptChars <= KEPT_POSTS_CHARS) break;
    kept.delete(oldest);
    keptChars -= oldest.length + oldHtml.length;
  }
}

/** The HTML of the page's posts in order, with `csrf()`'s token in their forms (asked only when one has a form). */
export function keptPostsHtml(t: Translator, csrf: () => string, page: ThreadPage): string {
  const frame: PostFrame = { thread: page.thread, can: page.can, timeZone: page.timeZone };
  const shared = `${t.locale}|${JSON.stringify(frame)}|`;
  let html = '';
  for (const post of page.posts) {
    const key = shared + JSON.stringify(post);
    let one = kept.get(key);
    if (one === undefined) {
      one = renderToString(<PostItem t={t} csrf={CSRF_MARK} page={frame} post={post} />);
      remember(key, one);
    } else {
      kept.delete(key);
      kept.set(key, one);
    }
    html += one;
  }
  return html.includes(CSRF_MARK) ? html.replaceAll(CSRF_MARK, csrf()) : html;
}

/** Forgets every kept post (tests). */
export function forgetKeptPosts(): void {
  kept.clear();
  keptChars = 0;
}
