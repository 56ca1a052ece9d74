import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import { findCourseByCode, findEditionByCode } from './catalogue.repository.js';

/** The id of a course by code, or null (used by imports and the seed to stay idempotent). */
export async function findCourseId(db: Executor, _deps: Services, code: string): Promise<string | null> {
  return (await findCourseByCode(db, code))?.id ?? null;
}

/** The id of an edition by its code, or null. */
export async function findEditionIdByCode(
  db: Executor,
  _deps: Services,
  code: string,
): Promise<string | null> {
  return (await findEditionByCode(db, code))?.id ?? null;
}
