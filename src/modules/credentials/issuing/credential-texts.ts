/**
 * The words a credential carries that are not the course's or the programme's own (its title, criteria,
 * the labels of grade and hours, the capstone's evidence), in the three credential languages, from the
 * locale files (`credential.document.*`). Pure apart from reading the message catalogue.
 */
import { type MessageValues, translator } from '../../../i18n/i18n.js';
import { type LocalizedText as ContentText, pickLocalized } from '../../../i18n/localized.js';
import type { CredentialKind } from '../credential.js';
import { CREDENTIAL_LANGUAGES, type LocalizedText, MAX_TEXT_LENGTH } from './credential-input.js';

/** A message in every credential language, with values that may differ per language. */
export function inEveryLanguage(
  id: string,
  values: (language: (typeof CREDENTIAL_LANGUAGES)[number]) => MessageValues = () => ({}),
): LocalizedText {
  const text: LocalizedText = {};
  for (const language of CREDENTIAL_LANGUAGES) text[language] = translator(language).t(id, values(language));
  return text;
}

/**
 * Content written by managers (`{ en, fr, … }`) as a credential text: the three credential languages
 * that have text, trimmed and bounded; null when none has (the caller falls back).
 */
export function contentText(content: ContentText): LocalizedText | null {
  const text: LocalizedText = {};
  for (const language of CREDENTIAL_LANGUAGES) {
    const value = content[language]?.trim();
    if (value) text[language] = value.slice(0, MAX_TEXT_LENGTH);
  }
  return Object.keys(text).length ? text : null;
}

/** The content in a language, falling back like the pages do (for texts inside other messages). */
export function contentIn(content: ContentText, language: (typeof CREDENTIAL_LANGUAGES)[number]): string {
  return pickLocalized(content, language).text;
}

/** The credential's own title, e.g. "Certificate of Achievement — Labour Migration Academy". */
export function credentialTitle(kind: CredentialKind, subject: ContentText): LocalizedText {
  return inEveryLanguage(`credential.document.title.${kind}`, (language) => ({
    title: contentIn(subject, language),
  }));
}

/** What had to be done to earn it. */
export function criteriaText(kind: CredentialKind): LocalizedText {
  return inEveryLanguage(`credential.document.criteria.${kind}`);
}

/** The label of the grade result. */
export const gradeLabel = (): LocalizedText => inEveryLanguage('credential.document.grade');
/** The label of the learning-hours result. */
export const hoursLabel = (): LocalizedText => inEveryLanguage('credential.document.hours');
