/**
 * The staff's similarity check of an assignment: the latest submission of each work unit (a group's once,
 * else each person's) — its online text, the kept text of its DOCX and PDF files (extracted once:
 * file-texts.ts), by their kept fingerprints (kept-prints.ts) — compared with each other, with the
 * submissions of the course's earlier editions and with the reference documents staff uploaded; each pair
 * shown comes with the passages both share, to read side by side. It never searches the web and is never a
 * penalty by itself.
 */
import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import { groupById } from '../../groups/groups.port.js';
import { ensureParticipantNumber } from '../../marking/marking.queries.js';
import { pairsAcrossPrints, pairsOfPrints, sharedPassages } from '../../marking/similarity.js';
import type { SubmissionRow } from '../assignments.tables.js';
import { referencePrints, submissionPrints, submissionTexts } from './kept-prints.js';
import { listReferences, submittedInEarlierEditions } from './similarity.repository.js';

/** A pair to look at: who (labels), how much, from an earlier edition or not, and the shared passages. */
export interface SimilarityPair {
  a: string;
  b: string;
  percent: number;
  /** The earlier edition of `b` (its code), or null when both are of this assignment. */
  earlierEdition: string | null;
  /** `b` is a reference document staff uploaded (its title is the label). */
  reference: boolean;
  passages: { a: string; b: string }[];
}

/** Pure: the latest submitted attempt of each work unit: a group's once (whoever started it), else a person's. */
export function latestPerWorkUnit<T extends Pick<SubmissionRow, 'person_id' | 'group_id' | 'attempt'>>(
  rows: readonly T[],
): T[] {
  const latest = new Map<string, T>();
  for (const row of rows) {
    const unit = row.group_id ? `group:${row.group_id}` : `person:${row.person_id}`;
    if ((latest.get(unit)?.attempt ?? 0) < row.attempt) latest.set(unit, row);
  }
  return [...latest.values()];
}

/** The label of each of these submissions for its reader (staff: names; markers: participant numbers). */
export type Labeller = (rows: readonly SubmissionRow[]) => Promise<Map<string, string>>;

/** The labels of submissions for staff: the person, or the group with its members. */
export function namedLabels(db: Executor, names: ReadonlyMap<string, string>): Labeller {
  return async (rows) => {
    const out = new Map<string, string>();
    for (const row of rows) {
      const group = row.group_id ? await groupById(db, row.group_id) : null;
      out.set(
        row.id,
        group
          ? `${group.name} (${group.memberIds.map((id) => names.get(id) ?? id).join(', ')})`
          : (names.get(row.person_id) ?? row.person_id),
      );
    }
    return out;
  };
}

const unitOf = (row: SubmissionRow) => (row.group_id ? `group:${row.group_id}` : `person:${row.person_id}`);

/** Pairs shown per page (the most similar first). */
export const PAIRS_PER_PAGE = 50;

/** One page of the check's pairs (the most similar first), how many in all, and the unreadable files. */
export interface SimilarityResult {
  pairs: SimilarityPair[];
  total: number;
  page: number;
  pageCount: number;
  perPage: number;
  /** The names (as markers see them: P-0042-1.docx) of the files that could not be read, left out. */
  unreadable: string[];
}

/** Pure: a page number from the query string (1 when absent or not a page). */
export function pairsPage(value: unknown): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 0 && page < 100_000 ? page : 1;
}

/** What the pairs shown are made of: the submissions by id, the earlier editions' ones, the references. */
export interface PairSources {
  rows: ReadonlyMap<string, SubmissionRow>;
  earlierRows: readonly (SubmissionRow & { edition_id: string; edition_code: string | null })[];
  references: readonly { id: string; title: string; text: string }[];
  labelsOf: Labeller;
}

/**
 * The pairs shown, as their reader sees them: labelled (only these pairs' submissions), with the earlier
 * edition's code, and the passages both share (only these pairs' texts are read).
 */
