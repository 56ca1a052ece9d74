/**
 * Assignment dates in a person's calendar feed (the private iCalendar feed of `/calendars/{token}.ics`):
 * a participant's own opening, due and cut-off instants (extension > personal override > group override >
 * default, as on their page), staff's default due and cut-off and the marking due date, and a marker's
 * marking due date of the assignments whose unreleased submissions are allocated to them (with their
 * participant numbers and the instant in the marker's own time zone). Instants stay UTC: every calendar
 * shows them in its reader's zone.
 */
import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import { formattingLocale, type Locale, translator } from '../../i18n/i18n.js';
import { DEFAULT_TIME_ZONE, formatInZone, isTimeZone } from '../../i18n/time-zones.js';
import { allocationsOfMarker } from '../marking/marking.queries.js';
import type { DateSource, EffectiveDates } from './assignment.js';
import { assignmentsOfSubmissions, listAssignmentsOfEdition } from './assignments.repository.js';
import { type AssignmentSettings, datesFor, MARKING_OWNER, toSettings } from './submission-state.js';

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

/** An assignment's marking due date for one marker: the participant numbers allocated to them, unreleased. */
export interface MarkerDueEntry {
  assignmentId: string;
  title: string;
  at: string;
  participants: string[];
  /** How many of them the marker has still to complete. */
  toMark: number;
}

/**
 * The marking due dates of the assignments whose unreleased submissions are allocated to this marker (first
 * or second), one per assignment, with the participant numbers (blind); assignments without one are left out.
 */
export async function markerDueEntries(db: Executor, markerId: string): Promise<MarkerDueEntry[]> {
  const allocations = await allocationsOfMarker(db, markerId, MARKING_OWNER);
  const assignments = await assignmentsOfSubmissions(
    db,
    allocations.map((a) => a.ownerId),
  );
  const bySubmission = new Map(assignments.map((a) => [a.submission_id, a]));
  const out = new Map<string, MarkerDueEntry>();
  for (const allocation of allocations) {
    const assignment = bySubmission.get(allocation.ownerId);
    if (!assignment?.marking_due_at) continue;
    const entry = out.get(assignment.id) ?? {
      assignmentId: assignment.id,
      title: assignment.title,
      at: assignment.marking_due_at,
      participants: [],
      toMark: 0,
    };
    entry.participants.push(allocation.participant);
    if (!allocation.completed) entry.toMark++;
    out.set(assignment.id, entry);
  }
  return [...out.values()];
}

/**
 * The assignment events of a person's calendar feed, in their language: their own dates in the editions
 * they take, the staff dates in the editions they facilitate (an edition in both: their own dates), and the
 * marking due dates of the submissions allocated to them as a marker (one event per assignment: the same
 * UID as a facilitator's marking due date, which it replaces, naming the participant numbers and the instant
 * in their time zone). Permission-free: the feed's owner is known by its token.
 */
export async function personalAssignmentEvents(
  db: Executor,
  deps: Pick<Services, 'config'>,
  personId: string,
  editions: { taking: readonly string[]; facilitating: readonly string[] },
  locale: Locale,
  timeZone: string | null = null,
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
  const uidOf = (assignmentId: string, kind: CalendarDateKind) =>
    `assignment-${assignmentId}-${kind}@diploma-platform`;
  const marking = (await markerDueEntries(db, personId)).map((e) => {
    const url = `${deps.config.baseUrl}/marking/my`;
    const zone = timeZone && isTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE;
    return {
      uid: uidOf(e.assignmentId, 'marking-due'),
      start: e.at,
      end: null,
      summary: t.t('assignments.calendar.marking-due', { title: e.title }),
      description: t.t('assignments.calendar.markerDescribed', {
        count: e.participants.length,
        toMark: e.toMark,
        participants: e.participants.join(', '),
        when: formatInZone(e.at, formattingLocale(locale), zone),
        zone,
        url,
      }),
      url,
    };
  });
  const markingUids = new Set(marking.map((m) => m.uid));
  const own = entries
    .filter((e) => !markingUids.has(uidOf(e.assignmentId, e.kind)))
    .map((e) => {
      const url = `${deps.config.baseUrl}/assignments/${e.assignmentId}`;
      const source = e.source === 'default' ? '' : t.t(`assignments.source.${e.source}`);
      return {
        uid: uidOf(e.assignmentId, e.kind),
        start: e.at,
        end: null,
        summary: t.t(`assignments.calendar.${e.kind}`, { title: e.title }),
        description: source ? t.t('assignments.calendar.described', { source, url }) : url,
        url,
      };
    });
  return [...own, ...marking];
}
