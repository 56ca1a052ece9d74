/** SQL for allocation by language: the languages markers mark in. */
import type { Executor } from '../../../db/database.js';

/** The languages each of these markers marks in (markers who declared none are absent). */
export async function markerLanguages(
  db: Executor,
  markerIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (markerIds.length === 0) return out;
  const rows = await db
    .selectFrom('marking_marker_languages')
    .select(['marker_id', 'language'])
    .where('marker_id', 'in', [...markerIds])
    .orderBy('language')
    .execute();
  for (const r of rows) out.set(r.marker_id, [...(out.get(r.marker_id) ?? []), r.language]);
  return out;
}

/** Replaces a marker's languages with these. */
export async function replaceMarkerLanguages(
  db: Executor,
  markerId: string,
  languages: readonly string[],
  now: string,
): Promise<void> {
  await db.deleteFrom('marking_marker_languages').where('marker_id', '=', markerId).execute();
  if (languages.length)
    await db
      .insertInto('marking_marker_languages')
      .values(languages.map((language) => ({ marker_id: markerId, language, updated_at: now })))
      .execute();
}
