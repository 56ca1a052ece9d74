/**
 * The groups module's tables (only this module writes them): group sets per edition, their groups and
 * members, each group's shared page (numbered revisions), shared files, each group's work on a group task,
 * peer evaluations and their ratings. PERSISTED: `formation` and `source` codes.
 */
import type { Insertable, Selectable } from 'kysely';

export interface GroupSetsTable {
  id: string;
  edition_id: string;
  name: string;
  /** `manual` | `random` | `self` | `balanced`. */
  formation: string;
  /** Most members per group when people choose their group (`self`), else null. */
  capacity: number | null;
  /** ISO instant (UTC) after which people may no longer choose or change their group (`self`), or null. */
  closes_at: string | null;
  created_by: string | null;
  created_at: string;
}

export interface WorkGroupsTable {
  id: string;
  group_set_id: string;
  name: string;
  position: number;
  created_at: string;
}

export interface GroupMembersTable {
  group_set_id: string;
  group_id: string;
  user_id: string;
  /** `manual` | `random` | `self` | `balanced`. */
  source: string;
  added_at: string;
}

export interface GroupPageRevisionsTable {
  group_id: string;
  /** 1, 2, 3 … (the primary key refuses a second save of the same version). */
  version: number;
  body: string;
  edited_by: string | null;
  edited_at: string;
}

export interface GroupFilesTable {
  id: string;
  group_id: string;
  storage_key: string;
  file_name: string;
  content_type: string;
  size: number;
  uploaded_by: string | null;
  uploaded_at: string;
}

export interface GroupTaskWorkTable {
  item_id: string;
  group_id: string;
  body: string;
  version: number;
  updated_by: string | null;
  updated_at: string;
  submitted_by: string | null;
  submitted_at: string | null;
}

export interface PeerEvaluationsTable {
  group_set_id: string;
  /** What members rate each other on (Markdown, written by the facilitator). */
  criteria: string;
  opens_at: string;
  closes_at: string;
  opened_by: string | null;
  created_at: string;
}

export interface PeerRatingsTable {
  group_set_id: string;
  rater_id: string;
  ratee_id: string;
  /** 1–5. */
  score: number;
  comment: string;
  rated_at: string;
}

declare module '../../db/schema.js' {
  interface DB {
    group_sets: GroupSetsTable;
    work_groups: WorkGroupsTable;
    group_members: GroupMembersTable;
    group_page_revisions: GroupPageRevisionsTable;
    group_files: GroupFilesTable;
    group_task_work: GroupTaskWorkTable;
    peer_evaluations: PeerEvaluationsTable;
    peer_ratings: PeerRatingsTable;
  }
}

export type GroupSetRow = Selectable<GroupSetsTable>;
export type WorkGroupRow = Selectable<WorkGroupsTable>;
export type GroupMemberRow = Selectable<GroupMembersTable>;
export type PageRevisionRow = Selectable<GroupPageRevisionsTable>;
export type GroupFileRow = Selectable<GroupFilesTable>;
export type NewGroupFileRow = Insertable<GroupFilesTable>;
export type GroupTaskWorkRow = Selectable<GroupTaskWorkTable>;
export type PeerEvaluationRow = Selectable<PeerEvaluationsTable>;
export type PeerRatingRow = Selectable<PeerRatingsTable>;

export const GROUP_TABLES = [
  'group_sets',
  'work_groups',
  'group_members',
  'group_page_revisions',
  'group_files',
  'group_task_work',
  'peer_evaluations',
  'peer_ratings',
] as const;
