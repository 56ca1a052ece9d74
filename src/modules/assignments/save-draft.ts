import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { parseInput } from '../../kernel/validation.js';
import { ensureParticipantNumber } from '../marking/marking.queries.js';
import { mayStartAttempt, submissionTiming } from './assignment.js';
import { assignmentAccess, ensureSubmit } from './assignment-access.js';
import { insertSubmissionRow, updateSubmissionRow } from './assignments.repository.js';
import { draftSchema } from './assignments.schemas.js';
import type { SubmissionRow } from './assignments.tables.js';
import { attemptStates, attemptsOf, datesFor, toSettings, workUnitOf } from './submission-state.js';

/**
 * The person's open draft (their group's, for group work), made when they have none and may start an attempt
 * (the first, or a new one the resubmission policy allows). Inside the caller's transaction; refuses once the
 * assignment is closed.
 */
export async function openDraft(
  db: Executor,
  deps: Pick<Services, 'clock'>,
  access: Awaited<ReturnType<typeof assignmentAccess>>,
): Promise<SubmissionRow> {
  const settings = toSettings(access.assignment);
  const unit = await workUnitOf(db, settings, access.userId);
  const attempts = await attemptsOf(db, settings.id, unit, { lock: true });
  const latest = attempts.at(-1);
  if (latest?.row.status === 'draft') return latest.row;
  const now = deps.clock.now().toISOString();
  const timing = submissionTiming(await datesFor(db, settings, access.userId), now);
  if (timing === 'not-open' || timing === 'closed') throw new AppError('invalid_state');
  if (!mayStartAttempt(settings.resubmission, settings.maxAttempts, attemptStates(attempts)))
    throw new AppError('invalid_state');
  await ensureParticipantNumber(db, settings.editionId, access.userId);
  const row: SubmissionRow = {
    id: newId(),
    assignment_id: settings.id,
    person_id: access.userId,
    attempt: (latest?.row.attempt ?? 0) + 1,
    status: 'draft',
    text: '',
    declared: 0,
    submitted_at: null,
    late: 0,
    digest: null,
    reopened_at: null,
    reopen_reason: null,
    group_id: unit.groupId,
    language: latest?.row.language ?? null,
    text_prints: null,
    created_at: now,
    updated_at: now,
  };
  await insertSubmissionRow(db, row);
  return row;
}

/** Saves the participant's draft (online text and declaration); nothing is submitted. */
export async function saveDraft(
  db: Executor,
  deps: Services,
  actor: Actor,
  assignmentId: string,
  input: unknown,
): Promise<{ submissionId: string; attempt: number }> {
  const access = await assignmentAccess(db, actor, assignmentId);
  ensureSubmit(access);
  const data = parseInput(draftSchema, input);
  return inTransaction(db, async (trx) => {
    const draft = await openDraft(trx, deps, access);
    await updateSubmissionRow(trx, draft.id, {
      text: access.assignment.accepts_text === 1 ? data.text : '',
      declared: data.declared ? 1 : 0,
      ...(data.language ? { language: data.language } : {}),
      updated_at: deps.clock.now().toISOString(),
    });
    await audit(trx, deps.clock, actor, {
      action: 'assignments.draft-saved',
      targetType: 'assignment_submission',
      targetId: draft.id,
      after: { attempt: draft.attempt, textLength: data.text.length },
    });
    return { submissionId: draft.id, attempt: draft.attempt };
  });
}

/** Starts a new attempt (when the resubmission policy allows it); the earlier attempts are kept. */
export async function startAttempt(
  db: Executor,
  deps: Services,
  actor: Actor,
  assignmentId: string,
): Promise<{ attempt: number }> {
  const access = await assignmentAccess(db, actor, assignmentId);
  ensureSubmit(access);
  return inTransaction(db, async (trx) => {
    const draft = await openDraft(trx, deps, access);
    return { attempt: draft.attempt };
  });
}
