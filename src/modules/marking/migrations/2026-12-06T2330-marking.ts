/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Runs on SQLite and PostgreSQL. The marking engine: rubrics and their versions, participant numbers per
 * context (edition), the identities' reveal, submissions handed over by their owner module (assignments,
 * later the capstone) with their workflow state, and the markers' marks.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('marking_rubrics')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('marking_rubric_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rubric_id', 'text', (c) => c.notNull().references('marking_rubrics.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('criteria_json', 'text', (c) => c.notNull())
    .addColumn('frozen_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('marking_rubric_versions_uq', ['rubric_id', 'version'])
    .execute();
  await db.schema
    .createTable('marking_numbers')
    .addColumn('context_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('marking_numbers_pk', ['context_id', 'person_id'])
    .addUniqueConstraint('marking_numbers_number_uq', ['context_id', 'number'])
    .execute();
  await db.schema
    .createTable('marking_contexts')
    .addColumn('context_id', 'text', (c) => c.primaryKey())
    .addColumn('revealed_at', 'text')
    .addColumn('revealed_by', 'text')
    .execute();
  await db.schema
    .createTable('marking_submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_module', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('context_id', 'text', (c) => c.notNull())
    .addColumn('participant_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('rubric_version_id', 'text', (c) => c.references('marking_rubric_versions.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('second_marking', 'integer', (c) => c.notNull())
    .addColumn('discrepancy', 'integer', (c) => c.notNull())
    .addColumn('pass_mark', 'integer', (c) => c.notNull())
    .addColumn('item_id', 'text')
    .addColumn('view_path', 'text', (c) => c.notNull())
    .addColumn('participant_path', 'text', (c) => c.notNull())
    .addColumn('agreed_mark', 'integer')
    .addColumn('agreed_note', 'text')
    .addColumn('agreed_by', 'text')
    .addColumn('feedback_json', 'text')
    .addColumn('released_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('marking_submissions_owner_uq', ['owner_module', 'owner_id'])
    .execute();
  await db.schema
    .createIndex('marking_submissions_context_idx')
    .on('marking_submissions')
    .column('context_id')
    .execute();
  await db.schema
    .createTable('marking_marks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('submission_id', 'text', (c) =>
      c.notNull().references('marking_submissions.id').onDelete('cascade'),
    )
    .addColumn('marker_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('scores_json', 'text', (c) => c.notNull())
    .addColumn('overall_comment', 'text', (c) => c.notNull())
    .addColumn('total', 'integer')
    .addColumn('completed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('marking_marks_role_uq', ['submission_id', 'role'])
    .addUniqueConstraint('marking_marks_marker_uq', ['submission_id', 'marker_id'])
    .execute();
  await db.schema.createIndex('marking_marks_marker_idx').on('marking_marks').column('marker_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'marking_marks',
    'marking_submissions',
    'marking_contexts',
    'marking_numbers',
    'marking_rubric_versions',
    'marking_rubrics',
  ])
    await db.schema.dropTable(table).execute();
}
