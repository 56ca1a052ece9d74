import type { Deps } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { recordAudit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { ensure } from '../../kernel/policy.js';
import { parseInput } from '../../kernel/validation.js';
import { findPersonIdByEmail } from '../identity/create-person.js';
import { getProgramme } from '../programmes/get-programme.js';
import { canPathway } from './pathway.policy.js';
import { findCandidacyOf, insertCandidacy, listRuleVersionRows } from './pathway.repository.js';
import { registerCandidateSchema } from './pathway.schemas.js';
import { versionInForce } from './rule-versions.js';
import { refreshStandings } from './standing.js';

/**
 * Registers a person as a diploma candidate of a programme, on the rule version in force on the
 * registration date (programme managers now; accepted applications later). Once per person and
 * programme (a unique constraint backs it). Achievements earned before count if they fit the window.
 */
export async function registerCandidate(
  deps: Deps,
  actor: Actor,
  programmeSlug: string,
  input: unknown,
): Promise<{ id: string }> {
  ensure(actor, canPathway(actor, 'candidates.manage'));
  const data = parseInput(registerCandidateSchema, input);
  const programme = await getProgramme(deps, actor, programmeSlug);
  const userId = await findPersonIdByEmail(deps, data.email);
  if (!userId)
    throw new AppError('validation_failed', {}, [{ path: 'email', key: 'validation.unknownPerson' }]);
  const now = deps.clock.now();
  const today = now.toISOString().slice(0, 10);
  const registeredOn = data.registeredOn ?? today;
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    if (await findCandidacyOf(trx, programme.id, userId)) {
      throw new AppError('validation_failed', {}, [{ path: 'email', key: 'validation.alreadyCandidate' }]);
    }
    const version = versionInForce(await listRuleVersionRows(trx, programme.id), registeredOn);
    if (!version) throw new AppError('invalid_state', { reason: 'no-rule-version' });
    const row = {
      id,
      programme_id: programme.id,
      user_id: userId,
      rule_version_id: version.id,
      registered_on: registeredOn,
      status: 'active',
      withdrawn_reason: null,
      withdrawn_at: null,
      capstone_status: 'not-started',
      capstone_completed_on: null,
      standing_status: 'active',
      standing_deadline: null,
      standing_at_risk: 0,
      standing_awardable: 0,
      standing_met: 0,
      standing_json: '{}',
      standing_evaluated_on: today,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    };
    await insertCandidacy(trx, row);
    await refreshStandings(trx, [row], today);
    await recordAudit(trx, deps.clock, actor, {
      action: 'candidate.registered',
      targetType: 'candidacy',
      targetId: id,
      after: { programme: programme.slug, userId, registeredOn, ruleVersion: version.version },
    });
  });
  return { id };
}
