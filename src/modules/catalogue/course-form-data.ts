import type { Deps } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { ensure } from '../../kernel/policy.js';
import { listProgrammes, listThemes } from '../programmes/get-programme.js';
import type { Programme, Theme } from '../programmes/programme.js';
import { canCatalogue } from './catalogue.policy.js';

/** The choices a course form offers (themes, programmes); programme managers only. */
export async function courseFormChoices(
  deps: Deps,
  actor: Actor,
): Promise<{ themes: Theme[]; programmes: Programme[] }> {
  ensure(actor, canCatalogue(actor, 'catalogue.manage'));
  const [themes, programmes] = await Promise.all([listThemes(deps), listProgrammes(deps, actor)]);
  return { themes, programmes };
}
