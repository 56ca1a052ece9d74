import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { ensure } from '../../kernel/policy.js';
import { listProgrammes, listThemes } from '../programmes/get-programme.js';
import type { Programme, Theme } from '../programmes/programme.js';
import { canCatalogue } from './catalogue.policy.js';

/** The choices a course form offers (themes, programmes); programme managers only. */
export async function courseFormChoices(
  db: Executor,
  deps: Services,
  actor: Actor,
): Promise<{ themes: Theme[]; programmes: Programme[] }> {
  ensure(actor, canCatalogue(actor, 'catalogue.manage'));
  const [themes, programmes] = await Promise.all([listThemes(db, deps), listProgrammes(db, deps, actor)]);
  return { themes, programmes };
}
