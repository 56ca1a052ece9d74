/**
 * zod inputs of the credentials module, shared by the API, the forms to come and the CLI. Limits are named
 * constants so the pages can show them.
 */
import { z } from 'zod';
import { REVOCATION_REASONS, SUSPENSION_REASONS } from './credential.js';

/** Shortest and longest note a manager writes when changing a credential's status. */
export const NOTE_MIN_LENGTH = 3;
export const NOTE_MAX_LENGTH = 2000;
/** Most candidacies awarded in one bulk request (the ready list's page is smaller). */
export const MAX_BULK_AWARD = 200;
/** Longest issuer name (per language) and URL (website, logo) administrators may set. */
export const ISSUER_NAME_MAX_LENGTH = 300;
export const ISSUER_URL_MAX_LENGTH = 500;
/** The OB 3.0 API's page size: default and largest. */
export const OB_PAGE_DEFAULT = 20;
export const OB_PAGE_MAX = 100;

const note = z
  .string('validation.required')
  .trim()
  .min(NOTE_MIN_LENGTH, 'validation.tooShort')
  .max(NOTE_MAX_LENGTH, 'validation.tooLong');

/** Revoke: a reason category and a note (both required; the category is public, the note is not). */
export const revokeSchema = z.object({
  reason: z.enum(REVOCATION_REASONS, 'validation.invalidChoice'),
  note,
});
/** Suspend: a reason category and a note. */
export const suspendSchema = z.object({
  reason: z.enum(SUSPENSION_REASONS, 'validation.invalidChoice'),
  note,
});
/** Reinstate a suspended credential, or supersede one with a correction: a note. */
export const noteSchema = z.object({ note });

const httpUrl = z
  .url({ protocol: /^https?$/, error: 'validation.invalidFormat' })
  .max(ISSUER_URL_MAX_LENGTH, 'validation.tooLong');
const nameText = z.string().trim().max(ISSUER_NAME_MAX_LENGTH, 'validation.tooLong');

/** The issuer's profile (administrators): names per language (at least one), URL, email, logo URL. */
export const issuerProfileSchema = z
  .object({
    name: z.object({ en: nameText.optional(), fr: nameText.optional(), es: nameText.optional() }),
    url: httpUrl,
    email: z
      .union([z.literal('').transform(() => null), z.email('validation.invalidEmail').max(254), z.null()])
      .optional()
      .transform((v) => v ?? null),
    imageUrl: z
      .union([z.literal('').transform(() => null), httpUrl, z.null()])
      .optional()
      .transform((v) => v ?? null),
  })
  .refine((v) => Object.values(v.name).some((text) => text && text.length > 0), {
    message: 'validation.requiredOneLanguage',
    path: ['name'],
  });
export type IssuerProfileEdit = z.output<typeof issuerProfileSchema>;

/** Candidacies to award in one go (the ready list). */
export const awardDiplomasSchema = z.object({
  candidacyIds: z
    .array(z.string().max(64))
    .min(1, 'validation.required')
    .max(MAX_BULK_AWARD, 'validation.tooMany'),
});

/** The programme setting "award the diploma automatically" (a JSON boolean, or a form checkbox). */
export const autoAwardSchema = z.object({
  awardAutomatically: z
    .union([z.boolean(), z.enum(['on', 'true', '1', 'off', 'false', '0'])], 'validation.invalidChoice')
    .optional()
    .transform((v) => v === true || v === 'on' || v === 'true' || v === '1'),
});

/** A JSON object of any shape (a credential or presentation is checked by the verifier, not by zod). */
const jsonObject = z.record(z.string(), z.unknown());

/** VC-API verification options: which checks (`options.checks`; default all), challenge and domain. */
const verifyOptions = z.object({
  checks: z.array(z.string().max(40)).max(10).optional(),
  challenge: z.string().min(1).max(200).optional(),
  domain: z.string().min(1).max(500).optional(),
});

/** W3C VC-API `POST /credentials/verify`: a credential (object, or a VC-JWT string, or an envelope). */
export const vcApiVerifyCredentialSchema = z.object({
  verifiableCredential: z.union([jsonObject, z.string().min(1).max(200_000)]),
  options: verifyOptions.optional(),
});

/** W3C VC-API `POST /presentations/verify`: a presentation; `options.challenge` / `options.domain` must match its proof. */
export const vcApiVerifyPresentationSchema = z.object({
  verifiablePresentation: z.union([jsonObject, z.string().min(1).max(200_000)]),
  options: verifyOptions.optional(),
});

/** A status entry asked for at issuance (`options.credentialStatus`): a Bitstring Status List purpose. */
const statusRequest = z.object({
  type: z.literal('BitstringStatusListEntry', 'validation.invalidChoice'),
  statusPurpose: z.enum(['revocation', 'suspension'], 'validation.invalidChoice').default('revocation'),
});

/** W3C VC-API `POST /credentials/issue`: an unsigned VC 2.0 credential, and status entries on request. */
export const vcApiIssueSchema = z.object({
  credential: jsonObject,
  options: z
    .object({
      credentialStatus: z.union([statusRequest, z.array(statusRequest).min(1).max(2)]).optional(),
    })
    .catchall(z.unknown())
    .optional(),
});
export type VcApiIssueInput = z.output<typeof vcApiIssueSchema>;

/** A status to set: by purpose, or the VC-API's `status` words (`revoked`, `suspended`, `active`). */
const statusChange = z.object({
  type: z.string().max(60).optional(),
  statusPurpose: z.enum(['revocation', 'suspension'], 'validation.invalidChoice').optional(),
  status: z.union([
    z.boolean(),
    z.enum(['0', '1', 'revoked', 'suspended', 'active'], 'validation.invalidChoice'),
  ]),
});

/** W3C VC-API `POST /credentials/status`: set or clear a status of a credential signed through the VC-API. */
export const vcApiStatusSchema = z.object({
  credentialId: z.string().min(1).max(500),
  credentialStatus: z.array(statusChange).min(1).max(2),
});
export type VcApiStatusInput = z.output<typeof vcApiStatusSchema>;

/** Open Badges 3.0 API `GET /ims/ob/v3p0/credentials` paging. */
export const obCredentialsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(OB_PAGE_MAX).default(OB_PAGE_DEFAULT),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  since: z.iso.datetime({ offset: true, local: true }).optional(),
});
export type ObCredentialsQuery = z.output<typeof obCredentialsQuerySchema>;
