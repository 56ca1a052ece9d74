/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Runs on SQLite and PostgreSQL. The Learning Record Store: its Basic credentials, statements and their
 * query index, attachments (by SHA-256), documents (state, activity profile, agent profile) and the
 * latest definition of each activity.
 */
import { type Kysely, SqliteAdapter } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const binary = db.getExecutor().adapter instanceof SqliteAdapter ? 'blob' : 'bytea';
  await db.schema
    .createTable('lrs_credentials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('registration', 'text')
    .addColumn('agent_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createTable('lrs_statements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'text', (c) => c.notNull().unique())
    .addColumn('stored', 'text', (c) => c.notNull())
    .addColumn('timestamp', 'text', (c) => c.notNull())
    .addColumn('statement_json', 'text', (c) => c.notNull())
    .addColumn('verb_id', 'text', (c) => c.notNull())
    .addColumn('registration', 'text')
    .addColumn('is_voided', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('voids_id', 'text')
    .addColumn('credential_id', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('lrs_statements_verb_idx')
    .on('lrs_statements')
    .columns(['verb_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('lrs_statements_registration_idx')
    .on('lrs_statements')
    .columns(['registration', 'seq'])
    .execute();
  await db.schema
    .createTable('lrs_statement_index')
    .addColumn('statement_id', 'text', (c) => c.notNull().references('lrs_statements.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('direct', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('lrs_statement_index_value_idx')
    .on('lrs_statement_index')
    .columns(['kind', 'value', 'statement_id'])
    .execute();
  await db.schema
    .createIndex('lrs_statement_index_statement_idx')
    .on('lrs_statement_index')
    .column('statement_id')
    .execute();
  await db.schema
    .createTable('lrs_attachments')
    .addColumn('sha2', 'text', (c) => c.primaryKey())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('length', 'integer', (c) => c.notNull())
    .addColumn('content', binary, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('lrs_documents')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('activity_id', 'text', (c) => c.notNull())
    .addColumn('agent_key', 'text', (c) => c.notNull())
    .addColumn('registration', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('content', binary, (c) => c.notNull())
    .addColumn('etag', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('lrs_documents_pk', [
      'kind',
      'activity_id',
      'agent_key',
      'registration',
      'document_id',
    ])
    .execute();
  await db.schema
    .createTable('lrs_activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('definition_json', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'lrs_activities',
    'lrs_documents',
    'lrs_attachments',
    'lrs_statement_index',
    'lrs_statements',
    'lrs_credentials',
  ])
    await db.schema.dropTable(table).ifExists().execute();
}
