/**
 * The marking module's internal queries and commands for the modules whose submissions it marks
 * (assignments today, the capstone later). Permission-free: the caller has checked who acts. The engine
 * knows nothing of what a submission is: an owner module and its id, a context (edition), a participant.
 */
import type { Executor } from '../../db/database.js';
import type { Actor } from '../../kernel/actor.js';
import { isId } from '../../kernel/ids.js';
import { unreleasedAllocationsOf } from './allocation/marking-allocations.repository.js';
import { feedbackFileName } from './feedback/get-feedback-file.js';
import { markOfMember, membersOf } from './group-marks.js';
import { canMarking } from './marking.policy.js';
import {
  contextStanding,
  findNumber,
  findRevealed,
  findSubmissionOfOwner,
  insertNumber,
  listExaminersOfContext,
  listFeedbackFiles,
  listMarks,
  listSubmissionsOfContext,
  listSubmissionsOfOwners,
  maxNumber,
  numbersOf,
  personWithNumber,
} from './marking.repository.js';
import { examinesSubmission } from './marking-access.js';
import {
  JOINED_OWNERS_MAX,
  type MarkingsWithFiles,
  markingsWithFeedbackFiles,
} from './released-markings.repository.js';
import { latestCriteria, versionCriteria } from './rubrics/kept-rubrics.js';
import { latestRubricVersion, listRubrics } from './rubrics/marking-rubrics.repository.js';
import { type Criterion, type CriterionScore, formatMark, penalisedMark } from './rubrics/rubric.js';
import { type MarkingState, participantLabel } from './workflow.js';

/** The participant's number in the context (made on first use, next free number): "P-0042". */
export async function ensureParticipantNumber(
  db: Executor,
  contextId: string,
  personId: string,
): Promise<string> {
  const existing = await findNumber(db, contextId, personId);
  if (existing !== null) return participantLabel(existing);
  const next = (await maxNumber(db, contextId)) + 1;
  await insertNumber(db, contextId, personId, next);
  return participantLabel(next);
}

/** The latest version id of a rubric (null when there is no such rubric). */
export async function currentRubricVersion(db: Executor, rubricId: string | null): Promise<string | null> {
  if (!rubricId || !isId(rubricId)) return null;
  return (await latestRubricVersion(db, rubricId))?.id ?? null;
}

/** The criteria of a rubric's current version (participants see the rubric before submitting). */
export async function rubricCriteria(
  db: Executor,
  rubricId: string | null,
): Promise<readonly Criterion[] | null> {
  if (!rubricId || !isId(rubricId)) return null;
  return latestCriteria(db, rubricId);
}

/** What a participant may see of a marking: nothing before release; then the mark and the feedback. */
export interface ReleasedMarking {
  state: MarkingState;
  released: {
    /** The released mark (after any late penalty). */
    mark: number;
    markText: string;
    /** The points a late penalty took (0: none) and the mark before it. */
    penalty: number;
    penaltyText: string;
    markBeforePenaltyText: string;
    passed: boolean;
    releasedAt: string;
    overall: string;
    criteria: {
      title: string;
      titles?: Criterion['titles'];
      points: string;
      maxPoints: number;
      comment: string;
    }[];
    /** Feedback files, downloaded at `/marking/feedback-files/:id`. */
    files: { id: string; name: string }[];
  } | null;
}

/** Feedback as stored at agreement (PERSISTED SHAPE: `marking_submissions.feedback_json`). */
export interface StoredFeedback {
  overall: string;
  scores: Record<string, CriterionScore>;
}

