import type { Executor } from '../../db/database.js';
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
  const rows = await listOpenEditionsOfCodes(db, courseCodes, today, limit);
  return rows.map(({ course_code, course_title_i18n, ...row }) =>
    toEdition(row, { code: course_code, title: parseLocalized(course_title_i18n) }, []),
  );
}
