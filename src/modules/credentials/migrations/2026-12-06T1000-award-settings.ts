/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * The diplomas' automatic award setting moves from `programmes.award_automatically` (a column of the
 * programmes module's table, which only the programmes module may write) to the credentials module's own
 * `award_settings`, carrying over every programme that awarded automatically. The old column stays, unused.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('award_settings')
    .addColumn('programme_id', 'text', (c) => c.primaryKey().references('programmes.id').onDelete('cascade'))
    .addColumn('award_automatically', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into award_settings (programme_id, award_automatically, updated_at)
    select id, award_automatically, updated_at from programmes where award_automatically = 1`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('award_settings').ifExists().execute();
}
