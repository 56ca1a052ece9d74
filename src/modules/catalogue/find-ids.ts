import type { Deps } from '../../deps.js';
import { findCourseByCode, findEditionByCode } from './catalogue.repository.js';

/** The id of a course by code, or null (used by imports and the seed to stay idempotent). */
export async function findCourseId(deps: Deps, code: string): Promise<string | null> {
  return (await findCourseByCode(deps.db, code))?.id ?? null;
}

/** The id of an edition by its code, or null. */
export async function findEditionIdByCode(deps: Deps, code: string): Promise<string | null> {
  return (await findEditionByCode(deps.db, code))?.id ?? null;
}
