/**
 * The capstones module's tables (only this module writes them, and only its code names them).
 * PERSISTED: `state`, `kind`, `library_licence` codes; `themes_json`, `approaches_json`, `abstracts_json`.
 */
import type { Selectable } from 'kysely';

export interface CapstonesTable {
  id: string;
  candidacy_id: string;
  user_id: string;
  programme_id: string;
  state: string;
  title: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  policy_question: string;
  themes_json: string;
  approaches_json: string;
  /** en | fr | es */
  language: string;
  outline_due: string | null;
  draft_due: string | null;
  final_due: string | null;
  /** The window's end when the milestones were last planned (a later end since: an extension). */
  planned_deadline: string | null;
  committee_comment: string | null;
  decided_by: string | null;
  decided_at: string | null;
  supervisor_id: string | null;
  attempts: number;
  resubmission_due: string | null;
  outcome_mark: number | null;
  completed_on: string | null;
  credential_id: string | null;
  library_licence: string | null;
  library_show_author: number;
  library_link_diploma: number;
  published_at: string | null;
  /** Folded title, question, themes and abstracts: what the library's search looks in. */
  search_text: string;
  created_at: string;
  updated_at: string;
}

export interface CapstoneAttemptsTable {
  id: string;
  capstone_id: string;
  attempt: number;
  type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  original_name: string;
  abstracts_json: string;
  declared: number;
  digest: string | null;
  submitted_at: string | null;
  created_at: string;
}

export interface CapstoneMessagesTable {
  id: string;
  capstone_id: string;
  author_id: string | null;
  /** message | feedback | draft */
  kind: string;
  body: string;
  storage_key: string | null;
  file_type: string | null;
  file_name: string | null;
  sha256: string | null;
  created_at: string;
}

export interface CapstoneSupervisorsTable {
  person_id: string;
  max_load: number;
  created_at: string;
}

export interface CapstoneSettingsTable {
  programme_id: string;
  rubric_id: string | null;
  pass_mark: number;
  discrepancy: number;
  show_mark: number;
  updated_at: string;
}

/** The library's full-text index: one folded document per published capstone (FTS5 / tsvector). */
export interface CapstoneLibrarySearchTable {
  capstone_id: string;
  body: string;
}

/** A programme's capstone committee: the managers named to decide its proposals. */
export interface CapstoneCommitteeTable {
  programme_id: string;
  person_id: string;
  named_by: string | null;
  named_at: string;
}

/** A milestone (outline, full draft) recorded as reached, with the day. */
export interface CapstoneMilestonesTable {
  capstone_id: string;
  milestone: string;
  reached_on: string;
  recorded_by: string | null;
  recorded_at: string;
}

declare module '../../db/schema.js' {
  interface DB {
    capstone_committee: CapstoneCommitteeTable;
    capstone_milestones: CapstoneMilestonesTable;
    capstone_library_search: CapstoneLibrarySearchTable;
    capstones: CapstonesTable;
    capstone_attempts: CapstoneAttemptsTable;
    capstone_messages: CapstoneMessagesTable;
    capstone_supervisors: CapstoneSupervisorsTable;
    capstone_settings: CapstoneSettingsTable;
  }
}

export type CapstoneRow = Selectable<CapstonesTable>;
export type CapstoneAttemptRow = Selectable<CapstoneAttemptsTable>;
export type CapstoneMessageRow = Selectable<CapstoneMessagesTable>;
