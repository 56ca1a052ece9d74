/**
 * Pure: what a person pasted or uploaded on the verification page (`/verify`), read by its content — never
 * by the file's name or the type the browser claims. A credential is a JSON object (Data Integrity, or an
 * EnvelopedVerifiableCredential) or a compact VC-JWT; anything else is refused before verification with a
 * precise problem, so that "this is not a credential" is not reported as five failed checks.
 */
import { type CredentialContent, readCredential } from '../credential-reading.js';
import { looksLikeJwt, type VerificationResult } from './verify.js';
import type { CheckId } from './verify-checks.js';
import { MAX_SUBMITTED_LENGTH } from './verify-submitted-credential.js';

/** Largest uploaded file read (bytes): a file within it has at most MAX_SUBMITTED_LENGTH characters. */
export const MAX_SUBMITTED_BYTES = MAX_SUBMITTED_LENGTH;

/** Why a submission is not verified. */
export type SubmissionProblem = 'empty' | 'tooLarge' | 'notACredential';

export type SubmittedCredential =
  | { ok: true; input: string | Record<string, unknown> }
  | { ok: false; problem: SubmissionProblem };

const refuse = (problem: SubmissionProblem): SubmittedCredential => ({ ok: false, problem });

/** Pure: the credential in a pasted or uploaded text, or why there is none. */
export function readSubmittedCredential(raw: string): SubmittedCredential {
  const text = raw.replace(/^\uFEFF/, '').trim();
  if (text === '') return refuse('empty');
  if (text.length > MAX_SUBMITTED_LENGTH) return refuse('tooLarge');
  if (looksLikeJwt(text)) return { ok: true, input: text };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return refuse('notACredential');
  }
  if (typeof parsed === 'string' && looksLikeJwt(parsed)) return { ok: true, input: parsed.trim() };
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return refuse('notACredential');
  return { ok: true, input: parsed as Record<string, unknown> };
}

/** Pure: an uploaded file's text when it is UTF-8 (a PDF or an image is not), else null. */
export function decodeUpload(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** A checked credential as the verification page shows it. */
export interface CheckedCredential {
  valid: boolean;
  kind: VerificationResult['kind'];
  /** Each check with its code (the page translates `credential.check.<id>.<code>`). */
  checks: { id: CheckId; ok: boolean; code: string }[];
  /** What the credential says (holder, achievement, issuer, dates), when it could be read. */
  content: CredentialContent | null;
  /** Our verification page of it (`/verify/<id>`) when its id names one of ours. */
  ownPage: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Pure: the view of a verification result; `baseUrl` recognises credentials of ours by their id. */
export function describeCheckedCredential(result: VerificationResult, baseUrl: string): CheckedCredential {
  const credential = result.credential;
  const id = typeof credential?.id === 'string' ? credential.id : '';
  const prefix = `${baseUrl.replace(/\/+$/, '')}/verify/`;
  const ownId = id.startsWith(prefix) ? decodeURIComponent(id.slice(prefix.length)) : '';
  return {
    valid: result.valid,
    kind: result.kind,
    checks: result.checks.map((check) => ({ id: check.id, ok: check.ok, code: check.message })),
    content: credential ? readCredential(credential) : null,
    ownPage: UUID.test(ownId) ? `/verify/${ownId}` : null,
  };
}
