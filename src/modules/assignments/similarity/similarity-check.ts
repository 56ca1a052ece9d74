/**
 * The staff's similarity check of an assignment: the latest submission of each work unit (a group's once,
 * else each person's) — its online text, the kept text of its DOCX and PDF files (extracted once:
 * file-texts.ts) — compared with each other and with the submissions of the course's earlier editions;
 * and with the reference documents staff uploaded; each pair comes with the passages both share, to read side by side. It never searches the web and is
 * never a penalty by itself.
 */
import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import { groupById } from '../../groups/groups.port.js';
import { ensureParticipantNumber } from '../../marking/marking.queries.js';
import { sharedPassages, similarAcross, similarPairs } from '../../marking/similarity.js';
import { listFiles } from '../assignments.repository.js';
import type { SubmissionRow } from '../assignments.tables.js';
import { fileTexts } from './file-texts.js';
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

/**
 * The text of submissions: each one's online text and the kept text of its DOCX and PDF files (extracted once,
 * at submission by a job, or here when the job has not run yet: `fileTexts`).
 */
async function textsOf(
  db: Executor,
  deps: Pick<Services, 'storage' | 'clock'>,
  rows: readonly SubmissionRow[],
): Promise<Map<string, string>> {
  const files = await listFiles(
    db,
    rows.map((r) => r.id),
  );
  const fileText = await fileTexts(db, deps, files);
  const out = new Map<string, string>(rows.map((row) => [row.id, row.text]));
  for (const file of files)
    out.set(file.submission_id, `${out.get(file.submission_id)}\n${fileText.get(file.id) ?? ''}`);
  return out;
}

/** The label of a submission for staff: the person, or the group with its members. */
export function namedLabel(db: Executor, names: ReadonlyMap<string, string>) {
  return async (row: SubmissionRow): Promise<string> => {
    const group = row.group_id ? await groupById(db, row.group_id) : null;
    if (!group) return names.get(row.person_id) ?? row.person_id;
    return `${group.name} (${group.memberIds.map((id) => names.get(id) ?? id).join(', ')})`;
  };
}

const unitOf = (row: SubmissionRow) => (row.group_id ? `group:${row.group_id}` : `person:${row.person_id}`);

/**
 * The pairs of this assignment's latest submissions that overlap 30 % or more (or, given `only`, of that one
 * submission with the others), and of each with a submission of an earlier edition of the course (shown by
 * that edition's code and participant number) and with the assignment's reference documents (by title).
 */
export async function similarityCheck(
  db: Executor,
  deps: Pick<Services, 'storage' | 'clock'>,
  assignment: { id: string; editionId: string },
  submitted: readonly SubmissionRow[],
  labelOf: (row: SubmissionRow) => Promise<string>,
  only: SubmissionRow | null = null,
): Promise<SimilarityPair[]> {
  const latest = latestPerWorkUnit(submitted);
  const current = only ? [only] : latest;
  const others = only ? latest.filter((r) => unitOf(r) !== unitOf(only)) : [];
  const earlierRows = latestPerWorkUnit(await submittedInEarlierEditions(db, assignment.editionId));
  const references = await listReferences(db, assignment.id);
  const texts = await textsOf(db, deps, [...current, ...others, ...earlierRows]);
  for (const r of references) texts.set(r.id, r.text);
  const textOf = (id: string) => texts.get(id) ?? '';
  const textsOfRows = (rows: readonly { id: string }[]) => new Map(rows.map((r) => [r.id, textOf(r.id)]));
  const currentTexts = textsOfRows(current);
  const labels = new Map<string, string>();
  for (const row of [...current, ...others]) labels.set(row.id, await labelOf(row));
  for (const r of references) labels.set(r.id, r.title);
  const editionOf = new Map<string, string>();
  for (const row of earlierRows) {
    labels.set(row.id, await ensureParticipantNumber(db, row.edition_id, row.person_id));
    editionOf.set(row.id, row.edition_code ?? row.edition_id);
  }
  const pairs = [
    ...(only ? similarAcross(currentTexts, textsOfRows(others)) : similarPairs(currentTexts)),
    ...similarAcross(currentTexts, textsOfRows(earlierRows)),
    ...similarAcross(currentTexts, textsOfRows(references)),
  ];
  return pairs.map((p) => ({
    a: labels.get(p.a) ?? p.a,
    b: labels.get(p.b) ?? p.b,
    percent: p.percent,
    earlierEdition: editionOf.get(p.b) ?? null,
    reference: references.some((r) => r.id === p.b),
    passages: sharedPassages(textOf(p.a), textOf(p.b)),
  }));
}
