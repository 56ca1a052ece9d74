import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Locale } from '../../i18n/i18n.js';
import { pickLocalized } from '../../i18n/localized.js';
import { csvFile } from '../../integrations/spreadsheets/csv.js';
import type { Actor } from '../../kernel/actor.js';
import { getProgressGrid } from './get-progress-grid.js';

/** The progress grid (with its filters) as CSV: one row per person, one column per item, then the tally. */
export async function progressCsv(
  db: Executor,
  deps: Services,
  actor: Actor,
  editionId: string,
  query: unknown,
  locale: Locale,
): Promise<{ name: string; csv: string }> {
  const grid = await getProgressGrid(db, deps, actor, editionId, query);
  const header = [
    'email',
    'full_name',
    ...grid.items.map((i) => pickLocalized(i.title, locale).text),
    'required_done',
    'required_total',
    'percent',
  ];
  const rows = grid.rows.map((row) => [
    row.email,
    row.fullName,
    ...row.cells.map((c) =>
      c.state === 'none' ? '' : c.score === null ? c.state : `${c.state} ${c.score / 100}%`,
    ),
    row.tally.requiredDone,
    row.tally.requiredTotal,
    row.percent,
  ]);
  return { name: `progress-${grid.edition.code ?? grid.edition.id}.csv`, csv: csvFile(header, rows) };
}
