import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { AppError } from '../../../kernel/errors.js';
import { isId } from '../../../kernel/ids.js';
import { capstoneAccess } from '../capstone-access.js';
import { findAttempt, findMessage } from '../capstones.repository.js';
import { contentTypeOf } from './capstone-files.js';

/**
 * A draft, a feedback file or a handed-in document of a capstone, as its candidate, its supervisor or the
 * committee downloads it (`kind`: `files` for drafts and feedback, `attempts` for the final documents).
 */
export async function getCapstoneFile(
  db: Executor,
  deps: Services,
  actor: Actor,
  capstoneId: string,
  kind: 'files' | 'attempts',
  fileId: string,
) {
  const { row } = await capstoneAccess(db, actor, capstoneId);
  if (!isId(fileId)) throw new AppError('not_found');
  const found =
    kind === 'files'
      ? await findMessage(db, fileId).then((m) =>
          m?.storage_key
            ? { key: m.storage_key, type: m.file_type!, name: m.file_name!, owner: m.capstone_id }
            : null,
        )
      : await findAttempt(db, fileId).then((a) =>
          a ? { key: a.storage_key, type: a.type, name: a.original_name, owner: a.capstone_id } : null,
        );
  if (!found || found.owner !== row.id) throw new AppError('not_found');
  const bytes = await deps.storage.get(found.key);
  if (!bytes) throw new AppError('not_found');
  return { bytes, fileName: found.name, contentType: contentTypeOf(found.type) };
}
