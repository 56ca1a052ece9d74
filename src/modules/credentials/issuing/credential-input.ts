/**
 * The inputs of the credential builders, validated with zod at the edge of this module. Every
 * user-facing text (course names, labels such as "Grade") comes in from the caller in the three
 * interface languages: the builders add structure, never words.
 */
import { z } from 'zod';

/** The languages every credential text is carried in. */
export const CREDENTIAL_LANGUAGES = ['en', 'fr', 'es'] as const;
export type CredentialLanguage = (typeof CREDENTIAL_LANGUAGES)[number];

/** Longest text accepted in a credential field (names, descriptions, narratives). */
export const MAX_TEXT_LENGTH = 4000;
/** Most themes an achievement is aligned to. */
export const MAX_THEMES = 20;
/** Most evidence items (component credentials) in one credential. */
export const MAX_EVIDENCE = 50;
/** Shortest salt for the hashed email (OB IdentityObject). */
export const MIN_SALT_LENGTH = 16;

const text = z.string().trim().min(1).max(MAX_TEXT_LENGTH);

/** A text in up to three languages; at least one is required. */
export const localizedTextSchema = z
  .object({ en: text.optional(), fr: text.optional(), es: text.optional() })
  .refine((value) => CREDENTIAL_LANGUAGES.some((language) => value[language]), 'validation.required');
export type LocalizedText = z.infer<typeof localizedTextSchema>;

const httpUrl = z.url({ protocol: /^https?$/ });
const isoInstant = z.iso.datetime({ offset: true });

/** The issuing organisation, as shown in the OB `Profile`. */
export const issuerProfileSchema = z.object({
  did: z.string().regex(/^did:[a-z0-9]+:/),
  name: localizedTextSchema,
  url: httpUrl,
  email: z.email().optional(),
  imageUrl: httpUrl.optional(),
});
export type IssuerProfileInput = z.infer<typeof issuerProfileSchema>;

/** A place in a status list. */
export const statusReferenceSchema = z.object({ listUrl: httpUrl, index: z.number().int().min(0) });

/**
 * The credential's status entries. Only `revocation` keeps the credential valid against the official
 * OB 3.0 schema (its `credentialStatus` is one object); adding `suspension` emits the VC 2.0 array of two
 * entries (see docs/decisions/0007-credentials.md).
 */
export const credentialStatusInputSchema = z.object({
  revocation: statusReferenceSchema,
  suspension: statusReferenceSchema.optional(),
});

/** The holder. `subjectId` is a random UUID kept per person (never the database id). */
export const holderSchema = z.object({
  subjectId: z.uuid(),
  name: z.string().trim().min(1).max(300),
  email: z.email(),
  /** Random, per credential: the email is published only as sha256(email + salt). */
  salt: z.string().min(MIN_SALT_LENGTH).max(200),
});

/** A theme the course belongs to (an alignment target). */
export const themeSchema = z.object({
  name: localizedTextSchema,
  url: httpUrl,
  code: z.string().max(100).optional(),
});

/** A labelled value in the result (grade or learning hours); the label comes from i18n. */
export const labelledValueSchema = z.object({
  label: localizedTextSchema,
  value: z.string().trim().min(1).max(100),
});

/** What a course certificate or the diploma certifies. */
export const achievementInputSchema = z.object({
  /** A stable URL per course (or programme) and kind, e.g. `${baseUrl}/achievements/courses/LMA`. */
  id: httpUrl,
  name: localizedTextSchema,
  description: localizedTextSchema,
  criteria: localizedTextSchema,
  imageUrl: httpUrl.optional(),
  themes: z.array(themeSchema).max(MAX_THEMES).default([]),
  hours: labelledValueSchema.optional(),
  grade: labelledValueSchema
    .extend({ resultType: z.enum(['LetterGrade', 'Percent', 'RawScore', 'ScaledScore', 'PerformanceLevel']) })
    .optional(),
});

/** A component credential referenced as evidence by the diploma. */
export const evidenceInputSchema = z.object({
  id: httpUrl,
  name: localizedTextSchema,
  narrative: localizedTextSchema.optional(),
});

/** The kinds of credential the platform issues. */
export const CREDENTIAL_KINDS = [
  'certificate-of-achievement',
  'certificate-of-participation',
  'diploma',
  /** A passed capstone (issued by the capstones module; a component of the diploma's CLR). */
  'capstone',
] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

/** Everything an Open Badges 3.0 AchievementCredential is built from. */
export const achievementCredentialInputSchema = z.object({
  /** The credential id: the public verification page URL (`credentialUrl(baseUrl, id)`). */
  id: httpUrl,
  kind: z.enum(CREDENTIAL_KINDS),
  /** The holder's chosen language: its texts come first and fill the plain `name`/`description`. */
  language: z.enum(CREDENTIAL_LANGUAGES),
  /** The credential's own title (e.g. "Certificate of Achievement — Labour Migration Academy"). */
  title: localizedTextSchema,
  issuer: issuerProfileSchema,
  validFrom: isoInstant,
  validUntil: isoInstant.optional(),
  /** When the achievement was awarded (the result date), if not `validFrom`. */
  awardedDate: isoInstant.optional(),
  holder: holderSchema,
  achievement: achievementInputSchema,
  status: credentialStatusInputSchema,
  evidence: z.array(evidenceInputSchema).max(MAX_EVIDENCE).default([]),
});
export type AchievementCredentialInput = z.input<typeof achievementCredentialInputSchema>;

/** Everything a CLR 2.0 ClrCredential is built from. */
export const clrCredentialInputSchema = z.object({
  id: httpUrl,
  language: z.enum(CREDENTIAL_LANGUAGES),
  title: localizedTextSchema,
  issuer: issuerProfileSchema,
  validFrom: isoInstant,
  holder: holderSchema,
  /** The signed credentials bundled (the diploma first, then its components). */
  credentials: z
    .array(z.looseObject({ id: z.string(), proof: z.unknown() }))
    .min(1)
    .max(MAX_EVIDENCE),
  /** The achievement the others are parts of (`isParentOf` associations), usually the diploma's. */
  parentAchievementId: httpUrl.optional(),
  status: credentialStatusInputSchema,
});
export type ClrCredentialInput = z.input<typeof clrCredentialInputSchema>;
