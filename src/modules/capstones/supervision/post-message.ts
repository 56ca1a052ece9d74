import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { newId } from '../../../kernel/ids.js';
import { parseInput } from '../../../kernel/validation.js';
import { capstoneAccess, ensureCapstone, stateError } from '../capstone-access.js';
import { insertMessage } from '../capstones.repository.js';
import { messageSchema } from '../capstones.schemas.js';

/**
 * A message between the candidate and their supervisor, kept with the capstone (the supervisor's are
 * "feedback"). Only once a supervisor is assigned; never after the outcome. Not audited (conversation).
 */
export async function postMessage(
  db: Executor,
  deps: Services,
  actor: Actor,
  capstoneId: string,
  input: unknown,
): Promise<void> {
  const data = parseInput(messageSchema, input);
  const { row, can } = await capstoneAccess(db, actor, capstoneId);
  const supervisor = actor.kind === 'user' && actor.id === row.supervisor_id;
  ensureCapstone(can.own || supervisor);
  if (!row.supervisor_id || row.state === 'passed' || row.state === 'failed') throw stateError();
  await insertMessage(db, {
    id: newId(),
    capstone_id: row.id,
    author_id: actor.kind === 'user' ? actor.id : null,
    kind: supervisor ? 'feedback' : 'message',
    body: data.body,
    storage_key: null,
    file_type: null,
    file_name: null,
    sha256: null,
    created_at: deps.clock.now().toISOString(),
  });
}
