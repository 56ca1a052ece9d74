import type { Deps } from '../../src/deps.js';
import type { Actor } from '../../src/kernel/actor.js';
import { addPhase } from '../../src/modules/roleplays/manage/save-phase.js';
import { saveRole } from '../../src/modules/roleplays/manage/save-role.js';
import { setHolders } from '../../src/modules/roleplays/manage/set-holders.js';
import { saveItem } from '../../src/modules/spaces/save-item.js';
import { saveSection } from '../../src/modules/spaces/save-section.js';

/** Unique words in the two private briefs: a page, a response or a notice that holds one leaks it. */
export const ORIGIN_SECRET = 'ORIGIN-SECRET-remittance-floor';
export const DESTINATION_SECRET = 'DESTINATION-SECRET-quota-ceiling';

/**
 * A role-play item in the edition's space with two roles (an origin and a destination ministry, each with a
 * private brief holding a unique word); `originHolder`, when given, holds the origin role.
 */
export async function buildRoleplay(
  deps: Deps,
  staff: Actor,
  editionId: string,
  originHolder: string | null,
): Promise<{ itemId: string; originId: string; destinationId: string }> {
  const section = await saveSection(deps.db, deps, staff, editionId, null, { title: { en: 'Role-play' } });
  const item = await saveItem(deps.db, deps, staff, editionId, null, {
    sectionId: section.id,
    kind: 'roleplay',
    title: { en: 'Negotiating a bilateral agreement' },
    settings: {},
    completionRule: 'viewed',
  });
  const origin = await saveRole(deps.db, deps, staff, item.id, null, {
    name: { en: 'Ministry of Labour, origin country' },
    constituency: 'government',
    publicBrief: { en: 'You send workers abroad.' },
    privateBrief: { en: `Never accept less than ${ORIGIN_SECRET}.` },
  });
  const destination = await saveRole(deps.db, deps, staff, item.id, null, {
    name: { en: 'Ministry of Labour, destination country' },
    constituency: 'government',
    publicBrief: { en: 'You receive workers.' },
    privateBrief: { en: `Your cabinet fixed a ${DESTINATION_SECRET}.` },
  });
  if (originHolder) await setHolders(deps.db, deps, staff, item.id, { [origin.id]: [originHolder] });
  return { itemId: item.id, originId: origin.id, destinationId: destination.id };
}

/**
 * `buildRoleplay` with `originHolder` holding the origin role, and one phase, "Bargaining", open on
 * 2026-11-28 from 09:00 to 18:00 UTC (the test clock stands at 10:00).
 */
export async function buildRoleplayWithPhase(
  deps: Deps,
  staff: Actor,
  editionId: string,
  originHolder: string,
): Promise<{ itemId: string; phaseId: string }> {
  const { itemId } = await buildRoleplay(deps, staff, editionId, originHolder);
  const { id: phaseId } = await addPhase(deps.db, deps, staff, itemId, {
    title: { en: 'Bargaining' },
    startsAt: '2026-11-28T09:00Z',
    endsAt: '2026-11-28T18:00Z',
  });
  return { itemId, phaseId };
}
