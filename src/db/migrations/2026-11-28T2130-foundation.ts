/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Runs on SQLite and PostgreSQL. Conventions (docs/decisions/0003-storage.md): ids are UUIDv7 text,
 * timestamps ISO-8601 UTC text, calendar dates `YYYY-MM-DD` text, booleans integer 0/1, JSON as text,
 * per-language content as JSON text `{ "en": "…", "fr": "…" }` in `*_i18n` columns.
 */
import { type Kysely, SqliteAdapter, sql } from 'kysely';

function isSqlite(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('preferred_locale', 'text', (c) => c.notNull())
    .addColumn('email_verified_at', 'text')
    .addColumn('country', 'text')
    .addColumn('constituency', 'text')
    .addColumn('organisation', 'text')
    .addColumn('job_title', 'text')
    .addColumn('disabled_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('users_full_name_idx').on('users').column('full_name').execute();

  await db.schema
    .createTable('role_grants')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('granted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('role_grants_pk', ['user_id', 'role'])
    .execute();
  await db.schema.createIndex('role_grants_role_idx').on('role_grants').column('role').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('one_time_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('new_email', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createIndex('one_time_tokens_user_idx')
    .on('one_time_tokens')
    .columns(['user_id', 'purpose'])
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('api_tokens_user_idx').on('api_tokens').column('user_id').execute();

  await db.schema
    .createTable('auth_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .execute();
  await db.schema
    .createIndex('audit_events_target_idx')
    .on('audit_events')
    .columns(['target_type', 'target_id', 'occurred_at'])
    .execute();
  await db.schema.createIndex('audit_events_actor_idx').on('audit_events').column('actor_id').execute();

  await db.schema
    .createTable('themes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name_i18n', 'text', (c) => c.notNull())
    .addColumn('description_i18n', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('programmes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('title_i18n', 'text', (c) => c.notNull())
    .addColumn('summary_i18n', 'text', (c) => c.notNull())
    .addColumn('description_i18n', 'text', (c) => c.notNull())
    .addColumn('audience_i18n', 'text', (c) => c.notNull())
    .addColumn('eligibility_i18n', 'text', (c) => c.notNull())
    .addColumn('certification_i18n', 'text', (c) => c.notNull())
    .addColumn('window_years', 'integer', (c) => c.notNull())
    .addColumn('electives_required', 'integer', (c) => c.notNull())
    .addColumn('total_hours', 'integer', (c) => c.notNull())
    .addColumn('capstone_hours', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('programme_themes')
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('theme_id', 'text', (c) => c.notNull().references('themes.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('programme_themes_pk', ['programme_id', 'theme_id'])
    .execute();

  await db.schema
    .createTable('courses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('title_i18n', 'text', (c) => c.notNull())
    .addColumn('summary_i18n', 'text', (c) => c.notNull())
    .addColumn('description_i18n', 'text', (c) => c.notNull())
    .addColumn('learning_hours', 'integer', (c) => c.notNull())
    .addColumn('credential_on_success', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // (status, code): the catalogue lists active courses by code; a status-only index made SQLite (which
  // has no statistics until ANALYZE) read and sort every active course instead of stopping at a page.
  await db.schema.createIndex('courses_status_code_idx').on('courses').columns(['status', 'code']).execute();

  await db.schema
    .createTable('course_themes')
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('theme_id', 'text', (c) => c.notNull().references('themes.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('course_themes_pk', ['course_id', 'theme_id'])
    .execute();
  await db.schema.createIndex('course_themes_theme_idx').on('course_themes').column('theme_id').execute();

  await db.schema
    .createTable('programme_courses')
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('programme_courses_pk', ['programme_id', 'course_id'])
    .execute();
  await db.schema
    .createIndex('programme_courses_course_idx')
    .on('programme_courses')
    .column('course_id')
    .execute();

  await db.schema
    .createTable('course_equivalences')
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addColumn('counts_as_course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('course_equivalences_pk', ['course_id', 'counts_as_course_id'])
    .execute();

  await db.schema
    .createIndex('course_equivalences_target_idx')
    .on('course_equivalences')
    .column('counts_as_course_id')
    .execute();

  await db.schema
    .createTable('editions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('course_id', 'text', (c) => c.notNull().references('courses.id').onDelete('restrict'))
    .addColumn('code', 'text', (c) => c.unique())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('place_i18n', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('self_paced_start', 'text')
    .addColumn('self_paced_end', 'text')
    .addColumn('live_start', 'text')
    .addColumn('live_end', 'text')
    .addColumn('residential_start', 'text')
    .addColumn('residential_end', 'text')
    .addColumn('assignment_due', 'text')
    .addColumn('capacity', 'integer')
    .addColumn('registration_open', 'integer', (c) => c.notNull())
    .addColumn('registration_deadline', 'text')
    .addColumn('fee_amount', 'integer')
    .addColumn('fee_currency', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('editions_course_start_idx')
    .on('editions')
    .columns(['course_id', 'starts_on'])
    .execute();
  await db.schema.createIndex('editions_start_idx').on('editions').columns(['starts_on']).execute();

  await db.schema
    .createTable('edition_facilitators')
    .addColumn('edition_id', 'text', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('edition_facilitators_pk', ['edition_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('edition_facilitators_user_idx')
    .on('edition_facilitators')
    .column('user_id')
    .execute();

  // Full-text search over course titles, summaries and descriptions in every language. The text is
  // folded (lower case, no diacritics) by the application before it is stored, so both engines match
  // "migracion" with "Migración" the same way.
  if (isSqlite(db)) {
    await sql`create virtual table course_search using fts5(course_id unindexed, body, tokenize = 'unicode61 remove_diacritics 2')`.execute(
      db,
    );
  } else {
    await sql`create table course_search (
      course_id text primary key references courses(id) on delete cascade,
      body text not null,
      body_tsv tsvector generated always as (to_tsvector('simple', body)) stored
    )`.execute(db);
    await sql`create index course_search_tsv_idx on course_search using gin (body_tsv)`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'course_search',
    'edition_facilitators',
    'editions',
    'course_equivalences',
    'programme_courses',
    'course_themes',
    'courses',
    'programme_themes',
    'programmes',
    'themes',
    'audit_events',
    'auth_throttle',
    'api_tokens',
    'one_time_tokens',
    'sessions',
    'role_grants',
    'users',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
