import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { ensure } from '../../kernel/policy.js';
import type { Programme, Theme } from './programme.js';
import { toTheme } from './programme-mappers.js';
import { canProgramme } from './programmes.policy.js';
import { allProgrammes, findProgramme } from './programmes.queries.js';
import { listThemeRows } from './programmes.repository.js';

/** One programme by its slug (public). */
export async function getProgramme(
  db: Executor,
  _deps: Services,
  actor: Actor,
  slug: string,
): Promise<Programme> {
  ensure(actor, canProgramme(actor, 'programme.read'));
  const programme = await findProgramme(db, slug);
  if (!programme) throw new AppError('not_found');
  return programme;
}

/** Every programme (public). */
export async function listProgrammes(db: Executor, _deps: Services, actor: Actor): Promise<Programme[]> {
  ensure(actor, canProgramme(actor, 'programme.read'));
  return allProgrammes(db);
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

/** One programme for its public page (public), with what the reader may do there. */
export async function getProgrammePage(
  db: Executor,
  deps: Services,
  actor: Actor,
  slug: string,
): Promise<{ programme: Programme; can: { edit: boolean } }> {
  const programme = await getProgramme(db, deps, actor, slug);
  return { programme, can: { edit: canProgramme(actor, 'programme.edit') } };
}
