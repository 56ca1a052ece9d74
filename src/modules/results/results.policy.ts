/**
 * Who may do what with an edition's results. Pure: the caller finds the actor's standing in the edition
 * (facilitator of it, confirmed participant); anyone with no standing and no manager role is told the
 * edition's results do not exist (404).
 */
import { type Actor, hasRole } from '../../kernel/actor.js';

export type ResultsAction =
  /** Edit the result policy, see the gradebook, override marks, export, finalise. */
  | 'results.manage'
  /** See one's own standing and the formula. */
  | 'results.seeOwn';

export interface ResultsStanding {
  facilitator: boolean;
  participant: boolean;
}

/** Pure: may `actor`, standing as `standing` in the edition, do `action`? */
export function canResults(actor: Actor, standing: ResultsStanding, action: ResultsAction): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user') return false;
  switch (action) {
    case 'results.manage':
      return standing.facilitator || hasRole(actor, 'manager');
    case 'results.seeOwn':
      return standing.participant;
  }
}
