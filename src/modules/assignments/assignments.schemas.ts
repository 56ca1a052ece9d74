/** Inputs of the assignments module (shared by the forms and the use cases). */
import { z } from 'zod';
import { TEACHING_LANGUAGES } from '../../i18n/languages.js';
import { localizedTextSchema, nestLocalizedFields } from '../../i18n/localized.schemas.js';
import { isTimeZone } from '../../i18n/time-zones.js';
import { checkboxSchema, optionalInteger } from '../../kernel/schemas.js';
import { fromLocalInput } from '../spaces/spaces.js';
import {
  FILE_BYTES_LIMIT,
  FILE_TYPES,
  MAX_FILES_LIMIT,
  OVERRIDE_SCOPES,
  RESUBMISSION_POLICIES,
  TEXT_MAX,
} from './assignment.js';
import { LATE_PENALTY_KINDS } from './late-penalty.js';

export const INSTRUCTIONS_MAX = 50_000;
export const REASON_MAX = 1000;

const moment = z
  .union([z.literal(''), z.null(), z.string().trim().max(40)])
  .optional()
  .transform((v) => v || null);

const timeZone = z
  .string()
  .optional()
  .transform((v) => (v && isTimeZone(v) ? v : 'UTC'));

/** A percentage typed as text with at most two decimals ("50", "12.5") → hundredths. */
const percent = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const match = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(String(v).trim());
  const value = match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0') || '0') : Number.NaN;
  if (!(value >= 0 && value <= 10000)) {
    ctx.addIssue({ code: 'custom', message: 'assignments.error.percent' });
    return z.NEVER;
  }
  return value;
});

function instant(value: string | null, zone: string): string | null | undefined {
  if (value === null) return null;
  if (/[zZ]|[+-]\d{2}:\d{2}$/.test(value))
    return Number.isNaN(Date.parse(value)) ? undefined : new Date(value).toISOString();
  return fromLocalInput(value, zone) ?? undefined;
}

/** Turns the typed moments (local to `timeZone`) into UTC instants, with a field error for each bad one. */
function withInstants<T extends Record<string, unknown> & { timeZone: string }>(fields: readonly string[]) {
  return (v: T, ctx: z.RefinementCtx) => {
    const out: Record<string, unknown> = { ...v };
    for (const field of fields) {
      const parsed = instant(v[field] as string | null, v.timeZone);
      if (parsed === undefined)
        ctx.addIssue({ code: 'custom', path: [field], message: 'assignments.error.moment' });
      out[field] = parsed ?? null;
    }
    return out as T;
  };
}

