/**
 * Stores statements (PUT one, POST a batch): checks every one, the attachments they declare against the
 * parts received, conflicts with stored ids, voiding; all in one transaction (all or nothing).
 * PERSISTED SHAPE: `statement_json` is returned as stored, so it keeps the xAPI statement format.
 */
import { randomUUID } from 'node:crypto';
import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import { newId } from '../../kernel/ids.js';
import { mergeActivityDefinitions } from './activity-definition.js';
import {
  findActivities,
  findStatements,
  insertAttachments,
  insertStatements,
  markVoided,
  upsertActivities,
} from './lrs.repository.js';
import type { LrsCredentialRow, LrsStatementIndexTable, LrsStatementsTable } from './lrs.tables.js';
import { checkSignatures, SIGNATURE_USAGE } from './statement-signature.js';
import { checkStatement, isObject, type JsonObject, VOIDED_VERB, XapiError } from './xapi-statement.js';
import { definedActivities, indexEntries, normaliseStatement } from './xapi-statement-index.js';

/** An attachment part of a multipart/mixed request. */
export interface AttachmentPart {
  sha2: string;
  contentType: string;
  bytes: Uint8Array;
}

export { SIGNATURE_USAGE };

/** The authority the LRS writes on statements stored with a credential. */
export function authorityOf(credential: LrsCredentialRow, baseUrl: string): JsonObject {
  return {
    objectType: 'Agent',
    name: credential.name,
    account: { homePage: `${baseUrl}/xapi`, name: credential.key },
  };
}

/** The client's part of a statement, to tell an identical re-send (no-op) from a conflict. */
function comparable(statement: JsonObject, withTimestamp: boolean): string {
  const { stored: _s, authority: _a, version: _v, id: _i, timestamp, ...rest } = statement;
  const time = withTimestamp && timestamp ? new Date(String(timestamp)).getTime() : null;
  return JSON.stringify(sortKeys({ ...rest, timestamp: time }));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys(value[k])]),
  );
}

function checkAttachmentParts(statements: JsonObject[], parts: readonly AttachmentPart[]): void {
  const declared = new Set<string>();
  for (const s of statements) {
    for (const a of (s.attachments as JsonObject[] | undefined) ?? []) {
      if (a.fileUrl !== undefined && !parts.some((p) => p.sha2 === a.sha2)) continue;
      declared.add(String(a.sha2));
      if (!parts.some((p) => p.sha2 === a.sha2))
        throw new XapiError(400, `attachment ${String(a.sha2)} is declared but was not sent`);
      if (a.usageType === SIGNATURE_USAGE && a.contentType !== 'application/octet-stream')
        throw new XapiError(
          400,
          'a signature attachment must have the content type application/octet-stream',
        );
    }
  }
  for (const p of parts)
    if (!declared.has(p.sha2))
      throw new XapiError(400, `attachment part ${p.sha2} matches no declared attachment`);
}

/**
 * Stores the statements; returns their ids in order. 409 when a stored statement has the same id but
 * different content (an identical one is left as it is); 403 when a cmi5 AU credential tries to void; 400
 * for a signature attachment that is not a JWS of this statement or does not verify (statement-signature.ts).
 */
