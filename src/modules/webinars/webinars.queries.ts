/**
 * The webinars module's internal queries: permission-free reads for other modules. The assessment issue's
 * results use `webinarAttendanceOf` ("webinar attendance at least N %"). Not for routes.
 */
import type { Executor } from '../../db/database.js';
import { isId } from '../../kernel/ids.js';
import { itemsOfKind } from '../spaces/spaces.queries.js';
import { attendancePercent } from './webinar.js';
import { WEBINAR_KIND } from './webinar-access.js';
import { readWebinarSettings } from './webinar-settings.js';
import { listAttendance } from './webinars.repository.js';

/** A person's attendance of an edition's webinars held so far (ended by `now`). */
export interface WebinarAttendance {
  /** Sessions of the edition that have ended. */
  held: number;
  /** Of those, the ones the person attended. */
  attended: number;
  /** Whole percent, null when none has been held yet. */
  percent: number | null;
}

/** Every participant's attendance in an edition (people with no attendance row are left out: 0 attended). */
export async function webinarAttendanceInEdition(
  db: Executor,
  editionId: string,
  now: string,
): Promise<{ held: number; byPerson: Map<string, WebinarAttendance> }> {
  if (!isId(editionId)) return { held: 0, byPerson: new Map() };
  const items = await itemsOfKind(db, WEBINAR_KIND, [editionId]);
  const heldIds = items
    .filter((i) => {
      const s = readWebinarSettings(i.settings);
      return s !== null && s.endsAt <= now;
    })
    .map((i) => i.id);
  const held = heldIds.length;
  const counts = new Map<string, number>();
  for (const row of await listAttendance(db, heldIds))
    if (row.attended === 1) counts.set(row.user_id, (counts.get(row.user_id) ?? 0) + 1);
  const byPerson = new Map<string, WebinarAttendance>();
  for (const [personId, attended] of counts)
    byPerson.set(personId, { held, attended, percent: attendancePercent(attended, held) });
  return { held, byPerson };
}

/** One person's attendance of an edition's webinars held by `now` (for "attendance at least N %"). */
export async function webinarAttendanceOf(
  db: Executor,
  personId: string,
  editionId: string,
  now: string,
): Promise<WebinarAttendance> {
  const { held, byPerson } = await webinarAttendanceInEdition(db, editionId, now);
  return byPerson.get(personId) ?? { held, attended: 0, percent: attendancePercent(0, held) };
}
