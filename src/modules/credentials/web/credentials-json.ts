/**
 * The JSON shapes of the credentials API (zod, so the OpenAPI document is generated from them) and the
 * presenters that map use-case results onto them. Response schemas are plain: the serializer drops any
 * field they do not name. Signed documents (credentials, status lists, DID documents) are served as they
 * are, byte for byte, and typed as open objects.
 */
import { z } from 'zod';
import type { Translator } from '../../../i18n/i18n.js';
import { CREDENTIAL_KINDS, STATUS_REASONS } from '../credential.js';
import type { BulkAwardItem } from '../issuing/award-diplomas.js';
import type { IssuerProfileView } from '../keys/get-issuer-profile.js';
import type { HolderCredential } from '../list-holder-credentials.js';
import type { CredentialVerificationView } from '../verifying/get-credential-for-verification.js';
import type { CheckResult, PresentationVerificationResult, VerificationResult } from '../verifying/verify.js';

const localized = z.record(z.string(), z.string().optional());
const verificationStatus = z.enum(['valid', 'suspended', 'revoked', 'expired']);
const reason = z.enum(STATUS_REASONS).nullable();

/** Any JSON object (a signed credential, a DID document…). */
export const jsonObject = z.record(z.string(), z.unknown());

export const verificationViewJson = z.object({
  id: z.string(),
  shortCode: z.string(),
  kind: z.enum(CREDENTIAL_KINDS),
  status: verificationStatus,
  statusReason: reason,
  statusChangedAt: z.string().nullable(),
  supersededBy: z.object({ id: z.string(), shortCode: z.string(), verifyUrl: z.string() }).nullable(),
  holderName: z.string(),
  locale: z.string(),
  title: localized,
  achievement: z.object({
    name: localized,
    description: localized,
    hours: z.string().nullable(),
    grade: z.string().nullable(),
  }),
  issuer: z.object({ name: localized, url: z.string().nullable() }),
  issuedAt: z.string(),
  awardedOn: z.string(),
  validUntil: z.string().nullable(),
  verifyUrl: z.string(),
  shortUrl: z.string(),
  components: z.array(
    z.object({
      id: z.string(),
      shortCode: z.string(),
      kind: z.enum(CREDENTIAL_KINDS),
      status: verificationStatus,
      statusReason: reason,
      title: localized,
      awardedOn: z.string(),
      verifyUrl: z.string(),
      supersededBy: z.string().nullable(),
    }),
  ),
});

export const presentVerificationView = (view: CredentialVerificationView) => view;

export const holderCredentialJson = z.object({
  id: z.string(),
  shortCode: z.string(),
  kind: z.enum(CREDENTIAL_KINDS),
  courseId: z.string().nullable(),
  programmeId: z.string().nullable(),
  candidacyId: z.string().nullable(),
  status: verificationStatus,
  statusReason: reason,
  statusChangedAt: z.string().nullable(),
  supersededBy: z.string().nullable(),
  title: localized,
  achievementName: localized,
  issuedAt: z.string(),
  awardedOn: z.string(),
  locale: z.string(),
  verifyUrl: z.string(),
  shortUrl: z.string(),
  downloads: z.object({
    json: z.string(),
    jwtRs256: z.string(),
    jwtEddsa: z.string(),
    clr: z.string().nullable(),
    pdf: z.string(),
  }),
  linkedInUrl: z.string(),
});
export const holderCredentialsJson = z.object({ credentials: z.array(holderCredentialJson) });
export const presentHolderCredentials = (items: HolderCredential[]) => ({ credentials: items });

export const issuedJson = z.object({ id: z.string(), shortCode: z.string(), verifyUrl: z.string() });

export const statusChangedJson = z.object({
  id: z.string(),
  status: z.enum(['active', 'suspended', 'revoked']),
  cascade: z
    .array(
      z.object({ diplomaId: z.string(), outcome: z.enum(['suspended', 'still-holds', 'already-suspended']) }),
    )
    .optional(),
});

export const supersededJson = z.object({
  id: z.string(),
  shortCode: z.string(),
  replaced: z.string(),
  verifyUrl: z.string(),
});

