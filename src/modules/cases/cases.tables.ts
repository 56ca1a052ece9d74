/**
 * The cases module's tables (only this module writes them), keyed by the `case` space item: the case's
 * texts and answer settings, the news released at set dates, its documents (files through the storage
 * port), and the answers (one per person, or per group of a group set) with the facilitator's feedback.
 * PERSISTED: `answer_mode`, `owner_type` codes, localized JSON columns.
 */
import type { Selectable } from 'kysely';

export interface CasesTable {
  item_id: string;
  /** Localized Markdown: the country context, documents and data described. */
  context_i18n: string;
  /** Localized Markdown: the questions. */
  questions_i18n: string;
  /** `individual` | `group`. */
  answer_mode: string;
  group_set_id: string | null;
  deadline_at: string | null;
  /** Localized Markdown: shown to participants once the deadline has passed. */
  debrief_i18n: string;
  updated_at: string;
}

export interface CaseReleasesTable {
  id: string;
  item_id: string;
  title_i18n: string;
  body_i18n: string;
  /** Participants see it from this instant (staff see it before, marked as scheduled). */
  release_at: string;
  created_at: string;
}

export interface CaseDocumentsTable {
  id: string;
  item_id: string;
  title: string;
  storage_key: string;
  file_name: string;
  content_type: string;
  size: number;
  created_at: string;
}

export interface CaseAnswersTable {
  id: string;
  item_id: string;
  /** `person` | `group`. */
  owner_type: string;
  owner_id: string;
  body: string;
  submitted_by: string;
  updated_at: string;
  feedback: string | null;
  feedback_by: string | null;
  feedback_at: string | null;
}

declare module '../../db/schema.js' {
  interface DB {
    cases: CasesTable;
    case_releases: CaseReleasesTable;
    case_documents: CaseDocumentsTable;
    case_answers: CaseAnswersTable;
  }
}

export type CaseRow = Selectable<CasesTable>;
export type ReleaseRow = Selectable<CaseReleasesTable>;
export type DocumentRow = Selectable<CaseDocumentsTable>;
export type AnswerRow = Selectable<CaseAnswersTable>;
