/**
 * Which of an edition's forums a reader's search covers: every forum for the edition's staff; for others the
 * forums open to the whole edition and those they are a member of (groups, role-plays), less the
 * discussions still locked for them in the space (availability date, prerequisite). The edition's forums are
 * kept until the `forums` table is written; memberships and locks are decided per request, and only when a
 * forum of that kind exists (most editions: no statement at all beyond the kept list).
 */
import type { Executor } from '../../../db/database.js';
import { deepFreeze, KeptResults } from '../../../db/kept-results.js';
import type { SpaceAccess } from '../../spaces/space-access.js';
import { isItemOpenTo } from '../../spaces/spaces.queries.js';
import { listForumsOfEdition, memberForumIds } from '../forums.repository.js';
import type { ForumRow } from '../forums.tables.js';

/** What the search needs of a forum. */
export type SearchableForum = Pick<ForumRow, 'id' | 'audience' | 'scope_kind' | 'scope_id' | 'posting_rule'>;

/** Who searches: the edition's staff see every forum and every post; others what their standing allows. */
export interface SearchReader {
  staff: boolean;
  /** '' for an actor that is not a person (it is a member of nothing and has no progress). */
  readerId: string;
}

/** The forums searched, and among them those where the reader finds only their own posts ("post first"). */
export interface SearchScope {
  forumIds: readonly string[];
  ownOnlyForumIds: readonly string[];
}

/** Editions whose forums are kept at most. */
const kept = new KeptResults<readonly SearchableForum[]>({ tables: ['forums'], maxEntries: 500 });

/** The edition's forums in their order (kept, frozen). */
function forumsOfEdition(db: Executor, editionId: string): Promise<readonly SearchableForum[]> {
  return kept.get(db, editionId, async () =>
    deepFreeze(
      (await listForumsOfEdition(db, editionId)).map((f) => ({
        id: f.id,
        audience: f.audience,
        scope_kind: f.scope_kind,
        scope_id: f.scope_id,
        posting_rule: f.posting_rule,
      })),
    ),
  );
}

/**
 * Pure: the scope of a search given the edition's forums, the reader, the members-only forums they belong
 * to and the space items open to them (null: not asked, every item counts as open — staff).
 */
export function searchScopeOf(
  forums: readonly SearchableForum[],
  reader: SearchReader,
  members: ReadonlySet<string>,
  openItems: ReadonlySet<string> | null,
): SearchScope {
  const readable = forums.filter(
    (f) =>
      (reader.staff || f.audience === 'edition' || members.has(f.id)) &&
      (openItems === null || f.scope_kind !== 'space' || openItems.has(f.scope_id)),
  );
  return {
    forumIds: readable.map((f) => f.id),
    ownOnlyForumIds: reader.staff
      ? []
      : readable.filter((f) => f.posting_rule === 'post-first').map((f) => f.id),
  };
}

/** The scope of `reader`'s search over the edition's forums (see the file's comment). */
export async function searchScope(
  db: Executor,
  space: SpaceAccess,
  reader: SearchReader,
  now: string,
): Promise<SearchScope> {
  const forums = await forumsOfEdition(db, space.edition.id);
  if (reader.staff) return searchScopeOf(forums, reader, new Set(), null);
  const membersOnly = forums.filter((f) => f.audience !== 'edition').map((f) => f.id);
  const members =
    membersOnly.length && reader.readerId
      ? await memberForumIds(db, reader.readerId, membersOnly)
      : new Set<string>();
  if (!reader.readerId) return searchScopeOf(forums, reader, members, null);
  // A discussion whose item is locked for the participant (availability, prerequisite) is not searched: the
  // space's structure is kept, the person's progress read only for an item behind a prerequisite.
  const items = [...new Set(forums.filter((f) => f.scope_kind === 'space').map((f) => f.scope_id))];
  const open = new Set<string>();
  for (const itemId of items)
    if (await isItemOpenTo(db, space, itemId, reader.readerId, now)) open.add(itemId);
  return searchScopeOf(forums, reader, members, open);
}
