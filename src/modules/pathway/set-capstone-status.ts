import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { parseInput } from '../../kernel/validation.js';
import { changeCandidacy } from './change-candidacy.js';
import { updateCandidacy } from './pathway.repository.js';
import { capstoneStatusSchema } from './pathway.schemas.js';
import { capstoneDateProblems, earliestCapstoneDate } from './result-dates.js';
import { rulesOfVersion } from './standing.js';

/**
 * Records where a candidate's capstone stands (programme managers; audited). The capstone module will
 * drive this from proposals, submissions and marking; until then managers record the outcome.
 */
export async function setCapstoneStatus(
  db: Executor,
  deps: Services,
  actor: Actor,
  candidacyId: string,
  input: unknown,
): Promise<void> {
  const data = parseInput(capstoneStatusSchema, input);
  const today = deps.clock.now().toISOString().slice(0, 10);
  await changeCandidacy(db, deps, actor, candidacyId, 'candidate.capstone-updated', async (trx, row) => {
    if (data.status === 'passed' && data.completedOn !== null) {
      // Not in the future, and not before the earliest window the candidacy's registration falls in.
      const { window } = await rulesOfVersion(trx, row.rule_version_id);
      const earliest = earliestCapstoneDate(row.registered_on, window.years);
      const problems = capstoneDateProblems(data.completedOn, earliest, today);
      if (problems.length)
        throw new AppError(
          'validation_failed',
          {},
          problems.map(({ field, key, values }) => ({ path: field, key, ...(values ? { values } : {}) })),
        );
    }
    await updateCandidacy(trx, row.id, {
      capstone_status: data.status,
      capstone_completed_on: data.status === 'passed' ? data.completedOn : null,
      updated_at: deps.clock.now().toISOString(),
    });
    return {
      before: { capstone: row.capstone_status, completedOn: row.capstone_completed_on },
      after: { capstone: data.status, completedOn: data.completedOn },
    };
  });
}