export const assignmentSchema = z
  .object({
    title: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
    instructions: localizedTextSchema(INSTRUCTIONS_MAX),
    acceptsText: checkboxSchema,
    acceptsFiles: checkboxSchema,
    fileTypes: z.preprocess(
      (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.enum(FILE_TYPES, 'validation.invalidChoice')).max(FILE_TYPES.length),
    ),
    maxFiles: optionalInteger(1, MAX_FILES_LIMIT).transform((v) => v ?? 1),
    maxFileMb: optionalInteger(1, FILE_BYTES_LIMIT / 1024 / 1024).transform((v) => v ?? 10),
    opensAt: moment,
    dueAt: moment,
    cutoffAt: moment,
    markingDueAt: moment,
    resubmission: z.enum(RESUBMISSION_POLICIES, 'validation.invalidChoice').default('none'),
    maxAttempts: optionalInteger(1, 20),
    rubricId: z
      .union([z.literal(''), z.null(), z.string().uuid('validation.invalidChoice')])
      .optional()
      .transform((v) => v || null),
    secondMarking: checkboxSchema,
    discrepancy: percent.default(1000),
    passMark: percent.default(5000),
    latePenaltyKind: z.enum(LATE_PENALTY_KINDS, 'validation.invalidChoice').default('none'),
    latePenaltyAmount: z
      .union([z.literal(''), percent])
      .default('')
      .transform((v) => (v === '' ? 0 : v)),
    latePenaltyCap: z
      .union([z.literal(''), percent])
      .default('')
      .transform((v) => (v === '' ? 0 : v)),
    groupWork: checkboxSchema,
    groupSetId: z
      .union([z.literal(''), z.null(), z.string().uuid('validation.invalidChoice')])
      .optional()
      .transform((v) => v || null),
    peerAdjustment: checkboxSchema,
    timeZone,
  })
  .transform(withInstants(['opensAt', 'dueAt', 'cutoffAt', 'markingDueAt']))
  .superRefine((v, ctx) => {
    if (!v.acceptsText && !v.acceptsFiles)
      ctx.addIssue({ code: 'custom', path: ['acceptsText'], message: 'assignments.error.nothingAccepted' });
    if (v.acceptsFiles && v.fileTypes.length === 0)
      ctx.addIssue({ code: 'custom', path: ['fileTypes'], message: 'assignments.error.noFileType' });
    if (v.dueAt && v.cutoffAt && v.cutoffAt < v.dueAt)
      ctx.addIssue({ code: 'custom', path: ['cutoffAt'], message: 'assignments.error.cutoffBeforeDue' });
    if (v.opensAt && v.dueAt && v.dueAt < v.opensAt)
      ctx.addIssue({ code: 'custom', path: ['dueAt'], message: 'assignments.error.dueBeforeOpen' });
    if (v.latePenaltyKind !== 'none' && v.latePenaltyAmount === 0)
      ctx.addIssue({ code: 'custom', path: ['latePenaltyAmount'], message: 'assignments.error.latePenalty' });
    if (!v.groupWork && (v.groupSetId || v.peerAdjustment))
      ctx.addIssue({ code: 'custom', path: ['groupWork'], message: 'assignments.error.groupWorkOff' });
    if (v.peerAdjustment && !v.groupSetId)
      ctx.addIssue({ code: 'custom', path: ['groupSetId'], message: 'assignments.error.peerNeedsSet' });
    if (v.resubmission === 'attempts' && !v.maxAttempts)
      ctx.addIssue({ code: 'custom', path: ['maxAttempts'], message: 'assignments.error.maxAttempts' });
  });
export type AssignmentInput = z.output<typeof assignmentSchema>;

/** An assignment form's fields as the schema reads them. */
export function assignmentFromForm(body: Record<string, unknown>): Record<string, unknown> {
  return nestLocalizedFields(body, ['instructions']);
}

/** Longest contribution statement (characters). */
export const CONTRIBUTION_MAX = 2000;

export const contributionSchema = z.object({
  statement: z.string().trim().min(1, 'validation.required').max(CONTRIBUTION_MAX, 'validation.tooLong'),
});

export const draftSchema = z.object({
  text: z.string().max(TEXT_MAX, 'validation.tooLong').default(''),
  declared: checkboxSchema,
  /** The language the work is written in (absent: unchanged). */
  language: z.enum(TEACHING_LANGUAGES, 'validation.invalidChoice').optional(),
});

export const overrideSchema = z
  .object({
    scope: z.enum(OVERRIDE_SCOPES, 'validation.invalidChoice'),
    personId: z
      .union([z.literal(''), z.null(), z.string().uuid('validation.invalidChoice')])
      .optional()
      .transform((v) => v || null),
    groupId: z
      .union([z.literal(''), z.null(), z.string().trim().max(64)])
      .optional()
      .transform((v) => v || null),
    opensAt: moment,
    dueAt: moment,
    cutoffAt: moment,
    reason: z
      .string()
      .trim()
      .max(REASON_MAX, 'validation.tooLong')
      .optional()
      .transform((v) => v || null),
    timeZone,
  })
  .transform(withInstants(['opensAt', 'dueAt', 'cutoffAt']))
  .superRefine((v, ctx) => {
    if (v.scope === 'group' ? !v.groupId : !v.personId)
      ctx.addIssue({
        code: 'custom',
        path: [v.scope === 'group' ? 'groupId' : 'personId'],
        message: 'validation.required',
      });
    if (v.scope === 'extension' && !v.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'assignments.error.reasonRequired' });
    if (!v.opensAt && !v.dueAt && !v.cutoffAt)
      ctx.addIssue({ code: 'custom', path: ['dueAt'], message: 'assignments.error.noDate' });
  });
export type OverrideInput = z.output<typeof overrideSchema>;

export const reopenSchema = z.object({
  reason: z.string().trim().min(1, 'assignments.error.reasonRequired').max(REASON_MAX, 'validation.tooLong'),
});
