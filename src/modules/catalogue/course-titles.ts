import type { Executor } from '../../db/database.js';
import { KeptResults } from '../../db/kept-results.js';
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

const KEPT_TITLES = new KeptResults<ReadonlyMap<string, LocalizedText>>({
  tables: ['courses'],
  maxEntries: 500,
});

/**
 * `courseTitles`, kept by the set of codes until a course changes (ADR 0009): the candidate dashboard names
 * the same courses of its programme on every request. Shared by every caller: read-only (frozen).
 */
export async function keptCourseTitles(
  db: Executor,
  deps: Services,
  codes: readonly string[],
): Promise<ReadonlyMap<string, LocalizedText>> {
  const unique = [...new Set(codes)].sort();
  return KEPT_TITLES.get(db, unique.join(' '), async () => {
    const titles = await courseTitles(db, deps, unique);
    for (const title of titles.values()) Object.freeze(title);
    return titles;
  });
}
