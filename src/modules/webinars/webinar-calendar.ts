/**
 * iCalendar (RFC 5545) files of sessions and due dates, written by ical-generator. Instants are UTC (`Z`),
 * which every calendar shows in its reader's own zone. Pure: events in, text out.
 */
import { createHash } from 'node:crypto';
import ical from 'ical-generator';

/** One event of a feed. */
export interface CalendarEvent {
  /** Stable and unique (a calendar updates the event it already has). */
  uid: string;
  start: string;
  /** Absent for a due date (a moment, not a span). */
  end: string | null;
  summary: string;
  description: string;
  url: string;
}

/** The text of a calendar named `name` holding `events`; `stamp` is when it was made (DTSTAMP). */
export function calendarText(name: string, events: readonly CalendarEvent[], stamp: string): string {
  const calendar = ical({
    name,
    prodId: { company: 'Diploma Platform', product: 'Course calendar', language: 'EN' },
  });
  for (const e of events)
    calendar.createEvent({
      id: e.uid,
      start: new Date(e.start),
      ...(e.end ? { end: new Date(e.end) } : {}),
      stamp: new Date(stamp),
      summary: e.summary,
      description: e.description,
      url: e.url,
    });
  return calendar.toString();
}

/** Pure: the UID of a webinar's event, and of an item's due date. */
export const sessionUid = (itemId: string) => `webinar-${itemId}@diploma-platform`;
export const dueUid = (itemId: string) => `due-${itemId}@diploma-platform`;

/** Pure: the weak entity tag of a calendar's text, DTSTAMP lines left out. */
export function calendarTag(text: string): string {
  const content = text.replace(/^DTSTAMP:[^\r\n]*\r?\n/gm, '');
  return `W/"${createHash('sha256').update(content).digest('base64url').slice(0, 27)}"`;
}

/** Pure: whether an If-None-Match header names `etag` (weak comparison: `W/` ignored; `*` matches any). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => {
    const candidate = tag.trim();
    return candidate === '*' || candidate.replace(/^W\//, '') === opaque;
  });
}
