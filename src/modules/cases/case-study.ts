/** Case-study rules: what a participant sees when. Pure (ISO instants compare as text). */

export const CONTEXT_MAX = 50_000;
export const QUESTIONS_MAX = 20_000;
export const RELEASE_TITLE_MAX = 200;
export const RELEASE_MAX = 20_000;
export const ANSWER_MAX = 100_000;
export const FEEDBACK_MAX = 20_000;
export const DEBRIEF_MAX = 20_000;
export const ANSWER_MODES = ['individual', 'group'] as const;
export type AnswerMode = (typeof ANSWER_MODES)[number];

/** A release shows to participants from its date; staff see it before (as scheduled). */
export function isReleased(releaseAt: string, now: string): boolean {
  return releaseAt <= now;
}

/** The debrief shows to participants once the deadline has passed (staff always; no deadline: never early). */
export function canReadCaseDebrief(deadlineAt: string | null, now: string, isStaff: boolean): boolean {
  return isStaff || (deadlineAt !== null && deadlineAt <= now);
}

/** Answers are written until the deadline (none: always). */
export function isOpenForAnswers(deadlineAt: string | null, now: string): boolean {
  return deadlineAt === null || now < deadlineAt;
}

/** Documents and data files of a case: their extensions and content types (served as downloads). */
export const DOCUMENT_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  png: 'image/png',
  jpg: 'image/jpeg',
};
export const DOCUMENT_MAX_MB = 20;
export const DOCUMENTS_MAX = 30;
export const DOCUMENT_TITLE_MAX = 200;

/** Pure: the known extension of a file name (lower case), or null. */
export function documentExtension(fileName: string): string | null {
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(fileName)?.[1]?.toLowerCase();
  return ext && ext in DOCUMENT_TYPES ? ext : null;
}

/** Pure: the text with its line breaks and other control characters replaced (one-line names and titles). */
export function withoutControlCharacters(text: string, replacement: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: that is the point
  return text.replace(/[\u0000-\u001f\u007f]+/g, replacement);
}
