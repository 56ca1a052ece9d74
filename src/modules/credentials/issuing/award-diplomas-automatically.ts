import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import { systemActor } from '../../../kernel/actor.js';
import { loadIssuer } from '../keys/issuer.js';
import { listAutoAwardCandidacyIds } from './certified-facts.repository.js';
import { awardProblemOf, issueDiploma } from './diploma-issuance.js';

/** Candidacies looked at per run (the daily run catches up over days if ever more are waiting). */
const AUTO_AWARD_BATCH = 500;

/**
 * The job `credentials.auto-award` (daily, and after each certificate a person is issued): in programmes
 * set to award automatically, every candidacy the pathway says is awardable gets its diploma, exactly as a
 * manager's click would (same re-check, same evidence, audited as the system). A candidacy that cannot be
 * awarded yet (a component's certificate not issued) is left for the next run.
 */
export async function awardDiplomasAutomatically(
  db: Executor,
  deps: Services,
  options: { userId?: string } = {},
): Promise<{ awarded: number; waiting: number }> {
  const ids = await listAutoAwardCandidacyIds(db, { userId: options.userId, limit: AUTO_AWARD_BATCH });
  if (ids.length === 0) return { awarded: 0, waiting: 0 };
  const issuer = await loadIssuer(db, deps);
  const actor = systemActor('credentials.auto-award');
  let awarded = 0;
  let waiting = 0;
  for (const candidacyId of ids) {
    try {
      await issueDiploma(db, deps, actor, issuer, candidacyId);
      awarded += 1;
    } catch (error) {
      if (!awardProblemOf(error)) throw error;
      waiting += 1;
    }
  }
  return { awarded, waiting };
}
