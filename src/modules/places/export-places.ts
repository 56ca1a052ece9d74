import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import { exportText } from '../../integrations/spreadsheets/cells.js';
import type { Actor } from '../../kernel/actor.js';
import { listEditionPlacesFor } from './list-edition-places.js';

/** The columns of the places export (codes, so that it reads the same in every language). */
export const PLACES_EXPORT_HEADER = [
  'email',
  'full_name',
  'edition',
  'status',
  'funding',
  'funding_name',
  'requested_at',
  'decided_at',
  'waitlist_position',
  'decline_reason',
  'withdrawn_at',
] as const;

function csvCell(value: string | number | null): string {
  const text = exportText(value === null ? null : String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** An edition's places with their funding as CSV (programme managers). */
export async function placesCsv(
  db: Executor,
  deps: Services,
  actor: Actor,
  editionId: string,
): Promise<{ name: string; csv: string }> {
  const view = await listEditionPlacesFor(db, deps, actor, editionId);
  const edition = view.edition.code ?? view.edition.id;
  const rows = [...view.confirmed, ...view.requests, ...view.waiting, ...view.declined, ...view.withdrawn];
  const lines = [PLACES_EXPORT_HEADER.join(',')];
  for (const p of rows) {
    lines.push(
      [
        p.email,
        p.fullName,
        edition,
        p.status,
        p.fundingKind,
        p.fundingName,
        p.requestedAt,
        p.decidedAt,
        p.position,
        p.declineReason,
        p.withdrawnAt,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return { name: `places-${edition}.csv`, csv: `${lines.join('\r\n')}\r\n` };
}
