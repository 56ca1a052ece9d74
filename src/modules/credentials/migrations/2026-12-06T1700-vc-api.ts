/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * The W3C VC-API's own records: the challenges the platform issued for presentations (single-use, with an
 * expiry), and the status places of credentials signed through `POST /credentials/issue` with
 * `options.credentialStatus` (they are not platform credentials, so they have no `credentials` row).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('verification_challenges')
    .addColumn('challenge', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createTable('supplied_credential_statuses')
    .addColumn('credential_id', 'text', (c) => c.primaryKey())
    .addColumn('status_index', 'integer', (c) => c.notNull().unique())
    .addColumn('purposes', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('supplied_credential_statuses').ifExists().execute();
  await db.schema.dropTable('verification_challenges').ifExists().execute();
}
