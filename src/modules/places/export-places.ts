import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import { csvFile } from '../../integrations/spreadsheets/csv.js';
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
  const lines = rows.map((p) => [
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
  ]);
  return { name: `places-${edition}.csv`, csv: csvFile(PLACES_EXPORT_HEADER, lines) };
}
