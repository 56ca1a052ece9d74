import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import { serializeLocalized } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { ensure } from '../../kernel/policy.js';
import { parseInput } from '../../kernel/validation.js';
import { getProgramme } from './get-programme.js';
import type { Programme } from './programme.js';
import { canProgramme } from './programmes.policy.js';
import { findProgrammeBySlug, updateProgrammeRow } from './programmes.repository.js';
import { programmeSchema } from './programmes.schemas.js';

/** Replaces the editable content of a programme (programme managers; audited). */
export async function updateProgramme(
  db: Executor,
  deps: Services,
  actor: Actor,
  slug: string,
  input: unknown,
): Promise<Programme> {
  ensure(actor, canProgramme(actor, 'programme.edit'));
  const data = parseInput(programmeSchema, input);
  await inTransaction(db, async (trx) => {
    const before = await findProgrammeBySlug(trx, slug);
    if (!before) throw new AppError('not_found');
    const changes = {
      title_i18n: serializeLocalized(data.title),
      summary_i18n: serializeLocalized(data.summary),
      description_i18n: serializeLocalized(data.description),
      audience_i18n: serializeLocalized(data.audience),
      eligibility_i18n: serializeLocalized(data.eligibility),
      certification_i18n: serializeLocalized(data.certification),
      window_years: data.windowYears,
      electives_required: data.electivesRequired,
      total_hours: data.totalHours,
      capstone_hours: data.capstoneHours,
    };
    await updateProgrammeRow(trx, before.id, { ...changes, updated_at: deps.clock.now().toISOString() });
    const { id, created_at, updated_at, slug: _slug, ...beforeContent } = before;
    await audit(trx, deps.clock, actor, {
      action: 'programme.updated',
      targetType: 'programme',
      targetId: id,
      before: beforeContent,
      after: changes,
    });
  });
  return getProgramme(db, deps, actor, slug);
}
