/**
 * The actor's standing towards a marking context and a submission. A context is an edition (its course's
 * assignments) or a programme (its capstones, whose owner registers them under the programme). Anyone with
 * no standing is told the submission does not exist (404): its existence is not revealed.
 */
import type { Executor } from '../../db/database.js';
import { type Actor, hasRole } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { isId } from '../../kernel/ids.js';
import { findEditionWithCourse } from '../catalogue/catalogue.queries.js';
import { findProgrammeById } from '../programmes/programmes.queries.js';
import { canMarking, type MarkingAction } from './marking.policy.js';
import {
  contextStanding,
  findSubmission,
  isExaminer,
  listMarks,
  listSubmissionsOfContext,
} from './marking.repository.js';
import type { MarkingSubmissionRow, MarkRow } from './marking.tables.js';
import { moderationSample } from './moderation/moderation-sample.js';

/** Whether the actor facilitates the context's edition (null when there is no such edition). */
export async function facilitatesContext(
  db: Executor,
  actor: Actor,
  contextId: string,
): Promise<boolean | null> {
  const found = await contextStanding(db, contextId, actor.kind === 'user' ? actor.id : null);
  return found ? found.facilitator : null;
}

/** The kinds of marking context: an edition, or a programme (its capstones). */
export type MarkingContextKind = 'edition' | 'programme';

/** What kind of context an id names (null when neither an edition nor a programme). */
export async function contextKindOf(db: Executor, contextId: string): Promise<MarkingContextKind | null> {
  if (await findEditionWithCourse(db, contextId)) return 'edition';
  return (await findProgrammeById(db, contextId)) ? 'programme' : null;
}

/**
 * A context the actor manages: 401 signed out, 404 unknown (or not of the allowed kinds, editions by default)
 * or another edition's facilitator, 403 without the right.
 */
export async function contextAccess(
  db: Executor,
  actor: Actor,
  contextId: string,
  kinds: readonly MarkingContextKind[] = ['edition'],
): Promise<{ courseCode: string | null; revealed: boolean }> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  if (!isId(contextId)) throw new AppError('not_found');
  const edition = kinds.includes('edition')
    ? await contextStanding(db, contextId, actor.kind === 'user' ? actor.id : null)
    : undefined;
  let facilitator: boolean | null = edition ? edition.facilitator : null;
  // A programme's capstones have no facilitator: only managers manage them.
  if (facilitator === null && kinds.includes('programme') && (await findProgrammeById(db, contextId)))
    facilitator = false;
  if (facilitator === null) throw new AppError('not_found');
  if (canMarking(actor, { facilitator, marker: false }, 'marking.manage'))
    return {
      courseCode: edition?.courseCode ?? null,
      revealed: edition ? edition.revealedAt !== null : false,
    };
  // A facilitator of another edition is told it does not exist; anyone else is refused.
  throw new AppError(hasRole(actor, 'facilitator') ? 'not_found' : 'forbidden');
}

export interface SubmissionAccess {
  submission: MarkingSubmissionRow;
  marks: MarkRow[];
  /** The actor's own mark row (when allocated). */
  own: MarkRow | null;
  /** Whether the context's identities are revealed (null: not an edition, ask `findRevealed`). */
  revealed: boolean | null;
  can: { manage: boolean; mark: boolean; reveal: boolean; examine: boolean };
}

/** The ids of a context's moderation sample (judged on the agreed mark, else the first marker's). */
export async function sampleOfContext(db: Executor, contextId: string): Promise<Set<string>> {
  const rows = await listSubmissionsOfContext(db, contextId);
  const marks = await listMarks(
    db,
    rows.map((r) => r.id),
  );
  return moderationSample(
    rows.map((r) => ({
      id: r.id,
      mark:
        r.agreed_mark ??
        marks.find((m) => m.submission_id === r.id && m.role === 'first' && m.completed_at)?.total ??
        null,
      passMark: r.pass_mark,
    })),
  );
}

/** Whether the actor examines the submission's context and the submission is in its sample. */
export async function examinesSubmission(
  db: Executor,
  actor: Actor,
  submission: MarkingSubmissionRow,
): Promise<boolean> {
  if (actor.kind !== 'user' || !(await isExaminer(db, submission.context_id, actor.id))) return false;
  return (await sampleOfContext(db, submission.context_id)).has(submission.id);
}

/** A submission as the actor may reach it: staff of its context, or one of its markers; else not found. */
export async function submissionAccess(
  db: Executor,
  actor: Actor,
  submissionId: string,
  options: { lock?: boolean } = {},
): Promise<SubmissionAccess> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  if (!isId(submissionId)) throw new AppError('not_found');
  const submission = await findSubmission(db, submissionId, options);
  if (!submission) throw new AppError('not_found');
  const marks = await listMarks(db, [submission.id]);
  const own = actor.kind === 'user' ? (marks.find((m) => m.marker_id === actor.id) ?? null) : null;
  const context = await contextStanding(db, submission.context_id, actor.kind === 'user' ? actor.id : null);
  const facilitator = context?.facilitator ?? false;
  const examiner = await examinesSubmission(db, actor, submission);
  const standing = { facilitator, marker: own !== null, examiner };
  const can = (action: MarkingAction) => canMarking(actor, standing, action);
  if (!can('marking.manage') && !can('marking.mark') && !can('marking.examine'))
    throw new AppError('not_found');
  return {
    submission,
    marks,
    own,
    revealed: context ? context.revealedAt !== null : null,
    can: {
      manage: can('marking.manage'),
      mark: can('marking.mark'),
      reveal: can('marking.reveal'),
      examine: can('marking.examine'),
    },
  };
}

/** Throws unless the action is allowed (403: the actor already knows the submission). */
export function ensureCan(allowed: boolean): void {
  if (!allowed) throw new AppError('forbidden');
}
