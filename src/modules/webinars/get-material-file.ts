import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { isId } from '../../kernel/ids.js';
import { webinarAccessFor } from './webinar-access.js';
import { findMaterial } from './webinars.repository.js';

/** A stored material's file, for the edition's participants and staff. */
export async function getMaterialFile(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
  materialId: string,
): Promise<{ fileName: string; contentType: string; bytes: Uint8Array }> {
  const access = await webinarAccessFor(db, actor, itemId, 'webinar.join', deps.clock.now().toISOString());
  const material = isId(materialId) ? await findMaterial(db, materialId) : undefined;
  if (!material || material.item_id !== access.item.id || !material.storage_key)
    throw new AppError('not_found');
  const bytes = await deps.storage.get(material.storage_key);
  if (!bytes) throw new AppError('not_found');
  return {
    fileName: material.file_name ?? 'file',
    contentType: material.content_type ?? 'application/octet-stream',
    bytes,
  };
}
