import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { type FileSettings, fileSettingsSchema, fileTypeOf } from './kinds/file-kind.js';
import { spaceAccess } from './space-access.js';
import { loadSpaceView } from './space-view.js';

/** The file of a file item, for whoever may open the item (a locked item's file is not served to a participant). */
export async function getItemFile(
  db: Executor,
  deps: Services,
  actor: Actor,
  editionId: string,
  itemId: string,
): Promise<{ fileName: string; contentType: string; bytes: Uint8Array }> {
  const access = await spaceAccess(db, actor, editionId);
  const learner = access.can.learn && actor.kind === 'user' ? actor.id : null;
  const view = await loadSpaceView(db, access, learner, deps.clock.now().toISOString());
  const item = view.items.find((i) => i.id === itemId);
  if (item?.kind !== 'file' || (learner && item.locked)) throw new AppError('not_found');
  const parsed = fileSettingsSchema.safeParse(item.settings);
  if (!parsed.success) throw new AppError('not_found');
  const settings: FileSettings = parsed.data;
  const bytes = await deps.storage.get(settings.key);
  if (!bytes) throw new AppError('not_found');
  return { fileName: settings.fileName, contentType: fileTypeOf(settings.fileName), bytes };
}
