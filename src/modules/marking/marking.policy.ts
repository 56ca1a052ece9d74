/**
 * Who may do what in marking. Pure: the caller finds the actor's standing towards the context (an edition:
 * facilitator of it) and the submission (allocated as a marker).
 */
import { type Actor, hasRole } from '../../kernel/actor.js';

export type MarkingAction =
  /** See every submission of a context, allocate markers, review, agree and release marks. */
  | 'marking.manage'
  /** Mark a submission one is allocated to (blind: its participant number only). */
  | 'marking.mark'
  /** Reveal the participants' identities of a context to its markers (after every mark is final). */
  | 'marking.reveal'
  /** Write rubric templates. */
  | 'marking.rubrics'
  /** Be allocated as a marker. */
  | 'marking.beMarker'
  /** Read (never change) a submission of the moderation sample as the context's external examiner. */
  | 'marking.examine';

export interface MarkingStanding {
  /** Facilitator of the context's edition. */
  facilitator: boolean;
  /** Allocated to mark the submission. */
  marker: boolean;
  /** External examiner of the context, and the submission is in the moderation sample. */
  examiner?: boolean;
}

/** Pure: may `actor`, standing as `standing`, do `action`? */
export function canMarking(actor: Actor, standing: MarkingStanding, action: MarkingAction): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user') return false;
  const manager = hasRole(actor, 'manager');
  switch (action) {
    case 'marking.manage':
      return manager || standing.facilitator;
    case 'marking.mark':
      return standing.marker;
    case 'marking.reveal':
      return manager;
    case 'marking.rubrics':
      return manager || hasRole(actor, 'facilitator');
    case 'marking.beMarker':
      return manager || hasRole(actor, 'facilitator') || hasRole(actor, 'assessor');
    case 'marking.examine':
      return standing.examiner === true;
  }
}
