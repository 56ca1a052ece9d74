/**
 * What the submission use cases share: an assignment's settings as domain values, a person's dates, their
 * attempts with files and the released result of each (from the marking engine), and the open draft.
 */
import type { Executor } from '../../db/database.js';
import { type LocalizedText, parseLocalized } from '../../i18n/localized.js';
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

/** The dates that apply to a person (groups come with the collaboration issue: until then, none). */
export async function datesFor(
  db: Executor,
  settings: AssignmentSettings,
  personId: string,
): Promise<EffectiveDates> {
  const overrides = (await listOverrides(db, settings.id)).map(toOverride);
  return effectiveDates(settings.defaults, overrides, personId, []);
}

export interface Attempt {
  row: SubmissionRow;
  files: FileRow[];
  marking: ReleasedMarking | null;
}

/** A person's attempts (oldest first) with their files and what marking has released of each. */
export async function attemptsOf(
  db: Executor,
  assignmentId: string,
  personId: string,
  options: { lock?: boolean } = {},
): Promise<Attempt[]> {
  const rows = await listAttempts(db, assignmentId, personId, options);
  const files = await listFiles(
    db,
    rows.map((r) => r.id),
  );
  const markings = await releasedMarkings(
    db,
    MARKING_OWNER,
    rows.map((r) => r.id),
  );
  return rows.map((row) => ({
    row,
    files: files.filter((f) => f.submission_id === row.id),
    marking: markings.get(row.id) ?? null,
  }));
}

/** The attempts as the resubmission rule sees them. */
export function attemptStates(attempts: readonly Attempt[]): AttemptState[] {
  return attempts.map((a) => ({
    status: a.row.status as 'draft' | 'submitted',
    outcome: a.marking?.released ? (a.marking.released.passed ? 'passed' : 'failed') : null,
    reopened: a.row.reopened_at !== null,
  }));
}
