import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { LocalizedText } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import type { Participation } from '../forums/forums.port.js';
import { type Gradebook, loadGradebook } from './gradebook.js';
import { NO_PARTICIPATION, type ParticipationSource, participationSource } from './participation-source.js';
import { listSnapshots } from './results.repository.js';
import { staffAccess } from './results-access.js';

export interface GradebookPage extends Gradebook {
  edition: { id: string; courseTitle: LocalizedText; code: string | null };
  today: string;
  /** The outcome last finalised per person (their latest snapshot). */
  finalised: Record<string, { outcome: string; policyVersion: number; finalisedAt: string }>;
  /** Each person's forum and debate participation (with or without a policy). */
  participation: Record<string, Participation>;
  /** The page of people shown (`rows`), out of `everyone`; null: every row (exports, the API). */
  paging: { page: number; pageCount: number; perPage: number } | null;
}

/** People per page of the gradebook (the exports and the API stay complete). */
export const GRADEBOOK_PER_PAGE = 50;

/** Pure: a page number from the query string (1 when absent or not a page). */
export function gradebookPage(value: unknown): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 0 && page < 100_000 ? page : 1;
}

/**
 * People × components with marks, overrides, totals and outcomes (managers and the edition's facilitators):
 * everyone, or one page of people (`page`: only their inputs are read and their results computed).
 */
export async function getGradebook(
  db: Executor,
  deps: Services,
  actor: Actor,
  editionId: string,
  participationOf: ParticipationSource = participationSource,
  page: number | null = null,
  perPage = GRADEBOOK_PER_PAGE,
): Promise<GradebookPage> {
  const access = await staffAccess(db, actor, editionId);
  const today = deps.clock.now().toISOString().slice(0, 10);
  const select = page === null ? undefined : { offset: (page - 1) * perPage, limit: perPage };
  const [book, snapshots] = await Promise.all([
    loadGradebook(db, access.edition.id, today, select),
    listSnapshots(db, access.edition.id),
  ]);
  const pageCount = Math.max(1, Math.ceil(book.everyone.length / perPage));
  if (page !== null && page > pageCount)
    return getGradebook(db, deps, actor, editionId, participationOf, pageCount, perPage);
  const participation = await participationOf(
    db,
    access.edition.id,
    book.rows.map((r) => r.personId),
  );
  const finalised: GradebookPage['finalised'] = {};
  for (const s of snapshots) {
    finalised[s.user_id] ??= {
      outcome: s.outcome,
      policyVersion: s.policy_version,
      finalisedAt: s.finalised_at,
    };
  }
  return {
    ...book,
    edition: { id: access.edition.id, courseTitle: access.course.title, code: access.edition.code },
    today,
    finalised,
    paging: page === null ? null : { page, pageCount, perPage },
    participation: Object.fromEntries(
      book.rows.map((r) => [r.personId, participation.get(r.personId) ?? NO_PARTICIPATION]),
    ),
  };
}
