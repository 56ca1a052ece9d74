/**
 * The calendar files: an edition's public one (its webinars, at `/editions/{id}/calendar.ics`), a person's
 * private feed (every session and due date of the editions they take or facilitate, reached by a token)
 * and one session's "add to calendar" file.
 */
import type { Executor } from '../../db/database.js';
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
import { calendarText } from './webinar-calendar.js';
import { findCalendarTokenOwner } from './webinars.repository.js';

async function labels(db: Executor, editionIds: readonly string[]): Promise<Map<string, EditionLabel>> {
  const found = await Promise.all(editionIds.map((id) => findEditionWithCourse(db, id)));
  const out = new Map<string, EditionLabel>();
  for (const f of found)
    if (f) out.set(f.edition.id, { courseCode: f.course.code, courseTitle: f.course.title });
  return out;
}

/** The public calendar of an edition's webinars (an unknown edition: not found). Anyone. */
export async function getEditionCalendar(
  db: Executor,
  deps: Services,
  editionId: string,
  locale: Locale,
): Promise<string> {
  const found = await findEditionWithCourse(db, editionId);
  if (!found) throw new AppError('not_found');
  const items = await itemsOfKind(db, WEBINAR_KIND, [found.edition.id]);
  const editions = new Map([
    [found.edition.id, { courseCode: found.course.code, courseTitle: found.course.title }],
  ]);
  const events = sessionEvents(deps, items, editions, locale, () => `/editions/${found.edition.id}`);
  const name = `${found.course.code} · ${pickLocalized(found.course.title, locale).text}`;
  return calendarText(name, events, deps.clock.now().toISOString());
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
