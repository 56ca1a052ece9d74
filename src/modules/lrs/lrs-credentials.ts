/** HTTP Basic credentials of the LRS: administrators create and revoke them; the key and secret are shown once. */
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import { type Actor, actorId, hasRole } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { hashSecret, isId, newId, newSecret } from '../../kernel/ids.js';
import { ensure } from '../../kernel/policy.js';
import { parseInput } from '../../kernel/validation.js';
import {
  findCredentialByKey,
  insertCredential,
  listAdminCredentials,
  revokeCredentialRow,
} from './lrs.repository.js';
import type { LrsCredentialRow } from './lrs.tables.js';

export const CREDENTIAL_NAME_MAX_LENGTH = 100;

/** Only administrators (and the system: the CLI) manage LRS credentials. */
export function canManageLrs(actor: Actor): boolean {
  return actor.kind === 'system' || hasRole(actor, 'administrator');
}

export interface LrsCredentialSummary {
  id: string;
  name: string;
  key: string;
  createdAt: string;
  revokedAt: string | null;
}

const summary = (r: LrsCredentialRow): LrsCredentialSummary => ({
  id: r.id,
  name: r.name,
  key: r.key,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
});

export const createCredentialSchema = z.object({
  name: z.string().trim().min(1).max(CREDENTIAL_NAME_MAX_LENGTH),
});

/** The administrators' credentials, newest first, with what the viewer may do. */
export async function listLrsCredentials(
  db: Executor,
  _deps: Services,
  actor: Actor,
): Promise<{ credentials: LrsCredentialSummary[]; can: { manage: boolean } }> {
  ensure(actor, canManageLrs(actor));
  return { credentials: (await listAdminCredentials(db)).map(summary), can: { manage: true } };
}

/** Creates a credential with full access; returns `key` and `secret` once (only the secret's hash is kept). */
export async function createLrsCredential(
  db: Executor,
  deps: Services,
  actor: Actor,
  input: unknown,
): Promise<{ id: string; key: string; secret: string }> {
  ensure(actor, canManageLrs(actor));
  const { name } = parseInput(createCredentialSchema, input);
  return issueCredential(db, deps, actor, {
    name,
    scope: 'all',
    registration: null,
    agentKey: null,
    expiresAt: null,
  });
}

/** Issues a credential of any scope (cmi5 launches issue `au` ones); audited. */
export async function issueCredential(
  db: Executor,
  deps: Services,
  actor: Actor,
  input: {
    name: string;
    scope: 'all' | 'au';
    registration: string | null;
    agentKey: string | null;
    expiresAt: string | null;
  },
): Promise<{ id: string; key: string; secret: string }> {
  const id = newId();
  const key = newSecret(12);
  const secret = newSecret(24);
  await inTransaction(db, async (trx) => {
    await insertCredential(trx, {
      id,
      name: input.name,
      key,
      secret_hash: hashSecret(secret),
      scope: input.scope,
      registration: input.registration,
      agent_key: input.agentKey,
      created_at: deps.clock.now().toISOString(),
      created_by: actorId(actor),
      expires_at: input.expiresAt,
      revoked_at: null,
    });
    if (input.scope === 'all')
      await audit(trx, deps.clock, actor, {
        action: 'lrs.credential-created',
        targetType: 'lrs_credential',
        targetId: id,
        after: { name: input.name, key },
      });
  });
  return { id, key, secret };
}

/** Revokes a credential: from now on it authenticates nothing. not_found when unknown or already revoked. */
export async function revokeLrsCredential(
  db: Executor,
  deps: Services,
  actor: Actor,
  id: string,
): Promise<void> {
  ensure(actor, canManageLrs(actor));
  if (!isId(id)) throw new AppError('not_found');
  await inTransaction(db, async (trx) => {
    if (!(await revokeCredentialRow(trx, id, deps.clock.now().toISOString())))
      throw new AppError('not_found');
    await audit(trx, deps.clock, actor, {
      action: 'lrs.credential-revoked',
      targetType: 'lrs_credential',
      targetId: id,
    });
  });
}

/** The live credential an `Authorization: Basic …` header names, or null. */
export async function authenticateBasic(
  db: Executor,
  now: Date,
  header: string | undefined,
): Promise<LrsCredentialRow | null> {
  if (!header?.startsWith('Basic ')) return null;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  const row = await findCredentialByKey(db, decoded.slice(0, colon));
  if (!row || row.revoked_at) return null;
  if (row.expires_at && row.expires_at <= now.toISOString()) return null;
  const given = Buffer.from(hashSecret(decoded.slice(colon + 1)));
  const stored = Buffer.from(row.secret_hash);
  return given.length === stored.length && timingSafeEqual(given, stored) ? row : null;
}
