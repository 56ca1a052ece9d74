/** Every SQL statement of the cases module (only this module reads and writes its tables). */
import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type {
  AnswerRow,
  CaseAnswersTable,
  CaseDocumentsTable,
  CaseReleasesTable,
  CaseRow,
  CasesTable,
  DocumentRow,
  ReleaseRow,
} from './cases.tables.js';

export async function findCase(db: Executor, itemId: string): Promise<CaseRow | undefined> {
  return db.selectFrom('cases').selectAll().where('item_id', '=', itemId).executeTakeFirst();
}

export async function insertCase(db: Executor, row: Insertable<CasesTable>): Promise<void> {
  await db
    .insertInto('cases')
    .values(row)
    .onConflict((oc) => oc.column('item_id').doNothing())
    .execute();
}

export async function updateCase(db: Executor, itemId: string, patch: Updateable<CasesTable>): Promise<void> {
  await db.updateTable('cases').set(patch).where('item_id', '=', itemId).execute();
}

export async function listReleases(db: Executor, itemId: string): Promise<ReleaseRow[]> {
  return db
    .selectFrom('case_releases')
    .selectAll()
    .where('item_id', '=', itemId)
    .orderBy('release_at')
    .execute();
}

export async function insertRelease(db: Executor, row: Insertable<CaseReleasesTable>): Promise<void> {
  await db.insertInto('case_releases').values(row).execute();
}

export async function listAnswers(db: Executor, itemId: string): Promise<AnswerRow[]> {
  return db
    .selectFrom('case_answers')
    .selectAll()
    .where('item_id', '=', itemId)
    .orderBy('updated_at')
    .execute();
}

export async function findAnswer(
  db: Executor,
  itemId: string,
  owner: { type: string; id: string },
): Promise<AnswerRow | undefined> {
  return db
    .selectFrom('case_answers')
    .selectAll()
    .where('item_id', '=', itemId)
    .where('owner_type', '=', owner.type)
    .where('owner_id', '=', owner.id)
    .executeTakeFirst();
}

export async function findAnswerById(db: Executor, answerId: string): Promise<AnswerRow | undefined> {
  return db.selectFrom('case_answers').selectAll().where('id', '=', answerId).executeTakeFirst();
}

export async function insertAnswer(db: Executor, row: Insertable<CaseAnswersTable>): Promise<void> {
  await db.insertInto('case_answers').values(row).execute();
}

export async function updateAnswer(
  db: Executor,
  answerId: string,
  patch: Updateable<CaseAnswersTable>,
): Promise<void> {
  await db.updateTable('case_answers').set(patch).where('id', '=', answerId).execute();
}

export async function listDocuments(db: Executor, itemId: string): Promise<DocumentRow[]> {
  return db
    .selectFrom('case_documents')
    .selectAll()
    .where('item_id', '=', itemId)
    .orderBy('created_at')
    .execute();
}

export async function insertDocument(db: Executor, row: Insertable<CaseDocumentsTable>): Promise<void> {
  await db.insertInto('case_documents').values(row).execute();
}
