import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { isId } from '../../kernel/ids.js';
import { ensure } from '../../kernel/policy.js';
import { canPlaces } from './places.policy.js';
import { findPlace } from './places.repository.js';

/** The edition of a place (programme managers), to show its page again after a refused action. */
export async function findPlaceEdition(
  db: Executor,
  _deps: Services,
  actor: Actor,
  placeId: string,
): Promise<string> {
  ensure(actor, canPlaces(actor, 'places.manage'));
  const place = isId(placeId) ? await findPlace(db, placeId) : undefined;
  if (!place) throw new AppError('not_found');
  return place.edition_id;
}
