import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { ensure } from '../../../kernel/policy.js';
import { parseInput } from '../../../kernel/validation.js';
import { getProgramme } from '../../programmes/get-programme.js';
import { canCredentials } from '../credentials.policy.js';
import { autoAwardSchema } from '../credentials.schemas.js';
import { findAutoAward, setProgrammeAutoAward } from './certified-facts.repository.js';

/**
 * Managers set whether a programme awards its diplomas automatically (without the ready list's click) as
 * soon as the pathway says a candidacy is awardable (the daily job, and after each certificate issued).
 * Audited. Returns the setting as it now is.
 */
export async function setAutoAward(
  db: Executor,
  deps: Services,
  actor: Actor,
  programmeSlug: string,
  input: unknown,
): Promise<{ awardAutomatically: boolean }> {
  ensure(actor, canCredentials(actor, 'credentials.manage'));
  const { awardAutomatically } = parseInput(autoAwardSchema, input);
  const programme = await getProgramme(db, deps, actor, programmeSlug);
  await inTransaction(db, async (trx) => {
    const before = await findAutoAward(trx, programme.id);
    await setProgrammeAutoAward(trx, programme.id, awardAutomatically, deps.clock.now().toISOString());
    await audit(trx, deps.clock, actor, {
      action: 'programme.auto-award-set',
      targetType: 'programme',
      targetId: programme.id,
      before: { awardAutomatically: before },
      after: { awardAutomatically },
    });
  });
  return { awardAutomatically };
}
