/** All the LRS module's SQL. */
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Executor } from '../../db/database.js';
import type {
  LrsCredentialRow,
  LrsCredentialsTable,
  LrsDocumentRow,
  LrsDocumentsTable,
  LrsStatementIndexTable,
  LrsStatementsTable,
} from './lrs.tables.js';

// Credentials

export async function insertCredential(db: Executor, row: LrsCredentialsTable): Promise<void> {
  await db.insertInto('lrs_credentials').values(row).execute();
}

export function findCredentialByKey(db: Executor, key: string): Promise<LrsCredentialRow | undefined> {
  return db.selectFrom('lrs_credentials').selectAll().where('key', '=', key).executeTakeFirst();
}

export function findCredential(db: Executor, id: string): Promise<LrsCredentialRow | undefined> {
  return db.selectFrom('lrs_credentials').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listAdminCredentials(db: Executor): Promise<LrsCredentialRow[]> {
  return db
    .selectFrom('lrs_credentials')
    .selectAll()
    .where('scope', '=', 'all')
    .orderBy('created_at', 'desc')
    .execute();
}

export async function revokeCredentialRow(db: Executor, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('lrs_credentials')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

// Statements

export async function findStatements(
  db: Executor,
  ids: readonly string[],
): Promise<Pick<LrsStatementsTable, 'id' | 'statement_json' | 'is_voided' | 'verb_id'>[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('lrs_statements')
    .select(['id', 'statement_json', 'is_voided', 'verb_id'])
    .where('id', 'in', ids)
    .execute();
}

export async function insertStatements(
  db: Executor,
  rows: readonly LrsStatementsTable[],
  index: readonly LrsStatementIndexTable[],
): Promise<void> {
  // Several rows per INSERT; kept under both engines' parameter limits.
  for (let i = 0; i < rows.length; i += 50)
    await db
      .insertInto('lrs_statements')
      .values(rows.slice(i, i + 50))
      .execute();
  for (let i = 0; i < index.length; i += 200)
    await db
      .insertInto('lrs_statement_index')
      .values(index.slice(i, i + 200))
      .execute();
}

export async function markVoided(db: Executor, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('lrs_statements').set({ is_voided: 1 }).where('id', 'in', ids).execute();
}

export async function upsertActivities(
  db: Executor,
  activities: readonly { id: string; definition_json: string }[],
): Promise<void> {
  if (activities.length === 0) return;
  await db
    .insertInto('lrs_activities')
    .values([...activities])
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({ definition_json: eb.ref('excluded.definition_json') })),
    )
    .execute();
}

/** The stored definitions of these activities (those the LRS knows). */
export function findActivities(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('lrs_activities')
    .select(['id', 'definition_json'])
    .where('id', 'in', [...ids])
    .execute();
}

export function findActivity(db: Executor, id: string) {
  return db.selectFrom('lrs_activities').select('definition_json').where('id', '=', id).executeTakeFirst();
}

/** What a statement query filters on (already checked by the caller). */
export interface StatementFilter {
  agent?: string;
  relatedAgents?: boolean;
  verb?: string;
  activity?: string;
  relatedActivities?: boolean;
  registration?: string;
  since?: string;
  until?: string;
  ascending: boolean;
  /** Continue after this `seq` (the `more` link). */
  after?: string;
  limit: number;
}

export async function queryStatements(
  db: Executor,
  filter: StatementFilter,
): Promise<{ seq: string; statement_json: string }[]> {
  let query = db
    .selectFrom('lrs_statements')
    .select(['lrs_statements.seq', 'lrs_statements.statement_json'])
    .where('lrs_statements.is_voided', '=', 0);
  if (filter.since) query = query.where('lrs_statements.stored', '>', filter.since);
  if (filter.until) query = query.where('lrs_statements.stored', '<=', filter.until);
  // xAPI 1.0.3 Communication 2.1.3: for the filters other than since, until and limit, a statement whose object
  // is a StatementRef also matches when the statement it targets matches them (voided or not).
  const own = filterConditions('lrs_statements', filter);
  if (own.length > 0) {
    const targeted = filterConditions('t', filter);
    query = query.where((eb) =>
      eb.or([
        eb.and(own),
        eb.exists(
          eb
            .selectFrom('lrs_statements as t')
            .select('t.id')
            .whereRef('t.id', '=', 'lrs_statements.target_id')
            .where((inner) => inner.and(targeted)),
        ),
      ]),
    );
  }
  if (filter.after) query = query.where('lrs_statements.seq', filter.ascending ? '>' : '<', filter.after);
  return query
    .orderBy('lrs_statements.seq', filter.ascending ? 'asc' : 'desc')
    .limit(filter.limit + 1)
    .execute();
}

