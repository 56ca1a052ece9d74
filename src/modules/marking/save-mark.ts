import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError, type FieldError } from '../../kernel/errors.js';
import { listMarks, updateMark } from './marking.repository.js';
import { ensureCan, submissionAccess } from './marking-access.js';
import { criteriaOf, moveSubmission } from './marking-state.js';
import { freezeRubricVersion } from './rubrics/marking-rubrics.repository.js';
import { COMMENT_MAX, parsePoints, rubricTotal, type Scores, scoreProblems } from './rubrics/rubric.js';

/** A mark as typed: points per criterion (decimal text) and comments, or an overall mark without a rubric. */
export interface MarkInput {
  points: Record<string, string>;
  comments: Record<string, string>;
  overall: string;
  /** The overall mark in percent (decimal text), for a submission marked without a rubric. */
  mark?: string;
  /** Complete the mark (else saved as a draft). */
  complete: boolean;
}

/** Pure: a mark form's fields (`points.c1`, `comment.c1`, `overall`, `mark`, `complete`) as a MarkInput. */
export function markFromForm(body: Record<string, unknown>): MarkInput {
  const points: Record<string, string> = {};
  const comments: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    const match = /^(points|comment)\.(c\d{1,2})$/.exec(key);
    if (!match || typeof value !== 'string') continue;
    (match[1] === 'points' ? points : comments)[match[2]!] = value;
  }
  return {
    points,
    comments,
    overall: typeof body.overall === 'string' ? body.overall : '',
    mark: typeof body.mark === 'string' ? body.mark : '',
    complete: body.complete === 'on' || body.complete === '1' || body.complete === true,
  };
}

/**
 * Saves the marker's own mark (blind: they know the participant number only). The first save starts the
 * marking; completing checks every criterion, computes the mark (hundredths, rounded once) and freezes the
 * rubric version; when every allocated marker has completed, the submission is ready for review. A mark
 * is changed only while the submission is in marking.
 */
export async function saveMark(
  db: Executor,
  deps: Pick<Services, 'clock'>,
  actor: Actor,
  submissionId: string,
  input: MarkInput,
): Promise<{ total: number | null; state: string }> {
  return inTransaction(db, async (trx) => {
    const access = await submissionAccess(trx, actor, submissionId, { lock: true });
    ensureCan(access.can.mark);
    const own = access.own!;
    const submission = access.submission;
    if (submission.state !== 'not-marked' && submission.state !== 'in-marking')
      throw new AppError('invalid_state');
    if (own.completed_at !== null) throw new AppError('invalid_state');
    const criteria = await criteriaOf(trx, submission);
    const problems: FieldError[] = [];
    const scores: Scores = {};
    for (const c of criteria) {
      const typed = (input.points[c.id] ?? '').trim();
      const points = typed === '' ? null : parsePoints(typed);
      if (typed !== '' && points === null)
        problems.push({ path: `points.${c.id}`, key: 'marking.error.points' });
      const comment = (input.comments[c.id] ?? '').trim();
      if (comment.length > COMMENT_MAX) problems.push({ path: `comment.${c.id}`, key: 'validation.tooLong' });
      if (points !== null || comment)
        scores[c.id] = { points: points ?? -1, comment: comment.slice(0, COMMENT_MAX) };
    }
    const overall = input.overall.trim();
    if (overall.length > COMMENT_MAX) problems.push({ path: 'overall', key: 'validation.tooLong' });
    let total: number | null = null;
    if (criteria.length === 0) {
      const typed = (input.mark ?? '').trim();
      total = typed === '' ? null : parsePoints(typed);
      if ((typed !== '' && total === null) || (total !== null && total > 10000))
        problems.push({ path: 'mark', key: 'marking.error.mark' });
      if (input.complete && typed === '') problems.push({ path: 'mark', key: 'marking.error.mark' });
    } else if (input.complete) {
      for (const [id, key] of Object.entries(scoreProblems(criteria, scores)))
        problems.push({ path: `points.${id}`, key });
      if (problems.length === 0) total = rubricTotal(criteria, scores);
    }
    if (problems.length) throw new AppError('validation_failed', {}, problems);
    const now = deps.clock.now().toISOString();
    await updateMark(trx, own.id, {
      scores_json: JSON.stringify(scores),
      overall_comment: overall,
      total,
      completed_at: input.complete ? now : null,
      updated_at: now,
    });
    if (submission.rubric_version_id) await freezeRubricVersion(trx, submission.rubric_version_id, now);
    await audit(trx, deps.clock, actor, {
      action: 'marking.mark-saved',
      targetType: 'marking_submission',
      targetId: submission.id,
      after: { role: own.role, total, completed: input.complete },
    });
    if (submission.state === 'not-marked')
      await moveSubmission(trx, deps, actor, submission, 'start-marking');
    if (input.complete) {
      const marks = await listMarks(trx, [submission.id]);
      const needed = submission.second_marking === 1 ? ['first', 'second'] : ['first'];
      if (needed.every((role) => marks.some((m) => m.role === role && m.completed_at !== null)))
        await moveSubmission(trx, deps, actor, submission, 'complete-marking');
    }
    return { total, state: submission.state };
  });
}