export async function storeStatements(
  db: Executor,
  deps: Services,
  credential: LrsCredentialRow,
  input: { statements: unknown[]; parts: readonly AttachmentPart[]; version: string; putId?: string },
): Promise<string[]> {
  const statements = input.statements.map((s) => normaliseStatement(checkStatement(s)));
  if (input.putId !== undefined) {
    const s = statements[0] as JsonObject;
    if (s.id !== undefined && s.id !== input.putId)
      throw new XapiError(400, 'the statementId parameter and the statement id differ');
    s.id = input.putId;
  }
  const ids = statements.map((s) => {
    if (s.id === undefined) s.id = randomUUID();
    s.id = String(s.id).toLowerCase();
    return s.id;
  });
  if (new Set(ids).size !== ids.length)
    throw new XapiError(400, 'the batch holds the same statement id twice');
  checkAttachmentParts(statements, input.parts);
  await checkSignatures(statements, input.parts);
  const voidedIds = statements
    .filter((s) => (s.verb as JsonObject).id === VOIDED_VERB)
    .map((s) => String((s.object as JsonObject).id).toLowerCase());
  if (voidedIds.length > 0 && credential.scope !== 'all')
    throw new XapiError(403, 'these credentials may not void statements');

  const now = deps.clock.now().toISOString();
  const authority = authorityOf(credential, deps.config.baseUrl);
  return inTransaction(db, async (trx) => {
    const existing = new Map((await findStatements(trx, ids)).map((r) => [r.id, r]));
    const fresh: JsonObject[] = [];
    for (const s of statements) {
      const found = existing.get(String(s.id));
      if (!found) {
        fresh.push(s);
        continue;
      }
      const withTimestamp = s.timestamp !== undefined;
      if (
        comparable(JSON.parse(found.statement_json) as JsonObject, withTimestamp) !==
        comparable(s, withTimestamp)
      )
        throw new XapiError(409, `statement ${String(s.id)} already exists with different content`);
    }
    const targets = await findStatements(trx, voidedIds);
    if (targets.some((t) => t.verb_id === VOIDED_VERB))
      throw new XapiError(400, 'a voiding statement cannot be voided');
    const rows: LrsStatementsTable[] = [];
    const index: LrsStatementIndexTable[] = [];
    for (const s of fresh) {
      s.stored = now;
      if (s.timestamp === undefined) s.timestamp = now;
      s.authority = authority;
      if (s.version === undefined) s.version = input.version.startsWith('2.') ? '2.0.0' : '1.0.0';
      const id = String(s.id);
      const context = s.context as JsonObject | undefined;
      const verbId = String((s.verb as JsonObject).id);
      rows.push({
        id,
        seq: newId(),
        stored: now,
        timestamp: new Date(String(s.timestamp)).toISOString(),
        statement_json: JSON.stringify(s),
        verb_id: verbId,
        registration: typeof context?.registration === 'string' ? context.registration.toLowerCase() : null,
        is_voided: 0,
        voids_id: verbId === VOIDED_VERB ? String((s.object as JsonObject).id).toLowerCase() : null,
        target_id: statementRefTarget(s),
        credential_id: credential.id,
      });
      for (const e of indexEntries(s))
        index.push({ statement_id: id, kind: e.kind, value: e.value, direct: e.direct ? 1 : 0 });
    }
    await insertStatements(trx, rows, index);
    await markVoided(
      trx,
      fresh
        .filter((s) => (s.verb as JsonObject).id === VOIDED_VERB)
        .map((s) => String((s.object as JsonObject).id).toLowerCase()),
    );
    await insertAttachments(trx, input.parts);
    await upsertActivities(trx, await definitionsToKeep(trx, fresh));
    return ids;
  });
}

/** The activity definitions these statements bring, merged with those stored (activity-definition.ts). */
async function definitionsToKeep(trx: Executor, statements: readonly JsonObject[]) {
  const brought = statements.flatMap((s) => definedActivities(s));
  const stored = new Map<string, JsonObject>();
  for (const row of await findActivities(trx, [...new Set(brought.map((a) => a.id))]))
    stored.set(row.id, JSON.parse(row.definition_json) as JsonObject);
  for (const a of brought) stored.set(a.id, mergeActivityDefinitions(stored.get(a.id), a.definition));
  const ids = new Set(brought.map((a) => a.id));
  return [...ids].map((id) => ({ id, definition_json: JSON.stringify(stored.get(id)) }));
}

/** The statement a StatementRef object points at (lower case, as ids are kept), else null. */
function statementRefTarget(s: JsonObject): string | null {
  const object = s.object as JsonObject;
  return object.objectType === 'StatementRef' ? String(object.id).toLowerCase() : null;
}
