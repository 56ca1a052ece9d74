import type { Executor } from '../../db/database.js';
import { deepFreeze, KeptResults } from '../../db/kept-results.js';
import type { Services } from '../../deps.js';
import type { LocalizedText } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import type { Participation } from '../forums/forums.port.js';
import { type Gradebook, loadGradebook } from './gradebook.js';
import { NO_PARTICIPATION, type ParticipationSource, participationSource } from './participation-source.js';
import { listSnapshots } from './results.repository.js';
import { staffAccess } from './results-access.js';
import { GRADEBOOK_TABLES } from './results-kept-tables.js';

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

/** What every staff reader of one page of the gradebook sees alike (kept, see `KEPT_PAGES`). */
export type GradebookContents = Omit<GradebookPage, 'edition' | 'today'>;

/**
 * The gradebook's pages, kept by edition, day, page and page size until one of the tables they read is
 * written (`GRADEBOOK_TABLES`, checked against the SQL in gradebook-kept.integration.test.ts; ADR 0009):
 * every manager and facilitator of the edition sees the same page, and reading the participants, the
 * space's scores, the overrides, attendance and participation costs milliseconds a view. Frozen.
 */
const KEPT_PAGES = new KeptResults<GradebookContents>({ tables: GRADEBOOK_TABLES, maxEntries: 200 });

/**
 * The gradebook's contents on `today`: everyone (`page` null), or one page of people (only their inputs are
 * read and their results computed; a page past the last is the last). Not a use case: access is checked.
 */
export async function gradebookContents(
  db: Executor,
  editionId: string,
  today: string,
  participationOf: ParticipationSource,
  page: number | null,
  perPage: number,
): Promise<GradebookContents> {
  const select = page === null ? undefined : { offset: (page - 1) * perPage, limit: perPage };
  const [book, snapshots] = await Promise.all([
    loadGradebook(db, editionId, today, select),
    listSnapshots(db, editionId),
  ]);
  const pageCount = Math.max(1, Math.ceil(book.everyone.length / perPage));
  if (page !== null && page > pageCount)
    return gradebookContents(db, editionId, today, participationOf, pageCount, perPage);
  const participation = await participationOf(
    db,
    editionId,
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
    finalised,
    paging: page === null ? null : { page, pageCount, perPage },
    participation: Object.fromEntries(
      book.rows.map((r) => [r.personId, participation.get(r.personId) ?? NO_PARTICIPATION]),
    ),
  };
}

/**
 * People × components with marks, overrides, totals and outcomes (managers and the edition's facilitators):
 * everyone, or one page of people. A page read through the platform's own participation source is kept
 * (`KEPT_PAGES`: its `rows` array is then shared by every reader until a table changes, and the page's
 * HTML is memoised on it); everyone (the exports, the API) is read afresh.
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
  const id = access.edition.id;
  const read = () => gradebookContents(db, id, today, participationOf, page, perPage);
  const contents =
    page !== null && participationOf === participationSource
      ? await KEPT_PAGES.get(db, `${id}|${today}|${page}|${perPage}`, async () => deepFreeze(await read()))
      : await read();
  return {
    ...contents,
    edition: { id, courseTitle: access.course.title, code: access.edition.code },
    today,
  };
}
