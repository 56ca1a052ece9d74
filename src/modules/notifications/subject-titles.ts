import type { Executor } from '../../db/database.js';
import { parseLocalized } from '../../i18n/localized.js';
import type { NotificationEvent } from './events.js';
import { type SubjectTitles, subjectIds } from './notification.js';
import { findEditionTitles, findProgrammeTitles } from './notifications.repository.js';

/** The titles of the programmes and editions (with their course) that `events` name, in every language. */
export async function loadSubjectTitles(
  db: Executor,
  events: readonly NotificationEvent[],
): Promise<SubjectTitles> {
  const { programmeIds, editionIds } = subjectIds(events);
  const [programmes, editions] = await Promise.all([
    findProgrammeTitles(db, programmeIds),
    findEditionTitles(db, editionIds),
  ]);
  return {
    programmes: new Map(programmes.map((p) => [p.id, parseLocalized(p.title_i18n)])),
    editions: new Map(
      editions.map((e) => [
        e.id,
        { courseTitle: parseLocalized(e.title_i18n), courseCode: e.code, startsOn: e.starts_on },
      ]),
    ),
  };
}
