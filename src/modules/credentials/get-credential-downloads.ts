import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { isId } from '../../kernel/ids.js';
import { downloadUrls } from './credential-urls.js';
import { canCredentials, canReadCredentialOf } from './credentials.policy.js';
import { findCredential } from './credentials.repository.js';

/** The download links of a credential (PDF, signed JSON, JWTs, CLR for a diploma). */
export type CredentialDownloads = ReturnType<typeof downloadUrls>;

/**
 * The download links of a credential for this viewer, or null when they may not download it (anyone but
 * its holder and managers; an unknown id). Never throws for a permission: the public verification page asks
 * it to decide whether to offer the links, and shows the same page to everyone else.
 */
export async function getCredentialDownloads(
  db: Executor,
  deps: Services,
  actor: Actor,
  credentialId: string,
): Promise<CredentialDownloads | null> {
  // Anonymous visitors (most readers of the public page) cost no query.
  if (!canCredentials(actor, 'credentials.read') || !isId(credentialId)) return null;
  const row = await findCredential(db, credentialId);
  if (!row || !canReadCredentialOf(actor, row.user_id)) return null;
  return downloadUrls(deps.config.baseUrl, row.id, row.clr_json !== null);
}
