/** Inputs of the roleplays module (shared by the forms, the API and the use cases). */
import { z } from 'zod';
import { localizedTextSchema } from '../../i18n/localized.schemas.js';
import { isTimeZone } from '../../i18n/time-zones.js';
import { checkboxSchema, stringList } from '../../kernel/schemas.js';
import { CONSTITUENCIES } from '../identity/identity.schemas.js';
import { fromLocalInput } from '../spaces/spaces.js';
import { ASSIGNMENT_MODES } from './manage/role-assignment.js';
import {
  BRIEF_MAX,
  DEBRIEF_MAX,
  hasControlCharacters,
  OUTCOME_MAX,
  PHASE_TITLE_MAX,
  ROLE_NAME_MAX,
  SCENARIO_MAX,
} from './roleplay.js';

/** A one-line localized text: no line breaks or control characters (they would break mails and lists). */
function oneLine(max: number) {
  return localizedTextSchema(max, { required: true }).refine(
    (value) => !Object.values(value).some((text) => text && hasControlCharacters(text)),
    { message: 'validation.invalidCharacters', path: ['en'] },
  );
}

export const settingsSchema = z.object({
  scenario: localizedTextSchema(SCENARIO_MAX),
  allowOwnConstituency: checkboxSchema,
});

export const roleSchema = z.object({
  name: oneLine(ROLE_NAME_MAX),
  constituency: z
    .union([
      z.literal('').transform(() => null),
      z.null(),
      z.enum(CONSTITUENCIES, 'validation.invalidChoice'),
    ])
    .optional()
    .transform((v) => v ?? null),
  publicBrief: localizedTextSchema(BRIEF_MAX),
  privateBrief: localizedTextSchema(BRIEF_MAX),
});
export type RoleInput = z.output<typeof roleSchema>;

export const assignSchema = z.object({
  mode: z.enum(ASSIGNMENT_MODES, 'validation.invalidChoice'),
  /** Assign the groups of this group set (each group plays one role together) instead of people. */
  groupSetId: z
    .string()
    .max(64)
    .optional()
    .transform((v) => v || null),
});

const moment = z.string().trim().min(1, 'validation.required').max(40);

export const phaseSchema = z
  .object({
    title: oneLine(PHASE_TITLE_MAX),
    startsAt: moment,
    endsAt: moment,
    timeZone: z
      .string()
      .optional()
      .transform((v) => (v && isTimeZone(v) ? v : 'UTC')),
  })
  .transform((v, ctx) => {
    const startsAt = instant(v.startsAt, v.timeZone);
    const endsAt = instant(v.endsAt, v.timeZone);
    if (!startsAt) ctx.addIssue({ code: 'custom', path: ['startsAt'], message: 'validation.invalidFormat' });
    if (!endsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'validation.invalidFormat' });
    if (startsAt && endsAt && endsAt <= startsAt)
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'validation.endBeforeStart' });
    return { title: v.title, startsAt: startsAt ?? '', endsAt: endsAt ?? '' };
  });

/** An ISO instant with its offset, or a local `datetime-local` value in `zone`; null when neither. */
function instant(value: string, zone: string): string | null {
  if (/[zZ]|[+-]\d{2}:\d{2}$/.test(value))
    return Number.isNaN(Date.parse(value)) ? null : new Date(value).toISOString();
  return fromLocalInput(value, zone) ?? null;
}

export const debriefSchema = z.object({
  debrief: localizedTextSchema(DEBRIEF_MAX),
  publish: checkboxSchema,
});

export const outcomeSchema = z.object({
  body: z.string().max(OUTCOME_MAX, 'validation.tooLong'),
  /** The version the editor started from: a save on an older one is refused (someone saved meanwhile). */
  baseVersion: z.coerce.number('validation.notNumber').int().min(0),
});

/** By hand: for each role id, the people chosen (`holders.<roleId>`). */
export const holdersSchema = z.record(z.string().max(64), stringList(z.string().max(64), 500));
