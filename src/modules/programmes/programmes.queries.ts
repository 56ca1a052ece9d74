/**
 * The programmes module's internal queries: permission-free reads for other modules (what a page or a
 * notice of theirs shows of a programme). Not for routes: they answer whoever asks.
 */
import type { Executor } from '../../db/database.js';
import { deepFreeze, KeptResults } from '../../db/kept-results.js';
import { type LocalizedText, parseLocalized } from '../../i18n/localized.js';
import type { Programme } from './programme.js';
import { toProgramme } from './programme-mappers.js';
import {
  listProgrammeRows,
  listProgrammeTitleRows,
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

/** The tables every programme (with its themes) is read from: a write to one makes the kept list stale. */
export const PROGRAMME_TABLES = ['programmes', 'programme_themes', 'themes'] as const;

/**
 * Every programme with its themes, kept until a programme or theme changes (ADR 0009): read by the pages
 * of every module that names a programme (the review queue, the candidates list, forms), written by a
 * manager a few times a year. The kept objects are frozen: a caller that changed one would change it for
 * every later reader.
 */
const KEPT_PROGRAMMES = new KeptResults<readonly Programme[]>({ tables: PROGRAMME_TABLES, maxEntries: 1 });

/** A programme by its slug, with its themes (null when there is none). */
export async function findProgramme(db: Executor, slug: string): Promise<Programme | null> {
  if (!slugSchema.safeParse(slug).success) return null;
  return (await keptProgrammes(db)).find((p) => p.slug === slug) ?? null;
}

/** A programme by its id, with its themes (null when there is none). */
export async function findProgrammeById(db: Executor, id: string): Promise<Programme | null> {
  return (await keptProgrammes(db)).find((p) => p.id === id) ?? null;
}

/** Every programme, with its themes (two queries, whatever the number of programmes; then kept). */
export async function allProgrammes(db: Executor): Promise<Programme[]> {
  return [...(await keptProgrammes(db))];
}

function keptProgrammes(db: Executor): Promise<readonly Programme[]> {
  return KEPT_PROGRAMMES.get(db, 'all', async () => {
    const rows = await listProgrammeRows(db);
    const themes = await listThemeRowsOfProgrammes(
      db,
      rows.map((row) => row.id),
    );
    return deepFreeze(
      rows.map((row) =>
        toProgramme(
          row,
          themes.filter((theme) => theme.programme_id === row.id),
        ),
      ),
    );
  });
}