/** The verb, registration, agent and activity conditions of `filter` on the statement called `alias`. */
function filterConditions(alias: string, filter: StatementFilter): RawBuilder<SqlBool>[] {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  const conditions: RawBuilder<SqlBool>[] = [];
  if (filter.verb) conditions.push(sql<SqlBool>`${column('verb_id')} = ${filter.verb}`);
  if (filter.registration) conditions.push(sql<SqlBool>`${column('registration')} = ${filter.registration}`);
  for (const [kind, value, related] of [
    ['agent', filter.agent, filter.relatedAgents],
    ['activity', filter.activity, filter.relatedActivities],
  ] as const) {
    if (!value) continue;
    conditions.push(
      sql<SqlBool>`exists (select 1 from lrs_statement_index i where i.statement_id = ${column('id')}
        and i.kind = ${kind} and i.value = ${value}${related ? sql`` : sql` and i.direct = 1`})`,
    );
  }
  return conditions;
}

export function findStatementJson(db: Executor, id: string) {
  return db
    .selectFrom('lrs_statements')
    .select(['statement_json', 'is_voided', 'stored'])
    .where('id', '=', id)
    .executeTakeFirst();
}

// Attachments

export async function insertAttachments(
  db: Executor,
  parts: readonly { sha2: string; contentType: string; bytes: Uint8Array }[],
): Promise<void> {
  for (const p of parts)
    await db
      .insertInto('lrs_attachments')
      .values({ sha2: p.sha2, content_type: p.contentType, length: p.bytes.length, content: p.bytes })
      .onConflict((oc) => oc.column('sha2').doNothing())
      .execute();
}

export function findAttachments(db: Executor, hashes: readonly string[]) {
  if (hashes.length === 0) return Promise.resolve([]);
  return db.selectFrom('lrs_attachments').selectAll().where('sha2', 'in', hashes).execute();
}

// Documents

export interface DocumentKey {
  kind: 'state' | 'activity-profile' | 'agent-profile';
  activityId: string;
  agentKey: string;
  registration: string;
}

const whereKey = (key: DocumentKey) => ({
  kind: key.kind,
  activity_id: key.activityId,
  agent_key: key.agentKey,
  registration: key.registration,
});

export function findDocument(
  db: Executor,
  key: DocumentKey,
  documentId: string,
): Promise<LrsDocumentRow | undefined> {
  const k = whereKey(key);
  return db
    .selectFrom('lrs_documents')
    .selectAll()
    .where('kind', '=', k.kind)
    .where('activity_id', '=', k.activity_id)
    .where('agent_key', '=', k.agent_key)
    .where('registration', '=', k.registration)
    .where('document_id', '=', documentId)
    .executeTakeFirst();
}

/** Document ids under a key (state: optionally any registration is not allowed: the key is exact). */
export async function listDocumentIds(db: Executor, key: DocumentKey, since?: string): Promise<string[]> {
  const k = whereKey(key);
  let query = db
    .selectFrom('lrs_documents')
    .select('document_id')
    .where('kind', '=', k.kind)
    .where('activity_id', '=', k.activity_id)
    .where('agent_key', '=', k.agent_key)
    .where('registration', '=', k.registration);
  if (since) query = query.where('updated_at', '>', since);
  return (await query.orderBy('document_id').execute()).map((r) => r.document_id);
}

export async function saveDocument(db: Executor, row: LrsDocumentsTable): Promise<void> {
  await db
    .insertInto('lrs_documents')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['kind', 'activity_id', 'agent_key', 'registration', 'document_id']).doUpdateSet({
        content_type: row.content_type,
        content: row.content,
        etag: row.etag,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

export async function deleteDocuments(db: Executor, key: DocumentKey, documentId?: string): Promise<void> {
  const k = whereKey(key);
  let query = db
    .deleteFrom('lrs_documents')
    .where('kind', '=', k.kind)
    .where('activity_id', '=', k.activity_id)
    .where('agent_key', '=', k.agent_key)
    .where('registration', '=', k.registration);
  if (documentId !== undefined) query = query.where('document_id', '=', documentId);
  await query.execute();
}
