/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Runs on SQLite and PostgreSQL. Each programme's capstone committee (the managers named to decide its
 * proposals) and the milestones recorded as reached (the outline, the full draft) with the day reached.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('capstone_committee')
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('named_by', 'text')
    .addColumn('named_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('capstone_committee_pk', ['programme_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('capstone_committee_person_idx')
    .on('capstone_committee')
    .column('person_id')
    .execute();
  await db.schema
    .createTable('capstone_milestones')
    .addColumn('capstone_id', 'text', (c) => c.notNull().references('capstones.id').onDelete('cascade'))
    .addColumn('milestone', 'text', (c) => c.notNull())
    .addColumn('reached_on', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('capstone_milestones_pk', ['capstone_id', 'milestone'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('capstone_milestones').ifExists().execute();
  await db.schema.dropTable('capstone_committee').ifExists().execute();
}
