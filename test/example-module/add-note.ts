import { z } from 'zod';
import type { Executor } from '../../src/db/database.js';
import { inTransaction } from '../../src/db/transaction.js';
import type { Services } from '../../src/deps.js';
import { enqueueJob } from '../../src/jobs/queue.js';
import { type Actor, hasRole } from '../../src/kernel/actor.js';
import { audit } from '../../src/kernel/audit.js';
import { newId } from '../../src/kernel/ids.js';
import { ensure } from '../../src/kernel/policy.js';
import { parseInput } from '../../src/kernel/validation.js';
import { notify } from '../../src/modules/notifications/notify.js';
import { insertNote } from './example.repository.js';

export const EXAMPLE_JOB = 'example.count-notes';

/** A use case of the example module: executor first, validated, authorised, audited, a notice and a job. */
export async function addNote(
  db: Executor,
  deps: Services,
  actor: Actor,
  input: unknown,
): Promise<{ id: string }> {
  ensure(actor, actor.kind === 'user' && hasRole(actor, 'facilitator'));
  const { body } = parseInput(z.object({ body: z.string().trim().min(1).max(500) }), input);
  if (actor.kind !== 'user') throw new Error('unreachable');
  const id = newId();
  await inTransaction(db, async (trx) => {
    await insertNote(trx, { id, author_id: actor.id, body, created_at: deps.clock.now().toISOString() });
    await audit(trx, deps.clock, actor, {
      action: 'example.note-added',
      targetType: 'note',
      targetId: id,
    });
    await notify(trx, deps.clock, {
      recipientId: actor.id,
      key: `example.note-added:${id}`,
      event: { kind: 'example.note-added', noteId: id },
    });
    await enqueueJob(trx, deps.clock, {
      kind: EXAMPLE_JOB,
      payload: { noteId: id },
      idempotencyKey: `example:${id}`,
    });
  });
  return { id };
}
