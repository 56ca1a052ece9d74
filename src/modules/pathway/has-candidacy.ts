import type { Deps } from '../../deps.js';
import { systemActor } from '../../kernel/actor.js';
import { getProgramme } from '../programmes/get-programme.js';
import { findCandidacyOf } from './pathway.repository.js';

/** True when the person is already a candidate of the programme (the seed and admissions use it). */
export async function hasCandidacy(deps: Deps, programmeSlug: string, userId: string): Promise<boolean> {
  const programme = await getProgramme(deps, systemActor('pathway'), programmeSlug);
  return (await findCandidacyOf(deps.db, programme.id, userId)) !== undefined;
}
