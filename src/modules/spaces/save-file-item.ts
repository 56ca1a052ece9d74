import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { FILE_MAX_BYTES, type FileSettings, fileTypeOf, formatBytes } from './kinds/file-kind.js';
import { saveItem } from './save-item.js';
import { builderAccess } from './space-access.js';
import { findItem } from './spaces.repository.js';

/** A file as uploaded (its name is only shown; the bytes are stored under a key the platform makes). */
export interface UploadedItemFile {
  fileName: string;
  bytes: Buffer;
}

/**
 * Saves a file item: a new one needs a file; a changed one keeps its file unless another is uploaded. The
 * bytes go to storage first and are removed again when the item is refused, so nothing is left behind.
 */
export async function saveFileItem(
  db: Executor,
  deps: Services,
  actor: Actor,
  editionId: string,
  itemId: string | null,
  input: Record<string, unknown>,
  file: UploadedItemFile | null,
): Promise<{ id: string }> {
  const access = await builderAccess(db, actor, editionId);
  let settings: unknown = null;
  if (itemId !== null) {
    const before = await findItem(db, itemId);
    if (!before || before.space_id !== access.space?.id) throw new AppError('not_found');
    settings = JSON.parse(before.settings_json) as unknown;
  }
  if (file && file.bytes.length > FILE_MAX_BYTES)
    throw new AppError('validation_failed', {}, [
      { path: 'file', key: 'spaces.error.fileTooLarge', values: { size: formatBytes(FILE_MAX_BYTES, 'en') } },
    ]);
  if (!file && settings === null)
    throw new AppError('validation_failed', {}, [{ path: 'file', key: 'spaces.error.noFile' }]);
  if (!file) return saveItem(db, deps, actor, editionId, itemId, { ...input, kind: 'file', settings });
  const fileName = file.fileName.replace(/[\\/]/g, '_').slice(-200) || 'file';
  const key = `spaces/${access.edition.id}/${newId()}`;
  const stored: FileSettings = { key, fileName, size: file.bytes.length, contentType: fileTypeOf(fileName) };
  await deps.storage.put(key, file.bytes);
  try {
    return await saveItem(db, deps, actor, editionId, itemId, { ...input, kind: 'file', settings: stored });
  } catch (error) {
    await deps.storage.delete(key);
    throw error;
  }
}
