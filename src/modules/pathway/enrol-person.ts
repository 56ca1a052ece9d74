import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { systemActor } from '../../kernel/actor.js';
import { recordAudit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { ensure } from '../../kernel/policy.js';
import { parseInput } from '../../kernel/validation.js';
import { getEdition } from '../catalogue/get-edition.js';
import { findPersonIdByEmail } from '../identity/create-person.js';
import { canPathway } from './pathway.policy.js';
import {
  findEnrolmentOf,
  insertEnrolment,
  listCandidaciesOfUser,
  updateEnrolmentStatus,
} from './pathway.repository.js';
import { enrolSchema } from './pathway.schemas.js';
import { refreshStandings } from './standing.js';

/**
 * Enrols a person in an edition (programme managers; audited). Once per person and edition (a unique
 * constraint). Their candidacies are re-evaluated: a running enrolment shows the requirement in progress.
 * It ignores capacity and the waiting list: the demo seed and the pathway tests use it to set up
 * histories; the managers' forms and the API enrol through the places module (`enrolDirectly`).
 */
export async function enrolPerson(
  db: Executor,
  deps: Services,
  actor: Actor,
  editionId: string,
  input: unknown,
): Promise<{ id: string }> {
  ensure(actor, canPathway(actor, 'enrolments.manage'));
  const { email } = parseInput(enrolSchema, input);
  const { edition } = await getEdition(db, deps, systemActor('enrolment'), editionId);
  if (edition.status === 'cancelled') throw new AppError('invalid_state', { reason: 'edition-cancelled' });
  const userId = await findPersonIdByEmail(db, deps, email);
  if (!userId)
    throw new AppError('validation_failed', {}, [{ path: 'email', key: 'validation.unknownPerson' }]);
  const now = deps.clock.now().toISOString();
  return inTransaction(db, async (trx) => {
    const existing = await findEnrolmentOf(trx, edition.id, userId);
    if (existing && existing.status !== 'withdrawn') {
      throw new AppError('validation_failed', {}, [{ path: 'email', key: 'validation.alreadyEnrolled' }]);
    }
    // Enrolling again after a withdrawal reuses the enrolment (one per person and edition).
    const id = existing?.id ?? newId();
    if (existing) await updateEnrolmentStatus(trx, existing.id, 'enrolled', now);
    else
      await insertEnrolment(trx, {
        id,
        edition_id: edition.id,
        user_id: userId,
        status: 'enrolled',
        created_at: now,
        updated_at: now,
      });
    await refreshStandings(trx, await listCandidaciesOfUser(trx, userId), now.slice(0, 10));
    await recordAudit(trx, deps.clock, actor, {
      action: 'enrolment.created',
      targetType: 'user',
      targetId: userId,
      after: { editionId: edition.id, course: edition.courseCode, startsOn: edition.startsOn },
    });
    return { id };
  });
}
