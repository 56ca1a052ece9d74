import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import { type Actor, actorId } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError, type FieldError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { parseInput } from '../../kernel/validation.js';
import { itemsAndScoresOf } from '../spaces/spaces.queries.js';
import type { EditionPolicy } from './edition-policy.js';
import { findLatestPolicy, insertPolicy } from './results.repository.js';
import { editionPolicyInputSchema } from './results.schemas.js';
import { staffAccess } from './results-access.js';

/**
 * Saves the edition's result policy as a NEW version (managers and the edition's facilitators; audited).
 * Components are items of the edition's space, in the space's order. Errors: 400 (`validation_failed`:
 * a percentage, weight or date that does not read, no component, an item of another space, achievement for
 * a course that gives none), 401, 403, 404.
 */
export async function saveResultPolicy(
  db: Executor,
  deps: Services,
  actor: Actor,
  editionId: string,
  input: unknown,
): Promise<{ version: number }> {
  const access = await staffAccess(db, actor, editionId);
  const parsed = parseInput(editionPolicyInputSchema, input);
  const { items } = await itemsAndScoresOf(db, access.edition.id);
  const problems: FieldError[] = [];
  const known = new Set(items.map((i) => i.id));
  for (const id of Object.keys(parsed.components)) {
    if (!known.has(id)) problems.push({ path: `components.${id}.weight`, key: 'results.error.unknownItem' });
  }
  if (Object.keys(parsed.components).length === 0)
    problems.push({ path: 'components', key: 'results.error.noComponents' });
  const achievementAllowed = access.course.credentialOnSuccess === 'achievement';
  for (const field of ['achievementGives', 'participationGives'] as const) {
    if (parsed[field] === 'achievement' && !achievementAllowed)
      problems.push({ path: field, key: 'results.error.noAchievementForCourse' });
  }
  if (problems.length) throw new AppError('validation_failed', {}, problems);
  const policy: EditionPolicy = {
    passMark: parsed.passMark,
    gates: { requiredItemsComplete: parsed.requiredItemsComplete, minAttendance: parsed.minAttendance },
    participation: { minAttendance: parsed.participationMinAttendance ?? 0 },
    components: items
      .filter((item) => parsed.components[item.id])
      .map((item) => {
        const c = parsed.components[item.id]!;
        return { id: item.id, weight: c.weight, minMark: c.minMark, cutoff: c.cutoff };
      }),
    gives: { achievement: parsed.achievementGives, participation: parsed.participationGives },
  };
  return inTransaction(db, async (trx) => {
    const latest = await findLatestPolicy(trx, access.edition.id);
    const version = (latest?.version ?? 0) + 1;
    await insertPolicy(trx, {
      id: newId(),
      edition_id: access.edition.id,
      version,
      policy_json: JSON.stringify(policy),
      created_by: actorId(actor),
      created_at: deps.clock.now().toISOString(),
    });
    await audit(trx, deps.clock, actor, {
      action: 'result-policy.saved',
      targetType: 'edition',
      targetId: access.edition.id,
      after: { editionId: access.edition.id, version, components: policy.components.length },
    });
    return { version };
  });
}
