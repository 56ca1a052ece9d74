import type { Deps } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { ensure } from '../../../kernel/policy.js';
import { getProgramme } from '../../programmes/get-programme.js';
import { canCredentials } from '../credentials.policy.js';
import { findProgrammeFacts } from './certified-facts.repository.js';

/** Managers: whether a programme awards its diplomas automatically (the ready list's setting). 404 unknown. */
export async function getAutoAward(
  deps: Deps,
  actor: Actor,
  programmeSlug: string,
): Promise<{ awardAutomatically: boolean }> {
  ensure(actor, canCredentials(actor, 'credentials.manage'));
  const programme = await getProgramme(deps, actor, programmeSlug);
  const facts = await findProgrammeFacts(deps.db, programme.id);
  return { awardAutomatically: facts?.award_automatically === 1 };
}
