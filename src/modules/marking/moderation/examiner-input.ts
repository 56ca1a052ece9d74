import { z } from 'zod';
import type { Executor } from '../../../db/database.js';
import type { Actor } from '../../../kernel/actor.js';
import { ensure } from '../../../kernel/policy.js';
import { parseInput } from '../../../kernel/validation.js';
import { canMarking } from '../marking.policy.js';
import { contextAccess } from '../marking-access.js';

const schema = z.object({ personId: z.string().uuid('validation.invalidChoice') });

/**
 * What appointing and withdrawing an external examiner both check: the context (an edition, or a programme
 * for its capstones) exists for the actor, the actor manages marking, the person is an id. The person's id.
 */
export async function examinerInput(
  db: Executor,
  actor: Actor,
  contextId: string,
  input: unknown,
): Promise<string> {
  await contextAccess(db, actor, contextId, ['edition', 'programme']);
  ensure(actor, canMarking(actor, { facilitator: false, marker: false }, 'marking.reveal'));
  return parseInput(schema, input).personId;
}
