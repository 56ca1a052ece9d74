import type { Insertable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { ProgrammeRow, ProgrammesTable, ThemeRow } from './programmes.tables.js';

/** All SQL about programmes and themes. */

export async function findProgrammeBySlug(db: Executor, slug: string): Promise<ProgrammeRow | undefined> {
  return db.selectFrom('programmes').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function listProgrammeRows(db: Executor): Promise<ProgrammeRow[]> {
  return db.selectFrom('programmes').selectAll().orderBy('created_at').execute();
}

export async function insertProgramme(db: Executor, row: Insertable<ProgrammesTable>): Promise<void> {
  await db.insertInto('programmes').values(row).execute();
}

export async function updateProgrammeRow(
  db: Executor,
  id: string,
  changes: Partial<Omit<ProgrammeRow, 'id'>>,
) {
  await db.updateTable('programmes').set(changes).where('id', '=', id).execute();
}

export async function listThemeRows(db: Executor): Promise<ThemeRow[]> {
  return db.selectFrom('themes').selectAll().orderBy('position').execute();
}

export async function findThemeBySlug(db: Executor, slug: string): Promise<ThemeRow | undefined> {
  return db.selectFrom('themes').selectAll().where('slug', '=', slug).executeTakeFirst();
}

export async function insertTheme(db: Executor, row: ThemeRow): Promise<void> {
  await db.insertInto('themes').values(row).execute();
}

export async function updateThemeRow(db: Executor, id: string, changes: Partial<Omit<ThemeRow, 'id'>>) {
  await db.updateTable('themes').set(changes).where('id', '=', id).execute();
}

/** The themes of several programmes in one query, each row with its programme's id, in theme order. */
export async function listThemeRowsOfProgrammes(
  db: Executor,
  programmeIds: readonly string[],
): Promise<(ThemeRow & { programme_id: string })[]> {
  if (programmeIds.length === 0) return [];
  return db
    .selectFrom('themes')
    .innerJoin('programme_themes', 'programme_themes.theme_id', 'themes.id')
    .selectAll('themes')
    .select('programme_themes.programme_id')
    .where('programme_themes.programme_id', 'in', programmeIds)
    .orderBy('themes.position')
    .execute();
}

export async function setProgrammeThemes(db: Executor, programmeId: string, themeIds: readonly string[]) {
  await db.deleteFrom('programme_themes').where('programme_id', '=', programmeId).execute();
  if (themeIds.length) {
    await db
      .insertInto('programme_themes')
      .values(themeIds.map((theme_id) => ({ programme_id: programmeId, theme_id })))
      .execute();
  }
}

/** The titles of some programmes (for the notices and pages of other modules). */
export async function listProgrammeTitleRows(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('programmes').select(['id', 'slug', 'title_i18n']).where('id', 'in', ids).execute();
}
