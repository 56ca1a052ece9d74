import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import type { Locale } from '../../../i18n/i18n.js';
import { findIssuerProfile } from '../credentials.repository.js';
import { ACHIEVEMENT_CREDENTIAL_CONTEXT } from '../issuing/achievement-credential.js';
import type { LocalizedText } from '../issuing/credential-input.js';
import { issuerProfile } from '../issuing/credential-parts.js';
import { loadIssuerProfile } from './issuer.js';

/** The issuer's profile as administrators edit it (and anyone may read). */
export interface IssuerProfileView {
  did: string;
  name: LocalizedText;
  url: string;
  email: string | null;
  imageUrl: string | null;
  /** Null while the default (the platform's name and BASE_URL) is in use. */
  updatedAt: string | null;
}

/** Anyone: the issuer's profile (the stored one, else the default). */
export async function getIssuerProfile(db: Executor, deps: Services): Promise<IssuerProfileView> {
  const [profile, row] = [await loadIssuerProfile(db, deps), await findIssuerProfile(db)];
  return {
    did: profile.did,
    name: profile.name,
    url: profile.url,
    email: profile.email ?? null,
    imageUrl: profile.imageUrl ?? null,
    updatedAt: row?.updated_at ?? null,
  };
}

/**
 * Anyone: the issuer as an Open Badges 3.0 `Profile` document (the same Profile every credential embeds),
 * its plain `name` in `locale` and `nameMap` in the three languages.
 */
export async function getIssuerProfileDocument(
  db: Executor,
  deps: Services,
  locale: Locale,
): Promise<Record<string, unknown>> {
  const profile = await loadIssuerProfile(db, deps);
  return { '@context': [...ACHIEVEMENT_CREDENTIAL_CONTEXT], ...issuerProfile(profile, locale) };
}
