import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import { AppError } from '../../kernel/errors.js';
import { isId, newId } from '../../kernel/ids.js';
import { findEditionWithCourse } from '../catalogue/catalogue.queries.js';
import {
  type Audience,
  checkLine,
  type ForumScope,
  type PostingRule,
  type PostingWindow,
  SCOPE_KINDS,
  TITLE_MAX,
} from './forum.js';
import { findForumByScope, insertForum, replaceForumMembers } from './forums.repository.js';
import type { ForumRow } from './forums.tables.js';

export interface CreateForumInput {
  editionId: string;
  scope: ForumScope;
  title: string;
  /** `edition` (default for space forums): everyone in the edition's space; `members`: `members` and staff. */
  audience?: Audience;
  members?: readonly ForumMember[];
  postingRule?: PostingRule;
  /** When participants may write (a role-play phase's dates); staff always may. No window: always. */
  postingWindow?: PostingWindow;
}

/**
 * The forum of a scope, made on first use (idempotent: the scope's forum if it exists). Permission-free:
 * for the module that owns the scope (a discussion item, a group, a role-play), which checks its own rules.
 */
export async function createForum(
  db: Executor,
  deps: Pick<Services, 'clock'>,
  input: CreateForumInput,
): Promise<ForumRow> {
  if (!SCOPE_KINDS.includes(input.scope.kind) || !input.scope.id) throw new AppError('bad_request');
  const existing = await findForumByScope(db, input.scope.kind, input.scope.id);
  if (existing) return existing;
  const title = checkLine('title', input.title, TITLE_MAX);
  if ('path' in title) throw new AppError('validation_failed', {}, [title]);
  if (!isId(input.editionId) || !(await findEditionWithCourse(db, input.editionId)))
    throw new AppError('not_found');
  const row: ForumRow = {
    id: newId(),
    edition_id: input.editionId,
    scope_kind: input.scope.kind,
    scope_id: input.scope.id,
    title: title.value,
    audience: input.audience ?? (input.scope.kind === 'space' ? 'edition' : 'members'),
    posting_rule: input.postingRule ?? 'open',
    created_at: deps.clock.now().toISOString(),
    posting_opens_at: input.postingWindow?.opensAt ?? null,
    posting_closes_at: input.postingWindow?.closesAt ?? null,
  };
  await insertForum(db, row);
  if (input.members) await setForumMembers(db, row.id, input.members);
  return row;
}

/**
 * A member of a members-only forum: a person, a person and the persona they post under there, or a group
 * (of the groups module) whose members of the moment are members, with their persona.
 */
export type ForumMember =
  | string
  | { userId: string; persona: string | null }
  | { groupId: string; persona: string | null };

/**
 * Replaces the members of a members-only forum (the owning module's groups or role-play holders; a group
 * member is read through the group at each use, so a change of the group needs no call here). A member
 * with a persona (a role's name) posts under it wherever they write in the forum, unless the caller of
 * `postInForum` names another; the forum's staff always post as themselves.
 */
export async function setForumMembers(db: Executor, forumId: string, members: readonly ForumMember[]) {
  const people: { userId: string; persona: string | null }[] = [];
  const groups: { groupId: string; persona: string | null }[] = [];
  for (const m of members)
    if (typeof m === 'string') people.push({ userId: m, persona: null });
    else if ('groupId' in m) groups.push(m);
    else people.push(m);
  await replaceForumMembers(db, forumId, people, groups);
}
