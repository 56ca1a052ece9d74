/**
 * The calendar files: an edition's public one (its webinars, at `/editions/{id}/calendar.ics`), a person's
 * private feed (every session and due date of the editions they take or facilitate, reached by a token)
 * and one session's "add to calendar" file.
 */
import type { Executor } from '../../db/database.js';
import { KeptResults } from '../../db/kept-results.js';
import type { Services } from '../../deps.js';
import { type Locale, translator } from '../../i18n/i18n.js';
import { pickLocalized } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { ASSIGNMENT_KIND, personalAssignmentEvents } from '../assignments/assignment-calendar.js';
import { editionsFacilitatedBy, findEditionWithCourse } from '../catalogue/catalogue.queries.js';
import { findPerson } from '../identity/identity.queries.js';
import { confirmedEditionsOf } from '../places/places.queries.js';
import { dueItemsOfEditions, itemsOfKind } from '../spaces/spaces.queries.js';
import { dueEvents, type EditionLabel, sessionEvents } from './calendar-events.js';
import { WEBINAR_KIND, webinarAccessFor } from './webinar-access.js';
import { calendarTag, calendarText } from './webinar-calendar.js';
import { findCalendarTokenOwner } from './webinars.repository.js';

async function labels(db: Executor, editionIds: readonly string[]): Promise<Map<string, EditionLabel>> {
  const found = await Promise.all(editionIds.map((id) => findEditionWithCourse(db, id)));
  const out = new Map<string, EditionLabel>();
  for (const f of found)
    if (f) out.set(f.edition.id, { courseCode: f.course.code, courseTitle: f.course.title });
  return out;
}

/**
 * Every table the public calendar of an edition is read from: its webinars (spaces module) and its edition
 * and course with their themes, programmes, equivalences and facilitators (catalogue module, whose own kept
 * edition is read). A write to one of them makes every kept feed stale (ADR 0009);
 * `webinars-calendar.integration.test.ts` checks the list against the SQL the feed really runs.
 */
export const EDITION_CALENDAR_TABLES = [
  'space_items',
  'spaces',
  'editions',
  'courses',
  'course_search',
  'course_themes',
  'themes',
  'programme_courses',
  'programmes',
  'course_equivalences',
  'edition_facilitators',
  'users',
] as const;

/** A calendar file and its validator (the same text gives the same tag, whenever it was made). */
export interface CalendarFile {
  text: string;
  /** A weak entity tag: equal for feeds that differ only in DTSTAMP (when the file was made). */
  etag: string;
}

/** Feeds kept per edition and language: the same for every reader until a webinar or the edition changes. */
const keptFeeds = new KeptResults<CalendarFile | null>({ tables: EDITION_CALENDAR_TABLES, maxEntries: 3000 });

/**
 * The public calendar of an edition's webinars (an unknown edition: not found). Anyone. Kept per edition and
 * language until one of its tables is written (about 2 ms of CPU to make, for a file that changes when a
 * webinar does).
 */
export async function getEditionCalendar(
  db: Executor,
  deps: Services,
  editionId: string,
  locale: Locale,
): Promise<CalendarFile> {
  const file = await keptFeeds.get(db, `${editionId}|${locale}`, () =>
    readEditionCalendar(db, deps, editionId, locale),
  );
  if (!file) throw new AppError('not_found');
  return file;
}

/** Makes the edition's calendar (null: no such edition), without keeping it. */
async function readEditionCalendar(
  db: Executor,
  deps: Services,
  editionId: string,
  locale: Locale,
): Promise<CalendarFile | null> {
  const found = await findEditionWithCourse(db, editionId);
  if (!found) return null;
  const items = await itemsOfKind(db, WEBINAR_KIND, [found.edition.id]);
  const editions = new Map([
    [found.edition.id, { courseCode: found.course.code, courseTitle: found.course.title }],
  ]);
  const events = sessionEvents(deps, items, editions, locale, () => `/editions/${found.edition.id}`);
  const name = `${found.course.code} · ${pickLocalized(found.course.title, locale).text}`;
  const text = calendarText(name, events, deps.clock.now().toISOString());
  return Object.freeze({ text, etag: calendarTag(text) });
}

/** A person's private feed by its token (an unknown or revoked token: not found). */
export async function getPersonalCalendar(db: Executor, deps: Services, token: string): Promise<string> {
  const ownerId = /^[A-Za-z0-9_-]{20,100}$/.test(token) ? await findCalendarTokenOwner(db, token) : null;
  const person = ownerId ? await findPerson(db, ownerId) : null;
  if (!person || person.disabled) throw new AppError('not_found');
  const taking = await confirmedEditionsOf(db, person.id);
  const facilitating = (await editionsFacilitatedBy(db, person.id)).map((e) => e.id);
  const editionIds = [...new Set([...taking, ...facilitating])];
  const locale = person.preferredLocale;
  const [sessions, due, editions, assignments] = await Promise.all([
    itemsOfKind(db, WEBINAR_KIND, editionIds),
    dueItemsOfEditions(db, editionIds),
    labels(db, editionIds),
    // Assignments give each person their own dates (overrides and extensions applied): not the item's default.
    personalAssignmentEvents(db, deps, person.id, { taking, facilitating }, locale, person.timeZone),
  ]);
  const events = [
    ...assignments,
    ...sessionEvents(deps, sessions, editions, locale, (i) => `/spaces/${i.editionId}/items/${i.id}`),
    ...dueEvents(
      deps,
      due.filter((d) => d.kind !== WEBINAR_KIND && d.kind !== ASSIGNMENT_KIND),
      editions,
      locale,
    ),
  ].sort((a, b) => a.start.localeCompare(b.start));
  return calendarText(
    translator(locale).t('webinars.calendar.personalName'),
    events,
    deps.clock.now().toISOString(),
  );
}

/** One session as a calendar file ("add to calendar"), for the edition's participants and staff. */
export async function getSessionCalendar(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
  locale: Locale,
): Promise<{ fileName: string; text: string }> {
  const access = await webinarAccessFor(db, actor, itemId, 'webinar.join', deps.clock.now().toISOString());
  const editions = await labels(db, [access.item.editionId]);
  const events = sessionEvents(
    deps,
    [access.item],
    editions,
    locale,
    (i) => `/spaces/${i.editionId}/items/${i.id}`,
  );
  const name = pickLocalized(access.item.title, locale).text;
  return { fileName: 'webinar.ics', text: calendarText(name, events, deps.clock.now().toISOString()) };
}
