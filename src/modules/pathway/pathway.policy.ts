import { type Actor, hasRole } from '../../kernel/actor.js';

/** What can be done with candidates, their results and the programme's rules. */
export type PathwayAction =
  | 'candidates.read' // the candidates list and a candidate's page
  | 'candidates.manage' // register, withdraw, reinstate, extend, move to another rule version
  | 'rules.manage'
  | 'enrolments.manage'
  | 'results.import';

/** Pure: programme managers do everything here; the system actor (seed, jobs) too. */
export function canPathway(actor: Actor, _action: PathwayAction): boolean {
  return actor.kind === 'system' || hasRole(actor, 'manager');
}

/** Pure: may the actor see the class list of an edition and record its results? Managers, and the edition's facilitators. */
export function canRecordResults(actor: Actor, editionFacilitatorIds: readonly string[]): boolean {
  if (actor.kind === 'system' || hasRole(actor, 'manager')) return true;
  return actor.kind === 'user' && hasRole(actor, 'facilitator') && editionFacilitatorIds.includes(actor.id);
}

/**
 * Pure: may the actor record results in some edition (managers and facilitators)? Checked before an
 * edition is looked up, so that someone who may never record results gets 401/403, not 404.
 */
export function canRecordSomeResults(actor: Actor): boolean {
  return actor.kind === 'system' || hasRole(actor, 'manager') || hasRole(actor, 'facilitator');
}

/** Pure: may the actor see this person's own pathway? The person, and programme managers. */
export function canSeePathwayOf(actor: Actor, userId: string): boolean {
  if (actor.kind === 'system' || hasRole(actor, 'manager')) return true;
  return actor.kind === 'user' && actor.id === userId;
}

/** Pure: may the actor list the editions they facilitate ("My classes")? Facilitators. */
export function canListOwnClasses(actor: Actor): boolean {
  return actor.kind === 'user' && hasRole(actor, 'facilitator');
}
