/** The spaces module's inputs, shared by the builder's forms and the API. Limits are named constants. */
import { z } from 'zod';
import { localizedTextSchema, nestLocalizedFields } from '../../i18n/localized.schemas.js';
import { isTimeZone } from '../../i18n/time-zones.js';
import { isId } from '../../kernel/ids.js';
import { checkboxSchema } from '../../kernel/schemas.js';
import { COMPLETION_RULES } from './space-item-kind.js';
import { fromLocalInput, PHASES } from './spaces.js';

export const SECTION_TITLE_MAX = 200;
export const ITEM_TITLE_MAX = 200;
export const MAX_SECTIONS = 50;
export const MAX_ITEMS = 400;

const idSchema = z.string().refine(isId, 'validation.invalidChoice');

const optionalId = z
  .union([z.literal('').transform(() => null), z.null(), idSchema])
  .optional()
  .transform((v) => v ?? null);

export const sectionSchema = z.object({
  title: localizedTextSchema(SECTION_TITLE_MAX, { required: true }),
  phase: z
    .union([z.literal('').transform(() => null), z.null(), z.enum(PHASES, 'validation.invalidChoice')])
    .optional()
    .transform((v) => v ?? null),
});
export type SectionInput = z.infer<typeof sectionSchema>;

/** A moment as typed (`YYYY-MM-DDTHH:mm`, in `timeZone`) or sent (an ISO instant); empty means none. */
const momentSchema = z
  .union([z.literal(''), z.null(), z.string().trim().max(40)])
  .optional()
  .transform((v) => v || null);

export const itemSchema = z
  .object({
    sectionId: idSchema,
    kind: z.string().trim().min(1, 'validation.required').max(40),
    title: localizedTextSchema(ITEM_TITLE_MAX, { required: true }),
    settings: z.unknown().optional(),
    availableFrom: momentSchema,
    dueAt: momentSchema,
    afterItemId: optionalId,
    completionRule: z.union([z.literal(''), z.enum(COMPLETION_RULES, 'validation.invalidChoice')]).optional(),
    required: checkboxSchema,
    timeZone: z
      .string()
      .optional()
      .transform((v) => (v && isTimeZone(v) ? v : 'UTC')),
  })
  .transform((v, ctx) => {
    const moment = (value: string | null, path: string) => {
      if (value === null) return null;
      const instant = /[zZ]|[+-]\d{2}:\d{2}$/.test(value)
        ? Number.isNaN(Date.parse(value))
          ? null
          : new Date(value).toISOString()
        : fromLocalInput(value, v.timeZone);
      if (instant === null)
        ctx.addIssue({ code: 'custom', path: [path], message: 'spaces.error.invalidMoment' });
      return instant;
    };
    return { ...v, availableFrom: moment(v.availableFrom, 'availableFrom'), dueAt: moment(v.dueAt, 'dueAt') };
  });
export type ItemInput = z.infer<typeof itemSchema>;

export const moveSchema = z.object({ direction: z.enum(['up', 'down'], 'validation.invalidChoice') });

export const copySchema = z.object({ fromEditionId: idSchema });

/** A section form's fields as the schema reads them. */
export function sectionFromForm(body: Record<string, unknown>): Record<string, unknown> {
  return nestLocalizedFields(body, ['title']);
}

/** An item form's fields: `title.*` nested, and the kind's own fields (`settings.*`) gathered. */
export function itemFromForm(body: Record<string, unknown>): Record<string, unknown> {
  const nested = nestLocalizedFields(body, ['title']);
  const settings: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(nested)) {
    if (!key.startsWith('settings.')) continue;
    const path = key.slice('settings.'.length).split('.');
    let target = settings;
    for (const part of path.slice(0, -1)) {
      if (part === '__proto__' || part === 'constructor' || part === 'prototype') break;
      target[part] ??= {};
      target = target[part] as Record<string, unknown>;
    }
    const last = path.at(-1);
    if (last && last !== '__proto__' && last !== 'constructor' && last !== 'prototype') target[last] = value;
    delete nested[key];
  }
  return { ...nested, settings };
}
