import type { Executor } from '../../../db/database.js';
import { isUniqueViolation } from '../../../db/helpers.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { isId } from '../../../kernel/ids.js';
import { ensure } from '../../../kernel/policy.js';
import { parseInput } from '../../../kernel/validation.js';
import { canCredentials } from '../credentials.policy.js';
import { awardDiplomasSchema } from '../credentials.schemas.js';
import { loadIssuer } from '../keys/issuer.js';
import { type AwardProblem, awardError, awardProblemOf, issueDiploma } from './diploma-issuance.js';

/** What became of one candidacy of a bulk award. */
export type BulkAwardItem =
  | { candidacyId: string; outcome: 'awarded'; credentialId: string; shortCode: string }
  | { candidacyId: string; outcome: 'refused'; problem: AwardProblem };

/**
 * Awards the diplomas of several candidacies (the ready list's "award selected"), each in its own
 * transaction: one that cannot be awarded now (no longer awardable, already awarded, a component not
 * issued yet) is reported and does not stop the others. Errors thrown: 400, 401, 403 only.
 */
export async function awardDiplomas(
  db: Executor,
  deps: Services,
  actor: Actor,
  input: unknown,
): Promise<BulkAwardItem[]> {
  ensure(actor, canCredentials(actor, 'credentials.manage'));
  const { candidacyIds } = parseInput(awardDiplomasSchema, input);
  const issuer = await loadIssuer(db, deps);
  const items: BulkAwardItem[] = [];
  for (const candidacyId of new Set(candidacyIds)) {
    try {
      if (!isId(candidacyId)) throw awardError('notFound');
      const awarded = await issueDiploma(db, deps, actor, issuer, candidacyId);
      items.push({ candidacyId, outcome: 'awarded', credentialId: awarded.id, shortCode: awarded.shortCode });
    } catch (error) {
      const problem = isUniqueViolation(error) ? 'alreadyAwarded' : awardProblemOf(error);
      if (!problem) throw error;
      items.push({ candidacyId, outcome: 'refused', problem });
    }
  }
  return items;
}
