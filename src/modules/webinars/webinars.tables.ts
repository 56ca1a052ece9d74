/**
 * The webinars module's tables (only this module writes them): each person's attendance of a webinar
 * item, the materials attached after a session (recording links, slides, chat transcripts), the reminders
 * already sent (one per person, session and kind: a primary key, so several processes cannot send twice)
 * and each person's private calendar feed token (revocable). PERSISTED: `source`, `kind` codes.
 */
import type { Insertable, Selectable } from 'kysely';

export interface WebinarAttendanceTable {
  item_id: string;
  user_id: string;
  /** 1 attended, 0 marked absent. */
  attended: number;
  /** `manual` | `csv` | `bbb`. */
  source: string;
  recorded_by: string | null;
  recorded_at: string;
}

export interface WebinarMaterialsTable {
  id: string;
  item_id: string;
  /** `recording` | `slides` | `chat`. */
  kind: string;
  title: string;
  /** A link (recordings) or null for a stored file. */
  url: string | null;
  storage_key: string | null;
  file_name: string | null;
  content_type: string | null;
  size: number | null;
  created_by: string | null;
  created_at: string;
}

export interface WebinarRemindersTable {
  item_id: string;
  user_id: string;
  /** `24h` | `1h`. */
  kind: string;
  /** The session's start the reminder was for (a moved session is reminded again). */
  starts_at: string;
  sent_at: string;
}

export interface WebinarCalendarTokensTable {
  user_id: string;
  /**
   * The random token in the feed's URL (kept, so that its owner's account page can show the URL again, as
   * calendar services do for private addresses; renewing replaces it, revoking deletes the row).
   */
  token: string;
  created_at: string;
}

declare module '../../db/schema.js' {
  interface DB {
    webinar_attendance: WebinarAttendanceTable;
    webinar_materials: WebinarMaterialsTable;
    webinar_reminders: WebinarRemindersTable;
    webinar_calendar_tokens: WebinarCalendarTokensTable;
  }
}

export type AttendanceRow = Selectable<WebinarAttendanceTable>;
export type MaterialRow = Selectable<WebinarMaterialsTable>;
export type NewMaterialRow = Insertable<WebinarMaterialsTable>;
export type CalendarTokenRow = Selectable<WebinarCalendarTokensTable>;
