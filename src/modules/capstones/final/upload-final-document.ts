import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { newId } from '../../../kernel/ids.js';
import { capstoneAccess, ensureCapstone, stateError } from '../capstone-access.js';
import { deleteAttempt, insertAttempt, listAttempts } from '../capstones.repository.js';
import { type CapstoneUpload, storeCapstoneFile } from './capstone-files.js';

/**
 * The candidate uploads the final document (PDF or DOCX) of their next attempt; uploading again replaces
 * it until they hand it in. Only while the capstone is approved or to be resubmitted.
 */
export async function uploadFinalDocument(
  db: Executor,
  deps: Services,
  actor: Actor,
  capstoneId: string,
  file: CapstoneUpload,
): Promise<void> {
  const { row, can } = await capstoneAccess(db, actor, capstoneId);
  ensureCapstone(can.own);
  if (row.state !== 'approved' && row.state !== 'resubmission') throw stateError();
  const id = newId();
  const stored = await storeCapstoneFile(deps, row.id, id, file);
  const replaced = await inTransaction(db, async (trx) => {
    const pending = (await listAttempts(trx, row.id)).filter((a) => a.submitted_at === null);
    for (const attempt of pending) await deleteAttempt(trx, attempt.id);
    await insertAttempt(trx, {
      id,
      capstone_id: row.id,
      attempt: row.attempts + 1,
      type: stored.type,
      size_bytes: stored.size,
      sha256: stored.sha256,
      storage_key: stored.key,
      original_name: stored.name,
      abstracts_json: '{}',
      declared: 0,
      digest: null,
      submitted_at: null,
      created_at: deps.clock.now().toISOString(),
    });
    return pending.map((a) => a.storage_key);
  });
  for (const key of replaced) await deps.storage.delete(key).catch(() => {});
}
