/**
 * Webinar attendance as the results module reads it: for an edition and some people, each person's
 * attendance in hundredths of a percent (0–10000) of the edition's webinars held by the end of `today`
 * (the webinars module's `webinarAttendanceInEdition`), or null when none has been held. The results module
 * treats null as 100 % (no webinars → nothing to attend), so an attendance gate never fails an edition
 * without webinars. Tests may pass their own source to `loadGradebook`.
 */
import type { Executor } from '../../db/database.js';
import { webinarAttendanceInEdition } from '../webinars/webinars.queries.js';

/** Each person's attendance in hundredths; a person left out (or null) counts as "no webinars". */
export type AttendanceSource = (
  db: Executor,
  editionId: string,
  personIds: readonly string[],
  today: string,
) => Promise<ReadonlyMap<string, number | null>>;

/** No webinars anywhere (tests of the policy alone). */
export const noWebinars: AttendanceSource = async () => new Map();

/** Attended ÷ held in hundredths of a percent, rounded half up once (integers only). */
export function attendanceHundredths(attended: number, held: number): number | null {
  if (held <= 0) return null;
  return Math.floor((Math.min(attended, held) * 20_000 + held) / (2 * held));
}

/** The source the results module reads: the webinars module's attendance, held by the end of `today`. */
export const attendanceSource: AttendanceSource = async (db, editionId, personIds, today) => {
  const { held, byPerson } = await webinarAttendanceInEdition(db, editionId, `${today}T23:59:59.999Z`);
  return new Map(personIds.map((id) => [id, attendanceHundredths(byPerson.get(id)?.attended ?? 0, held)]));
};

/** Attendance as the result policy reads it: "no webinars" is 100 %. */
export function attendanceOrFull(value: number | null | undefined): number {
  return value ?? 10_000;
}
