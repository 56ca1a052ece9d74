import { z } from 'zod';
import { isCountryCode } from '../../i18n/countries.js';
import { LOCALES } from '../../i18n/i18n.js';
import { TEACHING_LANGUAGES } from '../../i18n/languages.js';
import { isTimeZone } from '../../i18n/time-zones.js';
import { ROLES } from '../../kernel/actor.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './passwords/password.js';

/** Inputs of the identity use cases, shared by the web forms, the JSON API and the CLI. */

export const FULL_NAME_MAX_LENGTH = 200;
export const EMAIL_MAX_LENGTH = 254;
export const TOKEN_NAME_MAX_LENGTH = 80;
export const ORGANISATION_MAX_LENGTH = 200;

/** The constituencies of the people the programme serves (DESIGN.md §1); labels in i18n `constituency.*`. */
export const CONSTITUENCIES = [
  'government',
  'workers',
  'employers',
  'ngo',
  'diaspora',
  'international',
  'research',
  'media',
  'other',
] as const;

export const emailSchema = z
  .string()
  .trim()
  .max(EMAIL_MAX_LENGTH, 'validation.tooLong')
  .pipe(z.email('validation.invalidEmail'))
  .transform((v) => v.toLowerCase());

export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, 'validation.passwordTooShort')
  .max(PASSWORD_MAX_LENGTH, 'validation.tooLong');

/** A name as the person writes it, in any script; only control characters are refused. */
export const fullNameSchema = z
  .string()
  .transform((v) => v.normalize('NFC').replace(/\s+/g, ' ').trim())
  .pipe(
    z
      .string()
      .min(1, 'validation.required')
      .max(FULL_NAME_MAX_LENGTH, 'validation.tooLong')
      .refine((v) => !/\p{Cc}/u.test(v), 'validation.invalidCharacters'),
  );

export const localeSchema = z.enum(LOCALES, 'validation.invalidChoice');

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'validation.tooLong')
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

export const signUpSchema = z.object({
  fullName: fullNameSchema,
  email: emailSchema,
  password: passwordSchema,
  preferredLocale: localeSchema,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'validation.required')
    .max(EMAIL_MAX_LENGTH, 'validation.tooLong')
    .transform((v) => v.toLowerCase()),
  password: z.string().min(1, 'validation.required').max(PASSWORD_MAX_LENGTH, 'validation.tooLong'),
});
export type SignInInput = z.infer<typeof signInSchema>;

export const forgotPasswordSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z.object({ password: passwordSchema });

export const changeEmailSchema = z.object({
  newEmail: emailSchema,
  currentPassword: z.string().min(1, 'validation.required').max(PASSWORD_MAX_LENGTH, 'validation.tooLong'),
});

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, 'validation.required').max(PASSWORD_MAX_LENGTH, 'validation.tooLong'),
  newPassword: passwordSchema,
});

/** A person's time zone: an IANA name (`Europe/Paris`); empty clears it (instants then show in UTC). */
export const timeZoneSchema = z
  .string()
  .trim()
  .max(64)
  .transform((v) => (v === '' ? null : v))
  .pipe(z.string().refine(isTimeZone, 'validation.invalidTimeZone').nullable());

export const createTokenSchema = z.object({
  name: z.string().trim().min(1, 'validation.required').max(TOKEN_NAME_MAX_LENGTH, 'validation.tooLong'),
});

/** An operator's token for someone's account (`diploma accounts token --email … --name …`). */
export const createTokenForAccountSchema = createTokenSchema.extend({ email: emailSchema });

export const roleSchema = z.enum(ROLES, 'validation.invalidChoice');
export const setRolesSchema = z.object({ roles: z.array(roleSchema).max(ROLES.length) });

export const PEOPLE_PAGE_SIZE = 50;
export const peopleQuerySchema = z.object({
  q: z.string().trim().max(100, 'validation.tooLong').optional(),
  role: z.union([z.literal('').transform(() => undefined), roleSchema]).optional(),
  page: z.coerce
    .number()
    .int('validation.notInteger')
    .min(1, 'validation.tooSmall')
    .max(100000, 'validation.tooBig')
    .default(1),
});

export const profileSchema = z.object({
  fullName: fullNameSchema,
  preferredLocale: localeSchema,
  country: z
    .string()
    .trim()
    .toUpperCase()
    .transform((v) => (v === '' ? null : v))
    .pipe(z.string().refine(isCountryCode, 'validation.invalidCountry').nullable())
    .nullable()
    .optional(),
  constituency: z
    .union([z.literal('').transform(() => null), z.enum(CONSTITUENCIES, 'validation.invalidChoice')])
    .nullable()
    .optional(),
  organisation: optionalText(ORGANISATION_MAX_LENGTH),
  jobTitle: optionalText(ORGANISATION_MAX_LENGTH),
  /** Absent: unchanged (a form or API call that does not mention it keeps the saved zone). */
  timeZone: timeZoneSchema.optional(),
  /** The languages one can learn in: a form's checkboxes (a hidden empty value, so none ticked clears them) or a JSON array; absent leaves them unchanged. */
  learningLanguages: z.preprocess(
    (v) =>
      v === undefined || v === null ? undefined : (Array.isArray(v) ? v : [v]).filter((item) => item !== ''),
    z
      .array(z.string())
      .max(TEACHING_LANGUAGES.length, 'validation.tooMany')
      // One message on the group (not on its n-th box, which has no field of its own).
      .refine(
        (list) => list.every((code) => (TEACHING_LANGUAGES as readonly string[]).includes(code)),
        'validation.invalidChoice',
      )
      .transform((list) => [...new Set(list)])
      .optional(),
  ),
});
export type ProfileInput = z.infer<typeof profileSchema>;
