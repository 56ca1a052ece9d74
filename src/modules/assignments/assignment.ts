/**
 * The individual assignment's pure rules: whose dates apply (extension > personal override > group
 * override > default), whether a submission is on time, late or too late, whether another attempt may
 * start, what a file is by its content, and the digest of what was submitted (the receipt's SHA-256).
 * No I/O: the use cases feed them rows.
 */

import { createHash } from 'node:crypto';
import { TEACHING_LANGUAGES, type TeachingLanguage } from '../../i18n/languages.js';
import {
  DOCUMENT_CONTENT_TYPES,
  DOCUMENT_TYPES,
  type DocumentType,
  documentTypeOf,
} from '../../kernel/document-type.js';

export const RESUBMISSION_POLICIES = ['none', 'until-passed', 'attempts', 'by-hand'] as const;
export type ResubmissionPolicy = (typeof RESUBMISSION_POLICIES)[number];

export const FILE_TYPES = DOCUMENT_TYPES;
export type FileType = DocumentType;

/** The content type each accepted file type is served with. */
export const CONTENT_TYPES: Record<FileType, string> = DOCUMENT_CONTENT_TYPES;

/** Limits shared by the forms, the API and the checks. */
export const TEXT_MAX = 100_000;
export const MAX_FILES_LIMIT = 10;
/** The largest file an assignment may accept (the upload reader cuts anything larger). */
export const FILE_BYTES_LIMIT = 20 * 1024 * 1024;

/** An assignment's dates (ISO instants, UTC) as one level of the precedence sets them (null: not set). */
export interface AssignmentDates {
  opensAt: string | null;
  dueAt: string | null;
  cutoffAt: string | null;
}

export const OVERRIDE_SCOPES = ['extension', 'person', 'group'] as const;
export type OverrideScope = (typeof OVERRIDE_SCOPES)[number];

/** One override of the dates: an individual extension, a personal override or a group's. */
export interface DateOverride extends AssignmentDates {
  scope: OverrideScope;
  personId: string | null;
  groupId: string | null;
}

/** Where each effective date came from (shown to staff and to the person). */
export type DateSource = 'default' | OverrideScope;

export interface EffectiveDates extends AssignmentDates {
  source: Record<keyof AssignmentDates, DateSource>;
}

const FIELDS = ['opensAt', 'dueAt', 'cutoffAt'] as const;

/**
 * Pure: the dates that apply to `personId` (member of `groupIds`). Each date is taken from the highest level
 * that sets it: extension > personal override > group override (the latest of the person's groups) >
 * default. A due date pushed past the cut-off moves the cut-off with it (an extension is never cut short).
 */
export function effectiveDates(
  defaults: AssignmentDates,
  overrides: readonly DateOverride[],
  personId: string,
  groupIds: readonly string[] = [],
): EffectiveDates {
  const mine = (scope: OverrideScope) =>
    overrides.filter((o) =>
      scope === 'group'
        ? o.scope === 'group' && o.groupId !== null && groupIds.includes(o.groupId)
        : o.scope === scope && o.personId === personId,
    );
  const levels: [DateSource, AssignmentDates[]][] = [
    ['extension', mine('extension')],
    ['person', mine('person')],
    ['group', mine('group')],
    ['default', [defaults]],
  ];
  const out = { opensAt: null, dueAt: null, cutoffAt: null, source: {} } as unknown as EffectiveDates;
  for (const field of FIELDS) {
    out.source[field] = 'default';
    for (const [source, sets] of levels) {
      const values = sets.map((s) => s[field]).filter((v): v is string => v !== null);
      if (values.length === 0) continue;
      // Several overrides at one level (two groups): the most generous (the latest).
      out[field] = values.sort().at(-1)!;
      out.source[field] = source;
      break;
    }
  }
  if (out.dueAt && out.cutoffAt && out.cutoffAt < out.dueAt) {
    out.cutoffAt = out.dueAt;
    out.source.cutoffAt = out.source.dueAt;
  }
  return out;
}

export type SubmissionTiming = 'not-open' | 'on-time' | 'late' | 'closed';

/** Pure: may one submit at `now`, and is it late (after the due date, up to the cut-off)? */
export function submissionTiming(dates: AssignmentDates, now: string): SubmissionTiming {
  if (dates.opensAt && now < dates.opensAt) return 'not-open';
  if (!dates.dueAt || now <= dates.dueAt) return 'on-time';
  if (dates.cutoffAt && now > dates.cutoffAt) return 'closed';
  return 'late';
}

/** An earlier attempt as the resubmission rule sees it. */
export interface AttemptState {
  status: 'draft' | 'submitted';
  /** The released result of its marking (null until released). */
  outcome: 'passed' | 'failed' | null;
  reopened: boolean;
}

/**
 * Pure: may the person start a new attempt after `attempts` (oldest first)? Only once the latest is
 * submitted; `none` never (unless reopened by hand), `until-passed` after a released fail, `attempts` while
 * fewer than `maxAttempts`, `by-hand` when a facilitator reopened it. Reopening by hand works in every policy.
 */
export function mayStartAttempt(
  policy: ResubmissionPolicy,
  maxAttempts: number | null,
  attempts: readonly AttemptState[],
): boolean {
  const latest = attempts.at(-1);
  if (!latest) return true;
  if (latest.status !== 'submitted') return false;
  if (latest.reopened) return true;
  switch (policy) {
    case 'none':
    case 'by-hand':
      return false;
    case 'until-passed':
      return latest.outcome === 'failed';
    case 'attempts':
      return maxAttempts !== null && attempts.length < maxAttempts;
  }
}

/** Pure: the file type by its content (the `%PDF-` signature; a zip holding `word/document.xml`), or null. */
export const fileTypeOf: (bytes: Uint8Array) => FileType | null = documentTypeOf;

/** Pure: the SHA-256 (hex) of some bytes. */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Pure: the digest of a submission printed on its receipt: the SHA-256 of the JSON
 * `{"text":…,"files":["<sha256 of file 1>",…]}` (files in upload order). Anyone holding the text and the
 * files can recompute it.
 */
export function submissionDigest(text: string, fileDigests: readonly string[]): string {
  return sha256Hex(JSON.stringify({ text, files: fileDigests }));
}

/** Pure: the name a marker downloads a file under: the participant number, the file's rank, its type. */
export function blindFileName(participantNumber: string, rank: number, type: FileType): string {
  return `${participantNumber}-${rank}.${type}`;
}

/** Pure: the name shown to the file's owner: last path segment, no control characters, at most 200 characters. */
export function cleanFileName(name: string | undefined, fallback: string): string {
  const last = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = last
    .replace(/[\p{Cc}"]/gu, '')
    .trim()
    .slice(0, 200);
  return clean === '' || clean === '.' || clean === '..' ? fallback : clean;
}

/** Pure: the language a piece of work is written in: the one its author stated, else the edition's. */
export function workLanguage(stated: string | null, editionLanguage: TeachingLanguage): TeachingLanguage {
  return TEACHING_LANGUAGES.find((l) => l === stated) ?? editionLanguage;
}
