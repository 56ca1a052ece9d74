/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Runs on SQLite and PostgreSQL. SCORM and cmi5 packages of editions: their files, people's attempts and
 * per-SCO tracking data, and cmi5's one-time fetch URLs.
 */
import { type Kysely, SqliteAdapter } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const binary = db.getExecutor().adapter instanceof SqliteAdapter ? 'blob' : 'bytea';
  await db.schema
    .createTable('packages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('edition_id', 'text', (c) => c.notNull().references('editions.id'))
    .addColumn('item_id', 'text')
    .addColumn('standard', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('structure_json', 'text', (c) => c.notNull())
    .addColumn('max_attempts', 'integer')
    .addColumn('file_count', 'integer', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema.createIndex('packages_edition_idx').on('packages').column('edition_id').execute();
  await db.schema.createIndex('packages_item_idx').on('packages').column('item_id').execute();
  await db.schema
    .createTable('package_files')
    .addColumn('package_id', 'text', (c) => c.notNull().references('packages.id').onDelete('cascade'))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('content', binary, (c) => c.notNull())
    .addPrimaryKeyConstraint('package_files_pk', ['package_id', 'path'])
    .execute();
  await db.schema
    .createTable('package_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('package_id', 'text', (c) => c.notNull().references('packages.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('registration', 'text')
    .addColumn('commit_key_hash', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('score', 'integer')
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('package_attempts_number_uq', ['package_id', 'user_id', 'number'])
    .execute();
  await db.schema
    .createTable('package_sco_data')
    .addColumn('attempt_id', 'text', (c) => c.notNull().references('package_attempts.id').onDelete('cascade'))
    .addColumn('sco_id', 'text', (c) => c.notNull())
    .addColumn('cmi_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('score', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('package_sco_data_pk', ['attempt_id', 'sco_id'])
    .execute();
  await db.schema
    .createTable('package_launch_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('attempt_id', 'text', (c) => c.notNull().references('package_attempts.id').onDelete('cascade'))
    .addColumn('auth_token', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('fetched_at', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'package_launch_tokens',
    'package_sco_data',
    'package_attempts',
    'package_files',
    'packages',
  ])
    await db.schema.dropTable(table).ifExists().execute();
}
