import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import { AppError } from '../../kernel/errors.js';
import { findProgramme } from '../programmes/programmes.queries.js';
import { findCandidacyOf } from './pathway.repository.js';

/** True when the person is already a candidate of the programme (the seed and admissions use it). */
export async function hasCandidacy(
  db: Executor,
  _deps: Services,
  programmeSlug: string,
  userId: string,
): Promise<boolean> {
  const programme = await findProgramme(db, programmeSlug);
  if (!programme) throw new AppError('not_found');
  return (await findCandidacyOf(db, programme.id, userId)) !== undefined;
}
