import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import { fillFreedPlaces, lockedEdition, waitlistPositions } from './place-changes.js';

/**
 * After an edition's details change (its capacity raised), gives the places now free to the first on
 * its waiting list, in the caller's transaction (the catalogue's edition update). Returns how many moved.
 */
export async function fillPlacesAfterEditionChange(
  db: Executor,
  deps: Services,
  editionId: string,
): Promise<number> {
  const edition = await lockedEdition(db, editionId);
  if (edition.status === 'cancelled') return 0;
  return fillFreedPlaces(db, deps, edition, await waitlistPositions(db, editionId));
}
