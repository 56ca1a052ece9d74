/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Runs on SQLite and PostgreSQL. Repairs the people accepted before acceptance carried the application's
 * country and constituency over to them (issue 10.7): a person whose country or constituency is blank gets
 * it from their latest accepted application that gives it. What a person filled in is never overwritten.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const tables = await db.introspection.getTables();
  if (!tables.some((table) => table.name === 'applications')) return;
  const accepted = await db
    .selectFrom('applications')
    .select(['user_id', 'country', 'constituency'])
    .where('status', '=', 'accepted')
    .orderBy('decided_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
  // The latest accepted application that gives each value wins.
  const latest = new Map<string, { country: string | null; constituency: string | null }>();
  for (const row of accepted) {
    const known = latest.get(row.user_id) ?? { country: null, constituency: null };
    latest.set(row.user_id, {
      country: row.country ?? known.country,
      constituency: row.constituency ?? known.constituency,
    });
  }
  for (const [userId, { country, constituency }] of latest) {
    if (country)
      await db
        .updateTable('users')
        .set({ country })
        .where('id', '=', userId)
        .where((eb) => eb.or([eb('country', 'is', null), eb('country', '=', '')]))
        .execute();
    if (constituency)
      await db
        .updateTable('users')
        .set({ constituency })
        .where('id', '=', userId)
        .where((eb) => eb.or([eb('constituency', 'is', null), eb('constituency', '=', '')]))
        .execute();
  }
}

export async function down(): Promise<void> {
  // A repair of data: nothing to undo.
}
