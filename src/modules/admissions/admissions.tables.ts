/**
 * The admissions module's tables: admission settings, applications, their files, reviewers, scores, comments, decisions. Only this module writes them (and only its code names
 * them); the `DB` type gets them from here through declaration merging, so a module's tables live in its folder.
 */
import type { Generated } from 'kysely';

export interface AdmissionSettingsTable {
  programme_id: string;
  /** 1: the application form is open to new applications. */
  open: Generated<number>;
  /** The last day applications may be submitted (null: no deadline). */
  closes_on: string | null;
  eligibility_json: string;
  criteria_json: string;
  updated_by: string | null;
  updated_at: string;
}

export interface ApplicationsTable {
  id: string;
  programme_id: string;
  user_id: string;
  status: string;
  locale: string;
  answers_json: string;
  step: string;
  country: string | null;
  constituency: string | null;
  eligible: number | null;
  eligibility_json: string | null;
  justification: string | null;
  override_reason: string | null;
  override_by: string | null;
  override_at: string | null;
  decision: string | null;
  decision_message: string | null;
  decided_by: string | null;
  decided_at: string | null;
  candidacy_id: string | null;
  submitted_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ApplicationFilesTable {
  id: string;
  application_id: string;
  kind: string;
  original_name: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_at: string;
}

export interface ApplicationReviewersTable {
  application_id: string;
  reviewer_id: string;
  assigned_by: string | null;
  assigned_at: string;
}

export interface ApplicationScoresTable {
  application_id: string;
  reviewer_id: string;
  scores_json: string;
  total: number;
  recommendation: string;
  note: string | null;
  submitted_at: string;
  updated_at: string;
}

export interface ApplicationCommentsTable {
  id: string;
  application_id: string;
  author_id: string | null;
  body: string;
  created_at: string;
}

export interface ApplicationDecisionsTable {
  id: string;
  application_id: string;
  decision: string;
  message: string | null;
  decided_by: string | null;
  decided_at: string;
  reopened_by: string | null;
  reopened_at: string | null;
  reopen_reason: string | null;
}

declare module '../../db/schema.js' {
  interface DB {
    admission_settings: AdmissionSettingsTable;
    applications: ApplicationsTable;
    application_files: ApplicationFilesTable;
    application_reviewers: ApplicationReviewersTable;
    application_scores: ApplicationScoresTable;
    application_comments: ApplicationCommentsTable;
    application_decisions: ApplicationDecisionsTable;
  }
}
