/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Runs on SQLite and PostgreSQL. An assignment's optional late penalty: its kind (`none`,
 * `percent-per-day`, `fixed`), the points it takes (hundredths, per started day or once) and its cap.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('assignments')
    .addColumn('late_penalty_kind', 'text', (c) => c.notNull().defaultTo('none'))
    .execute();
  await db.schema
    .alterTable('assignments')
    .addColumn('late_penalty_amount', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('assignments')
    .addColumn('late_penalty_cap', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('assignments').dropColumn('late_penalty_cap').execute();
  await db.schema.alterTable('assignments').dropColumn('late_penalty_amount').execute();
  await db.schema.alterTable('assignments').dropColumn('late_penalty_kind').execute();
}
