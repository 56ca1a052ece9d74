import type { Executor } from '../../../db/database.js';
import { dialectOf } from '../../../db/database.js';
import { fullTextQuery } from '../../../db/helpers.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { AppError } from '../../../kernel/errors.js';
import { isId } from '../../../kernel/ids.js';
import { foldForSearch } from '../../../kernel/search-fold.js';
import { personNames } from '../../identity/identity.queries.js';
import { spaceAccess } from '../../spaces/space-access.js';
import { openItemIdsFor } from '../../spaces/spaces.queries.js';
import { searchWords, shownAuthor } from '../forum.js';
import { EXCERPT_READ, searchPosts } from '../forum-activity.repository.js';
import { listForumsOfEdition, memberForumIds } from '../forums.repository.js';

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

export interface SearchResult {
  editionId: string;
  query: string;
  hits: SearchHit[];
}

/**
 * Searches the posts of an edition's forums the actor may read (folded, every word as a prefix, as the
 * catalogue's search). Hidden posts are found by staff only; in "post first" forums a participant finds
 * only their own posts; personas stay personas.
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
  const staff = space.can.build;
  const readerId = actor.kind === 'user' ? actor.id : '';
  const query = fullTextQuery(dialectOf(db), searchWords(foldForSearch(text)).join(' '));
  if (!query) return { editionId, query: text, hits: [] };
  const forums = await listForumsOfEdition(db, editionId);
  const members = await memberForumIds(
    db,
    readerId,
    forums.map((f) => f.id),
  );
  // A discussion whose item is locked for the participant (availability, prerequisite) is not searched.
  const open =
    staff || !readerId ? null : await openItemIdsFor(db, space, readerId, deps.clock.now().toISOString());
  const readable = forums.filter(
    (f) =>
      (staff || f.audience === 'edition' || members.has(f.id)) &&
      (open === null || f.scope_kind !== 'space' || open.has(f.scope_id)),
  );
  const rows = await searchPosts(db, {
    editionId,
    query,
    forumIds: readable.map((f) => f.id),
    ownOnlyForumIds: staff ? [] : readable.filter((f) => f.posting_rule === 'post-first').map((f) => f.id),
    readerId,
    includeHidden: staff,
    limit: SEARCH_LIMIT,
  });
  const names = await personNames(
    db,
    rows.map((r) => r.author_id),
  );
  const viewer = { userId: readerId, staff };
  return {
    editionId,
    query: text,
    hits: rows.map((r) => ({
      postId: r.id,
      threadId: r.thread_id,
      subject: r.subject,
      author: shownAuthor(viewer, names.get(r.author_id) ?? '', r.persona).name,
      excerpt: r.body.length > EXCERPT_READ - 1 ? `${r.body.slice(0, EXCERPT_READ - 1)}…` : r.body,
      createdAt: r.created_at,
    })),
  };
}
