/**
 * The issued credential as the application sees it: kinds, statuses, reason categories, short codes and
 * storage keys. Pure (no I/O). PERSISTED SHAPE: the codes below are stored in `credentials` rows and in
 * audit payloads; add codes, never rename them.
 */
import { randomBytes } from 'node:crypto';
import type { CredentialKind as BuilderKind } from './issuing/credential-input.js';

/** What a credential certifies (the `credentials.kind` column). */
export const CREDENTIAL_KINDS = ['achievement', 'participation', 'diploma', 'capstone'] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

/** The builder's kind of each stored kind. */
export const BUILDER_KINDS: Record<CredentialKind, BuilderKind> = {
  achievement: 'certificate-of-achievement',
  participation: 'certificate-of-participation',
  diploma: 'diploma',
  capstone: 'capstone',
};

/** A credential's state. Revocation is final; a suspension can be lifted (reinstated). */
export const CREDENTIAL_STATUSES = ['active', 'suspended', 'revoked'] as const;
export type CredentialStatus = (typeof CREDENTIAL_STATUSES)[number];

/** Why a manager revokes a credential (the public verification page shows the category, never the note). */
export const REVOCATION_REASONS = [
  'issued-in-error',
  'result-corrected',
  'academic-misconduct',
  'holder-request',
  'other',
] as const;
/** Why a manager suspends a credential. */
export const SUSPENSION_REASONS = ['under-investigation', 'holder-request', 'other'] as const;
/** Reasons the platform itself records: a correction replaced it; a counted component was revoked. */
export const SYSTEM_REASONS = ['superseded', 'component-revoked'] as const;
/** Every reason category that can be stored. */
export const STATUS_REASONS = [
  'issued-in-error',
  'result-corrected',
  'academic-misconduct',
  'holder-request',
  'under-investigation',
  'other',
  'superseded',
  'component-revoked',
] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];
export type SuspensionReason = (typeof SUSPENSION_REASONS)[number];
export type StatusReason = (typeof STATUS_REASONS)[number];

/** What the public verification says about a credential. */
export type VerificationStatus = 'valid' | 'suspended' | 'revoked' | 'expired';

/** Pure: the public status of a stored credential at `now` (a revocation or suspension wins over expiry). */
export function verificationStatus(
  status: CredentialStatus,
  validUntil: string | null,
  now: Date,
): VerificationStatus {
  if (status === 'revoked') return 'revoked';
  if (status === 'suspended') return 'suspended';
  if (validUntil && Date.parse(validUntil) < now.getTime()) return 'expired';
  return 'valid';
}

/** Crockford's base32 alphabet (no I, L, O, U: nothing to misread on paper). */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Characters in a short code (40 random bits). */
export const SHORT_CODE_LENGTH = 8;
const SHORT_CODE_PATTERN = new RegExp(`^[${CROCKFORD}]{${SHORT_CODE_LENGTH}}$`);

/** A new random short code: 8 Crockford base32 characters (stored without the dash). */
export function newShortCode(): string {
  const bytes = randomBytes(5);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = 0; i < SHORT_CODE_LENGTH; i++) {
    code = CROCKFORD[Number(bits & 31n)] + code;
    bits >>= 5n;
  }
  return code;
}

/** A short code as printed: `XXXX-XXXX`. */
export function formatShortCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * Pure: the stored form of a short code typed by a person (case, dashes and spaces ignored; I and L read
 * as 1, O as 0, as Crockford decoding does), or null when it cannot be one.
 */
export function parseShortCode(text: string): string | null {
  if (text.length > 20) return null;
  const code = text.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return SHORT_CODE_PATTERN.test(code) ? code : null;
}

/** The storage key of a credential's PDF (ids are generated UUIDs, so keys always match the pattern). */
export function pdfStorageKey(credentialId: string): string {
  return `credentials/${credentialId.toLowerCase()}.pdf`;
}

/** Pure: the kind of credential a result's outcome earns, or null when it earns none. */
export function kindOfOutcome(
  outcome: string,
): Extract<CredentialKind, 'achievement' | 'participation'> | null {
  return outcome === 'achievement' || outcome === 'participation' ? outcome : null;
}

/** Pure: the OB `resultType` of a grade as written (87% → Percent, B+ → LetterGrade, 16/20 → RawScore). */
export function gradeResultType(grade: string): 'LetterGrade' | 'Percent' | 'RawScore' | 'PerformanceLevel' {
  const text = grade.trim();
  if (/^\d+(?:[.,]\d+)?\s*%$/.test(text)) return 'Percent';
  if (/^[A-F][+-]?$/i.test(text)) return 'LetterGrade';
  if (/^\d+(?:[.,]\d+)?(?:\s*\/\s*\d+(?:[.,]\d+)?)?$/.test(text)) return 'RawScore';
  return 'PerformanceLevel';
}
