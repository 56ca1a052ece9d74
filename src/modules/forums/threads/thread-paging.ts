/**
 * Paging a thread's web page (pure rules, no I/O): which page a reader asked for, which page they land on
 * when they asked for none ("new since your last visit" first), and where a post is.
 */
import { AppError } from '../../../kernel/errors.js';

/** The highest page number a query may name (more than any thread has). */
export const PAGE_MAX = 10_000;

/** A page of a thread: its number, the newest posts' page, or where the reader lands (none asked). */
export type ThreadPageAsk = number | 'last' | 'landing';

/**
 * The `page` of a thread's or a forum's address: none (landing), `last`, or a whole number from 1; anything
 * else is refused (400, in the reader's language).
 */
export function parsePageParameter(raw: unknown): ThreadPageAsk {
  if (raw === undefined || raw === '') return 'landing';
  if (raw === 'last') return 'last';
  if (typeof raw === 'string' && /^[0-9]{1,5}$/.test(raw)) {
    const page = Number(raw);
    if (page >= 1 && page <= PAGE_MAX) return page;
  }
  throw new AppError('validation_failed', {}, [
    { path: 'page', key: 'forums.error.page', values: { max: PAGE_MAX } },
  ]);
}

/** What the landing page depends on: the thread's size and the reader's read mark. */
export interface ReaderPlace {
  postCount: number;
  /** Posts not newer than the reader's read mark (0 when they never opened the thread). */
  readCount: number;
  lastReadAt: string | null;
}

/**
 * The page to show: the one asked (a page past the end shows the last), or, when none was asked, where the
 * reader is: the first page of a thread never opened, the page of the first post new since the last visit,
 * else the last page (the newest posts, where the conversation goes on).
 */
export function threadPageToShow(
  ask: ThreadPageAsk,
  place: ReaderPlace,
  perPage: number,
): { page: number; pageCount: number } {
  const pageCount = Math.max(1, Math.ceil(place.postCount / perPage));
  if (ask === 'last') return { page: pageCount, pageCount };
  if (ask === 'landing') {
    if (place.lastReadAt === null) return { page: 1, pageCount };
    if (place.readCount < place.postCount)
      return { page: Math.min(pageCount, Math.floor(place.readCount / perPage) + 1), pageCount };
    return { page: pageCount, pageCount };
  }
  return { page: Math.max(1, Math.min(pageCount, Math.floor(ask) || 1)), pageCount };
}

/** The page a post is on, from how many posts come before it. */
export function pageOfPosition(postsBefore: number, perPage: number): number {
  return Math.floor(postsBefore / perPage) + 1;
}
