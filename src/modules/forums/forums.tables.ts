/**
 * The forums module's tables (only this module writes them). A forum belongs to one scope (a `discussion`
 * item of a course space, a group, a role-play) and one edition; its threads hold posts. PERSISTED codes:
 * `scope_kind`, `audience`, `posting_rule`, `mode`, `kind` of rounds.
 */
import type { Selectable } from 'kysely';

export interface ForumsTable {
  id: string;
  edition_id: string;
  /** `space` (a discussion item: scope_id is the item id) | `group` | `roleplay`. */
  scope_kind: string;
  scope_id: string;
  title: string;
  /** `edition` (everyone in the edition's space) | `members` (forum_members, the members of forum_member_groups' groups, and staff only). */
  audience: string;
  /** `open` | `post-first` (a participant reads others' posts in a thread after posting there). */
  posting_rule: string;
  created_at: string;
  /** ISO instants (UTC) between which participants may write here (a role-play phase's dates); null: no limit. */
  posting_opens_at: string | null;
  posting_closes_at: string | null;
}

export interface ForumMembersTable {
  forum_id: string;
  user_id: string;
  /** The name the member posts under here (a role-play role); null: their own. */
  persona: string | null;
}

/** A group (of the groups module) whose current members are members of the forum. */
export interface ForumMemberGroupsTable {
  forum_id: string;
  group_id: string;
  /** The name the group's members post under here (a role-play role); null: their own. */
  persona: string | null;
  /** Order among the forum's groups: someone in two of them posts under the first one's persona. */
  position: number;
}

export interface ForumThreadsTable {
  id: string;
  forum_id: string;
  edition_id: string;
  subject: string;
  author_id: string;
  persona: string | null;
  pinned: number;
  locked: number;
  created_at: string;
  last_post_at: string;
}

export interface ForumPostsTable {
  id: string;
  thread_id: string;
  forum_id: string;
  edition_id: string;
  author_id: string;
  persona: string | null;
  body: string;
  /** The post this one replies to and quotes (null: a reply to the thread, or its opening post). */
  reply_to: string | null;
  hidden: number;
  hidden_note: string | null;
  hidden_by: string | null;
  created_at: string;
  edited_at: string | null;
}

export interface ForumPostEditsTable {
  id: string;
  post_id: string;
  /** The text before the edit. */
  body: string;
  edited_by: string;
  edited_at: string;
}

export interface ForumReportsTable {
  id: string;
  post_id: string;
  reporter_id: string;
  reason: string;
  created_at: string;
  resolved_at: string | null;
}

export interface ForumReadsTable {
  thread_id: string;
  user_id: string;
  last_read_at: string;
}

export interface ForumSubscriptionsTable {
  user_id: string;
  /** `forum` | `thread`. */
  target_kind: string;
  target_id: string;
  forum_id: string;
  /** `immediate` | `digest`. */
  mode: string;
  created_at: string;
}

export interface ForumDigestsTable {
  user_id: string;
  /** The person's local day the digest covers (YYYY-MM-DD): the primary key makes it once per day. */
  day: string;
  since: string;
  sent_at: string;
}

export interface ForumAttachmentsTable {
  id: string;
  post_id: string;
  storage_key: string;
  file_name: string;
  content_type: string;
  size: number;
  created_at: string;
}

export interface ForumPostSearchTable {
  post_id: string;
  body: string;
}

export interface ForumDebateTeamsTable {
  item_id: string;
  user_id: string;
  position_id: string;
  /** `facilitator` | `participant`. */
  chosen_by: string;
}

export interface ForumDebateVotesTable {
  item_id: string;
  user_id: string;
  /** `before` | `after`. */
  phase: string;
  position_id: string;
  voted_at: string;
}

export interface ForumDebateContributionsTable {
  id: string;
  item_id: string;
  round_id: string;
  user_id: string;
  position_id: string;
  body: string;
  created_at: string;
}

export interface ForumDebateSummariesTable {
  item_id: string;
  summary: string;
  written_by: string;
  written_at: string;
}

declare module '../../db/schema.js' {
  interface DB {
    forums: ForumsTable;
    forum_members: ForumMembersTable;
    forum_member_groups: ForumMemberGroupsTable;
    forum_threads: ForumThreadsTable;
    forum_posts: ForumPostsTable;
    forum_post_edits: ForumPostEditsTable;
    forum_reports: ForumReportsTable;
    forum_reads: ForumReadsTable;
    forum_subscriptions: ForumSubscriptionsTable;
    forum_digests: ForumDigestsTable;
    forum_attachments: ForumAttachmentsTable;
    forum_post_search: ForumPostSearchTable;
    forum_debate_teams: ForumDebateTeamsTable;
    forum_debate_votes: ForumDebateVotesTable;
    forum_debate_contributions: ForumDebateContributionsTable;
    forum_debate_summaries: ForumDebateSummariesTable;
  }
}

export const FORUM_TABLES = [
  'forums',
  'forum_members',
  'forum_member_groups',
  'forum_threads',
  'forum_posts',
  'forum_post_edits',
  'forum_reports',
  'forum_reads',
  'forum_subscriptions',
  'forum_digests',
  'forum_attachments',
  'forum_post_search',
  'forum_debate_teams',
  'forum_debate_votes',
  'forum_debate_contributions',
  'forum_debate_summaries',
] as const;

export type ForumRow = Selectable<ForumsTable>;
export type ThreadRow = Selectable<ForumThreadsTable>;
export type PostRow = Selectable<ForumPostsTable>;
export type ForumAttachmentRow = Selectable<ForumAttachmentsTable>;
export type SubscriptionRow = Selectable<ForumSubscriptionsTable>;