/** The participant's view of the markings of some owner records (owner id → view; absent: not handed over). */
export async function releasedMarkings(
  db: Executor,
  ownerModule: string,
  ownerIds: readonly string[],
  /** The member reading (a group's submission: their own, peer-adjusted mark). */
  personId: string | null = null,
): Promise<Map<string, ReleasedMarking>> {
  const { rows, files } = await markingsOf(db, ownerModule, ownerIds);
  const out = new Map<string, ReleasedMarking>();
  for (const row of rows) {
    const state = row.state as MarkingState;
    if (state !== 'released' || row.agreed_mark === null || !row.released_at) {
      out.set(row.owner_id, { state, released: null });
      continue;
    }
    const criteria = (row.rubric_version_id ? await versionCriteria(db, row.rubric_version_id) : null) ?? [];
    const feedback = row.feedback_json
      ? (JSON.parse(row.feedback_json) as StoredFeedback)
      : { overall: '', scores: {} };
    const mark = markOfMember(row, personId, penalisedMark(row.agreed_mark, row.late_penalty));
    out.set(row.owner_id, {
      state,
      released: {
        mark,
        markText: formatMark(mark),
        penalty: row.agreed_mark - mark,
        penaltyText: formatMark(row.agreed_mark - mark),
        markBeforePenaltyText: formatMark(row.agreed_mark),
        passed: mark >= row.pass_mark,
        releasedAt: row.released_at,
        overall: feedback.overall,
        criteria: criteria.map((c) => ({
          title: c.title,
          titles: c.titles,
          points: formatMark(feedback.scores[c.id]?.points ?? 0),
          maxPoints: c.maxPoints,
          comment: feedback.scores[c.id]?.comment ?? '',
        })),
        files: files
          .filter((f) => f.submission_id === row.id)
          .map((f) => ({ id: f.id, name: feedbackFileName(f.rank, f.type) })),
      },
    });
  }
  return out;
}

/** The marking rows of some owner records and the feedback files of the released ones. */
async function markingsOf(
  db: Executor,
  ownerModule: string,
  ownerIds: readonly string[],
): Promise<MarkingsWithFiles> {
  if (ownerIds.length === 0) return { rows: [], files: [] };
  // A participant's page: one statement for their attempts' markings and files (one or two attempts).
  if (ownerIds.length <= JOINED_OWNERS_MAX) return markingsWithFeedbackFiles(db, ownerModule, ownerIds);
  const rows = await listSubmissionsOfOwners(db, ownerModule, ownerIds);
  const files = await listFeedbackFiles(
    db,
    rows.filter((r) => r.state === 'released').map((r) => r.id),
  );
  return { rows, files };
}

/** What a marker may know of an owner's record: its participant number, and the name only once revealed. */
export interface MarkerView {
  submissionId: string;
  participantNumber: string;
  revealed: boolean;
}

/**
 * Whether `actor` may open the owner's record as a marker or as staff of its context (the owner module's
 * marker pages and downloads call this); null when they may not (the caller answers "not found").
 */
export async function markerViewOf(
  db: Executor,
  actor: Actor,
  ownerModule: string,
  ownerId: string,
): Promise<MarkerView | null> {
  if (actor.kind !== 'user' || !isId(ownerId)) return null;
  const row = await findSubmissionOfOwner(db, ownerModule, ownerId);
  if (!row) return null;
  const marks = await listMarks(db, [row.id]);
  const marker = marks.some((m) => m.marker_id === actor.id);
  // The context's standing (an edition's) also says whether names are revealed: read once.
  const context = await contextStanding(db, row.context_id, actor.id);
  const standing = { facilitator: context?.facilitator ?? false, marker };
  if (
    !canMarking(actor, standing, 'marking.manage') &&
    !canMarking(actor, standing, 'marking.mark') &&
    !(await examinesSubmission(db, actor, row))
  )
    return null;
  const number = await findNumber(db, row.context_id, row.participant_id);
  return {
    submissionId: row.id,
    participantNumber: participantLabel(number ?? 0),
    revealed: (context ? context.revealedAt : await findRevealed(db, row.context_id)) !== null,
  };
}

/** The external examiners appointed to a context (an edition, or a programme for its capstones). */
export function examinersOfContext(db: Executor, contextId: string): Promise<string[]> {
  return listExaminersOfContext(db, contextId);
}

