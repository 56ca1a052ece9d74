import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import { serializeLocalized } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { ensure } from '../../kernel/policy.js';
import { parseInput } from '../../kernel/validation.js';
import type { Theme } from './programme.js';
import { toTheme } from './programme-mappers.js';
import { canProgramme } from './programmes.policy.js';
import { findThemeBySlug, updateThemeRow } from './programmes.repository.js';
import { themeSchema } from './programmes.schemas.js';

/** Renames or re-describes a theme (programme managers; audited). */
export async function updateTheme(
  db: Executor,
  deps: Services,
  actor: Actor,
  slug: string,
  input: unknown,
): Promise<Theme> {
  ensure(actor, canProgramme(actor, 'programme.edit'));
  const data = parseInput(themeSchema, input);
  return inTransaction(db, async (trx) => {
    const before = await findThemeBySlug(trx, slug);
    if (!before) throw new AppError('not_found');
    const changes = {
      name_i18n: serializeLocalized(data.name),
      description_i18n: serializeLocalized(data.description),
    };
    await updateThemeRow(trx, before.id, changes);
    await audit(trx, deps.clock, actor, {
      action: 'theme.updated',
      targetType: 'theme',
      targetId: before.id,
      before: { name_i18n: before.name_i18n, description_i18n: before.description_i18n },
      after: changes,
    });
    return toTheme({ ...before, ...changes });
  });
}
