import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { isId } from '../../kernel/ids.js';
import { ensure } from '../../kernel/policy.js';
import { parseInput } from '../../kernel/validation.js';
import { currentRubricVersion } from '../marking/marking.queries.js';
import { findProgrammeById } from '../programmes/programmes.queries.js';
import { canCapstone } from './capstones.policy.js';
import { upsertSettings } from './capstones.repository.js';
import { settingsSchema } from './capstones.schemas.js';

/**
 * A manager sets a programme's capstone assessment: the rubric (a marking template, edited in marking),
 * the pass mark and the discrepancy threshold (percent), and whether the mark appears on the capstone's
 * credential. Applies to capstones handed in afterwards. Audited.
 */
export async function saveCapstoneSettings(
  db: Executor,
  deps: Services,
  actor: Actor,
  programmeId: string,
  input: unknown,
): Promise<void> {
  ensure(actor, canCapstone(actor, 'capstones.manage'));
  if (!isId(programmeId) || !(await findProgrammeById(db, programmeId))) throw new AppError('not_found');
  const data = parseInput(settingsSchema, input);
  if (data.rubricId && !(await currentRubricVersion(db, data.rubricId)))
    throw new AppError('validation_failed', {}, [{ path: 'rubricId', key: 'validation.invalidChoice' }]);
  const passMark = Math.round(data.passMark * 100);
  const discrepancy = Math.round(data.discrepancy * 100);
  await inTransaction(db, async (trx) => {
    await upsertSettings(trx, {
      programme_id: programmeId,
      rubric_id: data.rubricId,
      pass_mark: passMark,
      discrepancy,
      show_mark: data.showMark ? 1 : 0,
      updated_at: deps.clock.now().toISOString(),
    });
    await audit(trx, deps.clock, actor, {
      action: 'capstones.settings-saved',
      targetType: 'programme',
      targetId: programmeId,
      after: { rubricId: data.rubricId, passMark, discrepancy },
    });
  });
}
