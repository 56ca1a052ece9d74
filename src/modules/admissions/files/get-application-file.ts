import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { AppError } from '../../../kernel/errors.js';
import { FILE_KINDS } from '../application.js';
import { applicationFor } from '../application-access.js';
import { findApplicationFileRow } from '../applications.repository.js';

/** A document of an application for download (the applicant, its assigned reviewers, managers). */
export async function getApplicationFile(
  db: Executor,
  deps: Services,
  actor: Actor,
  applicationId: string,
  kind: string,
): Promise<{ bytes: Uint8Array; downloadName: string; sha256: string }> {
  const row = await applicationFor(db, actor, applicationId, 'application.read');
  if (!(FILE_KINDS as readonly string[]).includes(kind)) throw new AppError('not_found');
  const file = await findApplicationFileRow(db, row.id, kind);
  if (!file) throw new AppError('not_found');
  const bytes = await deps.storage.get(file.storage_key);
  if (!bytes) throw new AppError('not_found');
  // The download name is ours (never the uploaded one): nothing to escape in the header.
  return { bytes, downloadName: `${kind}-${row.id.slice(0, 8)}.pdf`, sha256: file.sha256 };
}
