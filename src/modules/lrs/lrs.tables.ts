/** The LRS module's tables: it alone writes them, and their types merge into `DB` from here. */
import type { Selectable } from 'kysely';

/** HTTP Basic credentials of the LRS (an administrator's, or a cmi5 AU session's). Only the secret's hash is kept. */
export interface LrsCredentialsTable {
  id: string;
  name: string;
  /** The Basic user name (public part). */
  key: string;
  secret_hash: string;
  /** `all`: read and write everything; `au`: a cmi5 AU session (no voiding, its registration only). */
  scope: string;
  /** For `au` credentials: the registration and the actor (agent key) they may write for. */
  registration: string | null;
  agent_key: string | null;
  created_at: string;
  created_by: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

/** One stored statement (the JSON as it will be returned, plus the columns queries filter on). */
export interface LrsStatementsTable {
  id: string;
  /** Monotonic order of storage (a UUIDv7): paging and `ascending` follow it. */
  seq: string;
  stored: string;
  timestamp: string;
  statement_json: string;
  verb_id: string;
  registration: string | null;
  is_voided: number;
  /** The id of the statement this one voids (a voiding statement), else null. */
  voids_id: string | null;
  /** The id of the statement a StatementRef object points at (voiding statements included), else null. */
  target_id: string | null;
  credential_id: string;
}

/** What a statement is about, for the agent/activity queries (`related` widens to context and sub-statements). */
export interface LrsStatementIndexTable {
  statement_id: string;
  /** `agent` (value: agent key) or `activity` (value: activity IRI). */
  kind: string;
  value: string;
  /** 1 when the value is the statement's actor or object, 0 when only related. */
  direct: number;
}

/** Attachment content by its SHA-256 (shared by statements that carry the same bytes). */
export interface LrsAttachmentsTable {
  sha2: string;
  content_type: string;
  length: number;
  content: Uint8Array;
}

/** State, activity profile and agent profile documents. Empty strings stand for "not part of the key". */
export interface LrsDocumentsTable {
  kind: string;
  activity_id: string;
  agent_key: string;
  registration: string;
  document_id: string;
  content_type: string;
  content: Uint8Array;
  etag: string;
  updated_at: string;
}

/** The latest definition seen of each activity (GET /xapi/activities). */
export interface LrsActivitiesTable {
  id: string;
  definition_json: string;
}

declare module '../../db/schema.js' {
  interface DB {
    lrs_credentials: LrsCredentialsTable;
    lrs_statements: LrsStatementsTable;
    lrs_statement_index: LrsStatementIndexTable;
    lrs_attachments: LrsAttachmentsTable;
    lrs_documents: LrsDocumentsTable;
    lrs_activities: LrsActivitiesTable;
  }
}

export type LrsCredentialRow = Selectable<LrsCredentialsTable>;
export type LrsStatementRow = Selectable<LrsStatementsTable>;
export type LrsDocumentRow = Selectable<LrsDocumentsTable>;
