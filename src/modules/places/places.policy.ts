import { type Actor, hasRole } from '../../kernel/actor.js';

/** What can be done with places in editions. */
export type PlacesAction =
  | 'places.request' // ask for a place for oneself, see and withdraw one's own
  | 'places.manage'; // confirm, decline, reorder, enrol directly and in bulk, export

/** Pure: anyone signed in asks for their own place; programme managers (and the system) manage them. */
export function canPlaces(actor: Actor, action: PlacesAction): boolean {
  if (actor.kind === 'system' || hasRole(actor, 'manager')) return true;
  return action === 'places.request' && actor.kind === 'user';
}

/** Pure: may the actor see or withdraw this person's place? The person, and managers. */
export function canActOnPlaceOf(actor: Actor, userId: string): boolean {
  if (canPlaces(actor, 'places.manage')) return true;
  return actor.kind === 'user' && actor.id === userId;
}
