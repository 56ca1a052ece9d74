import { z } from 'zod';
import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { parseInput } from '../../../kernel/validation.js';
import type { StoredFeedback } from '../marking.queries.js';
import { listMarks, updateMark } from '../marking.repository.js';
import { ensureCan, submissionAccess } from '../marking-access.js';
import { moveSubmission } from '../marking-state.js';
import { COMMENT_MAX, isDiscrepant, meanMark, parsePoints, type Scores } from '../rubrics/rubric.js';

const reviewSchema = z.object({
  action: z.enum(['start-review', 'return-to-marking', 'reopen-review'], 'validation.invalidChoice'),
});

/** Staff move a submission in review: open the review, send it back to the markers, or reopen an agreed mark. */
export async function reviewSubmission(
  db: Executor,
  deps: Pick<Services, 'clock'>,
  actor: Actor,
  submissionId: string,
  input: unknown,
): Promise<void> {
  const { action } = parseInput(reviewSchema, input);
  await inTransaction(db, async (trx) => {
    const access = await submissionAccess(trx, actor, submissionId, { lock: true });
    ensureCan(access.can.manage);
    await moveSubmission(
      trx,
      deps,
      actor,
      access.submission,
      action,
      action === 'reopen-review'
        ? { agreed_mark: null, agreed_note: null, agreed_by: null, feedback_json: null }
        : {},
    );
    // Sent back: the markers may change their marks again.
    if (action === 'return-to-marking')
      for (const mark of access.marks)
        await updateMark(trx, mark.id, { completed_at: null, updated_at: deps.clock.now().toISOString() });
  });
}

const agreeSchema = z.object({
  mark: z.string().trim().max(10).optional().default(''),
  note: z.string().trim().max(COMMENT_MAX, 'validation.tooLong').optional().default(''),
  feedback: z.string().trim().max(COMMENT_MAX, 'validation.tooLong').optional().default(''),
});

/** Pure: the agreed mark's default and whether the pair is flagged, from the completed marks. */
export function agreement(
  secondMarking: boolean,
  first: number | null,
  second: number | null,
  threshold: number,
): { discrepant: boolean; proposed: number | null } {
  if (first === null) return { discrepant: false, proposed: null };
  if (!secondMarking) return { discrepant: false, proposed: first };
  if (second === null) return { discrepant: false, proposed: null };
  const discrepant = isDiscrepant(first, second, threshold);
  return { discrepant, proposed: discrepant ? null : meanMark(first, second) };
}

/**
 * The moderator (staff of the context) agrees the mark: by default the single mark, or the mean of two close
 * marks; a flagged pair (further apart than the threshold) needs the agreed mark and a note. The feedback
 * released with it is the first marker's per-criterion comments and the overall comment (the moderator may
 * rewrite the overall one). Opens the review first when it is not open yet.
 */
export async function agreeMark(
  db: Executor,
  deps: Pick<Services, 'clock'>,
  actor: Actor,
  submissionId: string,
  input: unknown,
): Promise<{ mark: number; discrepant: boolean }> {
  const data = parseInput(agreeSchema, input);
  return inTransaction(db, async (trx) => {
    const access = await submissionAccess(trx, actor, submissionId, { lock: true });
    ensureCan(access.can.manage);
    const submission = access.submission;
    if (submission.state === 'ready-for-review')
      await moveSubmission(trx, deps, actor, submission, 'start-review');
    if (submission.state !== 'in-review') throw new AppError('invalid_state');
    const marks = await listMarks(trx, [submission.id]);
    const first = marks.find((m) => m.role === 'first' && m.completed_at !== null) ?? null;
    const second = marks.find((m) => m.role === 'second' && m.completed_at !== null) ?? null;
    const { discrepant, proposed } = agreement(
      submission.second_marking === 1,
      first?.total ?? null,
      second?.total ?? null,
      submission.discrepancy,
    );
    const typed = data.mark === '' ? null : parsePoints(data.mark);
    if (data.mark !== '' && (typed === null || typed > 10000))
      throw new AppError('validation_failed', {}, [{ path: 'mark', key: 'marking.error.mark' }]);
    const mark = typed ?? proposed;
    if (mark === null)
      throw new AppError('validation_failed', {}, [{ path: 'mark', key: 'marking.error.agreedMarkNeeded' }]);
    if (discrepant && data.note === '')
      throw new AppError('validation_failed', {}, [{ path: 'note', key: 'marking.error.noteNeeded' }]);
    const feedback: StoredFeedback = {
      overall: data.feedback || first?.overall_comment || '',
      scores: first ? (JSON.parse(first.scores_json) as Scores) : {},
    };
    await moveSubmission(trx, deps, actor, submission, 'agree', {
      agreed_mark: mark,
      agreed_note: data.note || null,
      agreed_by: actor.kind === 'user' ? actor.id : null,
      feedback_json: JSON.stringify(feedback),
    });
    await audit(trx, deps.clock, actor, {
      action: 'marking.mark-agreed',
      targetType: 'marking_submission',
      targetId: submission.id,
      after: { mark, discrepant, note: data.note || null },
    });
    return { mark, discrepant };
  });
}
