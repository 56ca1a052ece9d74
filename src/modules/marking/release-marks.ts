import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { peerAdjustmentFactors } from '../groups/groups.port.js';
import { notify } from '../notifications/notify.js';
import { recordItemOutcome } from '../spaces/record-item-outcome.js';
import { memberMarks, membersOf } from './group-marks.js';
import { listSubmissionsOfContext } from './marking.repository.js';
import type { MarkingSubmissionRow } from './marking.tables.js';
import { contextAccess, contextKindOf, ensureCan, submissionAccess } from './marking-access.js';
import type { MarkReleased } from './marking-notices.js';
import { moveSubmission } from './marking-state.js';
import { penalisedMark } from './rubrics/rubric.js';

async function release(
  db: Executor,
  deps: Pick<Services, 'clock'>,
  actor: Actor,
  submission: MarkingSubmissionRow,
): Promise<void> {
  if (submission.agreed_mark === null) throw new AppError('invalid_state');
  const mark = penalisedMark(submission.agreed_mark, submission.late_penalty);
  const now = deps.clock.now().toISOString();
  // A group's submission: every member gets the mark, adjusted by their peer factor when the owner asked.
  const members = membersOf(submission);
  const grouped = submission.members_json !== null;
  const factors = submission.peer_set_id ? await peerAdjustmentFactors(db, submission.peer_set_id) : null;
  const marks = memberMarks(mark, members, factors);
  await moveSubmission(db, deps, actor, submission, 'release', {
    released_at: now,
    ...(grouped ? { member_marks_json: JSON.stringify(marks) } : {}),
  });
  const passed = mark >= submission.pass_mark;
  await audit(db, deps.clock, actor, {
    action: 'marking.released',
    targetType: 'marking_submission',
    targetId: submission.id,
    after: {
      mark,
      passed,
      ...(submission.late_penalty ? { latePenalty: submission.late_penalty } : {}),
      ...(grouped ? { memberMarks: marks } : {}),
    },
  });
  const event: MarkReleased = {
    kind: 'marking.released',
    submissionId: submission.id,
    contextId: submission.context_id,
    path: submission.participant_path,
    ...((await contextKindOf(db, submission.context_id)) === 'programme'
      ? { contextKind: 'programme' as const }
      : {}),
  };
  for (const memberId of members) {
    const own = marks[memberId] ?? mark;
    // The results module reads the mark from the course space's item (score in hundredths).
    if (submission.item_id)
      await recordItemOutcome(db, deps, {
        itemId: submission.item_id,
        personId: memberId,
        outcome: { kind: own >= submission.pass_mark ? 'passed' : 'failed', score: own },
      });
    await notify(db, deps.clock, {
      recipientId: memberId,
      event,
      key:
        memberId === submission.participant_id
          ? `marking.released:${submission.id}`
          : `marking.released:${submission.id}:${memberId}`,
    });
  }
}

/**
 * Releases an agreed mark and its feedback to the participant: the one moment anything of the mark becomes
 * visible to them. Records `passed`/`failed` with the score on the course-space item, and tells the
 * participant in their language.
 */
export async function releaseMark(
  db: Executor,
  deps: Pick<Services, 'clock'>,
  actor: Actor,
  submissionId: string,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const access = await submissionAccess(trx, actor, submissionId, { lock: true });
    ensureCan(access.can.manage);
    await release(trx, deps, actor, access.submission);
  });
}

/** Releases every submission of the context that is ready for release; returns how many. */
export async function releaseReadyMarks(
  db: Executor,
  deps: Pick<Services, 'clock'>,
  actor: Actor,
  contextId: string,
): Promise<number> {
  await contextAccess(db, actor, contextId);
  return inTransaction(db, async (trx) => {
    const ready = (await listSubmissionsOfContext(trx, contextId)).filter(
      (s) => s.state === 'ready-for-release',
    );
    for (const submission of ready) await release(trx, deps, actor, submission);
    return ready.length;
  });
}
