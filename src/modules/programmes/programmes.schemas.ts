import { z } from 'zod';
import { localizedTextSchema } from '../../i18n/localized.schemas.js';

export const TITLE_MAX_LENGTH = 200;
export const SUMMARY_MAX_LENGTH = 600;
export const LONG_TEXT_MAX_LENGTH = 8000;

const hours = z.coerce
  .number('validation.notNumber')
  .int('validation.notInteger')
  .min(1, 'validation.tooSmall')
  .max(5000, 'validation.tooBig');

/** The whole editable programme (a PUT: every field is sent). */
export const programmeSchema = z.object({
  title: localizedTextSchema(TITLE_MAX_LENGTH, { required: true }),
  summary: localizedTextSchema(SUMMARY_MAX_LENGTH, { required: true }),
  description: localizedTextSchema(LONG_TEXT_MAX_LENGTH),
  audience: localizedTextSchema(LONG_TEXT_MAX_LENGTH),
  eligibility: localizedTextSchema(LONG_TEXT_MAX_LENGTH),
  certification: localizedTextSchema(LONG_TEXT_MAX_LENGTH),
  windowYears: z.coerce
    .number('validation.notNumber')
    .int('validation.notInteger')
    .min(1, 'validation.tooSmall')
    .max(20, 'validation.tooBig'),
  electivesRequired: z.coerce
    .number('validation.notNumber')
    .int('validation.notInteger')
    .min(0, 'validation.tooSmall')
    .max(20, 'validation.tooBig'),
  totalHours: hours,
  capstoneHours: z.coerce
    .number('validation.notNumber')
    .int('validation.notInteger')
    .min(0, 'validation.tooSmall')
    .max(5000, 'validation.tooBig'),
});
export type ProgrammeInput = z.infer<typeof programmeSchema>;

export const themeSchema = z.object({
  name: localizedTextSchema(TITLE_MAX_LENGTH, { required: true }),
  description: localizedTextSchema(SUMMARY_MAX_LENGTH),
});

export const slugSchema = z.string().regex(/^[a-z0-9-]{1,80}$/, 'validation.invalidFormat');
