/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Runs on SQLite and PostgreSQL. The end of the candidate's window when the capstone's milestones were
 * last planned (the proposal submitted, or planned again): a later end since (an extension granted) makes
 * the capstone page offer the plan shifted by as many days; an earlier one shows the milestones left
 * outside. Null for capstones planned before this column (nothing is offered until they are planned again).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('capstones').addColumn('planned_deadline', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('capstones').dropColumn('planned_deadline').execute();
}