export const bulkAwardJson = z.object({
  results: z.array(
    z.object({
      candidacyId: z.string(),
      outcome: z.enum(['awarded', 'refused']),
      credentialId: z.string().optional(),
      shortCode: z.string().optional(),
      problem: z.string().optional(),
      message: z.string().optional(),
    }),
  ),
});

/** The bulk award's items, each refusal with its message in the reader's language. */
export function presentBulkAward(t: Translator, items: BulkAwardItem[]) {
  return {
    results: items.map((item) =>
      item.outcome === 'awarded'
        ? item
        : {
            ...item,
            message: t.t(
              item.problem === 'notFound' ? 'errors.not_found' : `credential.problem.${item.problem}`,
            ),
          },
    ),
  };
}

export const issuerProfileJson = z.object({
  did: z.string(),
  name: localized,
  url: z.string(),
  email: z.string().nullable(),
  imageUrl: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export const presentIssuerProfile = (view: IssuerProfileView) => view;

export const autoAwardJson = z.object({ awardAutomatically: z.boolean() });

// ---- verification (W3C VC-API shape plus our detailed checks) ------------------------------------------

const checkJson = z.object({
  id: z.string(),
  ok: z.boolean(),
  code: z.string(),
  message: z.string(),
  details: z.array(z.string()).optional(),
});

/** `POST /credentials/verify`: VC-API's `{ checks, warnings, errors }` plus `verified`, `kind` and each check. */
export const credentialVerificationJson = z.object({
  verified: z.boolean(),
  checks: z.array(z.string()),
  warnings: z.array(z.string()),
  errors: z.array(z.string()),
  kind: z.enum(['data-integrity', 'jwt']),
  results: z.array(checkJson),
});

function presentCheck(t: Translator, check: CheckResult) {
  const id = `credential.check.${check.id}.${check.message}`;
  return {
    id: check.id,
    ok: check.ok,
    code: check.message,
    message: t.has(id) ? t.t(id) : check.message,
    ...(check.details?.length ? { details: check.details } : {}),
  };
}

/** Codes that pass but deserve a warning: the status could not be checked here, or there is none. */
const WARNING_CODES = new Set([
  'unknown',
  'none',
  'normalised',
  'legacy_data_model',
  'untrusted',
  'unknown_schema',
]);

/** A credential's verification in the VC-API shape (checks passed, warnings, errors as `check:code`). */
export function presentCredentialVerification(t: Translator, result: VerificationResult) {
  return {
    verified: result.valid,
    checks: result.checks.filter((check) => check.ok).map((check) => check.id),
    warnings: result.checks
      .filter((check) => check.ok && WARNING_CODES.has(check.message))
      .map((check) => `${check.id}:${check.message}`),
    errors: result.checks.filter((check) => !check.ok).map((check) => `${check.id}:${check.message}`),
    kind: result.kind,
    results: result.checks.map((check) => presentCheck(t, check)),
  };
}

/** `POST /presentations/verify`: the presentation's proof and each credential's verification. */
export const presentationVerificationJson = z.object({
  verified: z.boolean(),
  checks: z.array(z.string()),
  warnings: z.array(z.string()),
  errors: z.array(z.string()),
  presentationProof: z.object({ ok: z.boolean(), code: z.string() }),
  credentials: z.array(credentialVerificationJson),
});

export function presentPresentationVerification(t: Translator, result: PresentationVerificationResult) {
  const credentials = result.credentials.map((item) => presentCredentialVerification(t, item));
  const proof = result.presentationProof;
  return {
    verified: result.valid,
    checks: [
      ...(proof.ok && proof.message === 'ok' ? ['proof'] : []),
      ...(credentials.every((item) => item.verified) ? ['credentials'] : []),
    ],
    warnings: [
      ...(proof.message === 'none' ? ['proof:none'] : []),
      ...(credentials.length === 0 ? ['credentials:none'] : []),
      ...credentials.flatMap((item, index) =>
        item.warnings.map((warning) => `credential[${index}].${warning}`),
      ),
    ],
    errors: [
      ...(proof.ok ? [] : [`proof:${proof.message}`]),
      ...credentials.flatMap((item, index) => item.errors.map((error) => `credential[${index}].${error}`)),
    ],
    presentationProof: { ok: proof.ok, code: proof.message },
    credentials,
  };
}
