import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { isId } from '../../kernel/ids.js';
import { ensure } from '../../kernel/policy.js';
import { canCredentials, canReadCredentialOf } from './credentials.policy.js';
import { findCredential } from './credentials.repository.js';

/** The signed forms of a credential that can be downloaded. */
export const DOCUMENT_FORMATS = ['json', 'jwt-rs256', 'jwt-eddsa', 'clr'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** A signed document as served: its text, media type and a file name. */
export interface CredentialDocument {
  body: string;
  mediaType: string;
  fileName: string;
}

/**
 * The holder (or a manager) downloads a credential's signed form, byte for byte as issued: the Data
 * Integrity JSON (`application/ld+json`), a VC-JWT signed with RS256 or EdDSA (`application/vc+jwt`), or,
 * for a diploma, its CLR 2.0 bundle. A credential is its holder's to share: anyone else gets 403 (401 when
 * signed out), an unknown id 404, a CLR of a certificate 404.
 */
export async function getCredentialDocument(
  db: Executor,
  _deps: Services,
  actor: Actor,
  credentialId: string,
  format: DocumentFormat,
): Promise<CredentialDocument> {
  ensure(actor, canCredentials(actor, 'credentials.read'));
  const row = isId(credentialId) ? await findCredential(db, credentialId) : undefined;
  if (!row) throw new AppError('not_found');
  ensure(actor, canReadCredentialOf(actor, row.user_id));
  const name = `credential-${row.short_code.toLowerCase()}`;
  switch (format) {
    case 'json':
      return { body: row.credential_json, mediaType: 'application/ld+json', fileName: `${name}.json` };
    case 'jwt-rs256':
      return { body: row.jwt_rs256, mediaType: 'application/vc+jwt', fileName: `${name}.rs256.jwt` };
    case 'jwt-eddsa':
      return { body: row.jwt_eddsa, mediaType: 'application/vc+jwt', fileName: `${name}.eddsa.jwt` };
    case 'clr':
      if (!row.clr_json) throw new AppError('not_found');
      return { body: row.clr_json, mediaType: 'application/ld+json', fileName: `${name}.clr.json` };
  }
}
