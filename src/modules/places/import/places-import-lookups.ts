import type { Executor } from '../../../db/database.js';
import { readCsv } from '../../../integrations/spreadsheets/read-spreadsheet.js';
import { AppError, isAppError } from '../../../kernel/errors.js';
import { isId } from '../../../kernel/ids.js';
import type { PlaceCounts } from '../places.js';
import { countPlaces, findEditionsByKeys, findPeopleByEmails, listPlacesIn } from '../places.repository.js';
import {
  checkPlacesRows,
  type PlacesImportProblem,
  type PlannedEnrolment,
  placeKey,
  readPlacesRows,
} from './places-import.js';

/** The checked bulk enrolment: what committing would do, and every problem. */
export interface PlacesImportCheck {
  planned: PlannedEnrolment[];
  problems: PlacesImportProblem[];
  /** Data rows read (valid or not). */
  rowCount: number;
}

/** Parses CSV text; a file that is not CSV at all is a validation error on `csv`. */
function parseCsvText(text: string) {
  try {
    return readCsv(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    if (isAppError(error, 'validation_failed'))
      throw new AppError(
        'validation_failed',
        {},
        error.fields.map((f) => ({ ...f, path: 'csv' })),
      );
    throw error;
  }
}

/**
 * Reads and checks a bulk enrolment against the database (inside the commit's transaction, after the
 * editions are locked, or alone for the preview).
 */
export async function checkPlacesImport(
  db: Executor,
  text: string,
  lockEditions?: (editionIds: string[]) => Promise<void>,
): Promise<PlacesImportCheck> {
  const { rows, problems } = readPlacesRows(parseCsvText(text));
  const emails = [...new Set(rows.map((r) => r.email))];
  const keys = [...new Set(rows.map((r) => r.edition))];
  const found = await findEditionsByKeys(
    db,
    keys.filter((k) => !isId(k)),
    keys.filter((k) => isId(k)),
  );
  const editionIds = [...new Set(found.map((e) => e.id))].sort();
  if (lockEditions) await lockEditions(editionIds);
  const editions = new Map<string, { id: string; status: string; capacity: number | null }>();
  for (const e of found) {
    const edition = { id: e.id, status: e.status, capacity: e.capacity };
    editions.set(e.id, edition);
    if (e.code) editions.set(e.code.toUpperCase(), edition);
  }
  const people = new Map((await findPeopleByEmails(db, emails)).map((p) => [p.email, p.id]));
  const counts = new Map<string, PlaceCounts>();
  for (const id of editionIds) counts.set(id, await countPlaces(db, id));
  const places = new Map(
    (await listPlacesIn(db, editionIds, [...people.values()])).map((p) => [
      placeKey(p.edition_id, p.user_id),
      p.status,
    ]),
  );
  const checked = checkPlacesRows(rows, { people, editions, counts, places });
  return {
    planned: checked.planned,
    problems: [...problems, ...checked.problems].sort((a, b) => a.line - b.line),
    rowCount: rows.length + new Set(problems.filter((p) => p.line > 0).map((p) => p.line)).size,
  };
}
