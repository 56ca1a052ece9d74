/**
 * Forums' pure rules: the limits of what is written, who sees a post, mentions, flood control and the
 * daily digest's local day. No I/O.
 */
import type { FieldError } from '../../kernel/errors.js';
import { foldForSearch } from '../../kernel/search-fold.js';

export const SCOPE_KINDS = ['space', 'group', 'roleplay'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];
export interface ForumScope {
  kind: ScopeKind;
  id: string;
}

export const AUDIENCES = ['edition', 'members'] as const;
export type Audience = (typeof AUDIENCES)[number];
export const POSTING_RULES = ['open', 'post-first'] as const;
export type PostingRule = (typeof POSTING_RULES)[number];
export const SUBSCRIPTION_MODES = ['immediate', 'digest'] as const;
export type SubscriptionMode = (typeof SUBSCRIPTION_MODES)[number];

/** Limits shared by forms, the API and the use cases. */
export const SUBJECT_MAX = 200;
export const TITLE_MAX = 200;
export const PERSONA_MAX = 100;
/** A post's Markdown, in characters (a 1 MB post is refused with a clear message). */
export const BODY_MAX = 20_000;
export const REASON_MAX = 1_000;
export const NOTE_MAX = 1_000;
/** Flood control: posts (threads and replies) a person may write per minute. */
export const POSTS_PER_MINUTE = 6;
/** Posts on one page of a thread in the JSON API (`GET /api/v1/threads/{id}`: its first 100). */
export const POSTS_PER_PAGE = 100;
/**
 * Posts on one page of a thread's web page: 25 (as Discourse loads 20 at a time) keeps a page near 25 KB for
 * phones on slow links, where 50 posts were about 50 KB (the whole first-load budget) and 100 were 130 KB.
 */
export const POSTS_PER_WEB_PAGE = 25;
/** Threads on one page of a forum's web page (pinned first, newest activity first; 230 threads were 64 KB). */
export const THREADS_PER_WEB_PAGE = 25;
/** Threads a discussion item's page lists (the newest; the forum's page has them all). */
export const THREADS_ON_ITEM_PAGE = 10;

/** Pure: a one-line text (subject, title, persona) trimmed, or a field error (empty, too long, a line break). */
export function checkLine(path: string, value: unknown, max: number): { value: string } | FieldError {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text.length === 0) return { path, key: 'forums.error.required' };
  if (/[\r\n\u2028\u2029]/.test(text)) return { path, key: 'forums.error.oneLine' };
  if (text.length > max) return { path, key: 'forums.error.tooLong', values: { max } };
  return { value: text };
}

/** Pure: a post's body, trimmed at its ends, or a field error (empty or longer than BODY_MAX). */
export function checkBody(path: string, value: unknown): { value: string } | FieldError {
  const text = typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : '';
  if (text.length === 0) return { path, key: 'forums.error.required' };
  if (text.length > BODY_MAX) return { path, key: 'forums.error.tooLong', values: { max: BODY_MAX } };
  return { value: text };
}

/** A person looking at a forum: may they moderate (staff), and who are they. */
export interface ForumViewer {
  userId: string | null;
  staff: boolean;
}

/** What a viewer needs to know of a post to decide whether they see it. */
export interface PostVisibility {
  authorId: string;
  hidden: boolean;
}

/**
 * Pure: may `viewer` see `post`? Hidden posts: staff only. Under "post before you can read others", a
 * participant sees others' posts in a thread only once they have posted there.
 */
export function canSeePost(
  viewer: ForumViewer,
  post: PostVisibility,
  rule: PostingRule,
  hasPostedInThread: boolean,
): boolean {
  if (viewer.staff) return true;
  if (post.hidden) return false;
  if (post.authorId === viewer.userId) return true;
  return rule === 'open' || hasPostedInThread;
}

/** When participants may write in a forum (ISO instants, UTC); null ends: no limit on that side. */
export interface PostingWindow {
  opensAt: string | null;
  closesAt: string | null;
}

/** Pure: may participants write in a forum with this window at `now` (from its opening, before its close)? */
export function isPostingOpen(window: PostingWindow, now: string): boolean {
  return (
    (window.opensAt === null || now >= window.opensAt) && (window.closesAt === null || now < window.closesAt)
  );
}

/** Pure: the name shown for a post's author: the persona to participants, both to staff. */
export function shownAuthor(
  viewer: ForumViewer,
  authorName: string,
  persona: string | null,
): { name: string; realName: string | null } {
  if (!persona) return { name: authorName, realName: null };
  return viewer.staff ? { name: persona, realName: authorName } : { name: persona, realName: null };
}

/** Pure: the handle a person is mentioned by: their name folded, without spaces or punctuation. */
export function mentionHandle(fullName: string): string {
  return foldForSearch(fullName).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Pure: the handles mentioned in a text (`@AnaSilva`, `@ana.silva`), folded as `mentionHandle` folds. */
export function mentionedHandles(body: string): string[] {
  const out = new Set<string>();
  for (const match of body.matchAll(/(^|[^\p{L}\p{N}_@])@([\p{L}\p{N}][\p{L}\p{N}._-]{1,60})/gu))
    out.add(mentionHandle(match[2] ?? ''));
  out.delete('');
  return [...out];
}

/** Pure: is one more post refused, given how many the person wrote in the last minute? */
export function isFlooding(postsInLastMinute: number): boolean {
  return postsInLastMinute >= POSTS_PER_MINUTE;
}

/** Pure: the local date (YYYY-MM-DD) and hour of an instant in a time zone. */
export function localDayAndHour(instant: Date, timeZone: string): { day: string; hour: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return { day: `${get('year')}-${get('month')}-${get('day')}`, hour: Number(get('hour')) };
}

/** The local hour from which a person's daily digest is sent (the morning, in their time zone). */
export const DIGEST_HOUR = 7;

/** Pure: the quoted form of a post's text (each line prefixed with "> "), for a reply's editor. */
export function quoteOf(author: string, body: string): string {
  const lines = body.split('\n').slice(0, 40);
  return `> **${author.replace(/[*_`[\]]/g, '')}**\n${lines.map((l) => `> ${l}`).join('\n')}\n\n`;
}

/**
 * The longest prefix the forums' search index keeps on SQLite (FTS5 `prefix='2 … 10'`, migration
 * `2026-12-07T1300-forum-search-prefixes`): a prefix query of another length reads and merges the doclist of
 * every word that starts with it (10–35 ms for common words over 100,000 posts), an indexed one does not
 * (under 1 ms).
 */
export const SEARCH_PREFIX_MAX = 10;

/**
 * Pure: the words of a folded search text as the index can answer them quickly, each a prefix: cut to
 * SEARCH_PREFIX_MAX characters (a longer word still matches itself; it may also match a few words that
 * share its first ten letters), one-letter words left out when there are longer ones (they would match
 * nearly every post and add nothing), at most 12 words.
 */
export function searchWords(folded: string): string[] {
  const words = folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0);
  const longer = words.filter((w) => [...w].length > 1);
  return (longer.length ? longer : words)
    .slice(0, 12)
    .map((w) => [...w].slice(0, SEARCH_PREFIX_MAX).join(''));
}
