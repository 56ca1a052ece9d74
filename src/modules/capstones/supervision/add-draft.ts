import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { newId } from '../../../kernel/ids.js';
import { capstoneAccess, ensureCapstone, stateError } from '../capstone-access.js';
import { insertMessage } from '../capstones.repository.js';
import { MESSAGE_MAX } from '../capstones.schemas.js';
import { type CapstoneUpload, storeCapstoneFile } from '../final/capstone-files.js';

/**
 * A draft (the candidate) or a feedback file (the supervisor) with an optional note, any number before
 * the final: kept with the capstone's messages. Only while the capstone is approved or to be resubmitted.
 * Audited with the file's SHA-256.
 */
export async function addDraft(
  db: Executor,
  deps: Services,
  actor: Actor,
  capstoneId: string,
  file: CapstoneUpload,
  note: string,
): Promise<{ id: string }> {
  const { row, can } = await capstoneAccess(db, actor, capstoneId);
  const supervisor = actor.kind === 'user' && actor.id === row.supervisor_id;
  ensureCapstone(can.own || supervisor);
  if (row.state !== 'approved' && row.state !== 'resubmission') throw stateError();
  const id = newId();
  const stored = await storeCapstoneFile(deps, row.id, id, file);
  try {
    await inTransaction(db, async (trx) => {
      await insertMessage(trx, {
        id,
        capstone_id: row.id,
        author_id: actor.kind === 'user' ? actor.id : null,
        kind: supervisor ? 'feedback' : 'draft',
        body: note.trim().slice(0, MESSAGE_MAX),
        storage_key: stored.key,
        file_type: stored.type,
        file_name: stored.name,
        sha256: stored.sha256,
        created_at: deps.clock.now().toISOString(),
      });
      await audit(trx, deps.clock, actor, {
        action: 'capstones.draft-added',
        targetType: 'capstone',
        targetId: row.id,
        after: { sha256: stored.sha256, type: stored.type },
      });
    });
  } catch (error) {
    await deps.storage.delete(stored.key).catch(() => {});
    throw error;
  }
  return { id };
}
