import { randomBytes } from 'node:crypto';
import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import { deleteExpiredChallenges, insertChallenge } from '../vc-api.repository.js';

/** How long a challenge the platform issued may be answered. */
export const CHALLENGE_TTL_MINUTES = 10;

/**
 * W3C VC-API `POST /challenges` (anyone): a fresh random challenge for a holder to sign a presentation
 * with; `POST /presentations/verify` accepts it once, within CHALLENGE_TTL_MINUTES. Not audited: a
 * challenge changes nothing but itself (like a rate-limit counter); expired ones are deleted here.
 */
export async function createChallenge(db: Executor, deps: Services): Promise<{ challenge: string }> {
  const now = deps.clock.now();
  const challenge = randomBytes(24).toString('base64url');
  await deleteExpiredChallenges(db, now.toISOString());
  await insertChallenge(db, {
    challenge,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + CHALLENGE_TTL_MINUTES * 60_000).toISOString(),
  });
  return { challenge };
}
