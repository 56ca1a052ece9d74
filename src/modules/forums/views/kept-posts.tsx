/**
 * A thread page's posts as HTML, each post's rendering kept: a post is rendered again only when something
 * it shows changes. The key of a kept post is everything its rendering reads (the post as the reader sees
 * it — text, author, files, history, "new", rights — the thread's state, the page number, the reader's
 * rights, language and time zone), so a kept rendering is the one a new rendering would give: an edit, a
 * new file, a hidden post or a reader's other rights make another key. A post holds no form (its actions are
 * links; the page renders one action form per request, put in after its post), so the kept HTML holds no
 * CSRF token and is used as it is (bench/README.md, "Where the time goes").
 */
import { renderToString } from 'preact-render-to-string';
import type { Translator } from '../../../i18n/i18n.js';
import type { ThreadPage } from '../read-forums.js';
import { type PostFrame, PostItem } from './post-item.js';

/** How much kept HTML there is at most (keys and HTML, in characters), least recently used dropped first. */
export const KEPT_POSTS_CHARS = 8_000_000;

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

/** The frame of the page's posts: what each post's rendering reads besides the post. */
export function postFrame(page: ThreadPage): PostFrame {
  return { thread: page.thread, can: page.can, timeZone: page.timeZone, page: page.page };
}

/**
 * The HTML of the page's posts in order; `after` (the page's action form, rendered per request) goes right
 * after the post it is about.
 */
export function keptPostsHtml(
  t: Translator,
  page: ThreadPage,
  after?: { postId: string; html: string },
): string {
  const frame = postFrame(page);
  const shared = `${t.locale}|${JSON.stringify(frame)}|`;
  let html = '';
  // "New since your last visit" starts here (the index links unread threads to `#new`).
  let newMarked = false;
  for (const post of page.posts) {
    if (post.isNew && !newMarked) {
      html += '<span id="new"></span>';
      newMarked = true;
    }
    const key = shared + JSON.stringify(post);
    let one = kept.get(key);
    if (one === undefined) {
      one = renderToString(<PostItem t={t} page={frame} post={post} />);
      remember(key, one);
    } else {
      kept.delete(key);
      kept.set(key, one);
    }
    html += one;
    if (after?.postId === post.id) html += after.html;
  }
  return html;
}

/** Forgets every kept post (tests). */
export function forgetKeptPosts(): void {
  kept.clear();
  keptChars = 0;
}
