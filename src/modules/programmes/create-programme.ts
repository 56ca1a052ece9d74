import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import { type LocalizedText, serializeLocalized } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { newId } from '../../kernel/ids.js';
import { ensure } from '../../kernel/policy.js';
import { parseInput } from '../../kernel/validation.js';
import { canProgramme } from './programmes.policy.js';
import {
  findProgrammeBySlug,
  findThemeBySlug,
  insertProgramme,
  insertTheme,
  setProgrammeThemes,
} from './programmes.repository.js';
import { programmeSchema, slugSchema, themeSchema } from './programmes.schemas.js';

/**
 * Creates a theme unless its slug exists (used by the demo seed and by operators setting up a programme).
 * Returns its id either way.
 */
export async function ensureTheme(
  db: Executor,
  deps: Services,
  actor: Actor,
  slug: string,
  position: number,
  input: unknown,
): Promise<string> {
  ensure(actor, canProgramme(actor, 'programme.edit'));
  const validSlug = parseInput(slugSchema, slug);
  const data = parseInput(themeSchema, input);
  return inTransaction(db, async (trx) => {
    const existing = await findThemeBySlug(trx, validSlug);
    if (existing) return existing.id;
    const id = newId();
    const row = {
      id,
      slug: validSlug,
      position,
      name_i18n: serializeLocalized(data.name),
      description_i18n: serializeLocalized(data.description),
    };
    await insertTheme(trx, row);
    await audit(trx, deps.clock, actor, {
      action: 'theme.created',
      targetType: 'theme',
      targetId: id,
      after: row,
    });
    return id;
  });
}

/** Creates a programme with its themes unless its slug exists. Returns its id either way. */
export async function ensureProgramme(
  db: Executor,
  deps: Services,
  actor: Actor,
  slug: string,
  themeSlugs: string[],
  input: unknown,
): Promise<string> {
  ensure(actor, canProgramme(actor, 'programme.edit'));
  const validSlug = parseInput(slugSchema, slug);
  const data = parseInput(programmeSchema, input);
  return inTransaction(db, async (trx) => {
    const existing = await findProgrammeBySlug(trx, validSlug);
    if (existing) return existing.id;
    const id = newId();
    const now = deps.clock.now().toISOString();
    const text = (v: LocalizedText) => serializeLocalized(v);
    await insertProgramme(trx, {
      id,
      slug: validSlug,
      title_i18n: text(data.title),
      summary_i18n: text(data.summary),
      description_i18n: text(data.description),
      audience_i18n: text(data.audience),
      eligibility_i18n: text(data.eligibility),
      certification_i18n: text(data.certification),
      window_years: data.windowYears,
      electives_required: data.electivesRequired,
      total_hours: data.totalHours,
      capstone_hours: data.capstoneHours,
      created_at: now,
      updated_at: now,
    });
    const themeIds: string[] = [];
    for (const themeSlug of themeSlugs) {
      const theme = await findThemeBySlug(trx, themeSlug);
      if (theme) themeIds.push(theme.id);
    }
    await setProgrammeThemes(trx, id, themeIds);
    await audit(trx, deps.clock, actor, {
      action: 'programme.created',
      targetType: 'programme',
      targetId: id,
      after: { slug: validSlug, ...data },
    });
    return id;
  });
}
