import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { caseAccessFor, ensureCase } from './case-access.js';
import {
  DOCUMENT_MAX_MB,
  DOCUMENT_TITLE_MAX,
  DOCUMENT_TYPES,
  DOCUMENTS_MAX,
  documentExtension,
  withoutControlCharacters,
} from './case-study.js';
import { insertDocument, listDocuments } from './cases.repository.js';

/**
 * Adds a document or data file to a case (through the storage port): PDF, CSV, XLSX, DOCX, PNG or JPEG up
 * to DOCUMENT_MAX_MB, served as a download to the edition's people. Staff. Bad input: nothing stored.
 */
export async function addDocument(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
  input: { title?: unknown },
  file: { fileName: string; bytes: Uint8Array } | null,
): Promise<{ id: string }> {
  const access = await caseAccessFor(db, actor, itemId, 'case.manage', deps.clock.now().toISOString());
  if (!file || file.bytes.length === 0)
    throw new AppError('validation_failed', {}, [{ path: 'file', key: 'cases.error.fileNeeded' }]);
  if (file.bytes.length > DOCUMENT_MAX_MB * 1024 * 1024) throw new AppError('payload_too_large');
  const ext = documentExtension(file.fileName);
  if (!ext) throw new AppError('validation_failed', {}, [{ path: 'file', key: 'cases.error.fileType' }]);
  const title = withoutControlCharacters(typeof input.title === 'string' ? input.title : '', ' ').trim();
  if (title.length > DOCUMENT_TITLE_MAX)
    throw new AppError('validation_failed', {}, [
      { path: 'title', key: 'validation.tooLong', values: { max: DOCUMENT_TITLE_MAX } },
    ]);
  const id = newId();
  const key = `cases/${access.item.id}/${id}.${ext}`;
  const fileName = withoutControlCharacters(file.fileName, '').slice(0, 200);
  const saved = await inTransaction(db, async (trx) => {
    await ensureCase(trx, deps, access.item.id);
    if ((await listDocuments(trx, access.item.id)).length >= DOCUMENTS_MAX)
      throw new AppError('invalid_state', {}, [
        { path: 'file', key: 'cases.error.tooManyDocuments', values: { max: DOCUMENTS_MAX } },
      ]);
    await insertDocument(trx, {
      id,
      item_id: access.item.id,
      title: title || fileName,
      storage_key: key,
      file_name: fileName,
      content_type: DOCUMENT_TYPES[ext] ?? 'application/octet-stream',
      size: file.bytes.length,
      created_at: deps.clock.now().toISOString(),
    });
    await audit(trx, deps.clock, actor, {
      action: 'cases.document-added',
      targetType: 'space_item',
      targetId: access.item.id,
      after: { title: title || fileName, fileName },
    });
    return { id };
  });
  // Stored after the row commits: a failed write leaves a row whose download says "not found".
  await deps.storage.put(key, file.bytes);
  return saved;
}
