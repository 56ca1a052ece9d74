import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError, type FieldError } from '../../kernel/errors.js';
import { ensureParticipantNumber } from '../marking/marking.queries.js';
import { registerSubmission } from '../marking/register-submission.js';
import { notify } from '../notifications/notify.js';
import { recordItemOutcome } from '../spaces/record-item-outcome.js';
import { submissionDigest, submissionTiming, workLanguage } from './assignment.js';
import { assignmentAccess, ensureSubmit } from './assignment-access.js';
import type { AssignmentSubmitted } from './assignment-notices.js';
import { listContributions, updateSubmissionRow } from './assignments.repository.js';
import { latePenalty } from './late-penalty.js';
import { queueTextExtraction } from './similarity/file-texts.js';
import { similarityChanged } from './similarity/stored-pairs.js';
import { attemptsOf, datesFor, MARKING_OWNER, toSettings, workUnitOf } from './submission-state.js';

/** The receipt of a submission (also shown on the page and mailed). */
export interface Receipt {
  submissionId: string;
  attempt: number;
  submittedAt: string;
  digest: string;
  late: boolean;
}

/**
 * Submits the participant's open draft: the declaration must be made and something handed in; after the
 * due date it is flagged late, after the cut-off refused. The attempt is handed to the marking engine
 * (blind, by participant number), the space item records `submitted`, and the receipt (time and SHA-256 of
 * what was submitted) goes to the person in the platform and by email.
 */
export async function submitAssignment(
  db: Executor,
  deps: Services,
  actor: Actor,
  assignmentId: string,
): Promise<Receipt> {
  const access = await assignmentAccess(db, actor, assignmentId);
  ensureSubmit(access);
  const settings = toSettings(access.assignment);
  return inTransaction(db, async (trx) => {
    const unit = await workUnitOf(trx, settings, access.userId);
    const attempts = await attemptsOf(trx, settings.id, unit, { lock: true });
    const draft = attempts.at(-1);
    if (!draft || draft.row.status !== 'draft') throw new AppError('invalid_state');
    const now = deps.clock.now().toISOString();
    const dates = await datesFor(trx, settings, access.userId);
    const timing = submissionTiming(dates, now);
    if (timing === 'not-open' || timing === 'closed') throw new AppError('invalid_state', { timing });
    const problems: FieldError[] = [];
    const text = settings.acceptsText ? draft.row.text : '';
    if (text.trim() === '' && draft.files.length === 0)
      problems.push({ path: settings.acceptsText ? 'text' : 'file', key: 'assignments.error.empty' });
    if (draft.row.declared !== 1) problems.push({ path: 'declared', key: 'assignments.error.declaration' });
    // A group hands in with the submitter's statement of their contribution (the others' when they made one).
    if (
      unit.memberIds.length > 1 &&
      !(await listContributions(trx, [draft.row.id])).some((c) => c.person_id === access.userId)
    )
      problems.push({ path: 'statement', key: 'assignments.error.contributionNeeded' });
    if (problems.length) throw new AppError('validation_failed', {}, problems);
    const digest = submissionDigest(
      text,
      draft.files.map((f) => f.sha256),
    );
    const late = timing === 'late';
    await updateSubmissionRow(trx, draft.row.id, {
      status: 'submitted',
      submitted_at: now,
      late: late ? 1 : 0,
      digest,
      updated_at: now,
    });
    // The files' text for the similarity check, extracted once by a job (file-texts.ts).
    if (draft.files.length > 0) await queueTextExtraction(trx, deps.clock, draft.row.id);
    // The check's stored pairs are stale, here and in the course's later editions (stored-pairs.ts).
    await similarityChanged(trx, deps.clock, { id: settings.id, editionId: settings.editionId }, true);
    await audit(trx, deps.clock, actor, {
      action: 'assignments.submitted',
      targetType: 'assignment_submission',
      targetId: draft.row.id,
      after: { attempt: draft.row.attempt, late, digest },
    });
    await registerSubmission(trx, deps, actor, {
      ownerModule: MARKING_OWNER,
      ownerId: draft.row.id,
      contextId: settings.editionId,
      participantId: access.userId,
      ...(unit.groupId
        ? {
            memberIds: unit.memberIds,
            peerSetId: settings.peerAdjustment ? settings.groupSetId : null,
          }
        : {}),
      rubricId: settings.rubricId,
      secondMarking: settings.secondMarking,
      discrepancy: settings.discrepancy,
      passMark: settings.passMark,
      itemId: settings.itemId,
      viewPath: `/assignments/marking/${draft.row.id}`,
      participantPath: `/assignments/${settings.id}`,
      latePenalty: latePenalty(settings.latePenalty, dates.dueAt, now),
      language: workLanguage(draft.row.language, access.edition.language),
    });
    for (const memberId of unit.memberIds) {
      await ensureParticipantNumber(trx, settings.editionId, memberId);
      if (settings.itemId)
        await recordItemOutcome(trx, deps, {
          itemId: settings.itemId,
          personId: memberId,
          outcome: { kind: 'submitted' },
        });
    }
    const event: AssignmentSubmitted = {
      kind: 'assignments.submitted',
      submissionId: draft.row.id,
      assignmentId: settings.id,
      editionId: settings.editionId,
      attempt: draft.row.attempt,
      submittedAt: now,
      digest,
      late,
    };
    // Every member gets the receipt of their group's submission.
    for (const memberId of unit.memberIds)
      await notify(trx, deps.clock, {
        recipientId: memberId,
        event,
        key: `assignments.submitted:${draft.row.id}${memberId === access.userId ? '' : `:${memberId}`}`,
      });
    return { submissionId: draft.row.id, attempt: draft.row.attempt, submittedAt: now, digest, late };
  });
}
