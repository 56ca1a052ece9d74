import { type Actor, hasRole } from '../../kernel/actor.js';

export type ProgrammeAction = 'programme.read' | 'programme.edit';

/** Pure: anyone reads programmes; programme managers edit them. */
export function canProgramme(actor: Actor, action: ProgrammeAction): boolean {
  if (action === 'programme.read') return true;
  return actor.kind === 'system' || hasRole(actor, 'manager');
}
