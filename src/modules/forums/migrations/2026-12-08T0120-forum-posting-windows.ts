/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Runs on SQLite and PostgreSQL. `forums.posting_opens_at` / `posting_closes_at`: when participants may
 * write in a forum (null: no limit; staff always may), checked by the forum itself on every route — a
 * role-play phase's in-character discussion takes the phase's dates. Forums of the phases made before get
 * their phase's dates (read in place from `roleplay_phases`: a migration is frozen and may not call modules).
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('forums').addColumn('posting_opens_at', 'text').execute();
  await db.schema.alterTable('forums').addColumn('posting_closes_at', 'text').execute();
  await sql`
    update forums set
      posting_opens_at = (select p.starts_at from roleplay_phases p where p.forum_id = forums.id),
      posting_closes_at = (select p.ends_at from roleplay_phases p where p.forum_id = forums.id)
    where scope_kind = 'roleplay'
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('forums').dropColumn('posting_closes_at').execute();
  await db.schema.alterTable('forums').dropColumn('posting_opens_at').execute();
}
