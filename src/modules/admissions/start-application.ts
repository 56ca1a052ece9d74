import type { Executor } from '../../db/database.js';
import { isUniqueViolation } from '../../db/helpers.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import { isLocale, type Locale } from '../../i18n/i18n.js';
import { type Actor, actorId } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { ensure } from '../../kernel/policy.js';
import { findPerson } from '../identity/identity.queries.js';
import { getProgramme } from '../programmes/get-programme.js';
import { loadAdmissionSettings } from './admission-settings.js';
import { canAdmissions } from './admissions.policy.js';
import { isAdmissionOpen } from './application.js';
import { findApplicationOfUser, insertApplicationRow } from './applications.repository.js';

/**
 * Starts the signed-in person's application to a programme (a draft), or returns the one they already
 * have: one application per person and programme. Refused when the programme is not taking applications.
 */
export async function startApplication(
  db: Executor,
  deps: Services,
  actor: Actor,
  input: { programmeSlug: string; locale: Locale },
): Promise<{ id: string; created: boolean }> {
  ensure(actor, canAdmissions(actor, 'application.apply'));
  const userId = actorId(actor)!;
  const programme = await getProgramme(db, deps, actor, input.programmeSlug);
  const existing = await findApplicationOfUser(db, programme.id, userId);
  if (existing) return { id: existing.id, created: false };
  const settings = await loadAdmissionSettings(db, programme.id);
  const today = deps.clock.now().toISOString().slice(0, 10);
  if (!isAdmissionOpen(settings, today)) throw new AppError('invalid_state', { reason: 'closed' });
  const id = newId();
  const now = deps.clock.now().toISOString();
  // The account's name starts the form (the applicant may still correct it).
  const person = await findPerson(db, userId);
  const answers = person?.fullName ? { fullName: person.fullName } : {};
  try {
    await inTransaction(db, async (trx) => {
      await insertApplicationRow(trx, {
        id,
        programme_id: programme.id,
        user_id: userId,
        status: 'draft',
        locale: isLocale(input.locale) ? input.locale : 'en',
        answers_json: JSON.stringify(answers),
        step: 'person',
        created_at: now,
        updated_at: now,
      });
      await audit(trx, deps.clock, actor, {
        action: 'application.started',
        targetType: 'application',
        targetId: id,
        after: { programmeId: programme.id, status: 'draft' },
      });
    });
  } catch (error) {
    // Two tabs started at once: the other one won; use its application.
    if (!isUniqueViolation(error)) throw error;
    const winner = await findApplicationOfUser(db, programme.id, userId);
    if (!winner) throw error;
    return { id: winner.id, created: false };
  }
  return { id, created: true };
}
