import type { Deps } from '../../src/deps.js';
import { systemActor } from '../../src/kernel/actor.js';
import { saveProposal } from '../../src/modules/capstones/proposal/save-proposal.js';
import { registerCandidate } from '../../src/modules/pathway/register-candidate.js';
import { runCredentialJobs } from './credential-factories.js';
import { buildPerson, type TestPerson } from './factories.js';
import {
  actorOf,
  buildParticipant,
  buildPathwayProgramme,
  earn,
  type PathwayProgramme,
} from './pathway-factories.js';

/**
 * Capstone factories: a candidate whose pathway unlocks the capstone (the Academy and three electives,
 * certificates issued, window 2024-06-10 … 2029-06-10), or one who has only the Academy (locked).
 */

const SYSTEM = systemActor('test');

export async function capstoneCandidate(
  deps: Deps,
  options: { programme?: PathwayProgramme; unlocked?: boolean; fullName?: string; locale?: string } = {},
) {
  const programme = options.programme ?? (await buildPathwayProgramme(deps));
  const person = await buildParticipant(deps, {
    ...(options.fullName ? { fullName: options.fullName } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
  });
  const { id: candidacyId } = await registerCandidate(deps.db, deps, SYSTEM, programme.slug, {
    email: person.email,
    registeredOn: '2024-01-08',
  });
  await earn(deps, person, programme.academy, '2024-06-10', '2024-06-21');
  const electives = options.unlocked === false ? [] : programme.electives.slice(0, 3);
  for (const [index, code] of electives.entries())
    await earn(deps, person, code, `2025-0${index + 1}-06`, `2025-0${index + 1}-28`);
  await runCredentialJobs(deps);
  return { programme, person, candidacyId, counted: [programme.academy, ...electives] };
}

/** A proposal form for the counted courses (milestones inside the window). */
export function proposalForm(counted: readonly string[], overrides: Record<string, unknown> = {}) {
  return {
    title: 'Protecting migrant domestic workers in Ghana',
    country: 'GH',
    policyQuestion: 'How can Ghana extend social protection to domestic workers abroad?',
    themes: 'Social protection\nDomestic work',
    language: 'en',
    outlineDue: '2027-01-15',
    draftDue: '2027-03-15',
    finalDue: '2027-05-15',
    ...Object.fromEntries(counted.map((code) => [`approach.${code}`, `The approach of ${code}.`])),
    ...overrides,
  };
}

/** A candidate with a saved proposal, and a manager (the committee). */
export async function draftedCapstone(deps: Deps, options: Parameters<typeof capstoneCandidate>[1] = {}) {
  const candidate = await capstoneCandidate(deps, options);
  const { id } = await saveProposal(
    deps.db,
    deps,
    actorOf(candidate.person),
    proposalForm(candidate.counted),
  );
  const manager: TestPerson = await buildPerson(deps, { roles: ['manager'] });
  return { ...candidate, capstoneId: id, manager };
}

/** How a use case refused (the shared helper). */
export { refusal } from './refusal.js';
