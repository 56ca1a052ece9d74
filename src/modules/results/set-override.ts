import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import { type Actor, actorId } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { parseInput } from '../../kernel/validation.js';
import { isConfirmedParticipant } from '../places/places.queries.js';
import { formatHundredths } from './decimal.js';
import { latestPolicy } from './gradebook.js';
import { deleteOverride, findOverride, upsertOverride } from './results.repository.js';
import { overrideInputSchema } from './results.schemas.js';
import { staffAccess } from './results-access.js';

const shown = (mark: number | null, excused: boolean) =>
  excused ? 'excused' : mark === null ? null : formatHundredths(mark);

/**
 * Overrides one person's mark on one component (a percentage or `excused`), or clears the override
 * (`clear`), always with a reason; audited with the mark before and after (managers and the edition's
 * facilitators). Errors: 400, 401, 403, 404 (no such participant or component).
 */
export async function setOverride(
  db: Executor,
  deps: Services,
  actor: Actor,
  editionId: string,
  input: unknown,
): Promise<void> {
  const access = await staffAccess(db, actor, editionId);
  const parsed = parseInput(overrideInputSchema, input);
  const policy = await latestPolicy(db, access.edition.id);
  if (!policy?.policy.components.some((c) => c.id === parsed.componentId)) throw new AppError('not_found');
  if (!(await isConfirmedParticipant(db, access.edition.id, parsed.personId)))
    throw new AppError('not_found');
  await inTransaction(db, async (trx) => {
    const before = await findOverride(trx, access.edition.id, parsed.personId, parsed.componentId);
    const now = deps.clock.now().toISOString();
    if (parsed.mark === 'clear') {
      if (!before) return;
      await deleteOverride(trx, before.id);
    } else {
      await upsertOverride(trx, {
        id: before?.id ?? newId(),
        edition_id: access.edition.id,
        user_id: parsed.personId,
        component_id: parsed.componentId,
        mark: parsed.mark === 'excused' ? null : parsed.mark,
        excused: parsed.mark === 'excused' ? 1 : 0,
        reason: parsed.reason,
        created_by: actorId(actor),
        updated_at: now,
      });
    }
    await audit(trx, deps.clock, actor, {
      action: 'result-override.set',
      targetType: 'user',
      targetId: parsed.personId,
      before: { mark: before ? shown(before.mark, before.excused === 1) : null },
      after: {
        editionId: access.edition.id,
        componentId: parsed.componentId,
        mark:
          parsed.mark === 'clear'
            ? null
            : parsed.mark === 'excused'
              ? 'excused'
              : formatHundredths(parsed.mark),
        reason: parsed.reason,
      },
    });
  });
}
