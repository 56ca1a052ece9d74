import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { ensure } from '../../../kernel/policy.js';
import { parseInput } from '../../../kernel/validation.js';
import { findPerson } from '../../identity/identity.queries.js';
import { canCapstone } from '../capstones.policy.js';
import { upsertSupervisor } from '../capstones.repository.js';
import { supervisorLoadSchema } from '../capstones.schemas.js';

/**
 * A manager puts a facilitator or an assessor (an external expert) on the supervisors' list with the most
 * capstones they may supervise at once (0 stops new assignments). Audited.
 */
export async function setSupervisorLoad(
  db: Executor,
  deps: Services,
  actor: Actor,
  input: unknown,
): Promise<void> {
  ensure(actor, canCapstone(actor, 'capstones.manage'));
  const data = parseInput(supervisorLoadSchema, input);
  const person = await findPerson(db, data.personId);
  const asActor = person
    ? ({ kind: 'user', id: person.id, roles: person.roles, via: 'session' } as const)
    : null;
  if (!asActor || person?.disabled || !canCapstone(asActor, 'capstones.beSupervisor'))
    throw new AppError('validation_failed', {}, [{ path: 'personId', key: 'capstones.error.notSupervisor' }]);
  await inTransaction(db, async (trx) => {
    await upsertSupervisor(trx, data.personId, data.maxLoad, deps.clock.now().toISOString());
    await audit(trx, deps.clock, actor, {
      action: 'capstones.supervisor-load-set',
      targetType: 'user',
      targetId: data.personId,
      after: { personId: data.personId, maxLoad: data.maxLoad },
    });
  });
}