export async function presentPairs(
  db: Executor,
  shown: readonly { a: string; b: string; percent: number }[],
  { rows, earlierRows, references, labelsOf }: PairSources,
): Promise<SimilarityPair[]> {
  const shownRows = [...new Set(shown.flatMap((p) => [p.a, p.b]))].flatMap((id) => rows.get(id) ?? []);
  const texts = await submissionTexts(db, shownRows);
  for (const r of references) texts.set(r.id, r.text);
  const earlierIds = new Set(earlierRows.map((r) => r.id));
  const labels = await labelsOf(shownRows.filter((r) => !earlierIds.has(r.id)));
  for (const r of references) labels.set(r.id, r.title);
  const editionOf = new Map<string, string>();
  const shownIds = new Set(shownRows.map((r) => r.id));
  for (const row of earlierRows.filter((r) => shownIds.has(r.id))) {
    labels.set(row.id, await ensureParticipantNumber(db, row.edition_id, row.person_id));
    editionOf.set(row.id, row.edition_code ?? row.edition_id);
  }
  const textOf = (id: string) => texts.get(id) ?? '';
  return shown.map((p) => ({
    a: labels.get(p.a) ?? p.a,
    b: labels.get(p.b) ?? p.b,
    percent: p.percent,
    earlierEdition: editionOf.get(p.b) ?? null,
    reference: references.some((r) => r.id === p.b),
    passages: sharedPassages(textOf(p.a), textOf(p.b)),
  }));
}

/**
 * The pairs of this assignment's latest submissions that overlap 30 % or more (or, given `only`, of that one
 * submission with the others), and of each with a submission of an earlier edition of the course (shown by
 * that edition's code and participant number) and with the assignment's reference documents (by title); the
 * most similar first, one page at a time. Fingerprints are kept once per text (`kept-prints.ts`); the texts
 * themselves are read only for the pairs shown (their passages), and only those pairs are labelled.
 */
export async function similarityCheck(
  db: Executor,
  deps: Pick<Services, 'storage' | 'clock'>,
  assignment: { id: string; editionId: string },
  submitted: readonly SubmissionRow[],
  labelsOf: Labeller,
  options: { only?: SubmissionRow | null; page?: number; perPage?: number } = {},
): Promise<SimilarityResult> {
  const only = options.only ?? null;
  const latest = latestPerWorkUnit(submitted);
  const current = only ? [only] : latest;
  const others = only ? latest.filter((r) => unitOf(r) !== unitOf(only)) : [];
  const earlierRows = latestPerWorkUnit(await submittedInEarlierEditions(db, assignment.editionId));
  const references = await listReferences(db, assignment.id);
  const rows = new Map([...current, ...others, ...earlierRows].map((r) => [r.id, r]));
  const { prints, unreadable } = await submissionPrints(db, deps, [...rows.values()]);
  const refPrints = await referencePrints(db, references);
  const printsOf = (list: readonly { id: string }[], from = prints) =>
    list.map((r) => [r.id, from.get(r.id) ?? new Set<number>()] as const);
  const mine = printsOf(current);
  const all = [
    ...(only ? pairsAcrossPrints(mine, printsOf(others)) : pairsOfPrints(mine)),
    ...pairsAcrossPrints(mine, printsOf(earlierRows)),
    ...pairsAcrossPrints(mine, printsOf(references, refPrints)),
  ].sort((x, y) => y.percent - x.percent);
  const perPage = options.perPage ?? PAIRS_PER_PAGE;
  const pageCount = Math.max(1, Math.ceil(all.length / perPage));
  const page = Math.min(options.page ?? 1, pageCount);
  const shown = all.slice((page - 1) * perPage, page * perPage);
  const shownPairs = await presentPairs(db, shown, { rows, earlierRows, references, labelsOf });
  return {
    pairs: shownPairs,
    total: all.length,
    page,
    pageCount,
    perPage,
    unreadable: unreadable
      .filter((f) => current.some((r) => r.id === f.submission_id))
      .map((f) => f.marker_name),
  };
}
