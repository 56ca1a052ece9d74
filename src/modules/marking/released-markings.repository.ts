/**
 * The markings of a few owner records with their feedback files in one statement (a left join: one row per
 * file, or one with null file columns), built and compiled once per engine and number of ids
 * (`reusableQuery`): what a participant's page reads on every view (their attempts' markings, usually one or
 * two), two statements before.
 */
import type { Executor } from '../../db/database.js';
import { reusableQuery } from '../../db/reusable-query.js';
import type { MarkingSubmissionRow } from './marking.tables.js';

/** A feedback file as a participant's page names it (`feedback-<rank>.<type>`). */
export type FeedbackFileRef = { id: string; submission_id: string; rank: number; type: string };

/** Marking rows and the feedback files of them. */
export interface MarkingsWithFiles {
  rows: MarkingSubmissionRow[];
  files: FeedbackFileRef[];
}

/** The most owner ids read through a kept statement; more take the two ordinary statements. */
export const JOINED_OWNERS_MAX = 4;

type Query = (db: Executor, ownerModule: string, ...ownerIds: string[]) => Promise<JoinedRow[]>;
type JoinedRow = MarkingSubmissionRow & {
  file_id: string | null;
  file_rank: number | null;
  file_type: string | null;
};

const byCount = new Map<number, Query>();

function queryFor(count: number): Query {
  let query = byCount.get(count);
  if (!query) {
    query = reusableQuery((db, ownerModule: string, ...ownerIds: string[]) =>
      db
        .selectFrom('marking_submissions')
        .leftJoin('marking_feedback_files', 'marking_feedback_files.submission_id', 'marking_submissions.id')
        .selectAll('marking_submissions')
        .select([
          'marking_feedback_files.id as file_id',
          'marking_feedback_files.rank as file_rank',
          'marking_feedback_files.type as file_type',
        ])
        .where('marking_submissions.owner_module', '=', ownerModule)
        .where('marking_submissions.owner_id', 'in', ownerIds)
        .orderBy('marking_submissions.id')
        .orderBy('marking_feedback_files.rank'),
    ) as Query;
    byCount.set(count, query);
  }
  return query;
}

/**
 * The marking rows of `ownerIds` (1 to JOINED_OWNERS_MAX) and the feedback files of each (rank order):
 * files of every row, whatever its state (the caller shows them only once released).
 */
export async function markingsWithFeedbackFiles(
  db: Executor,
  ownerModule: string,
  ownerIds: readonly string[],
): Promise<MarkingsWithFiles> {
  const joined = await queryFor(ownerIds.length)(db, ownerModule, ...ownerIds);
  const rows: MarkingSubmissionRow[] = [];
  const files: FeedbackFileRef[] = [];
  for (const { file_id, file_rank, file_type, ...row } of joined) {
    if (rows.at(-1)?.id !== row.id) rows.push(row);
    if (file_id !== null)
      files.push({
        id: file_id,
        submission_id: row.id,
        rank: file_rank as number,
        type: file_type as string,
      });
  }
  return { rows, files };
}
