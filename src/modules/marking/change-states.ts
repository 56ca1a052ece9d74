/**
 * Bulk changes in the marking workflow: staff select several submissions of a context and one move; each
 * submission goes through the same use case as on its own page (its own transaction, audit and checks), and
 * the ones the workflow refuses are reported by participant number, not changed.
 */
import { z } from 'zod';
import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { isAppError } from '../../kernel/errors.js';
import { parseInput } from '../../kernel/validation.js';
import { listSubmissionsByIds, numbersOf } from './marking.repository.js';
import { contextAccess } from './marking-access.js';
import { agreeMark, reviewSubmission } from './moderation/moderate-submission.js';
import { releaseMark } from './release-marks.js';
import { participantLabel } from './workflow.js';

export const BULK_ACTIONS = [
  'start-review',
  'return-to-marking',
  'agree',
  'reopen-review',
  'release',
] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** Most submissions one bulk change takes (a page of the overview is 50). */
export const BULK_MAX = 500;

const bulkSchema = z.object({
  submissionIds: z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.string().uuid('validation.invalidChoice'))
      .min(1, 'marking.error.noneSelected')
      .max(BULK_MAX, 'validation.tooMany'),
  ),
  bulkAction: z.enum(BULK_ACTIONS, 'validation.invalidChoice'),
});

/** Why a submission was left as it was (a translation key under `marking.bulk.reason`). */
export type RefusalReason = 'not-now' | 'needs-moderator' | 'not-found';

export interface BulkOutcome {
  action: BulkAction;
  changed: number;
  refused: { participant: string; reason: RefusalReason }[];
}

async function moveOne(
  db: Executor,
  deps: Pick<Services, 'clock'>,
  actor: Actor,
  id: string,
  action: BulkAction,
): Promise<void> {
  if (action === 'agree') await agreeMark(db, deps, actor, id, {});
  else if (action === 'release') await releaseMark(db, deps, actor, id);
  else await reviewSubmission(db, deps, actor, id, { action });
}

/**
 * Moves every selected submission of the context that the workflow allows; `agree` takes the default mark
 * (the single mark, or the mean of two close ones): a flagged pair needs the moderator on its own page.
 */
export async function changeMarkingStates(
  db: Executor,
  deps: Pick<Services, 'clock'>,
  actor: Actor,
  contextId: string,
  input: unknown,
): Promise<BulkOutcome> {
  await contextAccess(db, actor, contextId);
  const { submissionIds, bulkAction } = parseInput(bulkSchema, input);
  const rows = (await listSubmissionsByIds(db, [...new Set(submissionIds)])).filter(
    (r) => r.context_id === contextId,
  );
  const numbers = await numbersOf(
    db,
    [contextId],
    rows.map((r) => r.participant_id),
  );
  const outcome: BulkOutcome = { action: bulkAction, changed: 0, refused: [] };
  for (const row of rows) {
    const participant = participantLabel(numbers.get(`${contextId}:${row.participant_id}`) ?? 0);
    try {
      await moveOne(db, deps, actor, row.id, bulkAction);
      outcome.changed += 1;
    } catch (error) {
      if (isAppError(error, 'invalid_state')) outcome.refused.push({ participant, reason: 'not-now' });
      else if (isAppError(error, 'validation_failed'))
        outcome.refused.push({ participant, reason: 'needs-moderator' });
      else throw error;
    }
  }
  const missing = new Set(submissionIds).size - rows.length;
  for (let i = 0; i < missing; i++) outcome.refused.push({ participant: '—', reason: 'not-found' });
  return outcome;
}
