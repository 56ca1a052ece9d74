/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Admissions to a programme: the per-programme settings (eligibility rules, review criteria, form limits),
 * applications (a draft until submitted; answers kept as one JSON document, with the columns the review
 * queue filters on copied out of it), their uploaded files (stored through the storage port), reviewer
 * assignments, scores, staff comments and the history of decisions. One application per person and
 * programme: a decision is reopened rather than a second application made.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('admission_settings')
    .addColumn('programme_id', 'text', (c) => c.primaryKey().references('programmes.id').onDelete('cascade'))
    .addColumn('open', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('closes_on', 'text')
    .addColumn('eligibility_json', 'text', (c) => c.notNull())
    .addColumn('criteria_json', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('restrict'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('restrict'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('answers_json', 'text', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('country', 'text')
    .addColumn('constituency', 'text')
    .addColumn('eligible', 'integer')
    .addColumn('eligibility_json', 'text')
    .addColumn('justification', 'text')
    .addColumn('override_reason', 'text')
    .addColumn('override_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('override_at', 'text')
    .addColumn('decision', 'text')
    .addColumn('decision_message', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'text')
    .addColumn('candidacy_id', 'text', (c) => c.references('candidacies.id').onDelete('set null'))
    .addColumn('submitted_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('applications_programme_user_uq', ['programme_id', 'user_id'])
    .execute();
  await db.schema.createIndex('applications_user_idx').on('applications').column('user_id').execute();
  await db.schema
    .createIndex('applications_queue_idx')
    .on('applications')
    .columns(['programme_id', 'status', 'submitted_at', 'id'])
    .execute();
  await db.schema
    .createIndex('applications_country_idx')
    .on('applications')
    .columns(['programme_id', 'country', 'submitted_at'])
    .execute();
  await db.schema
    .createIndex('applications_constituency_idx')
    .on('applications')
    .columns(['programme_id', 'constituency', 'submitted_at'])
    .execute();

  await db.schema
    .createTable('application_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('application_files_kind_uq', ['application_id', 'kind'])
    .execute();

  await db.schema
    .createTable('application_reviewers')
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('reviewer_id', 'text', (c) => c.notNull().references('users.id').onDelete('restrict'))
    .addColumn('assigned_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('application_reviewers_pk', ['application_id', 'reviewer_id'])
    .execute();
  await db.schema
    .createIndex('application_reviewers_reviewer_idx')
    .on('application_reviewers')
    .column('reviewer_id')
    .execute();

  await db.schema
    .createTable('application_scores')
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('reviewer_id', 'text', (c) => c.notNull().references('users.id').onDelete('restrict'))
    .addColumn('scores_json', 'text', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('recommendation', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('application_scores_pk', ['application_id', 'reviewer_id'])
    .execute();

  await db.schema
    .createTable('application_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('application_comments_application_idx')
    .on('application_comments')
    .columns(['application_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('application_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('message', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addColumn('reopened_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reopened_at', 'text')
    .addColumn('reopen_reason', 'text')
    .execute();
  await db.schema
    .createIndex('application_decisions_application_idx')
    .on('application_decisions')
    .columns(['application_id', 'decided_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'application_decisions',
    'application_comments',
    'application_scores',
    'application_reviewers',
    'application_files',
    'applications',
    'admission_settings',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
