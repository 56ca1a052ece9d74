/**
 * The programmes module's internal queries: permission-free reads for other modules (what a page or a
 * notice of theirs shows of a programme). Not for routes: they answer whoever asks.
 */
import type { Executor } from '../../db/database.js';
import { type LocalizedText, parseLocalized } from '../../i18n/localized.js';
import { listProgrammeTitleRows } from './programmes.repository.js';

/** The titles (in every language) and slugs of some programmes, by id. */
export async function programmeTitles(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, { slug: string; title: LocalizedText }>> {
  const rows = await listProgrammeTitleRows(db, ids);
  return new Map(rows.map((r) => [r.id, { slug: r.slug, title: parseLocalized(r.title_i18n) }]));
}
