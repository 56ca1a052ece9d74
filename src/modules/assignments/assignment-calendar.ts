/**
 * Assignment dates in a person's calendar feed (the private iCalendar feed of `/calendars/{token}.ics`):
 * a participant's own opening, due and cut-off instants (extension > personal override > group override >
 * default, as on their page), staff's default due and cut-off and the marking due date. Instants stay UTC:
 * every calendar shows them in its reader's zone.
 */
import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import { type Locale, translator } from '../../i18n/i18n.js';
import type { DateSource, EffectiveDates } from './assignment.js';
import { listAssignmentsOfEdition } from './assignments.repository.js';
import { type AssignmentSettings, datesFor, toSettings } from './submission-state.js';

/** The space item kind of assignments (its generic due date is replaced by each person's own dates). */
export const ASSIGNMENT_KIND = 'assignment';

export const CALENDAR_DATE_KINDS = ['opens', 'due', 'cutoff', 'marking-due'] as const;
export type CalendarDateKind = (typeof CALENDAR_DATE_KINDS)[number];

/** One date of an assignment in someone's calendar. */
export interface AssignmentCalendarEntry {
  assignmentId: string;
  editionId: string;
  title: string;
  kind: CalendarDateKind;
  at: string;
  /** Where a participant's date comes from (their extension, personal or group dates, or the default). */
  source: DateSource;
}

/**
 * Pure: the entries of one assignment for a participant (`dates`: their effective dates) or for staff
 * (`dates` null: the defaults and the marking due date). Dates not set are left out.
 */
export function calendarEntries(
  settings: Pick<AssignmentSettings, 'id' | 'editionId' | 'title' | 'defaults' | 'markingDueAt'>,
  dates: EffectiveDates | null,
): AssignmentCalendarEntry[] {
  const entry = (kind: CalendarDateKind, at: string | null, source: DateSource = 'default') =>
    at
      ? [
          {
            assignmentId: settings.id,
            editionId: settings.editionId,
            title: settings.title,
            kind,
            at,
            source,
          },
        ]
      : [];
  if (dates)
    return [
      ...entry('opens', dates.opensAt, dates.source.opensAt),
      ...entry('due', dates.dueAt, dates.source.dueAt),
      ...entry('cutoff', dates.cutoffAt, dates.source.cutoffAt),
    ];
  return [
    ...entry('due', settings.defaults.dueAt),
    ...entry('cutoff', settings.defaults.cutoffAt),
    ...entry('marking-due', settings.markingDueAt),
  ];
}

/** A calendar event (the shape of the webinars' feed writer: uid, start, end, summary, description, url). */
export interface AssignmentCalendarEvent {
  uid: string;
  start: string;
  end: null;
  summary: string;
  description: string;
  url: string;
}

/**
 * The assignment events of a person's calendar feed, in their language: their own dates in the editions
 * they take, the staff dates in the editions they facilitate (an edition in both: their own dates).
 * Permission-free: the feed's owner is known by its token.
 */
export async function personalAssignmentEvents(
  db: Executor,
  deps: Pick<Services, 'config'>,
  personId: string,
  editions: { taking: readonly string[]; facilitating: readonly string[] },
  locale: Locale,
): Promise<AssignmentCalendarEvent[]> {
  const t = translator(locale);
  const taking = new Set(editions.taking);
  const entries: AssignmentCalendarEntry[] = [];
  for (const editionId of new Set([...editions.taking, ...editions.facilitating]))
    for (const row of await listAssignmentsOfEdition(db, editionId)) {
      const settings = toSettings(row);
      const own = taking.has(editionId) ? await datesFor(db, settings, personId) : null;
      entries.push(...calendarEntries(settings, own));
    }
  return entries.map((e) => {
    const url = `${deps.config.baseUrl}/assignments/${e.assignmentId}`;
    const source = e.source === 'default' ? '' : t.t(`assignments.source.${e.source}`);
    return {
      uid: `assignment-${e.assignmentId}-${e.kind}@diploma-platform`,
      start: e.at,
      end: null,
      summary: t.t(`assignments.calendar.${e.kind}`, { title: e.title }),
      description: source ? t.t('assignments.calendar.described', { source, url }) : url,
      url,
    };
  });
}
