/** SQL of the stored similarity pairs (`assignment_similarity`, `assignment_similarity_pairs`). */
import { sql } from 'kysely';
import type { Executor } from '../../../db/database.js';
import { forUpdate } from '../../../db/helpers.js';
import { editionsView } from '../../catalogue/catalogue.read-models.repository.js';
import type { AssignmentSimilarityPairsTable, SubmissionRow } from '../assignments.tables.js';

/** An assignment's similarity versions (undefined: nothing stored yet, i.e. stale). */
export function similarityState(db: Executor, assignmentId: string) {
  return db
    .selectFrom('assignment_similarity')
    .select(['version', 'pairs_version'])
    .where('assignment_id', '=', assignmentId)
    .executeTakeFirst();
}

/** The state, locked for the rest of the transaction (PostgreSQL; SQLite's writer is alone anyway). */
export async function lockSimilarityState(db: Executor, assignmentId: string) {
  await db
    .insertInto('assignment_similarity')
    .values({ assignment_id: assignmentId, pairs_version: null })
    .onConflict((oc) => oc.column('assignment_id').doNothing())
    .execute();
  return forUpdate(
    db,
    db
      .selectFrom('assignment_similarity')
      .select(['version', 'pairs_version'])
      .where('assignment_id', '=', assignmentId),
  ).executeTakeFirstOrThrow();
}

/** Raises these assignments' similarity versions: their stored pairs are stale. */
export async function markSimilarityStale(db: Executor, assignmentIds: readonly string[]): Promise<void> {
  for (const id of new Set(assignmentIds))
    await db
      .insertInto('assignment_similarity')
      .values({ assignment_id: id, version: 1, pairs_version: null })
      .onConflict((oc) =>
        oc.column('assignment_id').doUpdateSet({ version: sql<number>`assignment_similarity.version + 1` }),
      )
      .execute();
}

/** The assignments of the editions of this edition's course that start after it (they compare with it). */
export async function assignmentsOfLaterEditions(db: Executor, editionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('assignments')
    .innerJoin(editionsView(db).as('later'), 'later.id', 'assignments.edition_id')
    .innerJoin(editionsView(db).as('current'), (join) =>
      join.onRef('current.course_id', '=', 'later.course_id').on('current.id', '=', editionId),
    )
    .whereRef('later.starts_on', '>', 'current.starts_on')
    .select('assignments.id')
    .execute();
  return rows.map((r) => r.id);
}

/** Replaces an assignment's stored pairs and records the version they were computed at. */
export async function replacePairs(
  db: Executor,
  assignmentId: string,
  rows: readonly AssignmentSimilarityPairsTable[],
  version: number,
): Promise<void> {
  await db.deleteFrom('assignment_similarity_pairs').where('assignment_id', '=', assignmentId).execute();
  for (let at = 0; at < rows.length; at += 500)
    await db
      .insertInto('assignment_similarity_pairs')
      .values(rows.slice(at, at + 500))
      .execute();
  await db
    .updateTable('assignment_similarity')
    .set({ pairs_version: version })
    .where('assignment_id', '=', assignmentId)
    .execute();
}

/** A submission's stored matches, in the order the check shows them (the most similar first). */
export function storedPairsOf(db: Executor, submissionId: string) {
  return db
    .selectFrom('assignment_similarity_pairs')
    .select(['other_id', 'kind_rank', 'percent'])
    .where('submission_id', '=', submissionId)
    .orderBy('percent', 'desc')
    .orderBy('kind_rank')
    .orderBy('position')
    .execute();
}

/** Whether a later attempt of this submission's work unit (its group, else its person) was submitted. */
export async function laterAttemptSubmitted(db: Executor, row: SubmissionRow): Promise<boolean> {
  let query = db
    .selectFrom('assignment_submissions')
    .select('id')
    .where('assignment_id', '=', row.assignment_id)
    .where('status', '=', 'submitted')
    .where('attempt', '>', row.attempt);
  query = row.group_id
    ? query.where('group_id', '=', row.group_id)
    : query.where('group_id', 'is', null).where('person_id', '=', row.person_id);
  return (await query.limit(1).executeTakeFirst()) !== undefined;
}

/** Submissions by id (this assignment's matches shown). */
export function submissionsByIds(db: Executor, ids: readonly string[]): Promise<SubmissionRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('assignment_submissions').selectAll().where('id', 'in', ids).execute();
}

/** Submissions of earlier editions by id, with their edition (id and code). */
export function earlierSubmissionsByIds(
  db: Executor,
  ids: readonly string[],
): Promise<(SubmissionRow & { edition_id: string; edition_code: string | null })[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('assignment_submissions')
    .innerJoin('assignments', 'assignments.id', 'assignment_submissions.assignment_id')
    .innerJoin(editionsView(db).as('earlier'), 'earlier.id', 'assignments.edition_id')
    .selectAll('assignment_submissions')
    .select(['earlier.id as edition_id', 'earlier.code as edition_code'])
    .where('assignment_submissions.id', 'in', ids)
    .execute();
}
