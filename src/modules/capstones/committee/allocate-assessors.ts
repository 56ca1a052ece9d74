import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { ensure } from '../../../kernel/policy.js';
import { parseInput } from '../../../kernel/validation.js';
import { allocateMarker } from '../../marking/allocation/allocate-markers.js';
import { markerViewOf } from '../../marking/marking.queries.js';
import { capstoneAccess, ensureCapstone, stateError } from '../capstone-access.js';
import { canCapstone } from '../capstones.policy.js';
import { listAttempts } from '../capstones.repository.js';
import { assessorsSchema } from '../capstones.schemas.js';

const problem = (path: string, key: string) => new AppError('validation_failed', {}, [{ path, key }]);

/**
 * A manager allocates the two assessors of a handed-in capstone through the marking engine (first and
 * second marker, double-blind): two different people, neither the supervisor nor the candidate.
 * Audited (and the engine audits each allocation).
 */
export async function allocateAssessors(
  db: Executor,
  deps: Services,
  actor: Actor,
  capstoneId: string,
  input: unknown,
): Promise<void> {
  ensure(actor, canCapstone(actor, 'capstones.manage'));
  const data = parseInput(assessorsSchema, input);
  await inTransaction(db, async (trx) => {
    const { row, can } = await capstoneAccess(trx, actor, capstoneId, { lock: true });
    ensureCapstone(can.manage);
    if (row.state !== 'submitted') throw stateError();
    if (data.firstMarkerId === data.secondMarkerId)
      throw problem('secondMarkerId', 'capstones.error.sameAssessor');
    for (const [path, id] of [
      ['firstMarkerId', data.firstMarkerId],
      ['secondMarkerId', data.secondMarkerId],
    ] as const) {
      if (id === row.supervisor_id) throw problem(path, 'capstones.error.assessorIsSupervisor');
      if (id === row.user_id) throw problem(path, 'capstones.error.notMarker');
    }
    const attempt = (await listAttempts(trx, row.id)).filter((a) => a.submitted_at !== null).at(-1);
    const view = attempt ? await markerViewOf(trx, actor, 'capstones', attempt.id) : null;
    if (!view) throw stateError();
    try {
      await allocateMarker(trx, deps, actor, view.submissionId, {
        markerId: data.firstMarkerId,
        role: 'first',
      });
      await allocateMarker(trx, deps, actor, view.submissionId, {
        markerId: data.secondMarkerId,
        role: 'second',
      });
    } catch (error) {
      // The engine names the field `markerId`: say which of the two it was.
      if (error instanceof AppError && error.code === 'validation_failed')
        throw problem('firstMarkerId', 'capstones.error.notMarker');
      throw error;
    }
    await audit(trx, deps.clock, actor, {
      action: 'capstones.assessors-allocated',
      targetType: 'capstone',
      targetId: row.id,
      after: data,
    });
  });
}
