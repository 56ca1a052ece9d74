/**
 * The marking engine's entry point for owner modules: hands a submission over to marking (state
 * "not-marked"), bound to the current version of its rubric. Permission-free (the owner's use case has
 * checked who submits); joins the caller's transaction; idempotent on (owner module, owner id).
 */
import { z } from 'zod';
import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import { TEACHING_LANGUAGES } from '../../i18n/languages.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { newId } from '../../kernel/ids.js';
import { currentRubricVersion, ensureParticipantNumber } from './marking.queries.js';
import { findSubmissionOfOwner, insertSubmission } from './marking.repository.js';

const path = z
  .string()
  .regex(/^\/[\w\-/.]*$/)
  .max(300);
export const registrationSchema = z.object({
  ownerModule: z.string().regex(/^[a-z][a-z-]{1,39}$/),
  ownerId: z.string().uuid(),
  contextId: z.string().uuid(),
  participantId: z.string().uuid(),
  rubricId: z.string().uuid().nullable(),
  secondMarking: z.boolean(),
  discrepancy: z.number().int().min(0).max(10000),
  passMark: z.number().int().min(0).max(10000),
  /** The course-space item the released mark is recorded on (spaces' recordItemOutcome), if any. */
  itemId: z.string().uuid().nullable(),
  /** The owner's page showing the submission to markers (blind) and staff. */
  viewPath: path,
  /** The owner's page where the participant sees the released mark. */
  participantPath: path,
  /** Points (hundredths) to take from the released mark: an assignment's late penalty. */
  latePenalty: z.number().int().min(0).max(10000).default(0),
  /** A group's submission: every member who shares the mark (the participant among them). */
  memberIds: z.array(z.string().uuid()).min(1).max(50).optional(),
  /** The group set whose peer-evaluation factors adjust each member's mark at release (groups port). */
  peerSetId: z.string().uuid().nullable().optional(),
  /** The language the submission is written in (allocation by language); null or absent: not said. */
  language: z.enum(TEACHING_LANGUAGES).nullable().optional(),
});
export type Registration = z.input<typeof registrationSchema>;

/** Hands a submission to marking; returns the marking submission's id and the participant number. */
export async function registerSubmission(
  db: Executor,
  deps: Pick<Services, 'clock'>,
  actor: Actor,
  input: Registration,
): Promise<{ id: string; participantNumber: string }> {
  const data = registrationSchema.parse(input);
  return inTransaction(db, async (trx) => {
    const participantNumber = await ensureParticipantNumber(trx, data.contextId, data.participantId);
    const existing = await findSubmissionOfOwner(trx, data.ownerModule, data.ownerId);
    if (existing) return { id: existing.id, participantNumber };
    const id = newId();
    const now = deps.clock.now().toISOString();
    await insertSubmission(trx, {
      id,
      owner_module: data.ownerModule,
      owner_id: data.ownerId,
      context_id: data.contextId,
      participant_id: data.participantId,
      rubric_version_id: await currentRubricVersion(trx, data.rubricId),
      state: 'not-marked',
      second_marking: data.secondMarking ? 1 : 0,
      discrepancy: data.discrepancy,
      pass_mark: data.passMark,
      item_id: data.itemId,
      view_path: data.viewPath,
      participant_path: data.participantPath,
      agreed_mark: null,
      agreed_note: null,
      agreed_by: null,
      feedback_json: null,
      released_at: null,
      late_penalty: data.latePenalty,
      members_json: data.memberIds ? JSON.stringify([...new Set(data.memberIds)]) : null,
      peer_set_id: data.memberIds ? (data.peerSetId ?? null) : null,
      member_marks_json: null,
      language: data.language ?? null,
      created_at: now,
      updated_at: now,
    });
    await audit(trx, deps.clock, actor, {
      action: 'marking.submission-registered',
      targetType: 'marking_submission',
      targetId: id,
      after: { ownerModule: data.ownerModule, ownerId: data.ownerId, contextId: data.contextId },
    });
    return { id, participantNumber };
  });
}
