import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import { AppError } from '../../../kernel/errors.js';
import { findServedStatusList } from './status-list-store.js';

/** A signed status list as served, with its strong ETag. */
export interface ServedStatusList {
  body: string;
  etag: string;
  updatedAt: string;
}

/**
 * Anyone: a signed BitstringStatusListCredential (`/status-lists/revocation`, `/status-lists/suspension`,
 * then `revocation-2` … as lists fill), byte for byte as signed at its last change. 404 for any other name
 * and for a list not created yet.
 */
export async function getStatusList(db: Executor, _deps: Services, slug: string): Promise<ServedStatusList> {
  const found = await findServedStatusList(db, slug);
  if (!found) throw new AppError('not_found');
  return { body: found.credentialJson, etag: found.etag, updatedAt: found.updatedAt };
}
