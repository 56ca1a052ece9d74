/**
 * The forums engine as other modules use it (groups' forums, role-plays' in-character discussions): make
 * the forum of a scope, keep its members, write in it (optionally as a persona, e.g. a role's name shown to
 * participants instead of the author's; staff still see who), find a scope's forum; a form of its own that
 * posts in a forum takes a post's file as the forum's forms do (`forumUpload`, `AttachmentField`). Pages for the forum
 * are this module's (`/forums/:id`, `/threads/:id`); link to them with `forumPath`.
 *
 * A `group` or `roleplay` forum is members-only by default: its members (set by the owning module with
 * `setForumMembers`) and the edition's staff read it; others are told it does not exist.
 */
import type { Executor } from '../../db/database.js';
import type { ForumScope } from './forum.js';
import { findForumByScope } from './forums.repository.js';
import { type ForumSummary, presentForum } from './read-forums.js';

export { forumUpload } from './attachments/forum-upload-http.js';
export { type CreateForumInput, createForum, type ForumMember, setForumMembers } from './create-forum.js';
export type { ForumScope, PostingRule, PostingWindow, ScopeKind } from './forum.js';
export { type Participation, participationInEdition } from './participation.js';
export { type PostInput, postInForum } from './post-in-forum.js';
export { type ForumSummary, getForum, getThread } from './read-forums.js';
export { AttachmentField } from './views/forum-parts.js';

/** The forum of a scope, or null when none was made. Permission-free. */
export async function forumForScope(db: Executor, scope: ForumScope): Promise<ForumSummary | null> {
  const row = await findForumByScope(db, scope.kind, scope.id);
  return row ? presentForum(row) : null;
}

/** The path of a forum's page. */
export function forumPath(forumId: string): string {
  return `/forums/${encodeURIComponent(forumId)}`;
}
