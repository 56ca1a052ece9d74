/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * The diploma pathway: requirement-rule versions, candidacies (with a cached standing rebuilt from the
 * source records), enrolments in editions, course results (and legacy certificates), extensions, the
 * database-backed job queue and result imports. Conventions as in the foundation migration.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rule_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('rules_json', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('rule_versions_programme_version_uq', ['programme_id', 'version'])
    .execute();

  await db.schema
    .createTable('candidacies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('restrict'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('restrict'))
    .addColumn('rule_version_id', 'text', (c) =>
      c.notNull().references('rule_versions.id').onDelete('restrict'),
    )
    .addColumn('registered_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('withdrawn_reason', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('capstone_status', 'text', (c) => c.notNull())
    .addColumn('capstone_completed_on', 'text')
    .addColumn('standing_status', 'text', (c) => c.notNull())
    .addColumn('standing_deadline', 'text')
    .addColumn('standing_at_risk', 'integer', (c) => c.notNull())
    .addColumn('standing_awardable', 'integer', (c) => c.notNull())
    .addColumn('standing_met', 'integer', (c) => c.notNull())
    .addColumn('standing_json', 'text', (c) => c.notNull())
    .addColumn('standing_evaluated_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('candidacies_programme_user_uq', ['programme_id', 'user_id'])
    .execute();
  await db.schema.createIndex('candidacies_user_idx').on('candidacies').column('user_id').execute();
  await db.schema
    .createIndex('candidacies_standing_idx')
    .on('candidacies')
    .columns(['programme_id', 'standing_status', 'standing_deadline'])
    .execute();

  await db.schema
    .createTable('enrolments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('edition_id', 'text', (c) => c.notNull().references('editions.id').onDelete('restrict'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('restrict'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('enrolments_edition_user_uq', ['edition_id', 'user_id'])
    .execute();
  await db.schema.createIndex('enrolments_user_idx').on('enrolments').column('user_id').execute();

  await db.schema
    .createTable('results')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('restrict'))
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('restrict'))
    .addColumn('enrolment_id', 'text', (c) => c.references('enrolments.id').onDelete('restrict'))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('grade', 'text')
    .addColumn('started_on', 'text')
    .addColumn('completed_on', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('recorded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // One result per enrolment; one legacy certificate per person, course and completion date.
  await db.schema
    .createIndex('results_enrolment_uq')
    .on('results')
    .column('enrolment_id')
    .unique()
    .where(sql.ref('enrolment_id'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('results_legacy_uq')
    .on('results')
    .columns(['user_id', 'course_id', 'completed_on'])
    .unique()
    .where(sql.ref('enrolment_id'), 'is', null)
    .execute();
  await db.schema.createIndex('results_user_idx').on('results').column('user_id').execute();
  // A plain index as well: joins on enrolment_id cannot use the partial unique index on SQLite.
  await db.schema.createIndex('results_enrolment_idx').on('results').column('enrolment_id').execute();

  await db.schema
    .createTable('extensions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('candidacy_id', 'text', (c) => c.notNull().references('candidacies.id').onDelete('cascade'))
    .addColumn('months', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('granted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('extensions_candidacy_idx').on('extensions').column('candidacy_id').execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('progress', 'integer', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('result_json', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('jobs_due_idx').on('jobs').columns(['status', 'run_at']).execute();

  await db.schema
    .createTable('imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('row_count', 'integer', (c) => c.notNull())
    .addColumn('error_count', 'integer', (c) => c.notNull())
    .addColumn('rows_json', 'text', (c) => c.notNull())
    .addColumn('errors_json', 'text', (c) => c.notNull())
    .addColumn('summary_json', 'text')
    .addColumn('job_id', 'text', (c) => c.references('jobs.id').onDelete('set null'))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'imports',
    'jobs',
    'extensions',
    'results',
    'enrolments',
    'candidacies',
    'rule_versions',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
