/**
 * The text of submitted files, extracted ONCE and kept (`assignment_file_texts`) for the similarity check:
 * a job queued at submission reads each file of the attempt (PDF by pdftotext, DOCX by mammoth) and keeps its
 * text with its fingerprints (`encodePrints`), so no view fingerprints it again; a check that runs before the
 * job (or a file handed in while pdftotext was missing) extracts what is still missing and keeps it too. A PDF
 * is left unread (no row, read later) while pdftotext is missing on this machine: the server says so at start
 * (`PDF_TEXT_MISSING`). A DOCX that cannot be read at all (corrupt, hostile) is kept as unreadable (text '')
 * and the check names it.
 */
import { z } from 'zod';
import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import { pdfText, pdfTextAvailable } from '../../../integrations/pdf-text.js';
import { defineJob } from '../../../jobs/job.js';
import { enqueueJob } from '../../../jobs/queue.js';
import type { Clock } from '../../../kernel/clock.js';
import { encodePrints, fingerprints } from '../../marking/similarity.js';
import { listFiles } from '../assignments.repository.js';
import type { FileRow } from '../assignments.tables.js';
import { readDocxText } from './docx-text.js';
import { fileTextsOf, insertFileText } from './similarity.repository.js';

export const EXTRACT_TEXT_JOB_KIND = 'assignments.extract-text';

/** A file's extracted text; `unreadable`: the file could not be read at all (its text is ''). */
export interface ExtractedText {
  text: string;
  unreadable: boolean;
}

/** The text of a file of this type; null when it cannot be read on this machine now (no pdftotext). */
export async function extractFileText(
  type: string,
  bytes: Uint8Array,
  pdftotext = 'pdftotext',
): Promise<ExtractedText | null> {
  if (type === 'docx') {
    const read = await readDocxText(bytes);
    return read.unreadable ? { text: '', unreadable: true } : { text: read.text, unreadable: false };
  }
  if (!(await pdfTextAvailable(pdftotext))) return null;
  return { text: await pdfText(bytes, pdftotext), unreadable: false };
}

/**
 * The texts of these files (file id → text): the kept ones, and those not kept yet extracted now and kept.
 * A file that cannot be read now (stored bytes gone, no pdftotext) is absent.
 */
export async function fileTexts(
  db: Executor,
  deps: Pick<Services, 'storage' | 'clock'>,
  files: readonly Pick<FileRow, 'id' | 'type' | 'storage_key'>[],
  pdftotext = 'pdftotext',
): Promise<Map<string, string>> {
  const kept = await fileTextsOf(
    db,
    files.map((f) => f.id),
  );
  for (const file of files) {
    if (kept.has(file.id)) continue;
    const bytes = await deps.storage.get(file.storage_key);
    if (!bytes) continue;
    const extracted = await extractFileText(file.type, bytes, pdftotext);
    if (extracted === null) continue;
    const { text, unreadable } = extracted;
    await insertFileText(db, {
      file_id: file.id,
      text,
      prints: encodePrints(fingerprints(text)),
      unreadable: unreadable ? 1 : 0,
      extracted_at: deps.clock.now().toISOString(),
    });
    kept.set(file.id, text);
  }
  return kept;
}

/** Queues the extraction of a submitted attempt's files (in the submission's transaction). */
export async function queueTextExtraction(db: Executor, clock: Clock, submissionId: string): Promise<void> {
  await enqueueJob(db, clock, {
    kind: EXTRACT_TEXT_JOB_KIND,
    payload: { submissionId },
    idempotencyKey: `${EXTRACT_TEXT_JOB_KIND}:${submissionId}`,
  });
}

/**
 * The job: extracts and keeps the text (and fingerprints) of every file of the submission (idempotent: kept
 * texts are skipped).
 */
export const extractTextJob = defineJob(
  EXTRACT_TEXT_JOB_KIND,
  z.object({ submissionId: z.string().min(1) }),
  async ({ deps }, { submissionId }) => {
    const files = await listFiles(deps.db, [submissionId]);
    const texts = await fileTexts(deps.db, deps, files);
    return { files: files.length, extracted: texts.size };
  },
);
