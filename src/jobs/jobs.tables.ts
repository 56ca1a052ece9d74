/**
 * The jobs module's tables: the job queue. Only this module writes them (and only its code names
 * them); the `DB` type gets them from here through declaration merging, so a module's tables live in its folder.
 */
import type { Selectable } from 'kysely';

export interface JobsTable {
  id: string;
  kind: string;
  payload_json: string;
  idempotency_key: string | null;
  status: string;
  attempts: number;
  max_attempts: number;
  run_at: string;
  locked_by: string | null;
  locked_until: string | null;
  progress: number;
  total: number;
  last_error: string | null;
  result_json: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

declare module '../db/schema.js' {
  interface DB {
    jobs: JobsTable;
  }
}

export type JobRow = Selectable<JobsTable>;
