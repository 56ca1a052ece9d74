import type { Executor } from '../../db/database.js';
import { deepFreeze, KeptResults } from '../../db/kept-results.js';
import type { Services } from '../../deps.js';
import { parseLocalized } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import { ensure } from '../../kernel/policy.js';
import { canCatalogue } from './catalogue.policy.js';
import { listOpenEditionsOfCodes } from './catalogue.repository.js';
import { toEdition } from './catalogue-mappers.js';
import type { Edition } from './course.js';

/** Editions of these courses open for registration today, soonest first (a candidate's next steps). */
export async function listOpenEditions(
  db: Executor,
  deps: Services,
  actor: Actor,
  courseCodes: readonly string[],
  limit = 20,
): Promise<Edition[]> {
  ensure(actor, canCatalogue(actor, 'catalogue.read'));
  const today = deps.clock.now().toISOString().slice(0, 10);
  return readOpenEditions(db, courseCodes, today, limit);
}

async function readOpenEditions(
  db: Executor,
  courseCodes: readonly string[],
  today: string,
  limit: number,
): Promise<Edition[]> {
  const rows = await listOpenEditionsOfCodes(db, courseCodes, today, limit);
  return rows.map(({ course_code, course_title_i18n, ...row }) =>
    toEdition(row, { code: course_code, title: parseLocalized(course_title_i18n) }, []),
  );
}

/** The tables the open editions of courses are read from (`listOpenEditionsOfCodes`). */
export const OPEN_EDITIONS_TABLES = ['editions', 'courses'] as const;

/** Most editions of one kept list (far more than a programme's courses have open at once). */
const KEPT_OPEN_EDITIONS_LIMIT = 1000;

const KEPT_OPEN_EDITIONS = new KeptResults<readonly Edition[]>({
  tables: OPEN_EDITIONS_TABLES,
  maxEntries: 200,
});

/**
 * Every edition of these courses open for registration today, soonest first (then by id), kept until an
 * edition or a course changes (ADR 0009): the candidate dashboard asks for the open editions of its
 * programme's courses on every request, the same list for every candidate of the programme, and picks the
 * ones each candidate still needs. Frozen: shared by every request.
 */
export async function listKeptOpenEditions(
  db: Executor,
  deps: Services,
  actor: Actor,
  courseCodes: readonly string[],
): Promise<readonly Edition[]> {
  ensure(actor, canCatalogue(actor, 'catalogue.read'));
  const today = deps.clock.now().toISOString().slice(0, 10);
  const codes = [...new Set(courseCodes)].sort();
  return KEPT_OPEN_EDITIONS.get(db, `${today}|${codes.join(' ')}`, async () =>
    deepFreeze(await readOpenEditions(db, codes, today, KEPT_OPEN_EDITIONS_LIMIT)),
  );
}
