/**
 * A group's shared files (through the storage port): its members and the edition's staff add, download
 * and remove them. The limits (size, number) are shown on the group page, as for the space's file items.
 */
import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { isId, newId } from '../../kernel/ids.js';
import { FILE_MAX_BYTES, fileTypeOf, formatBytes } from '../spaces/kinds/file-kind.js';
import { groupAccess } from './group-access.js';
import { deleteGroupFile, findGroupFile, insertGroupFile, listGroupFiles } from './group-work.repository.js';

export const GROUP_FILE_MAX_BYTES = FILE_MAX_BYTES;
export const MAX_GROUP_FILES = 50;

export async function addGroupFile(
  db: Executor,
  deps: Services,
  actor: Actor,
  groupId: string,
  file: { fileName: string; bytes: Uint8Array } | null,
): Promise<{ id: string }> {
  const access = await groupAccess(db, actor, groupId, 'group.contribute');
  if (!file || file.bytes.length === 0)
    throw new AppError('validation_failed', {}, [{ path: 'file', key: 'groups.error.noFile' }]);
  if (file.bytes.length > GROUP_FILE_MAX_BYTES)
    throw new AppError('validation_failed', {}, [
      {
        path: 'file',
        key: 'groups.error.fileTooLarge',
        values: { size: formatBytes(GROUP_FILE_MAX_BYTES, 'en') },
      },
    ]);
  const fileName = file.fileName.replace(/[\\/\p{Cc}]/gu, '_').slice(-200) || 'file';
  const id = newId();
  const key = `groups/${access.group.id}/${id}`;
  const now = deps.clock.now().toISOString();
  const saved = await inTransaction(db, async (trx) => {
    if ((await listGroupFiles(trx, access.group.id)).length >= MAX_GROUP_FILES)
      throw new AppError('invalid_state', {}, [{ path: 'file', key: 'groups.error.tooManyFiles' }]);
    await insertGroupFile(trx, {
      id,
      group_id: access.group.id,
      storage_key: key,
      file_name: fileName,
      content_type: fileTypeOf(fileName),
      size: file.bytes.length,
      uploaded_by: actor.kind === 'user' ? actor.id : null,
      uploaded_at: now,
    });
    await audit(trx, deps.clock, actor, {
      action: 'groups.file-added',
      targetType: 'group',
      targetId: access.group.id,
      after: { fileName, size: file.bytes.length },
    });
    return { id };
  });
  // Stored after the row commits: a failed write leaves a row whose download says "not found".
  await deps.storage.put(key, file.bytes);
  return saved;
}

async function fileOf(
  db: Executor,
  actor: Actor,
  groupId: string,
  fileId: string,
  action: 'group.view' | 'group.contribute',
) {
  const access = await groupAccess(db, actor, groupId, action);
  const file = isId(fileId) ? await findGroupFile(db, fileId) : undefined;
  if (!file || file.group_id !== access.group.id) throw new AppError('not_found');
  return { access, file };
}

export async function removeGroupFile(
  db: Executor,
  deps: Services,
  actor: Actor,
  groupId: string,
  fileId: string,
): Promise<void> {
  const { access, file } = await fileOf(db, actor, groupId, fileId, 'group.contribute');
  await inTransaction(db, async (trx) => {
    await deleteGroupFile(trx, file.id);
    await audit(trx, deps.clock, actor, {
      action: 'groups.file-removed',
      targetType: 'group',
      targetId: access.group.id,
      before: { fileName: file.file_name },
    });
  });
  await deps.storage.delete(file.storage_key);
}

export async function getGroupFile(
  db: Executor,
  deps: Services,
  actor: Actor,
  groupId: string,
  fileId: string,
): Promise<{ fileName: string; contentType: string; bytes: Uint8Array }> {
  const { file } = await fileOf(db, actor, groupId, fileId, 'group.view');
  const bytes = await deps.storage.get(file.storage_key);
  if (!bytes) throw new AppError('not_found');
  return { fileName: file.file_name, contentType: file.content_type, bytes };
}
