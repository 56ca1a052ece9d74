import type { Deps } from '../../../deps.js';
import { systemActor } from '../../../kernel/actor.js';
import type { SeedCounts } from '../../module.js';
import { ensureProgramme, ensureTheme } from '../create-programme.js';
import { DEMO_PROGRAMME, DEMO_PROGRAMME_SLUG, DEMO_THEMES } from './demo-programme.js';

/** The demo programme and its three themes (idempotent: existing ones, by slug, are kept). */
export async function seedProgrammes(deps: Deps): Promise<SeedCounts> {
  const actor = systemActor('seed');
  for (const [index, theme] of DEMO_THEMES.entries()) {
    await ensureTheme(deps.db, deps, actor, theme.slug, index + 1, {
      name: theme.name,
      description: theme.description,
    });
  }
  await ensureProgramme(
    deps.db,
    deps,
    actor,
    DEMO_PROGRAMME_SLUG,
    DEMO_THEMES.map((t) => t.slug),
    DEMO_PROGRAMME,
  );
  return { themes: DEMO_THEMES.length };
}
