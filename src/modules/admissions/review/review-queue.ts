import type { Executor } from '../../../db/database.js';
import { KeptResults } from '../../../db/kept-results.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { ensure } from '../../../kernel/policy.js';
import { parseInput } from '../../../kernel/validation.js';
import { getProgramme } from '../../programmes/get-programme.js';
import type { Programme } from '../../programmes/programme.js';
import { canSeeReviewQueue, isAdmissionsManager } from '../admissions.policy.js';
import type { ApplicationStatus } from '../application.js';
import { REVIEW_PAGE_SIZE, type ReviewQueueQuery, reviewQueueQuerySchema } from './review.schemas.js';
import {
  applicationQueueRows,
  listAssessorRows,
  orderedApplicationIds,
  REVIEW_QUEUE_PAGE_TABLES,
  REVIEW_QUEUE_TABLES,
  REVIEWER_CHOICE_TABLES,
} from './reviews.repository.js';

/**
 * Ordered queues by filter, kept per database until an application or a reviewer assignment changes: at
 * most 400,000 ids in all (about 30 MB), so a few programmes' queues and their usual filters.
 */
const KEPT_QUEUES = new KeptResults<string[]>({
  tables: REVIEW_QUEUE_TABLES,
  maxEntries: 64,
  weigh: (ids) => ids.length,
  maxWeight: 400_000,
});

/**
 * The lines of a queue's page, kept like the ordered ids (a change of an application, a reviewer, a score or
 * a person makes them stale); the page's HTML is rendered once per kept value and language.
 */
const KEPT_PAGES = new KeptResults<QueueItem[]>({ tables: REVIEW_QUEUE_PAGE_TABLES, maxEntries: 256 });

/** The people a manager may filter the queue by (assessors), kept until a person or a role changes. */
const KEPT_ASSESSORS = new KeptResults<{ id: string; name: string }[]>({
  tables: REVIEWER_CHOICE_TABLES,
  maxEntries: 1,
});

/** One line of the review queue. */
export interface QueueItem {
  id: string;
  applicantName: string;
  email: string;
  status: ApplicationStatus;
  country: string | null;
  constituency: string | null;
  /** The automatic evaluation (null: not evaluated), and whether a manager overrode it. */
  eligible: boolean | null;
  overridden: boolean;
  submittedAt: string | null;
  reviewerCount: number;
  scoreCount: number;
  /** Average of the reviewers' totals (null: not scored yet). */
  averageScore: number | null;
}

export interface ReviewQueue {
  programme: Programme;
  items: QueueItem[];
  total: number;
  page: number;
  pageCount: number;
  query: ReviewQueueQuery;
  /**
   * What the reader may do from the queue (managers, on the whole queue): export it as CSV and open the
   * programme's admission settings. Managers see every application and may filter by reviewer; reviewers
   * see their assignments only.
   */
  can: { export: boolean; manageSettings: boolean };
  /** Only the reader's own assignments are listed. */
  mine: boolean;
  /** People with the assessor role (managers' reviewer filter; empty for reviewers). */
  assessors: { id: string; name: string }[];
}

/**
 * The review queue of a programme, newest submissions first unless asked otherwise, filtered by status,
 * country, constituency, eligibility and (managers) reviewer; paged. Managers see every submitted
 * application; an assessor sees only the applications assigned to them.
 */
export async function listReviewQueue(
  db: Executor,
  deps: Services,
  actor: Actor,
  programmeSlug: string,
  input: unknown,
  options: { pageSize?: number; mine?: boolean } = {},
): Promise<ReviewQueue> {
  ensure(actor, canSeeReviewQueue(actor));
  const query = parseInput(reviewQueueQuerySchema, input);
  const programme = await getProgramme(db, deps, actor, programmeSlug);
  const isManager = isAdmissionsManager(actor);
  // `mine`: a manager's own assignments (the /review page); reviewers never see more than theirs.
  const me = actor.kind === 'user' ? actor.id : undefined;
  const reviewerId = isManager && !options.mine ? query.reviewer : me;
  const pageSize = options.pageSize ?? REVIEW_PAGE_SIZE;
  const filter = {
    programmeId: programme.id,
    status: query.status,
    country: query.country,
    constituency: query.constituency,
    eligibility: query.eligibility,
    reviewerId,
    direction: query.direction ?? 'desc',
  } as const;
  // The whole ordered list is kept: the count and every page (deep ones included) come from it, and a
  // change costs one ordered read of the matches (ADR 0009).
  const ids = await KEPT_QUEUES.get(db, JSON.stringify(filter), () => orderedApplicationIds(db, filter));
  const offset = (query.page - 1) * pageSize;
  const total = ids.length;
  const key = JSON.stringify([filter, offset, pageSize]);
  const items = await KEPT_PAGES.get(db, key, async () =>
    (await applicationQueueRows(db, ids.slice(offset, offset + pageSize))).map(
      (r): QueueItem => ({
        id: r.id,
        applicantName: r.full_name,
        email: r.email,
        status: r.status as ApplicationStatus,
        country: r.country,
        constituency: r.constituency,
        eligible: r.eligible === null ? null : r.eligible === 1,
        overridden: r.override_reason !== null,
        submittedAt: r.submitted_at,
        reviewerCount: r.reviewer_count,
        scoreCount: r.score_count,
        averageScore: r.score_count > 0 ? Math.round((r.score_sum / r.score_count) * 10) / 10 : null,
      }),
    ),
  );
  const assessors =
    isManager && !options.mine
      ? await KEPT_ASSESSORS.get(db, 'assessors', async () =>
          (await listAssessorRows(db)).map((a) => ({ id: a.id, name: a.full_name })),
        )
      : [];
  return {
    programme,
    items,
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    query,
    can: { export: isManager && !options.mine, manageSettings: isManager && !options.mine },
    mine: !isManager || options.mine === true,
    assessors,
  };
}
