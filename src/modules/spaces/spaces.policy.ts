/**
 * Who may do what in an edition's space. Pure: the caller finds the actor's standing in the edition
 * (confirmed place, facilitator of it, programme manager); anyone without one is told the space does not
 * exist (404), so its existence is not revealed.
 */
import { type Actor, hasRole } from '../../kernel/actor.js';

export type SpaceAction =
  /** Open the space and its items. */
  | 'space.view'
  /** Keep one's own progress (participants with a confirmed place). */
  | 'space.learn'
  /** Build: sections, items, order, availability, copying from another edition. */
  | 'space.build'
  /** See everyone's progress (the grid and its export). */
  | 'space.seeEveryone';

/** The actor's standing in one edition. */
export interface SpaceStanding {
  participant: boolean;
  facilitator: boolean;
}

/** Pure: may `actor`, standing as `standing` in the edition, do `action` in its space? */
export function canSpace(actor: Actor, standing: SpaceStanding, action: SpaceAction): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user') return false;
  const staff = standing.facilitator || hasRole(actor, 'manager');
  switch (action) {
    case 'space.view':
      return staff || standing.participant;
    case 'space.learn':
      return standing.participant;
    case 'space.build':
    case 'space.seeEveryone':
      return staff;
  }
}
