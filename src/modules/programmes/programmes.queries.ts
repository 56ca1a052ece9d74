/**
 * The programmes module's internal queries: permission-free reads for other modules (what a page or a
 * notice of theirs shows of a programme). Not for routes: they answer whoever asks.
 */
import type { Executor } from '../../db/database.js';
import { type LocalizedText, parseLocalized } from '../../i18n/localized.js';
import type { Programme } from './programme.js';
import { toProgramme } from './programme-mappers.js';
import {
  findProgrammeBySlug,
  listProgrammeRows,
  listProgrammeTitleRows,
  listThemeRowsOfProgramme,
  listThemeRowsOfProgrammes,
} from './programmes.repository.js';
import { slugSchema } from './programmes.schemas.js';

/** The titles (in every language) and slugs of some programmes, by id. */
export async function programmeTitles(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, { slug: string; title: LocalizedText }>> {
  const rows = await listProgrammeTitleRows(db, ids);
  return new Map(rows.map((r) => [r.id, { slug: r.slug, title: parseLocalized(r.title_i18n) }]));
}

/** A programme by its slug, with its themes (null when there is none). */
export async function findProgramme(db: Executor, slug: string): Promise<Programme | null> {
  if (!slugSchema.safeParse(slug).success) return null;
  const row = await findProgrammeBySlug(db, slug);
  return row ? toProgramme(row, await listThemeRowsOfProgramme(db, row.id)) : null;
}

/** A programme by its id, with its themes (null when there is none). */
export async function findProgrammeById(db: Executor, id: string): Promise<Programme | null> {
  const row = (await listProgrammeRows(db)).find((r) => r.id === id);
  return row ? toProgramme(row, await listThemeRowsOfProgramme(db, row.id)) : null;
}

/** Every programme, with its themes (two queries, whatever the number of programmes). */
export async function allProgrammes(db: Executor): Promise<Programme[]> {
  const rows = await listProgrammeRows(db);
  const themes = await listThemeRowsOfProgrammes(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) =>
    toProgramme(
      row,
      themes.filter((theme) => theme.programme_id === row.id),
    ),
  );
}
