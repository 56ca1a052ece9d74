/**
 * The marking module's tables (only this module writes them, and only its code names them).
 * PERSISTED: `state` and `role` codes; `criteria_json`, `scores_json`, `feedback_json`, `members_json`,
 * `member_marks_json`.
 */
import type { Selectable } from 'kysely';

export interface MarkingRubricsTable {
  id: string;
  title: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface MarkingRubricVersionsTable {
  id: string;
  rubric_id: string;
  version: number;
  criteria_json: string;
  /** Set when the first mark uses it: a frozen version is never edited (a new version is made). */
  frozen_at: string | null;
  created_at: string;
}

export interface MarkingNumbersTable {
  context_id: string;
  person_id: string;
  number: number;
}

export interface MarkingContextsTable {
  context_id: string;
  revealed_at: string | null;
  revealed_by: string | null;
}

export interface MarkingSubmissionsTable {
  id: string;
  owner_module: string;
  owner_id: string;
  context_id: string;
  participant_id: string;
  rubric_version_id: string | null;
  state: string;
  second_marking: number;
  discrepancy: number;
  pass_mark: number;
  item_id: string | null;
  view_path: string;
  participant_path: string;
  agreed_mark: number | null;
  agreed_note: string | null;
  agreed_by: string | null;
  feedback_json: string | null;
  released_at: string | null;
  /** Points (hundredths) taken from the released mark at the owner's request (a late penalty). */
  late_penalty: number;
  /** A group's submission: JSON array of the members' account ids who share the mark (null: the participant). */
  members_json: string | null;
  /** The group set whose peer-evaluation factors adjust each member's mark (null: none). */
  peer_set_id: string | null;
  /** Each member's released mark, JSON `{ personId: hundredths }`, set at release (group submissions). */
  member_marks_json: string | null;
  /** The language the submission is written in (a teaching-language code; null: not said). */
  language: string | null;
  created_at: string;
  updated_at: string;
}

export interface MarkingMarksTable {
  id: string;
  submission_id: string;
  marker_id: string;
  role: string;
  scores_json: string;
  overall_comment: string;
  total: number | null;
  completed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface MarkingExaminersTable {
  context_id: string;
  person_id: string;
  appointed_by: string | null;
  appointed_at: string;
}

/** A marker's frequent comment (for any rubric when `rubric_id` is null). */
export interface MarkingCommentsTable {
  id: string;
  marker_id: string;
  rubric_id: string | null;
  text: string;
  created_at: string;
}

/** A feedback file of a marking submission (released with the mark). */
export interface MarkingFeedbackFilesTable {
  id: string;
  submission_id: string;
  rank: number;
  /** `pdf` or `docx`, by content. */
  type: string;
  size_bytes: number;
  storage_key: string;
  uploaded_by: string | null;
  uploaded_at: string;
}

/** A language a marker marks in (allocation by language). */
export interface MarkingMarkerLanguagesTable {
  marker_id: string;
  language: string;
  updated_at: string;
}

declare module '../../db/schema.js' {
  interface DB {
    marking_marker_languages: MarkingMarkerLanguagesTable;
    marking_comments: MarkingCommentsTable;
    marking_feedback_files: MarkingFeedbackFilesTable;
    marking_rubrics: MarkingRubricsTable;
    marking_rubric_versions: MarkingRubricVersionsTable;
    marking_numbers: MarkingNumbersTable;
    marking_contexts: MarkingContextsTable;
    marking_submissions: MarkingSubmissionsTable;
    marking_marks: MarkingMarksTable;
    marking_examiners: MarkingExaminersTable;
  }
}

export type RubricRow = Selectable<MarkingRubricsTable>;
export type RubricVersionRow = Selectable<MarkingRubricVersionsTable>;
export type MarkingSubmissionRow = Selectable<MarkingSubmissionsTable>;
export type MarkRow = Selectable<MarkingMarksTable>;
export type BankCommentRow = Selectable<MarkingCommentsTable>;
export type FeedbackFileRow = Selectable<MarkingFeedbackFilesTable>;
