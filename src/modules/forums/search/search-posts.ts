import type { Executor } from '../../../db/database.js';
import { dialectOf } from '../../../db/database.js';
import { fullTextQuery } from '../../../db/helpers.js';
import { deepFreeze, KeptResults } from '../../../db/kept-results.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { AppError } from '../../../kernel/errors.js';
import { isId } from '../../../kernel/ids.js';
import { foldForSearch } from '../../../kernel/search-fold.js';
import { personNames } from '../../identity/identity.queries.js';
import { spaceAccess } from '../../spaces/space-access.js';
import { searchWords, shownAuthor } from '../forum.js';
import { EXCERPT_READ, searchPosts } from '../forum-activity.repository.js';
import { threadsWithHiddenOpener } from '../forums.repository.js';
import { type SearchReader, type SearchScope, searchScope } from './searchable-forums.js';

/** Results shown at most. */
export const SEARCH_LIMIT = 50;

export interface SearchHit {
  postId: string;
  threadId: string;
  subject: string;
  author: string;
  excerpt: string;
  createdAt: string;
}

/** The hits of one search as every reader of the same scope sees them (kept, frozen). */
export interface SearchHits {
  hits: readonly SearchHit[];
  /** More posts match than the SEARCH_LIMIT newest shown. */
  more: boolean;
}

export interface SearchResult extends SearchHits {
  editionId: string;
  query: string;
}

/**
 * Every table a search reads (`forum-search-kept.integration.test.ts` checks the list against the SQL): a
 * write to one of them (a post, an edit, moderation, a subject, a name) makes every kept search stale.
 */
export const SEARCH_TABLES = ['forum_post_search', 'forum_posts', 'forum_threads', 'users'] as const;

/**
 * Searches kept by edition, query and scope (the forums searched, staff or not, the reader where they find
 * only their own posts): a search asked again (the next page view, another participant with the same forums)
 * costs no statement until a post, a thread or a name changes (docs/forums.md).
 */
const kept = new KeptResults<SearchHits>({
  tables: SEARCH_TABLES,
  maxEntries: 1000,
  weigh: (value) => 1 + value.hits.length,
  maxWeight: 50_000,
});

/** The kept search's key: everything the hits depend on (the query as the index is asked). */
function keyOf(editionId: string, query: string, reader: SearchReader, scope: SearchScope): string {
  const own = scope.ownOnlyForumIds.length ? `${scope.ownOnlyForumIds.join(',')}:${reader.readerId}` : '';
  return `${editionId}|${reader.staff ? 'staff' : 'reader'}|${scope.forumIds.join(',')}|${own}|${query}`;
}

/** Reads the hits from the database (see `searchPosts`), without keeping them. */
export async function readSearchHits(
  db: Executor,
  editionId: string,
  query: string,
  reader: SearchReader,
  scope: SearchScope,
): Promise<SearchHits> {
  const rows = await searchPosts(db, {
    editionId,
    query,
    forumIds: scope.forumIds,
    ownOnlyForumIds: scope.ownOnlyForumIds,
    readerId: reader.readerId,
    includeHidden: reader.staff,
    limit: SEARCH_LIMIT + 1,
  });
  // A participant finds nothing of a thread whose first post is hidden (its subject is that post's).
  const closed = reader.staff
    ? new Set<string>()
    : await threadsWithHiddenOpener(db, [...new Set(rows.map((r) => r.thread_id))]);
  const found = closed.size ? rows.filter((r) => !closed.has(r.thread_id)) : rows;
  const shown = found.slice(0, SEARCH_LIMIT);
  const names = await personNames(
    db,
    shown.map((r) => r.author_id),
  );
  const viewer = { userId: reader.readerId, staff: reader.staff };
  return deepFreeze({
    more: found.length > SEARCH_LIMIT,
    hits: shown.map((r) => ({
      postId: r.id,
      threadId: r.thread_id,
      subject: r.subject,
      author: shownAuthor(viewer, names.get(r.author_id) ?? '', r.persona).name,
      excerpt: r.body.length > EXCERPT_READ - 1 ? `${r.body.slice(0, EXCERPT_READ - 1)}…` : r.body,
      createdAt: r.created_at,
    })),
  });
}

/**
 * Searches the posts of an edition's forums the actor may read (folded, every word as a prefix, as the
 * catalogue's search). Hidden posts are found by staff only; in "post first" forums a participant finds
 * only their own posts; personas stay personas. Who may read which forum is decided per request; the hits
 * of a scope are kept until a table they come from is written.
 */
export async function searchEditionPosts(
  db: Executor,
  deps: Services,
  actor: Actor,
  editionId: string,
  text: string,
): Promise<SearchResult> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  if (!isId(editionId)) throw new AppError('not_found');
  const space = await spaceAccess(db, actor, editionId);
  const query = fullTextQuery(dialectOf(db), searchWords(foldForSearch(text)).join(' '));
  if (!query) return { editionId, query: text, hits: [], more: false };
  const reader: SearchReader = { staff: space.can.build, readerId: actor.kind === 'user' ? actor.id : '' };
  const scope = await searchScope(db, space, reader, deps.clock.now().toISOString());
  if (scope.forumIds.length === 0) return { editionId, query: text, hits: [], more: false };
  const found = await kept.get(db, keyOf(editionId, query, reader, scope), () =>
    readSearchHits(db, editionId, query, reader, scope),
  );
  return { editionId, query: text, hits: found.hits, more: found.more };
}
