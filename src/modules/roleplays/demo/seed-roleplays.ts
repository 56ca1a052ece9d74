/**
 * The demo's role-play: in the next Academy in English (A9012027), a "Role-play and case study" section with
 * a bilateral labour migration agreement negotiation (texts in English, French and Spanish), seven roles,
 * three phases during the Academy, and a first draft of the outcome. participant@example.org holds the
 * origin country's ministry (given a confirmed place in the edition through the places module's use case if
 * they have none); facilitator@example.org facilitates the edition. Idempotent: an edition that has a
 * role-play is left as it is.
 */
import type { Deps } from '../../../deps.js';
import { type Actor, systemActor } from '../../../kernel/actor.js';
import { addDays } from '../../../kernel/clock.js';
import { findEditionWithCourse } from '../../catalogue/catalogue.queries.js';
import { findEditionIdByCode } from '../../catalogue/find-ids.js';
import { findPersonIdByEmail } from '../../identity/create-person.js';
import { enrolDirectly } from '../../places/enrol-directly.js';
import { isConfirmedParticipant } from '../../places/places.queries.js';
import { saveItem } from '../../spaces/save-item.js';
import { saveSection } from '../../spaces/save-section.js';
import { itemsOfKind } from '../../spaces/spaces.queries.js';
import { editOutcome } from '../manage/edit-outcome.js';
import { addPhase } from '../manage/save-phase.js';
import { saveRole } from '../manage/save-role.js';
import { saveRoleplaySettings } from '../manage/save-roleplay-settings.js';
import { setHolders } from '../manage/set-holders.js';
import { ROLEPLAY_KIND } from '../roleplay-access.js';
import {
  DEMO_OUTCOME,
  DEMO_PHASES,
  DEMO_ROLEPLAY_TITLE,
  DEMO_ROLES,
  DEMO_SCENARIO,
  DEMO_SECTION_TITLE,
} from './demo-roleplay-content.js';

/** The edition whose space has the demo role-play (and the demo case). */
export const DEMO_ROLEPLAY_EDITION = 'A9012027';
/** Who holds which demo role. */
const HOLDERS: Record<string, string> = {
  origin: 'participant@example.org',
  destination: 'carlos.nunez@example.org',
};

/** Gives the person a confirmed place in the edition when they have none (the demo's promise). */
export async function ensureDemoPlace(deps: Deps, editionId: string, email: string): Promise<string | null> {
  const id = await findPersonIdByEmail(deps.db, deps, email);
  if (!id) return null;
  if (!(await isConfirmedParticipant(deps.db, editionId, id)))
    await enrolDirectly(deps.db, deps, systemActor('seed'), editionId, { email, fundingKind: 'self' });
  return id;
}

export async function seedDemoRoleplays(deps: Deps): Promise<{ items: number }> {
  const editionId = await findEditionIdByCode(deps.db, deps, DEMO_ROLEPLAY_EDITION);
  const found = editionId ? await findEditionWithCourse(deps.db, editionId) : null;
  if (!editionId || !found) return { items: 0 };
  if ((await itemsOfKind(deps.db, ROLEPLAY_KIND, [editionId])).length) return { items: 0 };
  const people = new Map<string, string>();
  for (const [key, email] of Object.entries(HOLDERS)) {
    const id = await ensureDemoPlace(deps, editionId, email);
    if (id) people.set(key, id);
  }
  const system = systemActor('seed');
  const { id: sectionId } = await saveSection(deps.db, deps, system, editionId, null, {
    title: DEMO_SECTION_TITLE,
  });
  const { id: itemId } = await saveItem(deps.db, deps, system, editionId, null, {
    sectionId,
    kind: ROLEPLAY_KIND,
    title: DEMO_ROLEPLAY_TITLE,
    settings: {},
    completionRule: 'viewed',
    required: false,
  });
  await saveRoleplaySettings(deps.db, deps, system, itemId, { scenario: DEMO_SCENARIO });
  const holders: Record<string, string[]> = {};
  for (const role of DEMO_ROLES) {
    const { id } = await saveRole(deps.db, deps, system, itemId, null, role);
    const person = people.get(role.key);
    if (person) holders[id] = [person];
  }
  await setHolders(deps.db, deps, system, itemId, holders);
  for (const phase of DEMO_PHASES) {
    const day = addDays(found.edition.startsOn, phase.day);
    await addPhase(deps.db, deps, system, itemId, {
      title: phase.title,
      startsAt: `${day}T08:00Z`,
      endsAt: `${day}T11:00Z`,
    });
  }
  const origin = people.get('origin');
  if (origin) {
    const actor: Actor = { kind: 'user', id: origin, roles: ['participant'], via: 'session' };
    await editOutcome(deps.db, deps, actor, itemId, { body: DEMO_OUTCOME, baseVersion: 0 });
  }
  return { items: 1 };
}
