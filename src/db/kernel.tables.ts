/**
 * The platform's own tables (the audit log). Only src/kernel writes them. The modules' tables are declared
 * in their folders and merged into `DB` (see schema.ts).
 */

export interface AuditEventsTable {
  id: string;
  occurred_at: string;
  actor_id: string | null;
  actor_label: string;
  action: string;
  target_type: string;
  target_id: string;
  before_json: string | null;
  after_json: string | null;
}

/** Rows staged ahead of an all-or-nothing change (src/db/staged-rows.ts): a chunk of one table's rows. */
export interface StagedRowsTable {
  batch_id: string;
  /** What the batch belongs to (an import's id), for clearing what a crashed attempt left. */
  owner: string;
  target: string;
  seq: number;
  rows_json: string;
  created_at: string;
}

declare module './schema.js' {
  interface DB {
    audit_events: AuditEventsTable;
    staged_rows: StagedRowsTable;
  }
}
