/**
 * The LRS module's internal commands and queries for other modules (cmi5 launches in the packages
 * module): permission-free, for use cases that have checked who acts. Not for routes.
 */
import { createHash } from 'node:crypto';
import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { queryStatements, saveDocument } from './lrs.repository.js';
import type { LrsCredentialRow } from './lrs.tables.js';
import { issueCredential } from './lrs-credentials.js';
import { storeStatements } from './store-statements.js';
import type { JsonObject } from './xapi-statement.js';
import { agentKey } from './xapi-statement-index.js';

/** The credential the platform itself writes with (its statements' authority). */
const PLATFORM_CREDENTIAL: LrsCredentialRow = {
  id: 'platform',
  name: 'Diploma Platform',
  key: 'platform',
  secret_hash: '',
  scope: 'all',
  registration: null,
  agent_key: null,
  created_at: '',
  created_by: null,
  expires_at: null,
  revoked_at: null,
};

/**
 * A credential for one cmi5 AU session: it may write and read, but never void; it expires. Returns the
 * Basic `key:secret`.
 */
export async function issueAuCredential(
  db: Executor,
  deps: Services,
  actor: Actor,
  input: { name: string; registration: string; agent: JsonObject; expiresAt: string },
): Promise<string> {
  const { key, secret } = await issueCredential(db, deps, actor, {
    name: input.name,
    scope: 'au',
    registration: input.registration,
    agentKey: agentKey(input.agent),
    expiresAt: input.expiresAt,
  });
  return `${key}:${secret}`;
}

/** Writes a JSON state document (cmi5's `LMS.LaunchData`), replacing what was there. */
export async function writeStateDocument(
  db: Executor,
  deps: Pick<Services, 'clock'>,
  input: {
    activityId: string;
    agent: JsonObject;
    registration: string;
    stateId: string;
    content: JsonObject;
  },
): Promise<void> {
  const bytes = Buffer.from(JSON.stringify(input.content));
  await saveDocument(db, {
    kind: 'state',
    activity_id: input.activityId,
    agent_key: agentKey(input.agent) ?? '',
    registration: input.registration.toLowerCase(),
    document_id: input.stateId,
    content_type: 'application/json',
    content: bytes,
    etag: createHash('sha1').update(bytes).digest('hex'),
    updated_at: deps.clock.now().toISOString(),
  });
}

/** Stores statements the platform itself makes (cmi5's launched / satisfied). */
export function storePlatformStatements(
  db: Executor,
  deps: Services,
  statements: JsonObject[],
): Promise<string[]> {
  return storeStatements(db, deps, PLATFORM_CREDENTIAL, { statements, parts: [], version: '1.0.3' });
}

/** The statements of a registration (oldest first, voided left out), at most `limit`. */
export async function statementsOfRegistration(
  db: Executor,
  registration: string,
  limit = 1000,
): Promise<JsonObject[]> {
  const rows = await queryStatements(db, {
    registration: registration.toLowerCase(),
    ascending: true,
    limit,
  });
  return rows.slice(0, limit).map((r) => JSON.parse(r.statement_json) as JsonObject);
}
