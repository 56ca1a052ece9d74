/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Uploaded import files, kept in the database rather than on one node's disk so that the job runner of
 * any node can read them (deleted once the import is committed); indexes for the lists of recent jobs
 * and imports.
 */
import { type Kysely, SqliteAdapter } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const binary = db.getExecutor().adapter instanceof SqliteAdapter ? 'blob' : 'bytea';
  await db.schema
    .createTable('import_files')
    .addColumn('import_id', 'text', (c) => c.primaryKey().references('imports.id').onDelete('cascade'))
    .addColumn('file_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('content', binary, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('jobs_created_idx').on('jobs').column('created_at').execute();
  await db.schema.createIndex('imports_created_idx').on('imports').column('created_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('imports_created_idx').ifExists().execute();
  await db.schema.dropIndex('jobs_created_idx').ifExists().execute();
  await db.schema.dropTable('import_files').ifExists().execute();
}
