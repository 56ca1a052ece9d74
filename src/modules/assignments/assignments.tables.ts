/**
 * The assignments module's tables (only this module writes them, and only its code names them).
 * PERSISTED: `resubmission`, `scope`, `status` and `type` codes; `file_types` and `instructions_i18n` JSON.
 */
import type { Generated, Insertable, Selectable } from 'kysely';

export interface AssignmentsTable {
  id: string;
  edition_id: string;
  item_id: string | null;
  title: string;
  instructions_i18n: string;
  accepts_text: number;
  accepts_files: number;
  /** JSON array of accepted file types (`pdf`, `docx`). */
  file_types: string;
  max_files: number;
  max_file_bytes: number;
  opens_at: string | null;
  due_at: string | null;
  cutoff_at: string | null;
  marking_due_at: string | null;
  resubmission: string;
  max_attempts: number | null;
  /** The marking module's rubric its submissions are marked with (its version is frozen at first mark). */
  rubric_id: string | null;
  second_marking: number;
  /** Hundredths of a percent two marks may differ by before the pair is flagged. */
  discrepancy: number;
  /** Hundredths of a percent a released mark must reach to pass. */
  pass_mark: number;
  /** The late penalty: `none`, `percent-per-day` or `fixed`; points in hundredths; cap (0: none). */
  late_penalty_kind: string;
  late_penalty_amount: number;
  late_penalty_cap: number;
  /** 1: group work (one submission per group); the group set (null: a group of one each) and 1 to adjust
   * each member's mark by the set's peer-evaluation factor. */
  group_work: number;
  group_set_id: string | null;
  peer_adjustment: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface AssignmentDateOverridesTable {
  id: string;
  assignment_id: string;
  scope: string;
  person_id: string | null;
  group_id: string | null;
  opens_at: string | null;
  due_at: string | null;
  cutoff_at: string | null;
  reason: string | null;
  created_by: string | null;
  created_at: string;
}

export interface AssignmentSubmissionsTable {
  id: string;
  assignment_id: string;
  person_id: string;
  attempt: number;
  status: string;
  text: string;
  declared: number;
  submitted_at: string | null;
  late: number;
  digest: string | null;
  reopened_at: string | null;
  reopen_reason: string | null;
  /** The group whose submission this is (group work with a group set), else null. */
  group_id: string | null;
  /** The language the work is written in (a teaching-language code; null: the edition's). */
  language: string | null;
  /** The online text's similarity fingerprints (`encodePrints`), kept once submitted; null: not yet. */
  text_prints: string | null;
  created_at: string;
  updated_at: string;
}

/** A member's statement of what they contributed to their group's submission. */
export interface AssignmentContributionsTable {
  id: string;
  submission_id: string;
  person_id: string;
  statement: string;
  updated_at: string;
}

export interface AssignmentFilesTable {
  id: string;
  submission_id: string;
  rank: number;
  type: string;
  original_name: string;
  /** The name markers download it under (the participant number): never the uploaded name. */
  marker_name: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_at: string;
}

/** The text of a submitted file, extracted once (no row: not yet, e.g. while pdftotext is missing). */
export interface AssignmentFileTextsTable {
  file_id: string;
  text: string;
  extracted_at: string;
  /** The text's similarity fingerprints (`encodePrints`); null: kept before fingerprints were. */
  prints: string | null;
  /** 1: the file could not be read at all (a corrupt or hostile DOCX): its text is '' and the check says so. */
  unreadable: Generated<number>;
}

/** A reference document of an assignment's similarity check (its text extracted at upload). */
export interface AssignmentReferencesTable {
  id: string;
  assignment_id: string;
  title: string;
  /** `pdf` or `docx`, by content. */
  type: string;
  size_bytes: number;
  storage_key: string;
  text: string;
  /** The text's similarity fingerprints (`encodePrints`); null: uploaded before fingerprints were kept. */
  prints: string | null;
  uploaded_by: string | null;
  uploaded_at: string;
}

/** An assignment's similarity state: `version` rises at every change of what its check compares. */
export interface AssignmentSimilarityTable {
  assignment_id: string;
  version: Generated<number>;
  /** The version the stored pairs were computed at (null: never; stale when it differs from `version`). */
  pairs_version: number | null;
}

/** A stored match of a latest submission: another submission, an earlier edition's, or a reference. */
export interface AssignmentSimilarityPairsTable {
  submission_id: string;
  other_id: string;
  assignment_id: string;
  /** The check's order among equal percents: 0 this assignment's, 1 an earlier edition's, 2 a reference. */
  kind_rank: number;
  /** The other's place in its list (latest submissions, earlier editions' or references, as the check reads them). */
  position: number;
  percent: number;
}

declare module '../../db/schema.js' {
  interface DB {
    assignment_references: AssignmentReferencesTable;
    assignments: AssignmentsTable;
    assignment_date_overrides: AssignmentDateOverridesTable;
    assignment_submissions: AssignmentSubmissionsTable;
    assignment_files: AssignmentFilesTable;
    assignment_file_texts: AssignmentFileTextsTable;
    assignment_contributions: AssignmentContributionsTable;
    assignment_similarity: AssignmentSimilarityTable;
    assignment_similarity_pairs: AssignmentSimilarityPairsTable;
  }
}

export type AssignmentRow = Selectable<AssignmentsTable>;
export type NewAssignmentRow = Insertable<AssignmentsTable>;
export type OverrideRow = Selectable<AssignmentDateOverridesTable>;
export type SubmissionRow = Selectable<AssignmentSubmissionsTable>;
export type FileRow = Selectable<AssignmentFilesTable>;
export type ContributionRow = Selectable<AssignmentContributionsTable>;
