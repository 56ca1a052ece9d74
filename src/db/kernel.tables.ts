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

declare module './schema.js' {
  interface DB {
    audit_events: AuditEventsTable;
  }
}
