import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import { parseLocalized } from '../../../i18n/localized.js';
import type { Actor } from '../../../kernel/actor.js';
import { AppError } from '../../../kernel/errors.js';
import { ensure } from '../../../kernel/policy.js';
import { todayOf, waitlistPositions } from '../place-changes.js';
import { type MyPlace, toPlace } from '../place-views.js';
import { ACTIVE_STATUSES, canWithdrawOn, type PlaceStatus } from '../places.js';
import { canPlaces } from '../places.policy.js';
import { listPlacesOfUser } from '../places.repository.js';

/** The signed-in person's places: requests, confirmed places, waiting-list positions, what they may withdraw. */
export async function listMyPlaces(db: Executor, deps: Services, actor: Actor): Promise<MyPlace[]> {
  ensure(actor, canPlaces(actor, 'places.request'));
  if (actor.kind !== 'user') throw new AppError('forbidden');
  const rows = await listPlacesOfUser(db, actor.id);
  const today = todayOf(deps);
  const out: MyPlace[] = [];
  for (const row of rows) {
    const position =
      row.status === 'waitlisted'
        ? ((await waitlistPositions(db, row.edition_id)).get(row.id) ?? null)
        : null;
    out.push({
      ...toPlace(row, position),
      courseCode: row.course_code,
      courseTitle: parseLocalized(row.course_title_i18n),
      editionCode: row.edition_code,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      language: row.language,
      canWithdraw:
        ACTIVE_STATUSES.includes(row.status as PlaceStatus) &&
        canWithdrawOn({ startsOn: row.starts_on }, today),
    });
  }
  return out;
}
