import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import { type LocalizedText, parseLocalized } from '../../i18n/localized.js';
import { findCoursesByCodes } from './catalogue.repository.js';

/** The titles of courses by code (retired ones included: old certificates still name them). */
export async function courseTitles(
  db: Executor,
  _deps: Services,
  codes: readonly string[],
): Promise<Map<string, LocalizedText>> {
  const rows = await findCoursesByCodes(db, [...new Set(codes)]);
  return new Map(rows.map((r) => [r.code, parseLocalized(r.title_i18n)]));
}
