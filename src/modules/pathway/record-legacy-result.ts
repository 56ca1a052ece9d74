import { z } from 'zod';
import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import { type Actor, actorId } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { ensure } from '../../kernel/policy.js';
import { isoDateSchema, optionalDateSchema } from '../../kernel/schemas.js';
import { parseInput } from '../../kernel/validation.js';
import { courseCodeSchema } from '../catalogue/catalogue.schemas.js';
import { enqueueCourseIssuance } from '../credentials/issuing/job-kinds.js';
import { canPathway } from './pathway.policy.js';
import { findLegacyResult, listCandidaciesOfUser, updateResult } from './pathway.repository.js';
import { GRADE_MAX_LENGTH, RESULT_OUTCOMES } from './pathway.schemas.js';
import { recordNewResults } from './record-new-results.js';
import { resultDateProblems } from './result-dates.js';
import { refreshStandings } from './standing.js';

/** A certificate earned before the platform existed: no edition here, a reference to the old record. */
export const legacyResultSchema = z
  .object({
    userId: z.string().min(1).max(64),
    courseId: z.string().min(1).max(64),
    courseCode: courseCodeSchema,
    outcome: z.enum(RESULT_OUTCOMES, 'validation.invalidChoice'),
    grade: z.string().trim().max(GRADE_MAX_LENGTH, 'validation.tooLong').nullable().default(null),
    startedOn: optionalDateSchema,
    completedOn: isoDateSchema,
    reference: z.string().trim().max(100, 'validation.tooLong').nullable().default(null),
  })
  .refine((v) => v.startedOn === null || v.startedOn <= v.completedOn, {
    message: 'validation.endBeforeStart',
    path: ['completedOn'],
  });
export type LegacyResultInput = z.infer<typeof legacyResultSchema>;

/**
 * Writes a legacy certificate (inside the caller's transaction; imports and the seed use it). The same
 * person, course and completion date is the same certificate: writing it again changes nothing, and a
 * different outcome, grade or reference updates it (audited). Returns whether anything changed.
 */
export async function writeLegacyResult(
  db: Executor,
  deps: Services,
  actor: Actor,
  data: LegacyResultInput,
): Promise<boolean> {
  const now = deps.clock.now().toISOString();
  const existing = await findLegacyResult(db, data.userId, data.courseId, data.completedOn);
  const after = {
    course: data.courseCode,
    outcome: data.outcome,
    grade: data.grade,
    startedOn: data.startedOn,
    completedOn: data.completedOn,
    reference: data.reference,
  };
  if (existing) {
    const before = {
      course: data.courseCode,
      outcome: existing.outcome,
      grade: existing.grade,
      startedOn: existing.started_on,
      completedOn: existing.completed_on,
      reference: existing.reference,
    };
    if (JSON.stringify(before) === JSON.stringify(after)) return false;
    await updateResult(db, existing.id, {
      outcome: data.outcome,
      grade: data.grade,
      started_on: data.startedOn,
      reference: data.reference,
      updated_at: now,
    });
    await audit(db, deps.clock, actor, {
      action: 'result.changed',
      targetType: 'user',
      targetId: data.userId,
      before,
      after,
    });
    // Its certificate is issued after commit (once per result and outcome: an unchanged outcome is a no-op).
    await enqueueCourseIssuance(db, deps.clock, {
      resultId: existing.id,
      outcome: data.outcome,
      recordedBy: actorId(actor),
    });
    return true;
  }
  await recordNewResults(db, deps, actor, [
    {
      userId: data.userId,
      courseId: data.courseId,
      courseCode: data.courseCode,
      enrolmentId: null,
      source: 'legacy',
      outcome: data.outcome,
      grade: data.grade,
      startedOn: data.startedOn,
      completedOn: data.completedOn,
      reference: data.reference,
    },
  ]);
  return true;
}

/** Records one legacy certificate (programme managers) and re-evaluates the person's candidacies. */
export async function recordLegacyResult(
  db: Executor,
  deps: Services,
  actor: Actor,
  input: unknown,
): Promise<boolean> {
  ensure(actor, canPathway(actor, 'results.import'));
  const data = parseInput(legacyResultSchema, input);
  const today = deps.clock.now().toISOString().slice(0, 10);
  // The check every path that records a result shares (the start before completion is in the schema).
  const problems = resultDateProblems({ completedOn: data.completedOn }, today);
  if (problems.length)
    throw new AppError(
      'validation_failed',
      {},
      problems.map(({ field, key }) => ({ path: field, key })),
    );
  return inTransaction(db, async (trx) => {
    const changed = await writeLegacyResult(trx, deps, actor, data);
    if (changed) await refreshStandings(trx, await listCandidaciesOfUser(trx, data.userId), today);
    return changed;
  });
}
