/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Verifiable credentials: the issuer's profile (one row), the per-person holder identifier, the issued
 * credentials (signed and immutable, with their status), the diploma's counted components, and the
 * Bitstring Status Lists (revocation and suspension) with their signed list credentials. Programmes get
 * the "award the diploma automatically" setting. Conventions as in the foundation migration; the partial
 * unique indexes are plain SQL on both engines.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('issuer_profiles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name_i18n', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('image_url', 'text')
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('credential_subjects')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('restrict'))
    .addColumn('subject_id', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('credentials')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('short_code', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('restrict'))
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('result_id', 'text', (c) => c.references('results.id').onDelete('restrict'))
    .addColumn('candidacy_id', 'text', (c) => c.references('candidacies.id').onDelete('restrict'))
    .addColumn('course_id', 'text', (c) => c.references('courses.id').onDelete('restrict'))
    .addColumn('programme_id', 'text', (c) => c.references('programmes.id').onDelete('restrict'))
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    .addColumn('status_note', 'text')
    .addColumn('status_changed_at', 'text')
    .addColumn('status_changed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('superseded_by', 'text', (c) => c.references('credentials.id').onDelete('restrict'))
    .addColumn('status_index', 'integer', (c) => c.notNull().unique())
    .addColumn('credential_json', 'text', (c) => c.notNull())
    .addColumn('jwt_rs256', 'text', (c) => c.notNull())
    .addColumn('jwt_eddsa', 'text', (c) => c.notNull())
    .addColumn('clr_json', 'text')
    .addColumn('pdf_key', 'text')
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // At most one credential that is not revoked per result and kind, and one diploma per candidacy.
  await db.schema
    .createIndex('credentials_result_live_uq')
    .on('credentials')
    .columns(['result_id', 'kind'])
    .unique()
    .where(sql<boolean>`result_id is not null and status <> 'revoked'`)
    .execute();
  await db.schema
    .createIndex('credentials_candidacy_live_uq')
    .on('credentials')
    .column('candidacy_id')
    .unique()
    .where(sql<boolean>`candidacy_id is not null and kind = 'diploma' and status <> 'revoked'`)
    .execute();
  // Plain indexes as well: lookups and joins cannot use the partial ones on SQLite.
  await db.schema.createIndex('credentials_result_idx').on('credentials').column('result_id').execute();
  await db.schema.createIndex('credentials_candidacy_idx').on('credentials').column('candidacy_id').execute();
  await db.schema
    .createIndex('credentials_user_idx')
    .on('credentials')
    .columns(['user_id', 'issued_at'])
    .execute();

  await db.schema
    .createTable('credential_components')
    .addColumn('diploma_id', 'text', (c) => c.notNull().references('credentials.id').onDelete('cascade'))
    .addColumn('component_id', 'text', (c) => c.notNull().references('credentials.id').onDelete('restrict'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('credential_components_pk', ['diploma_id', 'component_id'])
    .execute();
  await db.schema
    .createIndex('credential_components_component_idx')
    .on('credential_components')
    .column('component_id')
    .execute();

  await db.schema
    .createTable('status_lists')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('list_number', 'integer', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull().unique())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('bits_base64', 'text', (c) => c.notNull())
    .addColumn('next_index', 'integer', (c) => c.notNull())
    .addColumn('etag', 'text', (c) => c.notNull())
    .addColumn('credential_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('status_lists_purpose_number_uq', ['purpose', 'list_number'])
    .execute();

  await db.schema
    .alterTable('programmes')
    .addColumn('award_automatically', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('programmes').dropColumn('award_automatically').execute();
  for (const table of [
    'status_lists',
    'credential_components',
    'credentials',
    'credential_subjects',
    'issuer_profiles',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
