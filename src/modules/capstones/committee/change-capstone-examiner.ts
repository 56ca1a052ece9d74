import { z } from 'zod';
import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { AppError, isAppError } from '../../../kernel/errors.js';
import { ensure } from '../../../kernel/policy.js';
import { parseInput } from '../../../kernel/validation.js';
import { appointExaminer } from '../../marking/moderation/appoint-examiner.js';
import { withdrawExaminer } from '../../marking/moderation/withdraw-examiner.js';
import { ensureProgrammeChosen } from '../capstone-access.js';
import { canCapstone } from '../capstones.policy.js';

const schema = z.object({
  programmeId: z.string().uuid('validation.invalidChoice'),
  examinerId: z.string().uuid('validation.invalidChoice'),
});

/**
 * A manager appoints an external examiner (an assessor) for a programme's capstones, or withdraws one. The
 * programme is the marking engine's context of its capstones, so the examiner reads its moderation sample
 * there: read-only, blind (the participant number, never the name, the supervisor or the messages).
 * Withdrawn, they no longer reach it from their next request on; withdrawing someone who is not the
 * programme's examiner is refused (`marking.error.notAnExaminer`) and changes nothing. Audited by marking
 * (`marking.examiner-appointed`, `marking.examiner-withdrawn`).
 */
export async function changeCapstoneExaminer(
  db: Executor,
  deps: Pick<Services, 'clock'>,
  actor: Actor,
  input: unknown,
  change: 'appoint' | 'withdraw' = 'appoint',
): Promise<void> {
  ensure(actor, canCapstone(actor, 'capstones.manage'));
  const data = parseInput(schema, input);
  await ensureProgrammeChosen(db, data.programmeId, 'programmeId');
  const personId = data.examinerId;
  try {
    if (change === 'appoint') await appointExaminer(db, deps, actor, data.programmeId, { personId });
    else await withdrawExaminer(db, deps, actor, { contextId: data.programmeId, personId });
  } catch (error) {
    if (!isAppError(error, 'validation_failed')) throw error;
    // Marking names the person `personId`; the form names them `examinerId`.
    throw new AppError(
      'validation_failed',
      {},
      error.fields.map((f) => ({ ...f, path: f.path === 'personId' ? 'examinerId' : f.path })),
    );
  }
}
