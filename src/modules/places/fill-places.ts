import type { Executor } from '../../db/database.js';
import type { Deps } from '../../deps.js';
import { fillFreedPlaces, lockedEdition, waitlistPositions } from './place-changes.js';

/**
 * After an edition's details change (its capacity raised), gives the places now free to the first on
 * its waiting list, in the caller's transaction (the catalogue's edition update). Returns how many moved.
 */
export async function fillPlacesAfterEditionChange(
  trx: Executor,
  deps: Deps,
  editionId: string,
): Promise<number> {
  const edition = await lockedEdition(trx, editionId);
  if (edition.status === 'cancelled') return 0;
  return fillFreedPlaces(trx, deps, edition, await waitlistPositions(trx, editionId));
}
