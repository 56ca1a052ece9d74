import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import { type Actor, hasRole } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { ensure } from '../../../kernel/policy.js';
import { parseInput } from '../../../kernel/validation.js';
import { findPerson } from '../../identity/identity.queries.js';
import { ensureProgrammeChosen } from '../capstone-access.js';
import { canCapstone } from '../capstones.policy.js';
import { deleteCommitteeMember, insertCommitteeMember } from '../capstones.repository.js';
import { committeeSchema } from '../capstones.schemas.js';

/**
 * A manager names a manager to a programme's capstone committee, or takes them off it. Once a programme
 * names a committee, only its members decide its proposals (approving one moves the pathway, a manager's
 * change). Audited.
 */
export async function nameCommitteeMember(
  db: Executor,
  deps: Pick<Services, 'clock'>,
  actor: Actor,
  input: unknown,
): Promise<void> {
  ensure(actor, canCapstone(actor, 'capstones.manage'));
  const data = parseInput(committeeSchema, input);
  await ensureProgrammeChosen(db, data.committeeProgrammeId, 'committeeProgrammeId');
  const person = await findPerson(db, data.memberId);
  const asActor = person
    ? ({ kind: 'user', id: person.id, roles: person.roles, via: 'session' } as const)
    : null;
  if (data.change === 'add' && (!asActor || person?.disabled || !hasRole(asActor, 'manager')))
    throw new AppError('validation_failed', {}, [{ path: 'memberId', key: 'capstones.error.notManager' }]);
  await inTransaction(db, async (trx) => {
    if (data.change === 'add')
      await insertCommitteeMember(trx, {
        programme_id: data.committeeProgrammeId,
        person_id: data.memberId,
        named_by: actor.kind === 'user' ? actor.id : null,
        named_at: deps.clock.now().toISOString(),
      });
    else await deleteCommitteeMember(trx, data.committeeProgrammeId, data.memberId);
    await audit(trx, deps.clock, actor, {
      action: 'capstones.committee-changed',
      targetType: 'programme',
      targetId: data.committeeProgrammeId,
      after: {
        programmeId: data.committeeProgrammeId,
        personId: data.memberId,
        member: data.change === 'add',
      },
    });
  });
}
