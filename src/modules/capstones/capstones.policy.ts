/**
 * Who may do what with capstones. Pure: the caller finds the actor's standing towards the capstone.
 * The programme's capstone committee is the managers named to it (all managers when it names none);
 * supervisors are facilitators or assessors on the supervisors' list; assessors reach capstones only
 * through the marking engine (blind).
 */
import { type Actor, hasRole } from '../../kernel/actor.js';

export type CapstoneAction =
  /** Write, submit and hand in one's own capstone; message one's supervisor; consent to the library. */
  | 'capstones.own'
  /** Decide on proposals (approve, return, reject) and see the committee's queue. */
  | 'capstones.decide'
  /** Read the capstone, comment on drafts, message the candidate. */
  | 'capstones.supervise'
  /** Assign supervisors, set load limits and settings, allocate assessors, record outcomes, see risks. */
  | 'capstones.manage'
  /** Be assigned as a supervisor. */
  | 'capstones.beSupervisor';

export interface CapstoneStanding {
  owner: boolean;
  supervisor: boolean;
  /** False when the capstone's programme names a committee the actor is not on (unknown: undefined). */
  committee?: boolean;
}

const NONE: CapstoneStanding = { owner: false, supervisor: false };

/** Pure: may `actor`, standing as `standing`, do `action`? */
export function canCapstone(
  actor: Actor,
  action: CapstoneAction,
  standing: CapstoneStanding = NONE,
): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user') return false;
  const manager = hasRole(actor, 'manager');
  switch (action) {
    case 'capstones.own':
      return standing.owner;
    case 'capstones.decide':
      return manager && standing.committee !== false;
    case 'capstones.manage':
      return manager;
    case 'capstones.supervise':
      return standing.supervisor || manager;
    case 'capstones.beSupervisor':
      return hasRole(actor, 'facilitator') || hasRole(actor, 'assessor') || manager;
  }
}
