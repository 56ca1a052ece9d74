import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { ensure } from '../../../kernel/policy.js';
import { parseInput } from '../../../kernel/validation.js';
import { capstoneAccess, ensureCapstone, stateError } from '../capstone-access.js';
import { canCapstone } from '../capstones.policy.js';
import { findSupervisor, supervisorLoads, updateCapstone } from '../capstones.repository.js';
import { supervisorSchema } from '../capstones.schemas.js';

const problem = (key: string, values?: Record<string, number>) =>
  new AppError('validation_failed', {}, [{ path: 'supervisorId', key, ...(values ? { values } : {}) }]);

/**
 * A manager assigns the supervisor of an approved capstone: someone on the supervisors' list, under their
 * load limit (capstones in progress), never the candidate. Replaces an earlier one. Audited.
 */
export async function assignSupervisor(
  db: Executor,
  deps: Services,
  actor: Actor,
  capstoneId: string,
  input: unknown,
): Promise<void> {
  ensure(actor, canCapstone(actor, 'capstones.manage'));
  const data = parseInput(supervisorSchema, input);
  await inTransaction(db, async (trx) => {
    const { row, can } = await capstoneAccess(trx, actor, capstoneId, { lock: true });
    ensureCapstone(can.manage);
    if (!['approved', 'submitted', 'resubmission'].includes(row.state)) throw stateError();
    if (data.supervisorId === row.user_id) throw problem('capstones.error.supervisorIsCandidate');
    const supervisor = await findSupervisor(trx, data.supervisorId);
    if (!supervisor) throw problem('capstones.error.notSupervisor');
    if (row.supervisor_id === data.supervisorId) return;
    const load = (await supervisorLoads(trx)).get(data.supervisorId) ?? 0;
    if (load >= supervisor.max_load)
      throw problem('capstones.error.supervisorFull', { max: supervisor.max_load });
    await updateCapstone(trx, row.id, {
      supervisor_id: data.supervisorId,
      updated_at: deps.clock.now().toISOString(),
    });
    await audit(trx, deps.clock, actor, {
      action: 'capstones.supervisor-assigned',
      targetType: 'capstone',
      targetId: row.id,
      before: { supervisorId: row.supervisor_id },
      after: { supervisorId: data.supervisorId },
    });
  });
}
