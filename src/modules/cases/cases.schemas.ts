/** Inputs of the cases module (shared by the forms and the use cases). */
import { z } from 'zod';
import { localizedTextSchema } from '../../i18n/localized.schemas.js';
import { isTimeZone } from '../../i18n/time-zones.js';
import { fromLocalInput } from '../spaces/spaces.js';
import {
  ANSWER_MAX,
  ANSWER_MODES,
  CONTEXT_MAX,
  DEBRIEF_MAX,
  FEEDBACK_MAX,
  QUESTIONS_MAX,
  RELEASE_MAX,
  RELEASE_TITLE_MAX,
} from './case-study.js';

const zone = z
  .string()
  .optional()
  .transform((v) => (v && isTimeZone(v) ? v : 'UTC'));

/** An ISO instant with its offset, or a `datetime-local` value in `timeZone`; undefined when neither. */
export function readInstant(value: string, timeZone: string): string | undefined {
  if (/[zZ]|[+-]\d{2}:\d{2}$/.test(value))
    return Number.isNaN(Date.parse(value)) ? undefined : new Date(value).toISOString();
  return fromLocalInput(value, timeZone) ?? undefined;
}

export const caseSchema = z
  .object({
    context: localizedTextSchema(CONTEXT_MAX),
    questions: localizedTextSchema(QUESTIONS_MAX),
    answerMode: z.enum(ANSWER_MODES, 'validation.invalidChoice').default('individual'),
    groupSetId: z
      .string()
      .max(64)
      .optional()
      .transform((v) => v || null),
    deadlineAt: z.string().trim().max(40).optional().default(''),
    debrief: localizedTextSchema(DEBRIEF_MAX),
    timeZone: zone,
  })
  .transform((v, ctx) => {
    const deadlineAt = v.deadlineAt ? readInstant(v.deadlineAt, v.timeZone) : null;
    if (deadlineAt === undefined)
      ctx.addIssue({ code: 'custom', path: ['deadlineAt'], message: 'validation.invalidFormat' });
    if (v.answerMode === 'group' && !v.groupSetId)
      ctx.addIssue({ code: 'custom', path: ['groupSetId'], message: 'cases.error.groupSetNeeded' });
    return { ...v, deadlineAt: deadlineAt ?? null };
  });

export const releaseSchema = z
  .object({
    title: localizedTextSchema(RELEASE_TITLE_MAX, { required: true }).refine(
      (value) => !Object.values(value).some((text) => text && /[\r\n]/.test(text)),
      { message: 'validation.invalidCharacters', path: ['en'] },
    ),
    body: localizedTextSchema(RELEASE_MAX),
    releaseAt: z.string().trim().min(1, 'validation.required').max(40),
    timeZone: zone,
  })
  .transform((v, ctx) => {
    const releaseAt = readInstant(v.releaseAt, v.timeZone);
    if (!releaseAt)
      ctx.addIssue({ code: 'custom', path: ['releaseAt'], message: 'validation.invalidFormat' });
    return { title: v.title, body: v.body, releaseAt: releaseAt ?? '' };
  });

export const answerSchema = z.object({
  body: z.string().trim().min(1, 'validation.required').max(ANSWER_MAX, 'validation.tooLong'),
});

export const feedbackSchema = z.object({
  feedback: z.string().trim().max(FEEDBACK_MAX, 'validation.tooLong'),
});
