import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { ensure } from '../../kernel/policy.js';
import { parseInput } from '../../kernel/validation.js';
import { canCredentials } from './credentials.policy.js';
import { listCredentialsOfUser } from './credentials.repository.js';
import { obCredentialsQuerySchema } from './credentials.schemas.js';

/** A page of the Open Badges API's `getCredentials`: the signed credentials and the total. */
export interface ObCredentialsPage {
  credential: Record<string, unknown>[];
  total: number;
  limit: number;
  offset: number;
}

/**
 * Open Badges 3.0 API `GET /ims/ob/v3p0/credentials`: the signed-in holder's own credentials (every status:
 * a wallet learns a revocation from the status list), newest first, paged by `limit`/`offset`, issued after
 * `since` when given. Each credential appears once, in its Data Integrity form (the `credential` array of
 * GetOpenBadgeCredentialsResponse); OAuth 2.0 may come later, a personal API token is enough now.
 * A ClrCredential is not an OpenBadgeCredential and is not listed. 401 signed out, 400 bad paging.
 */
export async function listObCredentials(
  db: Executor,
  _deps: Services,
  actor: Actor,
  input: unknown,
): Promise<ObCredentialsPage> {
  ensure(actor, canCredentials(actor, 'credentials.read'));
  if (actor.kind !== 'user') throw new AppError('forbidden');
  const query = parseInput(obCredentialsQuerySchema, input);
  const since = query.since ? new Date(query.since).toISOString() : undefined;
  const { rows, total } = await listCredentialsOfUser(db, actor.id, {
    limit: query.limit,
    offset: query.offset,
    since,
  });
  return {
    credential: rows.map((row) => JSON.parse(row.credential_json) as Record<string, unknown>),
    total,
    limit: query.limit,
    offset: query.offset,
  };
}
