/**
 * The results module's tables: each edition's result policy (versioned: a save is a new row), the
 * gradebook's overrides and the snapshots of finalised results. Only this module writes them.
 * PERSISTED: `policy_json` (an `EditionPolicy`, see edition-policy.ts), `inputs_json` (`PersonInputs`) and
 * `output_json` (`PersonResult`) of result-policy.ts.
 */
import type { Selectable } from 'kysely';

export interface ResultPoliciesTable {
  id: string;
  edition_id: string;
  version: number;
  policy_json: string;
  created_by: string | null;
  created_at: string;
}

export interface ResultOverridesTable {
  id: string;
  edition_id: string;
  user_id: string;
  /** The component (a space item's id). */
  component_id: string;
  /** Hundredths, or null when excused. */
  mark: number | null;
  excused: number;
  reason: string;
  created_by: string | null;
  updated_at: string;
}

export interface ResultSnapshotsTable {
  id: string;
  edition_id: string;
  user_id: string;
  /** The pathway result it was recorded as (null when the outcome recorded no result). */
  result_id: string | null;
  policy_version: number;
  outcome: string;
  inputs_json: string;
  output_json: string;
  finalised_by: string | null;
  finalised_at: string;
}

declare module '../../db/schema.js' {
  interface DB {
    result_policies: ResultPoliciesTable;
    result_overrides: ResultOverridesTable;
    result_snapshots: ResultSnapshotsTable;
  }
}

export type PolicyRow = Selectable<ResultPoliciesTable>;
export type OverrideRow = Selectable<ResultOverridesTable>;
export type SnapshotRow = Selectable<ResultSnapshotsTable>;
