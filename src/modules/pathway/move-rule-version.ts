import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { parseInput } from '../../kernel/validation.js';
import { changeCandidacy } from './change-candidacy.js';
import { findRuleVersionRow, updateCandidacy } from './pathway.repository.js';
import { moveVersionSchema } from './pathway.schemas.js';

/** Moves a candidate to another rule version of their programme (programme managers; audited). */
export async function moveCandidateToRuleVersion(
  db: Executor,
  deps: Services,
  actor: Actor,
  candidacyId: string,
  input: unknown,
): Promise<void> {
  const { ruleVersionId } = parseInput(moveVersionSchema, input);
  await changeCandidacy(db, deps, actor, candidacyId, 'candidate.rule-version-changed', async (trx, row) => {
    const [from, to] = await Promise.all([
      findRuleVersionRow(trx, row.rule_version_id),
      findRuleVersionRow(trx, ruleVersionId),
    ]);
    if (!to || to.programme_id !== row.programme_id) {
      throw new AppError('validation_failed', {}, [
        { path: 'ruleVersionId', key: 'validation.invalidChoice' },
      ]);
    }
    await updateCandidacy(trx, row.id, {
      rule_version_id: to.id,
      updated_at: deps.clock.now().toISOString(),
    });
    return { before: { ruleVersion: from?.version }, after: { ruleVersion: to.version } };
  });
}
