import type { Executor } from '../../db/database.js';
import { deepFreeze, KeptResults } from '../../db/kept-results.js';
import type { Services } from '../../deps.js';
import { type LocalizedText, parseLocalized } from '../../i18n/localized.js';
import { pdfTextAvailable } from '../../integrations/pdf-text.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { personNames } from '../identity/identity.queries.js';
import { markerViewOf, participantNumbersOf } from '../marking/marking.queries.js';
import { findAssignment, findSubmissionRow, listContributions, listFiles } from './assignments.repository.js';
import type { SubmissionRow } from './assignments.tables.js';
import { pairsPage, type SimilarityResult } from './similarity/similarity-check.js';
import { submissionSimilarity } from './similarity/stored-pairs.js';

/** A submission as a marker sees it: the participant number (the name only once revealed), text and files. */
export interface MarkerSubmissionView {
  submissionId: string;
  markingId: string;
  participant: string;
  assignmentTitle: string;
  instructions: LocalizedText;
  attempt: number;
  submittedAt: string | null;
  late: boolean;
  digest: string | null;
  text: string;
  files: { id: string; name: string; sizeBytes: number }[];
  /** A group's submission: each member's contribution statement, by participant number (blind). */
  contributions: { participant: string; statement: string }[];
  /**
   * This submission beside the cohort's others, earlier editions' and reference documents (blind: numbers):
   * one page of pairs, the most similar first; null when the submission is not submitted.
   */
  similar: SimilarityResult | null;
  /** Whether this server reads PDF text (pdftotext): when not, the page says PDFs are left out. */
  pdfText: boolean;
  /** The kept contents this view shows (the same object while they are unchanged: render them once). */
  kept: object;
}

/** What every marker of a submission sees alike (kept): the view less the reader's access. */
type MarkerContents = Omit<MarkerSubmissionView, 'markingId' | 'participant' | 'kept'> & {
  /** The participant's name, once the context's names are revealed. */
  name: string | undefined;
};

/**
 * The tables a marker view's contents are read from (checked against the SQL in
 * marker-view-kept.integration.test.ts): the submission, its assignment, files and contributions, the
 * participant numbers, the names (once revealed) and the stored similarity pairs with what they point at.
 * The pairs' own inputs (every submission's prints, references, earlier editions) raise
 * `assignment_similarity`'s version when they change, which is listed.
 */
export const MARKER_VIEW_TABLES = [
  'assignment_submissions',
  'assignments',
  'assignment_files',
  'assignment_contributions',
  'marking_numbers',
  'users',
  'assignment_similarity',
  'assignment_similarity_pairs',
  'editions',
  'assignment_references',
  // A PDF's text extracted later (a job) changes what the live check of an earlier attempt compares.
  'assignment_file_texts',
] as const;

/**
 * Marker views kept by submission, page of pairs and whether names are revealed, until one of
 * `MARKER_VIEW_TABLES` is written (ADR 0009): every marker and staff member reads the same 15 statements'
 * worth otherwise. Who may read it is still decided on every request (`markerViewOf`).
 */
const KEPT_MARKER_VIEWS = new KeptResults<MarkerContents>({ tables: MARKER_VIEW_TABLES, maxEntries: 500 });

/** A submission as its markers see it (blind unless `revealed`), from the kept contents. */
export async function getMarkerView(
  db: Executor,
  deps: Services,
  actor: Actor,
  submissionId: string,
  /** The query string: `pairs`, the page of similar pairs. */
  query: { pairs?: unknown } = {},
): Promise<MarkerSubmissionView> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  const view = await markerViewOf(db, actor, 'assignments', submissionId);
  if (!view) throw new AppError('not_found');
  const page = pairsPage(query.pairs);
  const contents = await KEPT_MARKER_VIEWS.get(db, `${submissionId}|${page}|${view.revealed}`, async () =>
    deepFreeze(await markerContents(db, deps, submissionId, page, view.revealed)),
  );
  const { name, ...shown } = contents;
  return {
    ...shown,
    markingId: view.submissionId,
    participant: name ? `${view.participantNumber} · ${name}` : view.participantNumber,
    kept: contents,
  };
}

/** Reads a submission's marker view contents (the work behind the kept `getMarkerView`). */
export async function markerContents(
  db: Executor,
  deps: Services,
  submissionId: string,
  page: number,
  revealed: boolean,
): Promise<MarkerContents> {
  const row = await findSubmissionRow(db, submissionId);
  const assignment = row ? await findAssignment(db, row.assignment_id) : undefined;
  if (!row || !assignment) throw new AppError('not_found');
  const files = await listFiles(db, [row.id]);
  const contributions = await listContributions(db, [row.id]);
  const numbers = await participantNumbersOf(
    db,
    assignment.edition_id,
    contributions.map((c) => c.person_id),
  );
  // Blind: the pairs shown are labelled by participant number, read at once for all of them.
  const numbersOf = async (rows: readonly SubmissionRow[]) => {
    const byPerson = await participantNumbersOf(
      db,
      assignment.edition_id,
      rows.map((r) => r.person_id),
    );
    return new Map(rows.map((r) => [r.id, byPerson.get(r.person_id) ?? '—']));
  };
  const similar =
    row.status === 'submitted'
      ? await submissionSimilarity(
          db,
          deps,
          { id: assignment.id, editionId: assignment.edition_id },
          row,
          numbersOf,
          { page },
        )
      : null;
  return {
    submissionId: row.id,
    name: revealed ? (await personNames(db, [row.person_id])).get(row.person_id) : undefined,
    assignmentTitle: assignment.title,
    instructions: parseLocalized(assignment.instructions_i18n),
    attempt: row.attempt,
    submittedAt: row.submitted_at,
    late: row.late === 1,
    digest: row.digest,
    text: row.text,
    files: files.map((f) => ({ id: f.id, name: f.marker_name, sizeBytes: f.size_bytes })),
    contributions: contributions.map((c) => ({
      participant: numbers.get(c.person_id) ?? '—',
      statement: c.statement,
    })),
    similar,
    pdfText: await pdfTextAvailable(),
  };
}
