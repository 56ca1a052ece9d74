import { createHash } from 'node:crypto';
import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import {
  estimateRowCount,
  readSpreadsheet,
  sniffFileType,
} from '../../../integrations/spreadsheets/read-spreadsheet.js';
import { enqueueJob } from '../../../jobs/queue.js';
import type { Actor } from '../../../kernel/actor.js';
import { actorId } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { ensure } from '../../../kernel/policy.js';
import { canPathway } from '../pathway.policy.js';
import { insertImport, insertImportFile, updateImport } from './import.repository.js';
import {
  IMPORT_INLINE_MAX_ROWS,
  IMPORT_VALIDATE_JOB,
  type ImportSummary,
  safeFileName,
} from './import-record.js';
import { parseImportRows } from './import-rows.js';
import { storePreview } from './import-validate.js';

export interface UploadedFile {
  /** The name the browser sent (shown only, never used as a path). */
  fileName: string | undefined;
  bytes: Buffer;
}

function fileProblem(key: string): AppError {
  return new AppError('validation_failed', {}, [{ path: 'file', key }]);
}

/**
 * Receives a results file (programme managers). The type is decided by the content. A small file is
 * read and checked at once (a problem of the whole file refuses the upload); a large one is stored and
 * checked by a job, so the request never waits for it. Either way the file is kept with the import
 * (in the database, so any node's job runner can read it) until the import is committed.
 */
export async function uploadImport(
  db: Executor,
  deps: Services,
  actor: Actor,
  file: UploadedFile,
  options: { inlineMaxRows?: number } = {},
): Promise<{ id: string }> {
  ensure(actor, canPathway(actor, 'results.import'));
  if (file.bytes.length === 0) throw fileProblem('imports.error.empty');
  const fileType = sniffFileType(file.bytes);
  if (!fileType) throw fileProblem('imports.error.fileType');
  const inline = estimateRowCount(file.bytes, fileType) <= (options.inlineMaxRows ?? IMPORT_INLINE_MAX_ROWS);
  const parsed = inline ? parseImportRows(await readSpreadsheet(file.bytes, fileType)) : null;
  const id = newId();
  const now = deps.clock.now().toISOString();
  const fileName = safeFileName(file.fileName);
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const summary: ImportSummary = { fileType, counts: null, preview: [], report: null };
  await inTransaction(db, async (trx) => {
    await insertImport(trx, {
      id,
      kind: 'results',
      status: 'validating',
      file_name: fileName,
      file_sha256: sha256,
      row_count: parsed?.rows.length ?? 0,
      error_count: 0,
      rows_json: '[]',
      errors_json: '[]',
      summary_json: JSON.stringify(summary),
      job_id: null,
      created_by: actorId(actor),
      created_at: now,
      updated_at: now,
    });
    await insertImportFile(trx, {
      import_id: id,
      file_type: fileType,
      size_bytes: file.bytes.length,
      content: file.bytes,
      created_at: now,
    });
    if (!parsed) {
      const job = await enqueueJob(trx, deps.clock, {
        kind: IMPORT_VALIDATE_JOB,
        payload: { importId: id },
        idempotencyKey: `import-validate:${id}`,
        createdBy: actorId(actor),
      });
      await updateImport(trx, id, { job_id: job.id });
    }
    await audit(trx, deps.clock, actor, {
      action: 'import.uploaded',
      targetType: 'import',
      targetId: id,
      after: { fileName, fileType, sizeBytes: file.bytes.length, sha256 },
    });
  });
  if (parsed) {
    try {
      await storePreview(db, deps, id, fileType, parsed);
    } catch (error) {
      // Not left half-done: a job checks the stored file again later.
      await enqueueJob(db, deps.clock, {
        kind: IMPORT_VALIDATE_JOB,
        payload: { importId: id },
        idempotencyKey: `import-validate:${id}`,
        createdBy: actorId(actor),
      })
        .then((job) => updateImport(db, id, { job_id: job.id }))
        .catch(() => {});
      throw error;
    }
  }
  return { id };
}
