import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import type { Clock } from '../../kernel/clock.js';
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
  db: Executor,
  deps: Services,
  actor: Actor,
  programmeSlug: string,
  input: unknown,
): Promise<{ id: string }> {
  ensure(actor, canPathway(actor, 'candidates.manage'));
  const data = parseInput(registerCandidateSchema, input);
  const programme = await getProgramme(db, deps, actor, programmeSlug);
  const userId = await findPersonIdByEmail(db, deps, data.email);
  if (!userId)
    throw new AppError('validation_failed', {}, [{ path: 'email', key: 'validation.unknownPerson' }]);
  const now = deps.clock.now();
  const today = now.toISOString().slice(0, 10);
  const registeredOn = data.registeredOn ?? today;
  const id = newId();
  await inTransaction(db, async (trx) => {
    if (await findCandidacyOf(trx, programme.id, userId)) {
      throw new AppError('validation_failed', {}, [{ path: 'email', key: 'validation.alreadyCandidate' }]);
    }
    await insertCandidacyOnVersionInForce(trx, deps.clock, actor, {
      id,
      programmeId: programme.id,
      programmeSlug: programme.slug,
      userId,
      registeredOn,
    });
  });
  return { id };
}

/**
 * Registers an accepted applicant as a candidate inside the admissions decision's own transaction, on the
 * rule version in force on `registeredOn`. The caller has authorised the decision (programme managers).
 * When the person is already a candidate of the programme (an acceptance reopened then given again, or a
 * manager registered them first) the existing candidacy is returned unchanged: nothing is registered twice.
 */
export async function registerAcceptedApplicant(
  db: Executor,
  clock: Clock,
  actor: Actor,
  input: { programmeId: string; programmeSlug: string; userId: string; registeredOn: string },
): Promise<{ id: string; created: boolean }> {
  const existing = await findCandidacyOf(db, input.programmeId, input.userId);
  if (existing) return { id: existing.id, created: false };
  const id = newId();
  await insertCandidacyOnVersionInForce(db, clock, actor, { id, ...input });
  return { id, created: true };
}

/** Inserts the candidacy on the rule version in force on its registration date, with its standing and audit. */
async function insertCandidacyOnVersionInForce(
  db: Executor,
  clock: Clock,
  actor: Actor,
  input: { id: string; programmeId: string; programmeSlug: string; userId: string; registeredOn: string },
): Promise<void> {
  const now = clock.now();
  const today = now.toISOString().slice(0, 10);
  const { id, userId, registeredOn } = input;
  const version = versionInForce(await listRuleVersionRows(db, input.programmeId), registeredOn);
  if (!version) throw new AppError('invalid_state', { reason: 'no-rule-version' });
  const row = {
    id,
    programme_id: input.programmeId,
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
  await insertCandidacy(db, row);
  await refreshStandings(db, [row], today);
  await audit(db, clock, actor, {
    action: 'candidate.registered',
    targetType: 'candidacy',
    targetId: id,
    after: { programme: input.programmeSlug, userId, registeredOn, ruleVersion: version.version },
  });
}
