/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Runs on SQLite and PostgreSQL. The similarity check's pairs, computed once per change of an assignment's
 * cohort (a submission, a reference document, a submission of an earlier edition) and stored, so the
 * markers' page of one submission reads its stored matches instead of comparing it with the whole cohort:
 * `assignment_similarity` holds each assignment's version (raised by every change) and the version its
 * stored pairs were computed at; `assignment_similarity_pairs` one row per submission and match (both ways
 * for two submissions of the assignment), with the order the check shows them in.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('assignment_similarity')
    .addColumn('assignment_id', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pairs_version', 'integer')
    .execute();
  await db.schema
    .createTable('assignment_similarity_pairs')
    .addColumn('submission_id', 'text', (c) => c.notNull())
    .addColumn('other_id', 'text', (c) => c.notNull())
    .addColumn('assignment_id', 'text', (c) => c.notNull())
    .addColumn('kind_rank', 'integer', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('percent', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('assignment_similarity_pairs_pk', ['submission_id', 'other_id'])
    .execute();
  await db.schema
    .createIndex('assignment_similarity_pairs_assignment')
    .on('assignment_similarity_pairs')
    .column('assignment_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('assignment_similarity_pairs').execute();
  await db.schema.dropTable('assignment_similarity').execute();
}
