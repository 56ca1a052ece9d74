/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Runs on SQLite and PostgreSQL. `forum_members.persona`: the name a member posts under in a members-only
 * forum (a role-play role), wherever they write in it (the forum's own thread page too); null: their own.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('forum_members').addColumn('persona', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('forum_members').dropColumn('persona').execute();
}
