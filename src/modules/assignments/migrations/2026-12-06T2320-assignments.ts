/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Runs on SQLite and PostgreSQL. Individual assignments of editions (the `assignment` space item kind): their
 * settings and dates, per-person / per-group overrides and extensions, each person's attempts (drafts and
 * submissions, earlier ones kept) and their files.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('edition_id', 'text', (c) => c.notNull().references('editions.id'))
    .addColumn('item_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('instructions_i18n', 'text', (c) => c.notNull())
    .addColumn('accepts_text', 'integer', (c) => c.notNull())
    .addColumn('accepts_files', 'integer', (c) => c.notNull())
    .addColumn('file_types', 'text', (c) => c.notNull())
    .addColumn('max_files', 'integer', (c) => c.notNull())
    .addColumn('max_file_bytes', 'integer', (c) => c.notNull())
    .addColumn('opens_at', 'text')
    .addColumn('due_at', 'text')
    .addColumn('cutoff_at', 'text')
    .addColumn('marking_due_at', 'text')
    .addColumn('resubmission', 'text', (c) => c.notNull())
    .addColumn('max_attempts', 'integer')
    .addColumn('rubric_id', 'text')
    .addColumn('second_marking', 'integer', (c) => c.notNull())
    .addColumn('discrepancy', 'integer', (c) => c.notNull())
    .addColumn('pass_mark', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assignments_edition_idx').on('assignments').column('edition_id').execute();
  await db.schema.createIndex('assignments_item_idx').on('assignments').column('item_id').execute();
  await db.schema
    .createTable('assignment_date_overrides')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assignment_id', 'text', (c) => c.notNull().references('assignments.id').onDelete('cascade'))
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('users.id'))
    .addColumn('group_id', 'text')
    .addColumn('opens_at', 'text')
    .addColumn('due_at', 'text')
    .addColumn('cutoff_at', 'text')
    .addColumn('reason', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('assignment_date_overrides_idx')
    .on('assignment_date_overrides')
    .column('assignment_id')
    .execute();
  await db.schema
    .createTable('assignment_submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assignment_id', 'text', (c) => c.notNull().references('assignments.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('declared', 'integer', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('late', 'integer', (c) => c.notNull())
    .addColumn('digest', 'text')
    .addColumn('reopened_at', 'text')
    .addColumn('reopen_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('assignment_submissions_attempt_uq', ['assignment_id', 'person_id', 'attempt'])
    .execute();
  await db.schema
    .createTable('assignment_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('submission_id', 'text', (c) =>
      c.notNull().references('assignment_submissions.id').onDelete('cascade'),
    )
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('marker_name', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('assignment_files_idx')
    .on('assignment_files')
    .column('submission_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'assignment_files',
    'assignment_submissions',
    'assignment_date_overrides',
    'assignments',
  ])
    await db.schema.dropTable(table).execute();
}
