/**
 * The similarity check's pairs, computed once per change and stored: every change of what an assignment's
 * check compares (a submission, a reference document added or removed, a submission in an earlier edition
 * of the course) raises the assignment's version (`similarityChanged`); a job queued with it (or the first
 * view that finds the pairs stale) compares the latest submissions once — with each other, with the earlier
 * editions' and with the references, as `similarityCheck` does — and stores each one's matches in the
 * order the check shows them. The markers' page of one submission then reads its stored matches and makes
 * the passages of the page shown only. An earlier attempt (no longer its work unit's latest) is compared
 * live, as before.
 */
import { z } from 'zod';
import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import { defineJob } from '../../../jobs/job.js';
import { enqueueJob } from '../../../jobs/queue.js';
import type { Clock } from '../../../kernel/clock.js';
import { pairsAcrossPrints, pairsOfPrints } from '../../marking/similarity.js';
import { findAssignment, listFiles, listSubmittedOfAssignment } from '../assignments.repository.js';
import type { AssignmentSimilarityPairsTable, SubmissionRow } from '../assignments.tables.js';
import { referencePrints, submissionPrints } from './kept-prints.js';
import {
  assignmentsOfLaterEditions,
  earlierSubmissionsByIds,
  laterAttemptSubmitted,
  lockSimilarityState,
  markSimilarityStale,
  replacePairs,
  similarityState,
  storedPairsOf,
  submissionsByIds,
} from './pairs.repository.js';
import { filePrintsOf, listReferences, submittedInEarlierEditions } from './similarity.repository.js';
import {
  type Labeller,
  latestPerWorkUnit,
  PAIRS_PER_PAGE,
  presentPairs,
  type SimilarityResult,
  similarityCheck,
} from './similarity-check.js';

export const SIMILARITY_PAIRS_JOB_KIND = 'assignments.similarity-pairs';

/** The check's order among equal percents: this assignment's submissions, earlier editions', references. */
const COHORT = 0;
const EARLIER = 1;
const REFERENCE = 2;

/**
 * Something the assignment's check compares changed (in the caller's transaction): its stored pairs are
 * stale, and a job computes them again. `withLaterEditions`: a submission, which the later editions of the
 * course compare with too.
 */
export async function similarityChanged(
  db: Executor,
  clock: Clock,
  assignment: { id: string; editionId: string },
  withLaterEditions = false,
): Promise<void> {
  const later = withLaterEditions ? await assignmentsOfLaterEditions(db, assignment.editionId) : [];
  await markSimilarityStale(db, [assignment.id, ...later]);
  const state = await similarityState(db, assignment.id);
  await enqueueJob(db, clock, {
    kind: SIMILARITY_PAIRS_JOB_KIND,
    payload: { assignmentId: assignment.id },
    idempotencyKey: `${SIMILARITY_PAIRS_JOB_KIND}:${assignment.id}:${state?.version ?? 0}`,
  });
}

/**
 * Computes and stores the assignment's pairs unless they are fresh: the latest submission of each work unit
 * against the others, the earlier editions' and the references (fingerprints kept: kept-prints.ts). Pairs
 * counted while a file has no text yet (no pdftotext) are stored but stay stale, so a later view tries again.
 */
