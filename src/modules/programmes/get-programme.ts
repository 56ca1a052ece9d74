import type { Deps } from '../../deps.js';
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
export async function getProgramme(deps: Deps, actor: Actor, slug: string): Promise<Programme> {
  ensure(actor, canProgramme(actor, 'programme.read'));
  if (!slugSchema.safeParse(slug).success) throw new AppError('not_found');
  const row = await findProgrammeBySlug(deps.db, slug);
  if (!row) throw new AppError('not_found');
  return toProgramme(row, await listThemeRowsOfProgramme(deps.db, row.id));
}

/** Every programme (public). */
export async function listProgrammes(deps: Deps, actor: Actor): Promise<Programme[]> {
  ensure(actor, canProgramme(actor, 'programme.read'));
  const rows = await listProgrammeRows(deps.db);
  return Promise.all(
    rows.map(async (row) => toProgramme(row, await listThemeRowsOfProgramme(deps.db, row.id))),
  );
}

/** Every theme, in order (public). */
export async function listThemes(deps: Deps): Promise<Theme[]> {
  return (await listThemeRows(deps.db)).map(toTheme);
}

/** The programmes a programme manager edits (for the managers' start page). */
export async function listManagedProgrammes(deps: Deps, actor: Actor): Promise<Programme[]> {
  ensure(actor, canProgramme(actor, 'programme.edit'));
  return listProgrammes(deps, actor);
}

/** One theme by slug, for its edit form (programme managers). */
export async function getThemeForEdit(deps: Deps, actor: Actor, slug: string): Promise<Theme> {
  ensure(actor, canProgramme(actor, 'programme.edit'));
  const theme = (await listThemes(deps)).find((t) => t.slug === slug);
  if (!theme) throw new AppError('not_found');
  return theme;
}
