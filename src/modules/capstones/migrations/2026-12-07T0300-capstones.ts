/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Runs on SQLite and PostgreSQL. Capstones: one per candidacy (proposal, supervision, final submission,
 * outcome, library consent), their messages and drafts, their final attempts (handed to the marking
 * engine), the supervisors' load limits and each programme's capstone settings. Timestamps are ISO-8601
 * UTC text; flags are 0/1; lists are JSON text.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('capstones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('candidacy_id', 'text', (c) =>
      c.notNull().unique().references('candidacies.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('policy_question', 'text', (c) => c.notNull())
    .addColumn('themes_json', 'text', (c) => c.notNull())
    .addColumn('approaches_json', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('outline_due', 'text')
    .addColumn('draft_due', 'text')
    .addColumn('final_due', 'text')
    .addColumn('committee_comment', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('supervisor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('resubmission_due', 'text')
    .addColumn('outcome_mark', 'integer')
    .addColumn('completed_on', 'text')
    .addColumn('credential_id', 'text')
    .addColumn('library_licence', 'text')
    .addColumn('library_show_author', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('library_link_diploma', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_at', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('capstones_state_idx')
    .on('capstones')
    .columns(['state', 'updated_at'])
    .execute();
  await db.schema.createIndex('capstones_supervisor_idx').on('capstones').column('supervisor_id').execute();
  await db.schema
    .createIndex('capstones_library_idx')
    .on('capstones')
    .columns(['published_at', 'country', 'language'])
    .execute();
  await db.schema
    .createTable('capstone_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('capstone_id', 'text', (c) => c.notNull().references('capstones.id').onDelete('cascade'))
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('abstracts_json', 'text', (c) => c.notNull())
    .addColumn('declared', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('digest', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('capstone_attempts_unique', ['capstone_id', 'attempt'])
    .execute();
  await db.schema
    .createTable('capstone_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('capstone_id', 'text', (c) => c.notNull().references('capstones.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text')
    .addColumn('file_type', 'text')
    .addColumn('file_name', 'text')
    .addColumn('sha256', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('capstone_messages_capstone_idx')
    .on('capstone_messages')
    .columns(['capstone_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('capstone_supervisors')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('max_load', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('capstone_settings')
    .addColumn('programme_id', 'text', (c) => c.primaryKey().references('programmes.id').onDelete('cascade'))
    .addColumn('rubric_id', 'text')
    .addColumn('pass_mark', 'integer', (c) => c.notNull())
    .addColumn('discrepancy', 'integer', (c) => c.notNull())
    .addColumn('show_mark', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('capstone_settings').ifExists().execute();
  await db.schema.dropTable('capstone_supervisors').ifExists().execute();
  await db.schema.dropTable('capstone_messages').ifExists().execute();
  await db.schema.dropTable('capstone_attempts').ifExists().execute();
  await db.schema.dropTable('capstones').ifExists().execute();
}
