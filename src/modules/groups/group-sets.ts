/** Group sets, pure: formations, limits, inputs and what a person may choose. */
import { z } from 'zod';
import { isTimeZone } from '../../i18n/time-zones.js';
import { isId } from '../../kernel/ids.js';
import { fromLocalInput } from '../spaces/spaces.js';

export const FORMATIONS = ['manual', 'random', 'self', 'balanced'] as const;
export type Formation = (typeof FORMATIONS)[number];

export const SET_NAME_MAX = 120;
export const GROUP_NAME_MAX = 120;
export const MAX_GROUPS = 50;
export const MAX_SETS = 30;
export const MAX_CAPACITY = 500;

const timeZoneSchema = z
  .string()
  .optional()
  .transform((v) => (v && isTimeZone(v) ? v : 'UTC'));

/** A moment typed in a `datetime-local` field in `timeZone` (or an ISO instant); empty is none. */
export function momentIn(value: string | null | undefined, timeZone: string): string | null | 'invalid' {
  if (!value) return null;
  if (/[zZ]|[+-]\d{2}:\d{2}$/.test(value))
    return Number.isNaN(Date.parse(value)) ? 'invalid' : new Date(value).toISOString();
  return fromLocalInput(value, timeZone) ?? 'invalid';
}

const optionalText = z
  .union([z.literal(''), z.null(), z.string().trim().max(40)])
  .optional()
  .transform((v) => v || null);

export const groupSetSchema = z
  .object({
    name: z
      .string('validation.required')
      .trim()
      .min(1, 'validation.required')
      .max(SET_NAME_MAX, 'validation.tooLong')
      .refine((s) => !/\p{Cc}/u.test(s), 'validation.invalidCharacters'),
    formation: z.enum(FORMATIONS, 'validation.invalidChoice'),
    groupCount: z.coerce
      .number('validation.notNumber')
      .int('validation.notInteger')
      .min(1, 'validation.tooSmall')
      .max(MAX_GROUPS, 'validation.tooBig'),
    capacity: z
      .union([z.literal('').transform(() => null), z.null(), z.coerce.number('validation.notNumber')])
      .optional()
      .transform((v) => v ?? null)
      .refine(
        (v) => v === null || (Number.isInteger(v) && v >= 1 && v <= MAX_CAPACITY),
        'validation.invalid',
      ),
    closesAt: optionalText,
    timeZone: timeZoneSchema,
  })
  .transform((v, ctx) => {
    const closesAt = momentIn(v.closesAt, v.timeZone);
    if (closesAt === 'invalid')
      ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'groups.error.invalidMoment' });
    if (v.formation === 'self' && v.capacity === null)
      ctx.addIssue({ code: 'custom', path: ['capacity'], message: 'groups.error.capacityNeeded' });
    return {
      ...v,
      capacity: v.formation === 'self' ? v.capacity : null,
      closesAt: v.formation === 'self' && closesAt !== 'invalid' ? closesAt : null,
    };
  });
export type GroupSetInput = z.infer<typeof groupSetSchema>;

export const placeSchema = z.object({
  userId: z.string().refine(isId, 'validation.invalidChoice'),
  /** Empty: out of every group of the set. */
  groupId: z
    .union([z.literal('').transform(() => null), z.string().refine(isId, 'validation.invalidChoice')])
    .optional()
    .transform((v) => v ?? null),
});

/** Pure: may a person join a group of a self-selection set now (open, not full)? The problem's message id, or null. */
export function joinProblem(
  set: { formation: string; capacity: number | null; closes_at: string | null },
  members: number,
  now: string,
): string | null {
  if (set.formation !== 'self') return 'groups.error.notSelfSelection';
  if (set.closes_at !== null && now >= set.closes_at) return 'groups.error.choiceClosed';
  if (set.capacity !== null && members >= set.capacity) return 'groups.error.groupFull';
  return null;
}
