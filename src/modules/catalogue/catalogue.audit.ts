/**
 * The catalogue module's audit actions and their payloads. PERSISTED SHAPE: these payloads are stored in
 * the audit log and shown on histories; change a schema only in ways that old rows still match (or they
 * are shown generically).
 */
import { z } from 'zod';
import type { Executor } from '../../db/database.js';
import { type Locale, translator } from '../../i18n/i18n.js';
import { parseLocalized, pickLocalized } from '../../i18n/localized.js';
import { defineAuditEvents } from '../../kernel/audit.js';
import { isId } from '../../kernel/ids.js';
import { editionTitles } from './catalogue.queries.js';
import { findCoursesByCodes } from './catalogue.repository.js';

const fields = z.record(z.string(), z.unknown());
const courseStatus = z.object({
  before: z.object({ status: z.string() }),
  after: z.object({ status: z.string() }),
});

export const catalogueAuditEvents = defineAuditEvents({
  'course.created': z.object({ after: z.looseObject({ code: z.string() }) }),
  'course.updated': z.object({
    before: z.looseObject({ code: z.string() }),
    after: z.looseObject({ code: z.string() }),
  }),
  'course.retired': courseStatus,
  'course.reactivated': courseStatus,
  'edition.created': z.object({
    after: z.looseObject({ course: z.string(), facilitatorIds: z.array(z.string()) }),
  }),
  'edition.updated': z.object({
    before: fields,
    after: z.looseObject({ facilitatorIds: z.array(z.string()) }),
  }),
});

type CatalogueAuditEvents = typeof catalogueAuditEvents;
declare module '../../kernel/audit.js' {
  interface AuditEvents extends CatalogueAuditEvents {}
}

/** Histories name editions by their course's title and start, and courses by their title, in `locale`. */
export async function catalogueAuditNames(
  db: Executor,
  references: readonly string[],
  locale: Locale,
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const t = translator(locale);
  const ids = references.filter(isId);
  for (const [id, edition] of await editionTitles(db, ids)) {
    names.set(id, `${pickLocalized(edition.courseTitle, locale).text} (${t.date(edition.startsOn)})`);
  }
  const codes = references.filter((r) => !isId(r));
  if (codes.length) {
    for (const row of await findCoursesByCodes(db, codes)) {
      names.set(row.code, pickLocalized(parseLocalized(row.title_i18n), locale).text);
    }
  }
  return names;
}
