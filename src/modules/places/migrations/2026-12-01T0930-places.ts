/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Places in course editions: an enrolment becomes the whole life of a place — requested, waitlisted,
 * enrolled (a confirmed place, the only status that takes a place and counts for the pathway), declined
 * or withdrawn — with its funding (self, sponsor, scholarship and the sponsor's or fund's name), its
 * order on the waiting list (lower first), who decided and when, and why a request was declined.
 * SQLite adds one column per statement. Existing enrolments were made by managers: requested when made.
 */
import { type Kysely, sql } from 'kysely';

const COLUMNS: [string, 'text' | 'integer'][] = [
  ['requested_at', 'text'],
  ['funding_kind', 'text'],
  ['funding_name', 'text'],
  ['waitlist_order', 'integer'],
  ['decided_at', 'text'],
  ['decline_reason', 'text'],
  ['withdrawn_at', 'text'],
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, type] of COLUMNS) {
    await db.schema.alterTable('enrolments').addColumn(name, type).execute();
  }
  await db.schema
    .alterTable('enrolments')
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await sql`update enrolments set requested_at = created_at`.execute(db);
  // Counting an edition's places by status, and reading its waiting list in order.
  await db.schema
    .createIndex('enrolments_edition_status_idx')
    .on('enrolments')
    .columns(['edition_id', 'status', 'waitlist_order'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('enrolments_edition_status_idx').execute();
  for (const name of ['decided_by', ...COLUMNS.map(([n]) => n)]) {
    await db.schema.alterTable('enrolments').dropColumn(name).execute();
  }
}
