/**
 * A thread page's posts as HTML, each post's rendering kept: a post is rendered again only when something
 * it shows changes. Posts come from a kept page of posts (`threads/thread-page-posts.ts`), a new object after
 * any change to the posts, their authors' names, files or edits; each post's HTML is kept on that object, by
 * what else its rendering reads: the page's frame (the thread's state, the page number, the reader's rights,
 * language and time zone) and what the reader's standing makes of the post (the name shown, the staff's note
 * and history, "new", the reader's own actions, whether the post it replies to is on the page). So a kept
 * rendering is the one a new rendering would give, and the key costs no hashing of the posts' texts (before:
 * the JSON of every post, ~25 KB a page, on every request). A post holds no form (its actions are links; the
 * page renders one action form per request, put in after its post), so the kept HTML holds no CSRF token and
 * is used as it is (bench/README.md, "Where the time goes").
 */
import { renderToString } from 'preact-render-to-string';
import type { Translator } from '../../../i18n/i18n.js';
import type { PostView, ThreadPage } from '../read-forums.js';
import { type PostFrame, PostItem } from './post-item.js';

/** Renderings kept at most per kept page of posts (its posts × the readers' frames), then started afresh. */
const RENDERINGS_PER_PAGE = 4_000;

const keptBySource = new WeakMap<object, Map<string, string>>();

/**
 * The frame of the page's posts: what each post's rendering reads besides the post; `linkBase` what links to
 * the thread's page start with ('' at the thread's own address, see `PostFrame`).
 */
export function postFrame(page: ThreadPage, linkBase: string): PostFrame {
  return { thread: page.thread, can: page.can, timeZone: page.timeZone, page: page.page, linkBase };
}

/**
 * The HTML of the page's posts in order; `after` (the page's action form, rendered per request) goes right
 * after the post it is about.
 */
export function keptPostsHtml(
  t: Translator,
  page: ThreadPage,
  linkBase: string,
  after?: { postId: string; html: string },
): string {
  const frame = postFrame(page, linkBase);
  let kept = keptBySource.get(page.postsSource);
  if (!kept || kept.size > RENDERINGS_PER_PAGE) {
    kept = new Map();
    keptBySource.set(page.postsSource, kept);
  }
  const shared = `${t.locale}|${JSON.stringify(frame)}|`;
  let html = '';
  // "New since your last visit" starts here (the index links unread threads to `#new`).
  let newMarked = false;
  for (const post of page.posts) {
    if (post.isNew && !newMarked) {
      html += '<span id="new"></span>';
      newMarked = true;
    }
    const key = shared + readerKey(post);
    let one = kept.get(key);
    if (one === undefined) {
      one = renderToString(<PostItem t={t} page={frame} post={post} />);
      kept.set(key, one);
    }
    html += one;
    if (after?.postId === post.id) html += after.html;
  }
  return html;
}

/**
 * What a post's rendering reads beyond its kept page of posts and the frame: its id, and what the reader's
 * standing makes of it (the author's name as shown, the real name and note and history only staff see, "new",
 * the reader's actions, whether the post it replies to is on this page). The history is the kept page's or none.
 */
function readerKey(post: PostView): string {
  const flags = `${+post.isNew}${+post.canEdit}${+post.canAttach}${+post.replyOnPage}${post.history.length}`;
  return `${post.id}|${flags}|${post.author}|${post.realName ?? '\u0000'}|${post.hiddenNote ?? '\u0000'}`;
}
