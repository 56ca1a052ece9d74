/** All of the assignments module's SQL. */
import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import { forUpdate } from '../../db/helpers.js';
import type {
  AssignmentDateOverridesTable,
  AssignmentFilesTable,
  AssignmentRow,
  AssignmentSubmissionsTable,
  AssignmentsTable,
  ContributionRow,
  FileRow,
  NewAssignmentRow,
  OverrideRow,
  SubmissionRow,
} from './assignments.tables.js';

export function findAssignment(db: Executor, id: string): Promise<AssignmentRow | undefined> {
  return db.selectFrom('assignments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertAssignment(db: Executor, row: NewAssignmentRow): Promise<void> {
  await db.insertInto('assignments').values(row).execute();
}

export async function updateAssignment(
  db: Executor,
  id: string,
  set: Updateable<AssignmentsTable>,
): Promise<void> {
  await db.updateTable('assignments').set(set).where('id', '=', id).execute();
}

export function listOverrides(db: Executor, assignmentId: string): Promise<OverrideRow[]> {
  return db
    .selectFrom('assignment_date_overrides')
    .selectAll()
    .where('assignment_id', '=', assignmentId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertOverride(
  db: Executor,
  row: Insertable<AssignmentDateOverridesTable>,
): Promise<void> {
  await db.insertInto('assignment_date_overrides').values(row).execute();
}

/** Removes the earlier override of the same scope and person (or group): one per scope and person. */
export async function deleteOverridesLike(
  db: Executor,
  assignmentId: string,
  scope: string,
  personId: string | null,
  groupId: string | null,
): Promise<void> {
  let query = db
    .deleteFrom('assignment_date_overrides')
    .where('assignment_id', '=', assignmentId)
    .where('scope', '=', scope);
  query = personId ? query.where('person_id', '=', personId) : query.where('person_id', 'is', null);
  query = groupId ? query.where('group_id', '=', groupId) : query.where('group_id', 'is', null);
  await query.execute();
}

/** The attempts of a person alone, or of their group's submission (oldest first). */
export function listAttempts(
  db: Executor,
  assignmentId: string,
  work: { personId: string; groupId: string | null },
  options: { lock?: boolean } = {},
): Promise<SubmissionRow[]> {
  let query = db.selectFrom('assignment_submissions').selectAll().where('assignment_id', '=', assignmentId);
  query = work.groupId
    ? query.where('group_id', '=', work.groupId)
    : query.where('person_id', '=', work.personId).where('group_id', 'is', null);
  query = query.orderBy('attempt');
  return (options.lock ? forUpdate(db, query) : query).execute();
}

export function findSubmissionRow(db: Executor, id: string): Promise<SubmissionRow | undefined> {
  return db.selectFrom('assignment_submissions').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listSubmittedOfAssignment(db: Executor, assignmentId: string): Promise<SubmissionRow[]> {
  return db
    .selectFrom('assignment_submissions')
    .selectAll()
    .where('assignment_id', '=', assignmentId)
    .where('status', '=', 'submitted')
    .orderBy('submitted_at')
    .execute();
}

export async function insertSubmissionRow(
  db: Executor,
  row: Insertable<AssignmentSubmissionsTable>,
): Promise<void> {
  await db.insertInto('assignment_submissions').values(row).execute();
}

export async function updateSubmissionRow(
  db: Executor,
  id: string,
  set: Updateable<AssignmentSubmissionsTable>,
): Promise<void> {
  await db.updateTable('assignment_submissions').set(set).where('id', '=', id).execute();
}

export function listFiles(db: Executor, submissionIds: readonly string[]): Promise<FileRow[]> {
  if (submissionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('assignment_files')
    .selectAll()
    .where('submission_id', 'in', submissionIds)
    .orderBy('rank')
    .execute();
}

export function findFile(db: Executor, submissionId: string, fileId: string): Promise<FileRow | undefined> {
  return db
    .selectFrom('assignment_files')
    .selectAll()
    .where('submission_id', '=', submissionId)
    .where('id', '=', fileId)
    .executeTakeFirst();
}

export async function insertFile(db: Executor, row: Insertable<AssignmentFilesTable>): Promise<void> {
  await db.insertInto('assignment_files').values(row).execute();
}

export async function deleteFile(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('assignment_files').where('id', '=', id).execute();
}

/** The assignments of these submissions, each with the submission's id (one row per submission). */
export function assignmentsOfSubmissions(
  db: Executor,
  submissionIds: readonly string[],
): Promise<(AssignmentRow & { submission_id: string })[]> {
  if (submissionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('assignment_submissions')
    .innerJoin('assignments', 'assignments.id', 'assignment_submissions.assignment_id')
    .selectAll('assignments')
    .select('assignment_submissions.id as submission_id')
    .where('assignment_submissions.id', 'in', submissionIds)
    .execute();
}

export function listAssignmentsOfEdition(db: Executor, editionId: string): Promise<AssignmentRow[]> {
  return db
    .selectFrom('assignments')
    .selectAll()
    .where('edition_id', '=', editionId)
    .orderBy('created_at')
    .execute();
}

/** Whether anyone has started (a draft or a submission) on the assignment. */
export async function hasSubmissions(db: Executor, assignmentId: string): Promise<boolean> {
  const row = await db
    .selectFrom('assignment_submissions')
    .select('id')
    .where('assignment_id', '=', assignmentId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export function listContributions(
  db: Executor,
  submissionIds: readonly string[],
): Promise<ContributionRow[]> {
  if (submissionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('assignment_contributions')
    .selectAll()
    .where('submission_id', 'in', submissionIds)
    .orderBy('updated_at')
    .execute();
}

/** Sets a member's contribution statement on a submission (one per member, replaced). */
export async function upsertContribution(db: Executor, row: ContributionRow): Promise<void> {
  await db
    .insertInto('assignment_contributions')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['submission_id', 'person_id'])
        .doUpdateSet({ statement: row.statement, updated_at: row.updated_at }),
    )
    .execute();
}
