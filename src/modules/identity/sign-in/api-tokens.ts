import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { hashSecret, isId, newId, newSecret } from '../../../kernel/ids.js';
import { ensure } from '../../../kernel/policy.js';
import { parseInput } from '../../../kernel/validation.js';
import { canIdentity } from '../identity.policy.js';
import { createTokenForAccountSchema, createTokenSchema } from '../identity.schemas.js';
import {
  findApiTokenOfUser,
  insertApiToken,
  listApiTokens,
  revokeApiTokenRow,
} from '../passwords/password-credentials.repository.js';
import { findUserByEmail } from '../users.repository.js';

/** A personal API token as its owner sees it (the secret itself is shown once, at creation). */
export interface ApiTokenSummary {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const toSummary = (r: {
  id: string;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}): ApiTokenSummary => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
});

function ownerOf(actor: Actor): string {
  ensure(actor, canIdentity(actor, 'account.update'));
  if (actor.kind !== 'user') throw new AppError('forbidden');
  return actor.id;
}

/** One's own API tokens, newest first. */
export async function listOwnApiTokens(
  db: Executor,
  _deps: Services,
  actor: Actor,
): Promise<ApiTokenSummary[]> {
  return (await listApiTokens(db, ownerOf(actor))).map(toSummary);
}

/** Creates a token `dp_<prefix>_<secret>`; returns the secret once (only its hash is stored). */
export async function createApiToken(
  db: Executor,
  deps: Services,
  actor: Actor,
  input: unknown,
): Promise<{ token: string; summary: ApiTokenSummary }> {
  const userId = ownerOf(actor);
  const { name } = parseInput(createTokenSchema, input);
  return issueApiToken(db, deps, actor, userId, name);
}

/**
 * Creates a personal API token for the account with this email, on an operator's behalf (the command line:
 * `diploma accounts token`), audited like one made on the account page. not_found when no live account
 * has this email; invalid_state when the account is disabled (its tokens would not work).
 */
export async function createApiTokenForAccount(
  db: Executor,
  deps: Services,
  actor: Actor,
  input: unknown,
): Promise<{ token: string; summary: ApiTokenSummary }> {
  ensure(actor, canIdentity(actor, 'api-token.createForAccount'));
  const { email, name } = parseInput(createTokenForAccountSchema, input);
  const user = await findUserByEmail(db, email);
  if (!user) throw new AppError('not_found');
  if (user.disabled_at) throw new AppError('invalid_state', { reason: 'account-disabled' });
  return issueApiToken(db, deps, actor, user.id, name);
}

async function issueApiToken(
  db: Executor,
  deps: Services,
  actor: Actor,
  userId: string,
  name: string,
): Promise<{ token: string; summary: ApiTokenSummary }> {
  const prefix = newSecret(6).replace(/[-_]/g, 'x').slice(0, 8);
  const token = `dp_${prefix}_${newSecret(32)}`;
  const id = newId();
  const now = deps.clock.now().toISOString();
  await inTransaction(db, async (trx) => {
    await insertApiToken(trx, {
      id,
      user_id: userId,
      name,
      prefix,
      token_hash: hashSecret(token),
      created_at: now,
    });
    await audit(trx, deps.clock, actor, {
      action: 'api-token.created',
      targetType: 'user',
      targetId: userId,
      after: { id, name, prefix },
    });
  });
  return { token, summary: { id, name, prefix, createdAt: now, lastUsedAt: null, revokedAt: null } };
}

/** Revokes one of one's own tokens; someone else's token is "not found". */
export async function revokeApiToken(
  db: Executor,
  deps: Services,
  actor: Actor,
  tokenId: string,
): Promise<void> {
  const userId = ownerOf(actor);
  if (!isId(tokenId)) throw new AppError('not_found');
  await inTransaction(db, async (trx) => {
    const token = await findApiTokenOfUser(trx, userId, tokenId);
    if (!token) throw new AppError('not_found');
    if (token.revoked_at) return;
    await revokeApiTokenRow(trx, tokenId, deps.clock.now().toISOString());
    await audit(trx, deps.clock, actor, {
      action: 'api-token.revoked',
      targetType: 'user',
      targetId: userId,
      after: { id: tokenId, name: token.name },
    });
  });
}
