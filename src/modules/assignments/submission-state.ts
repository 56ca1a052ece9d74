/**
 * What the submission use cases share: an assignment's settings as domain values, a person's dates, their
 * attempts with files and the released result of each (from the marking engine), and the open draft.
 */
import type { Executor } from '../../db/database.js';
import { type LocalizedText, parseLocalized } from '../../i18n/localized.js';
import { groupOfPerson, groupsOfPerson } from '../groups/groups.port.js';
import { type ReleasedMarking, releasedMarkings } from '../marking/marking.queries.js';
import {
  type AttemptState,
  type DateOverride,
  type EffectiveDates,
  effectiveDates,
  FILE_TYPES,
  type FileType,
  type OverrideScope,
  type ResubmissionPolicy,
} from './assignment.js';
import type { AttemptRow } from './assignment-page.repository.js';
import { listAttempts, listFiles, listOverrides } from './assignments.repository.js';
import type { AssignmentRow, FileRow, SubmissionRow } from './assignments.tables.js';
import { LATE_PENALTY_KINDS, type LatePenaltyKind, type LatePenaltyPolicy } from './late-penalty.js';

/** The owner module name the marking engine knows these submissions by. */
export const MARKING_OWNER = 'assignments';

export interface AssignmentSettings {
  id: string;
  editionId: string;
  itemId: string | null;
  title: string;
  instructions: LocalizedText;
  acceptsText: boolean;
  acceptsFiles: boolean;
  fileTypes: FileType[];
  maxFiles: number;
  maxFileBytes: number;
  defaults: { opensAt: string | null; dueAt: string | null; cutoffAt: string | null };
  markingDueAt: string | null;
  resubmission: ResubmissionPolicy;
  maxAttempts: number | null;
  rubricId: string | null;
  secondMarking: boolean;
  discrepancy: number;
  passMark: number;
  latePenalty: LatePenaltyPolicy;
  /** Group work: one submission per group of `groupSetId` (null: a group of one each, until one is chosen). */
  groupWork: boolean;
  groupSetId: string | null;
  /** Adjust each member's mark by the set's peer-evaluation factor. */
  peerAdjustment: boolean;
}

export function toSettings(row: AssignmentRow): AssignmentSettings {
  let types: unknown = [];
  try {
    types = JSON.parse(row.file_types);
  } catch {}
  return {
    id: row.id,
    editionId: row.edition_id,
    itemId: row.item_id,
    title: row.title,
    instructions: parseLocalized(row.instructions_i18n),
    acceptsText: row.accepts_text === 1,
    acceptsFiles: row.accepts_files === 1,
    fileTypes: (Array.isArray(types) ? types : []).filter((t): t is FileType =>
      (FILE_TYPES as readonly string[]).includes(t),
    ),
    maxFiles: row.max_files,
    maxFileBytes: row.max_file_bytes,
    defaults: { opensAt: row.opens_at, dueAt: row.due_at, cutoffAt: row.cutoff_at },
    markingDueAt: row.marking_due_at,
    resubmission: row.resubmission as ResubmissionPolicy,
    maxAttempts: row.max_attempts,
    rubricId: row.rubric_id,
    secondMarking: row.second_marking === 1,
    discrepancy: row.discrepancy,
    passMark: row.pass_mark,
    latePenalty: {
      kind: (LATE_PENALTY_KINDS as readonly string[]).includes(row.late_penalty_kind)
        ? (row.late_penalty_kind as LatePenaltyKind)
        : 'none',
      amount: row.late_penalty_amount,
      cap: row.late_penalty_cap,
    },
    groupWork: row.group_work === 1,
    groupSetId: row.group_set_id,
    peerAdjustment: row.peer_adjustment === 1,
  };
}

export function toOverride(row: {
  scope: string;
  person_id: string | null;
  group_id: string | null;
  opens_at: string | null;
  due_at: string | null;
  cutoff_at: string | null;
}): DateOverride {
  return {
    scope: row.scope as OverrideScope,
    personId: row.person_id,
    groupId: row.group_id,
    opensAt: row.opens_at,
    dueAt: row.due_at,
    cutoffAt: row.cutoff_at,
  };
}

/**
 * Who hands in together: the person's group in the assignment's group set (group work), else the person
 * alone (an individual assignment, group work before a set is chosen, or a person in no group of the set).
 */
export interface WorkUnit {
  personId: string;
  groupId: string | null;
  groupName: string | null;
  /** Everyone who shares the submission (the person first). */
  memberIds: string[];
}

export async function workUnitOf(
  db: Executor,
  settings: AssignmentSettings,
  personId: string,
): Promise<WorkUnit> {
  const alone = { personId, groupId: null, groupName: null, memberIds: [personId] };
  if (!settings.groupWork || !settings.groupSetId) return alone;
  const group = await groupOfPerson(db, settings.groupSetId, personId);
  if (!group) return alone;
  return {
    personId,
    groupId: group.id,
    groupName: group.name,
    memberIds: [personId, ...group.memberIds.filter((id) => id !== personId)],
  };
}

/** The dates that apply to a person: their groups' overrides count (every group set of the edition). */
export async function datesFor(
  db: Executor,
  settings: AssignmentSettings,
  personId: string,
): Promise<EffectiveDates> {
  const [rows, groups] = await Promise.all([
    listOverrides(db, settings.id),
    groupsOfPerson(db, settings.editionId, personId),
  ]);
  return effectiveDates(
    settings.defaults,
    rows.map(toOverride),
    personId,
    groups.map((g) => g.id),
  );
}

export interface Attempt<Row extends AttemptRow = SubmissionRow> {
  /** The submission (the participant's page reads it without its fingerprints: `AttemptRow`). */
  row: Row;
  files: FileRow[];
  marking: ReleasedMarking | null;
}

/**
 * A person's attempts (oldest first) with their files and what marking has released of each (for group
 * work: their group's attempts, whoever started them).
 */
export async function attemptsOf(
  db: Executor,
  assignmentId: string,
  unit: string | WorkUnit,
  options: { lock?: boolean } = {},
): Promise<Attempt[]> {
  const work = typeof unit === 'string' ? { personId: unit, groupId: null } : unit;
  const rows = await attemptRowsOf(db, assignmentId, work, options);
  const files = await listFiles(
    db,
    rows.map((r) => r.id),
  );
  const markings = await releasedMarkings(
    db,
    MARKING_OWNER,
    rows.map((r) => r.id),
    work.personId,
  );
  return rows.map((row) => ({
    row,
    files: files.filter((f) => f.submission_id === row.id),
    marking: markings.get(row.id) ?? null,
  }));
}

/** The submission rows of a person alone or of their group (oldest first). */
export function attemptRowsOf(
  db: Executor,
  assignmentId: string,
  work: { personId: string; groupId: string | null },
  options: { lock?: boolean } = {},
): Promise<SubmissionRow[]> {
  return listAttempts(db, assignmentId, work, options);
}

/** The attempts as the resubmission rule sees them. */
export function attemptStates(attempts: readonly Attempt<AttemptRow>[]): AttemptState[] {
  return attempts.map((a) => ({
    status: a.row.status as 'draft' | 'submitted',
    outcome: a.marking?.released ? (a.marking.released.passed ? 'passed' : 'failed') : null,
    reopened: a.row.reopened_at !== null,
  }));
}
