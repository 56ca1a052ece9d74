/** Moving a submission along the workflow inside a use case's transaction (refused moves: invalid_state). */
import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { updateSubmission } from './marking.repository.js';
import type { MarkingSubmissionRow } from './marking.tables.js';
import { versionCriteria } from './rubrics/kept-rubrics.js';
import type { Criterion } from './rubrics/rubric.js';
import { type MarkingAction, type MarkingState, nextMarkingState } from './workflow.js';

export async function moveSubmission(
  db: Executor,
  deps: Pick<Services, 'clock'>,
  actor: Actor,
  submission: MarkingSubmissionRow,
  action: MarkingAction,
  set: Partial<MarkingSubmissionRow> = {},
): Promise<MarkingState> {
  const before = submission.state as MarkingState;
  const after = nextMarkingState(before, action);
  if (!after) throw new AppError('invalid_state');
  await updateSubmission(db, submission.id, {
    ...set,
    state: after,
    updated_at: deps.clock.now().toISOString(),
  });
  submission.state = after;
  await audit(db, deps.clock, actor, {
    action: 'marking.state-changed',
    targetType: 'marking_submission',
    targetId: submission.id,
    before: { state: before },
    after: { state: after },
  });
  return after;
}

/** The criteria a submission is marked with (empty: an overall mark without a rubric). */
export async function criteriaOf(
  db: Executor,
  submission: MarkingSubmissionRow,
): Promise<readonly Criterion[]> {
  if (!submission.rubric_version_id) return [];
  return (await versionCriteria(db, submission.rubric_version_id)) ?? [];
}