/** The rubric templates to choose from (id and title). */
export async function rubricChoices(db: Executor): Promise<{ id: string; title: string }[]> {
  return (await listRubrics(db)).map((r) => ({ id: r.id, title: r.title }));
}

/** A released mark, as other modules (the course results) read it. */
export interface ReleasedMark {
  participantId: string;
  ownerModule: string;
  ownerId: string;
  /** The course-space item it was recorded on (null when the owner gave none). */
  itemId: string | null;
  /** Hundredths of a percent (0–10000). */
  mark: number;
  passed: boolean;
  releasedAt: string;
}

/**
 * Every released mark of a context (an edition), oldest first: what the results module reads (the same
 * mark is also on the space item's progress as `passed`/`failed` with its score). Nothing unreleased.
 */
export async function releasedMarksOfContext(db: Executor, contextId: string): Promise<ReleasedMark[]> {
  if (!isId(contextId)) return [];
  const rows = await listSubmissionsOfContext(db, contextId);
  return rows
    .filter((r) => r.state === 'released' && r.agreed_mark !== null && r.released_at !== null)
    .flatMap((r) =>
      // A group's submission: one released mark per member (their own when adjusted).
      membersOf(r).map((participantId) => {
        const mark = markOfMember(r, participantId, penalisedMark(r.agreed_mark!, r.late_penalty));
        return {
          participantId,
          ownerModule: r.owner_module,
          ownerId: r.owner_id,
          itemId: r.item_id,
          mark,
          passed: mark >= r.pass_mark,
          releasedAt: r.released_at!,
        };
      }),
    )
    .sort((a, b) => a.releasedAt.localeCompare(b.releasedAt));
}

/** The participant numbered `label` (P-0042) in a context, or null. */
export async function participantOfNumber(
  db: Executor,
  contextId: string,
  label: string,
): Promise<string | null> {
  const match = /^P-(\d{1,9})$/i.exec(label);
  return match ? personWithNumber(db, contextId, Number(match[1])) : null;
}

/** The marking submission of an owner's record (its id and whether its mark is released), or null. */
export async function markingOfOwner(
  db: Executor,
  ownerModule: string,
  ownerId: string,
): Promise<{ id: string; released: boolean } | null> {
  const row = await findSubmissionOfOwner(db, ownerModule, ownerId);
  return row ? { id: row.id, released: row.state === 'released' } : null;
}

/** Who is allocated to mark a submission, by role (`first`, `second`). */
export async function markersOfSubmission(db: Executor, markingId: string): Promise<Map<string, string>> {
  return new Map((await listMarks(db, [markingId])).map((m) => [m.role, m.marker_id]));
}

/** The participant numbers (P-0042) of some people in a context; people without one are left out. */
export async function participantNumbersOf(
  db: Executor,
  contextId: string,
  personIds: readonly string[],
): Promise<Map<string, string>> {
  const numbers = await numbersOf(db, [contextId], personIds);
  return new Map(
    personIds.flatMap((id) => {
      const n = numbers.get(`${contextId}:${id}`);
      return n === undefined ? [] : [[id, participantLabel(n)] as const];
    }),
  );
}

/** A submission allocated to a marker, not released yet: the owner's id, its context, the participant number. */
export interface MarkerAllocation {
  ownerId: string;
  contextId: string;
  participant: string;
  /** The marker's own mark is completed. */
  completed: boolean;
}

/** The unreleased submissions of an owner module allocated to this marker (first or second), by number. */
export async function allocationsOfMarker(
  db: Executor,
  markerId: string,
  ownerModule: string,
): Promise<MarkerAllocation[]> {
  return (await unreleasedAllocationsOf(db, markerId, ownerModule)).map((r) => ({
    ownerId: r.owner_id,
    contextId: r.context_id,
    participant: r.number === null ? '—' : participantLabel(r.number),
    completed: r.completed_at !== null,
  }));
}
