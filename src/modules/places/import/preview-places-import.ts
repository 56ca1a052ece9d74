import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { ensure } from '../../../kernel/policy.js';
import { parseInput } from '../../../kernel/validation.js';
import { canPlaces } from '../places.policy.js';
import { placesImportSchema } from '../places.schemas.js';
import { checkPlacesImport, type PlacesImportCheck } from './places-import-lookups.js';

/**
 * Checks a bulk enrolment (CSV text) and says what committing it would do, row by row, without writing
 * anything (programme managers).
 */
export async function previewPlacesImport(
  db: Executor,
  _deps: Services,
  actor: Actor,
  input: unknown,
): Promise<PlacesImportCheck> {
  ensure(actor, canPlaces(actor, 'places.manage'));
  const { csv } = parseInput(placesImportSchema, input);
  return checkPlacesImport(db, csv);
}
