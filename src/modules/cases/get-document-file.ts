import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { caseAccessFor } from './case-access.js';
import { listDocuments } from './cases.repository.js';

/** A case document's file, for the edition's participants and staff (others: not found). */
export async function getDocumentFile(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
  documentId: string,
): Promise<{ fileName: string; contentType: string; bytes: Uint8Array }> {
  const access = await caseAccessFor(db, actor, itemId, 'case.view', deps.clock.now().toISOString());
  const document = (await listDocuments(db, access.item.id)).find((d) => d.id === documentId);
  if (!document) throw new AppError('not_found');
  const bytes = await deps.storage.get(document.storage_key);
  if (!bytes) throw new AppError('not_found');
  return { fileName: document.file_name, contentType: document.content_type, bytes };
}
