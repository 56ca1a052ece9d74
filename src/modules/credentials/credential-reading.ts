/**
 * Pure readers of a stored, signed credential: what the verification page, the holder's list and the PDF
 * show is read from the credential itself (immutable), never from today's course or programme, so an
 * edit of the catalogue changes nothing already issued.
 */
import type { LocalizedText } from '../../i18n/localized.js';
import { CREDENTIAL_LANGUAGES } from './issuing/credential-input.js';

type Json = Record<string, unknown>;

/** Parses a stored credential (written by us, so an object). */
export function parseStoredCredential(json: string): Json {
  return JSON.parse(json) as Json;
}

function languageMap(value: unknown, plain: unknown): LocalizedText {
  const text: LocalizedText = {};
  if (value && typeof value === 'object') {
    for (const language of CREDENTIAL_LANGUAGES) {
      const item = (value as Json)[language];
      if (typeof item === 'string' && item) text[language] = item;
    }
  }
  if (Object.keys(text).length === 0 && typeof plain === 'string' && plain) text.en = plain;
  return text;
}

function achievementOf(credential: Json): Json {
  return ((credential.credentialSubject as Json | undefined)?.achievement ?? {}) as Json;
}

/** What a stored credential says, in the shape the views need. */
export interface CredentialContent {
  title: LocalizedText;
  achievementName: LocalizedText;
  achievementDescription: LocalizedText;
  holderName: string;
  issuerName: LocalizedText;
  issuerUrl: string | null;
  validFrom: string;
  validUntil: string | null;
  /** `YYYY-MM-DD`: the award date (the result's date for a certificate). */
  awardedOn: string;
  hours: string | null;
  grade: string | null;
}

function resultValue(credential: Json, fragment: string): string | null {
  const subject = (credential.credentialSubject ?? {}) as Json;
  const results = Array.isArray(subject.result) ? (subject.result as Json[]) : [];
  const found = results.find(
    (result) =>
      typeof result.resultDescription === 'string' && result.resultDescription.endsWith(`#${fragment}`),
  );
  return typeof found?.value === 'string' ? found.value : null;
}

/** Pure: the content of a stored credential. */
export function readCredential(credential: Json): CredentialContent {
  const achievement = achievementOf(credential);
  const subject = (credential.credentialSubject ?? {}) as Json;
  const identifiers = Array.isArray(subject.identifier) ? (subject.identifier as Json[]) : [];
  const name = identifiers.find((item) => item.identityType === 'name' && item.hashed === false);
  const issuer = (
    typeof credential.issuer === 'object' && credential.issuer ? credential.issuer : {}
  ) as Json;
  const validFrom = typeof credential.validFrom === 'string' ? credential.validFrom : '';
  const awarded = typeof credential.awardedDate === 'string' ? credential.awardedDate : validFrom;
  return {
    title: languageMap(credential.nameMap, credential.name),
    achievementName: languageMap(achievement.nameMap, achievement.name),
    achievementDescription: languageMap(achievement.descriptionMap, achievement.description),
    holderName: typeof name?.identityHash === 'string' ? name.identityHash : '',
    issuerName: languageMap(issuer.nameMap, issuer.name),
    issuerUrl: typeof issuer.url === 'string' ? issuer.url : null,
    validFrom,
    validUntil: typeof credential.validUntil === 'string' ? credential.validUntil : null,
    awardedOn: awarded.slice(0, 10),
    hours: resultValue(credential, 'learning-hours'),
    grade: resultValue(credential, 'grade'),
  };
}

/** A text in `language`, else English, else any language it has. */
export function textFor(text: LocalizedText, language: string): string {
  return text[language] ?? text.en ?? Object.values(text).find((value) => value) ?? '';
}
