import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { ensure } from '../../kernel/policy.js';
import type { Programme, Theme } from './programme.js';
import { toProgramme, toTheme } from './programme-mappers.js';
import { canProgramme } from './programmes.policy.js';
import {
  findProgrammeBySlug,
  listProgrammeRows,
  listThemeRows,
  listThemeRowsOfProgramme,
} from './programmes.repository.js';
import { slugSchema } from './programmes.schemas.js';

/** One programme by its slug (public). */
export async function getProgramme(
  db: Executor,
  _deps: Services,
  actor: Actor,
  slug: string,
): Promise<Programme> {
  ensure(actor, canProgramme(actor, 'programme.read'));
  if (!slugSchema.safeParse(slug).success) throw new AppError('not_found');
  const row = await findProgrammeBySlug(db, slug);
  if (!row) throw new AppError('not_found');
  return toProgramme(row, await listThemeRowsOfProgramme(db, row.id));
}

/** Every programme (public). */
export async function listProgrammes(db: Executor, _deps: Services, actor: Actor): Promise<Programme[]> {
  ensure(actor, canProgramme(actor, 'programme.read'));
  const rows = await listProgrammeRows(db);
  return Promise.all(rows.map(async (row) => toProgramme(row, await listThemeRowsOfProgramme(db, row.id))));
}

/** Every theme, in order (public). */
export async function listThemes(db: Executor, _deps: Services): Promise<Theme[]> {
  return (await listThemeRows(db)).map(toTheme);
}

/** The programmes a programme manager edits (for the managers' start page). */
export async function listManagedProgrammes(
  db: Executor,
  deps: Services,
  actor: Actor,
): Promise<Programme[]> {
  ensure(actor, canProgramme(actor, 'programme.edit'));
  return listProgrammes(db, deps, actor);
}

/** One theme by slug, for its edit form (programme managers). */
export async function getThemeForEdit(
  db: Executor,
  deps: Services,
  actor: Actor,
  slug: string,
): Promise<Theme> {
  ensure(actor, canProgramme(actor, 'programme.edit'));
  const theme = (await listThemes(db, deps)).find((t) => t.slug === slug);
  if (!theme) throw new AppError('not_found');
  return theme;
}
