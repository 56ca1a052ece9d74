/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Runs on SQLite and PostgreSQL. A submission made by a group: the members who share its mark (JSON array
 * of account ids; null: the participant alone), the group set whose peer-evaluation factors adjust each
 * member's mark (null: no adjustment), and each member's released mark (JSON object, set at release).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('marking_submissions').addColumn('members_json', 'text').execute();
  await db.schema.alterTable('marking_submissions').addColumn('peer_set_id', 'text').execute();
  await db.schema.alterTable('marking_submissions').addColumn('member_marks_json', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('marking_submissions').dropColumn('member_marks_json').execute();
  await db.schema.alterTable('marking_submissions').dropColumn('peer_set_id').execute();
  await db.schema.alterTable('marking_submissions').dropColumn('members_json').execute();
}
