/** SQL of the similarity check: the submissions of earlier editions of the same course, the kept texts. */

import type { Insertable } from 'kysely';
import type { Executor } from '../../../db/database.js';
import { editionsView } from '../../catalogue/catalogue.read-models.repository.js';
import type {
  AssignmentFileTextsTable,
  AssignmentReferencesTable,
  SubmissionRow,
} from '../assignments.tables.js';

/**
 * Every submitted attempt of the assignments of the editions of this edition's course that started before
 * it, with its edition (id and code).
 */
export function submittedInEarlierEditions(
  db: Executor,
  editionId: string,
): Promise<(SubmissionRow & { edition_id: string; edition_code: string | null })[]> {
  return db
    .selectFrom('assignment_submissions')
    .innerJoin('assignments', 'assignments.id', 'assignment_submissions.assignment_id')
    .innerJoin(editionsView(db).as('earlier'), 'earlier.id', 'assignments.edition_id')
    .innerJoin(editionsView(db).as('current'), (join) =>
      join.onRef('current.course_id', '=', 'earlier.course_id').on('current.id', '=', editionId),
    )
    .whereRef('earlier.starts_on', '<', 'current.starts_on')
    .where('assignment_submissions.status', '=', 'submitted')
    .selectAll('assignment_submissions')
    .select(['earlier.id as edition_id', 'earlier.code as edition_code'])
    .orderBy('assignment_submissions.submitted_at')
    .execute();
}

/** An assignment's reference documents, oldest first. */
export function listReferences(db: Executor, assignmentId: string) {
  return db
    .selectFrom('assignment_references')
    .selectAll()
    .where('assignment_id', '=', assignmentId)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
}

export async function insertReference(
  db: Executor,
  row: Insertable<AssignmentReferencesTable>,
): Promise<void> {
  await db.insertInto('assignment_references').values(row).execute();
}

export async function deleteReference(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('assignment_references').where('id', '=', id).execute();
}

/** The kept texts of these submitted files (file id → text); a file not extracted yet is absent. */
export async function fileTextsOf(db: Executor, fileIds: readonly string[]): Promise<Map<string, string>> {
  if (fileIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('assignment_file_texts')
    .select(['file_id', 'text'])
    .where('file_id', 'in', fileIds)
    .execute();
  return new Map(rows.map((r) => [r.file_id, r.text]));
}

/** Keeps a file's text (a second extraction of the same file, e.g. by a concurrent check, changes nothing). */
export async function insertFileText(db: Executor, row: Insertable<AssignmentFileTextsTable>): Promise<void> {
  await db
    .insertInto('assignment_file_texts')
    .values(row)
    .onConflict((oc) => oc.column('file_id').doNothing())
    .execute();
}

/** The kept fingerprints of these files, and whether each could not be read (no row: not extracted yet). */
export async function filePrintsOf(
  db: Executor,
  fileIds: readonly string[],
): Promise<Map<string, { prints: string | null; unreadable: boolean }>> {
  if (fileIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('assignment_file_texts')
    .select(['file_id', 'prints', 'unreadable'])
    .where('file_id', 'in', fileIds)
    .execute();
  return new Map(rows.map((r) => [r.file_id, { prints: r.prints, unreadable: r.unreadable === 1 }]));
}

/** Keeps the fingerprints of a file's text kept before fingerprints were. */
export async function setFilePrints(db: Executor, fileId: string, prints: string): Promise<void> {
  await db.updateTable('assignment_file_texts').set({ prints }).where('file_id', '=', fileId).execute();
}

/** Keeps the fingerprints of a submitted attempt's online text (it never changes once submitted). */
export async function setSubmissionPrints(db: Executor, submissionId: string, prints: string): Promise<void> {
  await db
    .updateTable('assignment_submissions')
    .set({ text_prints: prints })
    .where('id', '=', submissionId)
    .where('status', '=', 'submitted')
    .execute();
}

/** Keeps the fingerprints of a reference document uploaded before fingerprints were. */
export async function setReferencePrints(db: Executor, referenceId: string, prints: string): Promise<void> {
  await db.updateTable('assignment_references').set({ prints }).where('id', '=', referenceId).execute();
}