export async function refreshSimilarityPairs(
  db: Executor,
  deps: Pick<Services, 'storage' | 'clock'>,
  assignment: { id: string; editionId: string },
): Promise<void> {
  const before = await similarityState(db, assignment.id);
  if (before && before.pairs_version === before.version) return;
  const version = before?.version ?? 0;
  const latest = latestPerWorkUnit(await listSubmittedOfAssignment(db, assignment.id));
  const earlierRows = latestPerWorkUnit(await submittedInEarlierEditions(db, assignment.editionId));
  const references = await listReferences(db, assignment.id);
  const { prints, pending } = await submissionPrints(db, deps, [...latest, ...earlierRows]);
  const refPrints = await referencePrints(db, references);
  const printsOf = (list: readonly { id: string }[], from = prints) =>
    list.map((r) => [r.id, from.get(r.id) ?? new Set<number>()] as const);
  const mine = printsOf(latest);
  const rows: AssignmentSimilarityPairsTable[] = [];
  const placeOf = (list: readonly { id: string }[]) => new Map(list.map((r, i) => [r.id, i]));
  const cohortPlace = placeOf(latest);
  const add = (a: string, b: string, kind: number, position: number, percent: number) =>
    rows.push({
      submission_id: a,
      other_id: b,
      assignment_id: assignment.id,
      kind_rank: kind,
      position,
      percent,
    });
  for (const p of pairsOfPrints(mine)) {
    add(p.a, p.b, COHORT, cohortPlace.get(p.b) ?? 0, p.percent);
    add(p.b, p.a, COHORT, cohortPlace.get(p.a) ?? 0, p.percent);
  }
  const earlierPlace = placeOf(earlierRows);
  for (const p of pairsAcrossPrints(mine, printsOf(earlierRows)))
    add(p.a, p.b, EARLIER, earlierPlace.get(p.b) ?? 0, p.percent);
  const referencePlace = placeOf(references);
  for (const p of pairsAcrossPrints(mine, printsOf(references, refPrints)))
    add(p.a, p.b, REFERENCE, referencePlace.get(p.b) ?? 0, p.percent);
  await inTransaction(db, async (trx) => {
    const now = await lockSimilarityState(trx, assignment.id);
    if (now.pairs_version === now.version) return;
    // Computed at `version`: a change since leaves them stale (the change's job computes them again).
    await replacePairs(trx, assignment.id, rows, pending > 0 ? -1 : version);
  });
}

/**
 * One submission's similarity check as the markers' page shows it: its stored matches (computed first when
 * stale), one page, labelled by `labelsOf`; the same pairs, in the same order, as `similarityCheck` with
 * `only` gives. An earlier attempt is checked live.
 */
export async function submissionSimilarity(
  db: Executor,
  deps: Pick<Services, 'storage' | 'clock'>,
  assignment: { id: string; editionId: string },
  row: SubmissionRow,
  labelsOf: Labeller,
  options: { page?: number; perPage?: number } = {},
): Promise<SimilarityResult> {
  if (await laterAttemptSubmitted(db, row))
    return similarityCheck(
      db,
      deps,
      assignment,
      await listSubmittedOfAssignment(db, assignment.id),
      labelsOf,
      {
        only: row,
        ...options,
      },
    );
  await refreshSimilarityPairs(db, deps, assignment);
  const all = await storedPairsOf(db, row.id);
  const perPage = options.perPage ?? PAIRS_PER_PAGE;
  const pageCount = Math.max(1, Math.ceil(all.length / perPage));
  const page = Math.min(options.page ?? 1, pageCount);
  const shown = all.slice((page - 1) * perPage, page * perPage);
  const idsOf = (kind: number) => shown.filter((p) => p.kind_rank === kind).map((p) => p.other_id);
  const cohort = await submissionsByIds(db, [row.id, ...idsOf(COHORT)]);
  const earlierRows = await earlierSubmissionsByIds(db, idsOf(EARLIER));
  const references = idsOf(REFERENCE).length > 0 ? await listReferences(db, assignment.id) : [];
  const files = await listFiles(db, [row.id]);
  const kept = await filePrintsOf(
    db,
    files.map((f) => f.id),
  );
  return {
    pairs: await presentPairs(
      db,
      shown.map((p) => ({ a: row.id, b: p.other_id, percent: p.percent })),
      { rows: new Map([...cohort, ...earlierRows].map((r) => [r.id, r])), earlierRows, references, labelsOf },
    ),
    total: all.length,
    page,
    pageCount,
    perPage,
    unreadable: files.filter((f) => kept.get(f.id)?.unreadable).map((f) => f.marker_name),
  };
}

/** The job: computes and stores an assignment's pairs (nothing when they are fresh already). */
export const similarityPairsJob = defineJob(
  SIMILARITY_PAIRS_JOB_KIND,
  z.object({ assignmentId: z.string().min(1) }),
  async ({ deps }, { assignmentId }) => {
    const assignment = await findAssignment(deps.db, assignmentId);
    if (assignment)
      await refreshSimilarityPairs(deps.db, deps, { id: assignment.id, editionId: assignment.edition_id });
    return { assignmentId };
  },
);
