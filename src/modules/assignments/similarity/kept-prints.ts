/**
 * The similarity check's fingerprints, kept once per extracted text: a submitted attempt's online text
 * (`assignment_submissions.text_prints`), each submitted file's text (`assignment_file_texts.prints`, written
 * with the text by the extraction job) and each reference document's (`assignment_references.prints`). A
 * text kept before its fingerprints were is fingerprinted at its first need and kept. A submission's
 * fingerprints are the union of its texts' (a k-gram never spans the online text and a file).
 */
import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import { decodePrints, encodePrints, fingerprints } from '../../marking/similarity.js';
import { listFiles } from '../assignments.repository.js';
import type { FileRow, SubmissionRow } from '../assignments.tables.js';
import { fileTexts } from './file-texts.js';
import {
  filePrintsOf,
  fileTextsOf,
  setFilePrints,
  setReferencePrints,
  setSubmissionPrints,
} from './similarity.repository.js';

export interface SubmissionPrints {
  /** Submission id → its fingerprints. */
  prints: Map<string, Set<number>>;
  /** The files that could not be read at all (left out of the check). */
  unreadable: Pick<FileRow, 'id' | 'submission_id' | 'marker_name'>[];
  /** How many files have no kept text yet (a PDF while pdftotext is missing, stored bytes gone). */
  pending: number;
}

/** The fingerprints of submitted attempts (their online text and files), kept texts' read, missing ones made. */
export async function submissionPrints(
  db: Executor,
  deps: Pick<Services, 'storage' | 'clock'>,
  rows: readonly SubmissionRow[],
): Promise<SubmissionPrints> {
  const files = await listFiles(
    db,
    rows.map((r) => r.id),
  );
  let kept = await filePrintsOf(
    db,
    files.map((f) => f.id),
  );
  const missing = files.filter((f) => !kept.has(f.id));
  if (missing.length > 0) {
    await fileTexts(db, deps, missing);
    kept = await filePrintsOf(
      db,
      files.map((f) => f.id),
    );
  }
  const stale = [...kept].filter(([, k]) => k.prints === null).map(([id]) => id);
  if (stale.length > 0)
    for (const [id, text] of await fileTextsOf(db, stale)) {
      const prints = encodePrints(fingerprints(text));
      await setFilePrints(db, id, prints);
      kept.set(id, { prints, unreadable: kept.get(id)?.unreadable ?? false });
    }
  const out = new Map<string, Set<number>>();
  for (const row of rows) {
    let text = row.text_prints;
    if (text === null) {
      text = encodePrints(fingerprints(row.text));
      await setSubmissionPrints(db, row.id, text);
    }
    out.set(row.id, decodePrints(text));
  }
  for (const file of files) {
    const prints = kept.get(file.id)?.prints;
    const mine = out.get(file.submission_id);
    if (prints && mine) for (const hash of decodePrints(prints)) mine.add(hash);
  }
  return {
    prints: out,
    unreadable: files.filter((f) => kept.get(f.id)?.unreadable),
    pending: files.filter((f) => !kept.has(f.id)).length,
  };
}

/** The fingerprints of reference documents (kept at upload; made and kept here for older ones). */
export async function referencePrints(
  db: Executor,
  references: readonly { id: string; text: string; prints: string | null }[],
): Promise<Map<string, Set<number>>> {
  const out = new Map<string, Set<number>>();
  for (const reference of references) {
    let text = reference.prints;
    if (text === null) {
      text = encodePrints(fingerprints(reference.text));
      await setReferencePrints(db, reference.id, text);
    }
    out.set(reference.id, decodePrints(text));
  }
  return out;
}

/** The text of submissions for the passages shown: each one's online text and its files' kept texts. */
export async function submissionTexts(
  db: Executor,
  rows: readonly SubmissionRow[],
): Promise<Map<string, string>> {
  const files = await listFiles(
    db,
    rows.map((r) => r.id),
  );
  const fileText = await fileTextsOf(
    db,
    files.map((f) => f.id),
  );
  const out = new Map<string, string>(rows.map((row) => [row.id, row.text]));
  for (const file of files)
    out.set(file.submission_id, `${out.get(file.submission_id)}\n${fileText.get(file.id) ?? ''}`);
  return out;
}
