import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import type { Translator } from '../../../i18n/i18n.js';
import { csvFile } from '../../../integrations/spreadsheets/csv.js';
import type { Actor } from '../../../kernel/actor.js';
import { type CandidatesPage, listCandidates } from './list-candidates.js';

/** Most candidates one export holds (the list's filters narrow it). */
const MAX_EXPORT_PAGES = 2000;

/**
 * The candidates of a programme matching the list's filters, as CSV (programme managers), with a
 * byte-order mark so that spreadsheets open non-Latin names correctly.
 */
export async function candidatesCsv(
  db: Executor,
  deps: Services,
  actor: Actor,
  programmeSlug: string,
  query: unknown,
  t: Translator,
): Promise<string> {
  const rows: string[][] = [];
  let page: CandidatesPage | null = null;
  let number = 1;
  do {
    page = await listCandidates(db, deps, actor, programmeSlug, { ...(query as object), page: number });
    for (const item of page.items) {
      rows.push([
        item.fullName,
        item.email,
        item.country ?? '',
        item.constituency ?? '',
        item.language,
        item.registeredOn,
        t.t(`candidate.status.${item.status}`),
        item.deadline ?? '',
        item.atRisk ? '1' : '0',
        item.awardable ? '1' : '0',
        item.requirements.map((r) => `${r.id} ${r.have}/${r.needed}`).join('; '),
      ]);
    }
    number += 1;
  } while (page.page < page.pageCount && number <= MAX_EXPORT_PAGES);
  const header = [
    'name',
    'email',
    'country',
    'constituency',
    'language',
    'registered_on',
    'status',
    'deadline',
    'at_risk',
    'ready',
    'requirements',
  ];
  return csvFile(header, rows);
}
