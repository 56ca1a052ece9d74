/**
 * THE PORT for webinar attendance (the webinars module, written by another helper, will provide it).
 * `attendanceSource` answers, for an edition and some people, each person's attendance in hundredths of a
 * percent (0–10000), or null when the edition has no webinars. The results module treats null as 100 %
 * (no webinars → nothing to attend), so an attendance gate never fails an edition without webinars.
 *
 * To wire the webinars module: replace `noWebinars` below by a function that calls its internal query
 * (e.g. `attendanceOf(db, editionId, personIds)` in `webinars.queries.ts`) and returns the map. Nothing
 * else in the results module changes.
 */
import type { Executor } from '../../db/database.js';

/** Each person's attendance in hundredths; a person left out (or null) counts as "no webinars". */
export type AttendanceSource = (
  db: Executor,
  editionId: string,
  personIds: readonly string[],
) => Promise<ReadonlyMap<string, number | null>>;

/** The default until the webinars module lands: no webinars anywhere. */
export const noWebinars: AttendanceSource = async () => new Map();

/** The source the results module reads. */
export const attendanceSource: AttendanceSource = noWebinars;

/** Attendance as the result policy reads it: "no webinars" is 100 %. */
export function attendanceOrFull(value: number | null | undefined): number {
  return value ?? 10_000;
}
