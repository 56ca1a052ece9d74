import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { ensure } from '../../../kernel/policy.js';
import { getProgramme } from '../../programmes/get-programme.js';
import { canCredentials } from '../credentials.policy.js';
import { findAutoAward } from './certified-facts.repository.js';

/** Managers: whether a programme awards its diplomas automatically (the ready list's setting). 404 unknown. */
export async function getAutoAward(
  db: Executor,
  deps: Services,
  actor: Actor,
  programmeSlug: string,
): Promise<{ awardAutomatically: boolean }> {
  ensure(actor, canCredentials(actor, 'credentials.manage'));
  const programme = await getProgramme(db, deps, actor, programmeSlug);
  return { awardAutomatically: await findAutoAward(db, programme.id) };
}
