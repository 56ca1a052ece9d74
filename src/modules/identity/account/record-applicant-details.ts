import type { Executor } from '../../../db/database.js';
import { isCountryCode } from '../../../i18n/countries.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import type { Clock } from '../../../kernel/clock.js';
import { CONSTITUENCIES } from '../identity.schemas.js';
import { findUserById, updateUser } from '../users.repository.js';

/** What an accepted application says about its applicant (null: not given). */
export interface ApplicantDetails {
  userId: string;
  country: string | null;
  constituency: string | null;
}

/**
 * Carries the country and constituency of an accepted application over to the person, who is now a
 * candidate: the candidates list, its filters and the reports read them there. Runs inside the
 * admissions decision's transaction; the caller has authorised the decision (programme managers). What the
 * application does not give leaves the profile as it is; unknown codes are ignored. Audited when it
 * changes something.
 */
export async function recordAcceptedApplicantDetails(
  db: Executor,
  clock: Clock,
  actor: Actor,
  details: ApplicantDetails,
): Promise<void> {
  const person = await findUserById(db, details.userId);
  if (!person) return;
  const changes: { country?: string; constituency?: string } = {};
  if (details.country && isCountryCode(details.country) && details.country !== person.country)
    changes.country = details.country;
  const constituency = CONSTITUENCIES.find((value) => value === details.constituency);
  if (constituency && constituency !== person.constituency) changes.constituency = constituency;
  if (Object.keys(changes).length === 0) return;
  await updateUser(db, person.id, { ...changes, updated_at: clock.now().toISOString() });
  await audit(db, clock, actor, {
    action: 'user.profile-from-application',
    targetType: 'user',
    targetId: person.id,
    before: { country: person.country, constituency: person.constituency },
    after: {
      country: changes.country ?? person.country,
      constituency: changes.constituency ?? person.constituency,
    },
  });
}
