/**
 * The pathway module's tables: rule versions, candidacies, results, extensions, result imports. Only this module writes them (and only its code names
 * them); the `DB` type gets them from here through declaration merging, so a module's tables live in its folder.
 */
import type { Selectable } from 'kysely';

export interface RuleVersionsTable {
  id: string;
  programme_id: string;
  version: number;
  effective_from: string;
  rules_json: string;
  note: string | null;
  created_by: string | null;
  created_at: string;
}

export interface CandidaciesTable {
  id: string;
  programme_id: string;
  user_id: string;
  rule_version_id: string;
  registered_on: string;
  status: string;
  withdrawn_reason: string | null;
  withdrawn_at: string | null;
  capstone_status: string;
  capstone_completed_on: string | null;
  standing_status: string;
  standing_deadline: string | null;
  standing_at_risk: number;
  standing_awardable: number;
  standing_met: number;
  standing_json: string;
  standing_evaluated_on: string;
  created_at: string;
  updated_at: string;
}

export interface ResultsTable {
  id: string;
  user_id: string;
  course_id: string;
  enrolment_id: string | null;
  outcome: string;
  grade: string | null;
  started_on: string | null;
  completed_on: string;
  source: string;
  reference: string | null;
  recorded_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ExtensionsTable {
  id: string;
  candidacy_id: string;
  months: number;
  reason: string;
  granted_by: string | null;
  granted_at: string;
}

export interface ImportsTable {
  id: string;
  kind: string;
  status: string;
  file_name: string;
  file_sha256: string;
  row_count: number;
  error_count: number;
  rows_json: string;
  errors_json: string;
  summary_json: string | null;
  job_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ImportFilesTable {
  import_id: string;
  file_type: string;
  size_bytes: number;
  content: Buffer;
  created_at: string;
}

declare module '../../db/schema.js' {
  interface DB {
    rule_versions: RuleVersionsTable;
    candidacies: CandidaciesTable;
    results: ResultsTable;
    extensions: ExtensionsTable;
    imports: ImportsTable;
    import_files: ImportFilesTable;
  }
}

export type CandidacyRow = Selectable<CandidaciesTable>;
export type ResultRow = Selectable<ResultsTable>;
export type RuleVersionRow = Selectable<RuleVersionsTable>;
export type ImportRecordRow = Selectable<ImportsTable>;
