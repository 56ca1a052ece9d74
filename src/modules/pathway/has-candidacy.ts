import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import { systemActor } from '../../kernel/actor.js';
import { getProgramme } from '../programmes/get-programme.js';
import { findCandidacyOf } from './pathway.repository.js';

/** True when the person is already a candidate of the programme (the seed and admissions use it). */
export async function hasCandidacy(
  db: Executor,
  deps: Services,
  programmeSlug: string,
  userId: string,
): Promise<boolean> {
  const programme = await getProgramme(db, deps, systemActor('pathway'), programmeSlug);
  return (await findCandidacyOf(db, programme.id, userId)) !== undefined;
}
