/** The marking module's SQL for rubrics: templates, their versions and the markers' comment banks. */
import type { Insertable } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type {
  BankCommentRow,
  MarkingCommentsTable,
  MarkingRubricsTable,
  MarkingRubricVersionsTable,
  RubricRow,
  RubricVersionRow,
} from '../marking.tables.js';

export function listRubrics(db: Executor): Promise<RubricRow[]> {
  return db.selectFrom('marking_rubrics').selectAll().orderBy('title').orderBy('id').execute();
}

export function findRubric(db: Executor, id: string): Promise<RubricRow | undefined> {
  return db.selectFrom('marking_rubrics').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertRubric(db: Executor, row: Insertable<MarkingRubricsTable>): Promise<void> {
  await db.insertInto('marking_rubrics').values(row).execute();
}

export async function touchRubric(db: Executor, id: string, title: string, now: string): Promise<void> {
  await db.updateTable('marking_rubrics').set({ title, updated_at: now }).where('id', '=', id).execute();
}

export function latestRubricVersion(db: Executor, rubricId: string): Promise<RubricVersionRow | undefined> {
  return db
    .selectFrom('marking_rubric_versions')
    .selectAll()
    .where('rubric_id', '=', rubricId)
    .orderBy('version', 'desc')
    .executeTakeFirst();
}

export function findRubricVersion(db: Executor, id: string): Promise<RubricVersionRow | undefined> {
  return db.selectFrom('marking_rubric_versions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertRubricVersion(
  db: Executor,
  row: Insertable<MarkingRubricVersionsTable>,
): Promise<void> {
  await db.insertInto('marking_rubric_versions').values(row).execute();
}

export async function updateRubricVersionCriteria(db: Executor, id: string, json: string): Promise<void> {
  await db.updateTable('marking_rubric_versions').set({ criteria_json: json }).where('id', '=', id).execute();
}

export async function freezeRubricVersion(db: Executor, id: string, now: string): Promise<void> {
  await db
    .updateTable('marking_rubric_versions')
    .set({ frozen_at: now })
    .where('id', '=', id)
    .where('frozen_at', 'is', null)
    .execute();
}

/** A marker's bank comments for a rubric (and those for any rubric), oldest first. */
export function listBankComments(
  db: Executor,
  markerId: string,
  rubricId: string | null,
): Promise<BankCommentRow[]> {
  return db
    .selectFrom('marking_comments')
    .selectAll()
    .where('marker_id', '=', markerId)
    .where((w) =>
      rubricId ? w.or([w('rubric_id', 'is', null), w('rubric_id', '=', rubricId)]) : w.lit(true),
    )
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertBankComment(db: Executor, row: Insertable<MarkingCommentsTable>): Promise<void> {
  await db.insertInto('marking_comments').values(row).execute();
}

/** Removes one of a marker's own bank comments; false when there is no such comment of theirs. */
export async function deleteBankComment(db: Executor, id: string, markerId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('marking_comments')
    .where('id', '=', id)
    .where('marker_id', '=', markerId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
