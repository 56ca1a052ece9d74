import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import { serializeLocalized } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { parseInput } from '../../kernel/validation.js';
import { groupSetsOfEdition } from '../groups/groups.port.js';
import { caseAccessFor, ensureCase } from './case-access.js';
import { updateCase } from './cases.repository.js';
import { caseSchema } from './cases.schemas.js';

/** Writes the case: context, questions, individual or group answers (a group set), deadline, debrief. Staff. */
export async function saveCase(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
  input: unknown,
): Promise<void> {
  const access = await caseAccessFor(db, actor, itemId, 'case.manage', deps.clock.now().toISOString());
  const data = parseInput(caseSchema, input);
  if (
    data.groupSetId &&
    !(await groupSetsOfEdition(db, access.item.editionId)).some((s) => s.id === data.groupSetId)
  )
    throw new AppError('validation_failed', {}, [{ path: 'groupSetId', key: 'validation.invalidChoice' }]);
  await inTransaction(db, async (trx) => {
    await ensureCase(trx, deps, access.item.id);
    await updateCase(trx, access.item.id, {
      context_i18n: serializeLocalized(data.context),
      questions_i18n: serializeLocalized(data.questions),
      answer_mode: data.answerMode,
      group_set_id: data.answerMode === 'group' ? data.groupSetId : null,
      deadline_at: data.deadlineAt,
      debrief_i18n: serializeLocalized(data.debrief),
      updated_at: deps.clock.now().toISOString(),
    });
    await audit(trx, deps.clock, actor, {
      action: 'cases.case-saved',
      targetType: 'space_item',
      targetId: access.item.id,
      after: { answerMode: data.answerMode, deadlineAt: data.deadlineAt },
    });
  });
}
