import type { Deps } from '../../../deps.js';
import { systemActor } from '../../../kernel/actor.js';
import { findCourseId, findEditionIdByCode } from '../../catalogue/find-ids.js';
import { getEdition } from '../../catalogue/get-edition.js';
import { findPersonIdByEmail } from '../../identity/create-person.js';
import { enrolDirectly } from '../../places/enrol-directly.js';
import { recordTakenPlaces } from '../../places/import/record-taken-places.js';
import { DEMO_PROGRAMME_SLUG } from '../../programmes/demo/demo-programme.js';
import { grantExtension } from '../grant-extension.js';
import { hasCandidacy } from '../has-candidacy.js';
import { recordLegacyResult } from '../record-legacy-result.js';
import { recordClassResults } from '../record-result.js';
import { registerCandidate } from '../register-candidate.js';
import { createRuleVersion, listRuleVersions } from '../rule-versions.js';
import { setCapstoneStatus } from '../set-capstone-status.js';
import { withdrawCandidate } from '../withdraw-candidate.js';
import { DEMO_CANDIDATES, DEMO_RULES } from './demo-pathway.js';

/**
 * The demo pathway data, through the same use cases managers use. Idempotent: the rule version is
 * created once, and a candidate who is already registered is left as they are.
 */
export async function seedDemoPathway(deps: Deps): Promise<{ candidates: number }> {
  const actor = systemActor('seed');
  if ((await listRuleVersions(deps.db, deps, actor, DEMO_PROGRAMME_SLUG)).length === 0) {
    await createRuleVersion(deps.db, deps, actor, DEMO_PROGRAMME_SLUG, {
      effectiveFrom: '2020-01-01',
      note: 'Diploma rules at launch',
      rules: DEMO_RULES,
    });
  }
  let candidates = 0;
  for (const candidate of DEMO_CANDIDATES) {
    const userId = await findPersonIdByEmail(deps.db, deps, candidate.email);
    if (!userId || (await hasCandidacy(deps.db, deps, DEMO_PROGRAMME_SLUG, userId))) continue;
    const { id } = await registerCandidate(deps.db, deps, actor, DEMO_PROGRAMME_SLUG, {
      email: candidate.email,
      registeredOn: candidate.registeredOn,
    });
    candidates += 1;
    for (const taken of candidate.results) {
      const editionId = await findEditionIdByCode(deps.db, deps, taken.edition);
      if (!editionId) throw new Error(`demo edition ${taken.edition} is missing`);
      // A past edition they took: the places module records the place (capacity no longer applies).
      const userId = (await findPersonIdByEmail(deps.db, deps, candidate.email))!;
      const [enrolmentId] = await recordTakenPlaces(deps.db, deps, actor, {
        create: [{ editionId, userId }],
        confirm: [],
        source: { kind: 'seed' },
      });
      const { edition } = await getEdition(deps.db, deps, actor, editionId);
      await recordClassResults(deps.db, deps, actor, editionId, [
        {
          enrolmentId: enrolmentId!,
          result: {
            outcome: taken.outcome,
            grade: taken.grade ?? '',
            completedOn: taken.completedOn ?? edition.endsOn,
          },
        },
      ]);
    }
    for (const code of candidate.enrolled ?? []) {
      const editionId = await findEditionIdByCode(deps.db, deps, code);
      if (editionId)
        await enrolDirectly(deps.db, deps, actor, editionId, { email: candidate.email, fundingKind: 'self' });
    }
    for (const legacy of candidate.legacy ?? []) {
      const courseId = await findCourseId(deps.db, deps, legacy.course);
      if (!courseId) continue;
      await recordLegacyResult(deps.db, deps, actor, {
        userId,
        courseId,
        courseCode: legacy.course,
        outcome: 'achievement',
        startedOn: legacy.startedOn,
        completedOn: legacy.completedOn,
        reference: legacy.reference,
      });
    }
    if (candidate.extension) await grantExtension(deps.db, deps, actor, id, candidate.extension);
    if (candidate.capstone)
      await setCapstoneStatus(deps.db, deps, actor, id, {
        status: candidate.capstone.status,
        completedOn: candidate.capstone.completedOn ?? '',
      });
    if (candidate.withdrawn)
      await withdrawCandidate(deps.db, deps, actor, id, { reason: candidate.withdrawn });
  }
  return { candidates };
}
