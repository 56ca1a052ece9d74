import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import type { Translator } from '../../../i18n/i18n.js';
import { csvFile } from '../../../integrations/spreadsheets/csv.js';
import type { Actor } from '../../../kernel/actor.js';
import { ensure } from '../../../kernel/policy.js';
import { isAdmissionsManager } from '../admissions.policy.js';
import { CSV_EXPORT_MAX_ROWS } from './review.schemas.js';
import { listReviewQueue, type ReviewQueue } from './review-queue.js';

const EXPORT_PAGE_SIZE = 1000;

/**
 * The review queue of a programme with its filters, as CSV (managers), with a byte-order mark so that
 * spreadsheets open non-Latin names correctly. At most CSV_EXPORT_MAX_ROWS rows.
 */
export async function applicationsCsv(
  db: Executor,
  deps: Services,
  actor: Actor,
  programmeSlug: string,
  query: unknown,
  t: Translator,
): Promise<string> {
  ensure(actor, isAdmissionsManager(actor));
  const rows: string[][] = [];
  let page: ReviewQueue;
  let number = 1;
  do {
    page = await listReviewQueue(
      db,
      deps,
      actor,
      programmeSlug,
      { ...(query as object), page: number },
      { pageSize: EXPORT_PAGE_SIZE },
    );
    for (const item of page.items) {
      rows.push([
        item.id,
        item.applicantName,
        item.email,
        item.country ?? '',
        item.constituency ?? '',
        t.t(`admissions.status.${item.status}`),
        item.eligible === null ? '' : item.eligible ? '1' : '0',
        item.overridden ? '1' : '0',
        item.submittedAt ?? '',
        String(item.reviewerCount),
        item.averageScore === null ? '' : String(item.averageScore),
      ]);
    }
    number += 1;
  } while (page.page < page.pageCount && rows.length < CSV_EXPORT_MAX_ROWS);
  const header = [
    'id',
    'name',
    'email',
    'country',
    'constituency',
    'status',
    'eligible',
    'eligibility_overridden',
    'submitted_at',
    'reviewers',
    'average_score',
  ];
  return csvFile(header, rows);
}
