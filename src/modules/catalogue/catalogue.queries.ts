/**
 * The catalogue's internal queries: permission-free reads for other modules (what their pages and notices
 * show of a course or an edition). Not for routes: they answer whoever asks.
 */
import type { Executor } from '../../db/database.js';
import { type LocalizedText, parseLocalized } from '../../i18n/localized.js';
import { listEditionTitleRows } from './catalogue.repository.js';

/** An edition as other modules name it: its course's title and code, its own code and start. */
export interface EditionTitle {
  courseTitle: LocalizedText;
  courseCode: string;
  editionCode: string | null;
  startsOn: string;
}

/** The titles of some editions, by id. */
export async function editionTitles(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, EditionTitle>> {
  const rows = await listEditionTitleRows(db, ids);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        courseTitle: parseLocalized(r.title_i18n),
        courseCode: r.course_code,
        editionCode: r.code,
        startsOn: r.starts_on,
      },
    ]),
  );
}
