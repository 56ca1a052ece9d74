/**
 * Pieces shared by the AchievementCredential and ClrCredential builders: language handling, the issuer
 * Profile, the holder's identifiers and the status entries.
 *
 * PERSISTED SHAPE: what these functions return is embedded in issued (signed, immutable) credentials.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { type BitstringStatusListEntry, statusListEntry } from '../status/status-list.js';
import {
  CREDENTIAL_LANGUAGES,
  type CredentialLanguage,
  type credentialStatusInputSchema,
  type holderSchema,
  type IssuerProfileInput,
  type LocalizedText,
} from './credential-input.js';

/** The text in `language`, else in English, else in whichever language it exists. */
export function textIn(text: LocalizedText, language: CredentialLanguage): string {
  const chosen = text[language] ?? text.en ?? CREDENTIAL_LANGUAGES.map((code) => text[code]).find(Boolean);
  if (!chosen) throw new TypeError('A localized text needs at least one language');
  return chosen;
}

/** A JSON-LD language map with `language` first, then the other languages the text exists in. */
export function languageMap(text: LocalizedText, language: CredentialLanguage): Record<string, string> {
  const order = [language, ...CREDENTIAL_LANGUAGES.filter((code) => code !== language)];
  const map: Record<string, string> = {};
  for (const code of order) {
    const value = text[code];
    if (value) map[code] = value;
  }
  return map;
}

/** `name` in the chosen language plus `nameMap` with all three (and the same for any other key). */
export function localized(
  key: 'name' | 'description' | 'narrative',
  text: LocalizedText,
  language: CredentialLanguage,
) {
  return { [key]: textIn(text, language), [`${key}Map`]: languageMap(text, language) };
}

/** The issuer as an Open Badges `Profile` (its id is our did:web). */
export function issuerProfile(
  issuer: IssuerProfileInput,
  language: CredentialLanguage,
): Record<string, unknown> {
  return {
    id: issuer.did,
    type: ['Profile'],
    ...localized('name', issuer.name, language),
    url: issuer.url,
    ...(issuer.email ? { email: issuer.email } : {}),
    ...(issuer.imageUrl ? { image: { id: issuer.imageUrl, type: 'Image' } } : {}),
  };
}

/** The holder's subject id: a `urn:uuid:` that holds no personal data. */
export function holderSubjectId(holder: z.output<typeof holderSchema>): string {
  return `urn:uuid:${holder.subjectId.toLowerCase()}`;
}

/** OB IdentityHash of an email: `sha256$` + hex SHA-256 of the lower-cased address followed by the salt. */
export function hashedEmail(email: string, salt: string): string {
  const digest = createHash('sha256').update(`${email.trim().toLowerCase()}${salt}`, 'utf8').digest('hex');
  return `sha256$${digest}`;
}

/**
 * The holder's OB `identifier`s: the name exactly as they write it (plain, as OB recommends for display)
 * and the email, salted and hashed, so the holder can prove the credential is theirs.
 */
export function holderIdentifiers(holder: z.output<typeof holderSchema>): Array<Record<string, unknown>> {
  return [
    { type: 'IdentityObject', identityHash: holder.name, identityType: 'name', hashed: false },
    {
      type: 'IdentityObject',
      identityHash: hashedEmail(holder.email, holder.salt),
      identityType: 'emailAddress',
      hashed: true,
      salt: holder.salt,
    },
  ];
}

/** `credentialStatus`: one entry object (revocation only) or an array of two (revocation, suspension). */
export function credentialStatus(
  status: z.output<typeof credentialStatusInputSchema>,
): BitstringStatusListEntry | BitstringStatusListEntry[] {
  const revocation = statusListEntry(status.revocation.listUrl, status.revocation.index, 'revocation');
  if (!status.suspension) return revocation;
  return [revocation, statusListEntry(status.suspension.listUrl, status.suspension.index, 'suspension')];
}

/** The credential id of the verification page of credential `id`: `${baseUrl}/verify/${id}`. */
export function credentialUrl(baseUrl: string, id: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/verify/${encodeURIComponent(id)}`;
}
