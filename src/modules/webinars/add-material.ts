import { z } from 'zod';
import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { parseInput } from '../../kernel/validation.js';
import {
  MATERIAL_KINDS,
  MATERIAL_MAX_BYTES,
  MAX_MATERIALS,
  materialContentType,
  materialExtension,
} from './materials.js';
import { webinarAccessFor } from './webinar-access.js';
import { insertMaterial, listMaterials } from './webinars.repository.js';

const schema = z.object({
  kind: z.enum(MATERIAL_KINDS, 'validation.invalidChoice'),
  title: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
  url: z.string().trim().max(2000, 'validation.tooLong').optional().default(''),
});

/**
 * Attaches a session's material afterwards: a recording's https link, or a slides or chat-transcript file
 * (through the storage port; a recording may be a file too). Staff of the edition. Bad input: nothing stored.
 */
export async function addMaterial(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
  input: unknown,
  file: { fileName: string; bytes: Uint8Array } | null,
): Promise<{ id: string }> {
  const access = await webinarAccessFor(db, actor, itemId, 'webinar.manage');
  const data = parseInput(schema, input);
  const hasFile = file !== null && file.bytes.length > 0;
  let url: string | null = null;
  if (!hasFile) {
    if (data.kind !== 'recording')
      throw new AppError('validation_failed', {}, [{ path: 'file', key: 'webinars.error.fileNeeded' }]);
    let https = false;
    try {
      https = new URL(data.url).protocol === 'https:';
    } catch {
      https = false;
    }
    if (!https)
      throw new AppError('validation_failed', {}, [{ path: 'url', key: 'webinars.error.httpsLink' }]);
    url = data.url;
  }
  const ext = hasFile ? materialExtension(file.fileName) : null;
  if (hasFile && file.bytes.length > MATERIAL_MAX_BYTES) throw new AppError('payload_too_large');
  if (hasFile && !ext)
    throw new AppError('validation_failed', {}, [{ path: 'file', key: 'webinars.error.fileType' }]);
  const id = newId();
  const key = hasFile ? `webinars/${access.item.id}/${id}.${ext}` : null;
  const now = deps.clock.now().toISOString();
  const saved = await inTransaction(db, async (trx) => {
    if ((await listMaterials(trx, access.item.id)).length >= MAX_MATERIALS)
      throw new AppError('invalid_state', {}, [{ path: 'file', key: 'webinars.error.tooManyMaterials' }]);
    await insertMaterial(trx, {
      id,
      item_id: access.item.id,
      kind: data.kind,
      title: data.title,
      url,
      storage_key: key,
      file_name: hasFile ? file.fileName.slice(0, 200) : null,
      content_type: ext ? materialContentType(ext) : null,
      size: hasFile ? file.bytes.length : null,
      created_by: actor.kind === 'user' ? actor.id : null,
      created_at: now,
    });
    await audit(trx, deps.clock, actor, {
      action: 'webinars.material-added',
      targetType: 'space_item',
      targetId: access.item.id,
      after: { kind: data.kind, title: data.title, fileName: hasFile ? file.fileName : null },
    });
    return { id };
  });
  // Stored after the row commits: a failed write leaves a row whose download says "not found", never a
  // file nobody refers to.
  if (key && file) await deps.storage.put(key, file.bytes);
  return saved;
}
