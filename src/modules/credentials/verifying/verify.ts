/**
 * Verification of a credential someone holds (Data Integrity JSON or VC-JWT) and of a verifiable
 * presentation, as five independent checks: schema → proof → status → validity → issuer (the order
 * 1EdTech verifiers use). `valid` is true only when every check passes; a status that cannot be known
 * here passes with the code `unknown` (see docs/decisions/0007-credentials.md).
 */
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import jsigs from 'jsonld-signatures';
import { presentationDataModelProblems } from './data-model.js';
import { type DecodedJwt, decodedJwt, hasCompactJwsShape, isKnownJwt } from './jwt-memo.js';
import { checkCredentialSchema } from './schema-check.js';
import {
  type CheckResult,
  checkIssuer,
  checkStatus,
  checkValidity,
  type VerifyDeps,
} from './verify-checks.js';
import { checkDataIntegrityProof, checkJwtProof } from './verify-proof.js';

export { CHECK_IDS, type CheckResult, type StatusAnswer, type VerifyDeps } from './verify-checks.js';

/** The outcome of verifying one credential. */
export interface VerificationResult {
  valid: boolean;
  kind: 'data-integrity' | 'jwt';
  /** The credential that was checked (the `vc` claim of a JWT), when it could be read. */
  credential?: Record<string, unknown>;
  checks: CheckResult[];
}

type Json = Record<string, unknown>;

/** True when `text` has the shape of a compact JWS (three base64url parts). */
export function looksLikeJwt(text: string): boolean {
  const trimmed = text.trim();
  return isKnownJwt(trimmed) || hasCompactJwsShape(trimmed);
}

function unreadable(kind: VerificationResult['kind'], code: string): VerificationResult {
  return {
    valid: false,
    kind,
    checks: (['schema', 'proof', 'status', 'validity', 'issuer'] as const).map((id) => ({
      id,
      ok: false,
      message: code,
    })),
  };
}

function result(
  kind: VerificationResult['kind'],
  credential: Json,
  checks: CheckResult[],
): VerificationResult {
  return { valid: checks.every((check) => check.ok), kind, credential, checks };
}

async function sharedChecks(credential: Json, deps: VerifyDeps): Promise<CheckResult[]> {
  return [
    await checkStatus(credential, deps),
    checkValidity(credential, deps.now),
    checkIssuer(credential, deps.knownIssuers),
  ];
}

function schemaResult(credential: Json, deps: VerifyDeps): CheckResult {
  const outcome = checkCredentialSchema(credential, deps.schemaPath);
  return {
    id: 'schema',
    ok: outcome.ok,
    message: outcome.code,
    ...(outcome.details.length ? { details: outcome.details } : {}),
  };
}

/** The schema check of a token's `vc`, judged once per token and schema file (jwt-memo.ts). */
function rememberedSchemaResult(decoded: DecodedJwt, vc: Json, deps: VerifyDeps): CheckResult {
  if (!decoded.schema) return schemaResult(vc, deps);
  const path = deps.schemaPath ?? '';
  let known = decoded.schema.get(path);
  if (!known) {
    known = schemaResult(vc, deps);
    decoded.schema.set(path, known);
  }
  return known;
}

async function verifyJwt(token: string, deps: VerifyDeps): Promise<VerificationResult> {
  const jwt = token.trim();
  const decoded = decodedJwt(jwt);
  if (!decoded) return unreadable('jwt', 'malformed_jwt');
  const { header, payload } = decoded;
  const vc = payload.vc;
  if (!vc || typeof vc !== 'object' || Array.isArray(vc)) return unreadable('jwt', 'missing_vc_claim');
  // Per VC-JWT, nbf/exp stand for validFrom/validUntil when the vc claim omits them (a copy only then).
  const fromNbf = vc.validFrom === undefined && typeof payload.nbf === 'number';
  const untilExp = vc.validUntil === undefined && typeof payload.exp === 'number';
  const dated: Json =
    fromNbf || untilExp
      ? {
          ...vc,
          ...(fromNbf ? { validFrom: new Date((payload.nbf as number) * 1000).toISOString() } : {}),
          ...(untilExp ? { validUntil: new Date((payload.exp as number) * 1000).toISOString() } : {}),
        }
      : vc;
  const proof = checkJwtProof(jwt, header, payload, deps, decoded.signatures);
  const schema = rememberedSchemaResult(decoded, vc, deps);
  const checks = [schema, await proof, ...(await sharedChecks(dated, deps))];
  return result('jwt', vc, checks);
}

/**
 * Verifies a credential: a JSON object (Data Integrity proof) or a compact VC-JWT string. A string that is
 * JSON is parsed first. Unreadable input gives every check the code `unreadable` (or `malformed_jwt`).
 */
export async function verifyCredential(
  input: object | string,
  deps: VerifyDeps,
): Promise<VerificationResult> {
  if (typeof input === 'string') {
    const text = input.trim();
    if (looksLikeJwt(text)) return verifyJwt(text, deps);
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'string' && looksLikeJwt(parsed)) return verifyJwt(parsed, deps);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
        return unreadable('data-integrity', 'unreadable');
      return verifyCredential(parsed, deps);
    } catch {
      return unreadable(text.includes('.') && !text.startsWith('{') ? 'jwt' : 'data-integrity', 'unreadable');
    }
  }
  if (Array.isArray(input)) return unreadable('data-integrity', 'unreadable');
  const credential = input as Json;
  const checks = [
    schemaResult(credential, deps),
    await checkDataIntegrityProof(credential, deps),
    ...(await sharedChecks(credential, deps)),
  ];
  return result('data-integrity', credential, checks);
}

/** The outcome of verifying a presentation: its own proof (optional) and each embedded credential. */
export interface PresentationVerificationResult {
  valid: boolean;
  presentationProof: { ok: boolean; message: PresentationProofCode };
  credentials: VerificationResult[];
}

/** The codes of a presentation's own proof. */
export type PresentationProofCode =
  | 'none'
  | 'ok'
  | 'invalid'
  | 'challenge_mismatch'
  | 'domain_mismatch'
  | 'challenge_used'
  | 'missing';

/** What the caller expects of a presentation's proof (VC-API `options`): replay protection. */
export interface PresentationExpectations {
  /** The challenge the proof must carry (`options.challenge`). */
  challenge?: string;
  /** The domain the proof must carry (`options.domain`). */
  domain?: string;
}

const ENVELOPED_JWT_PREFIX = /^data:application\/(?:vc\+jwt|jwt)[^,]*,/;

/** A credential embedded in a VP: an object, a JWT string, or an EnvelopedVerifiableCredential data URL. */
function embeddedCredential(item: unknown): object | string {
  if (typeof item === 'string') return item;
  const envelope = item as Json | null;
  if (envelope && envelope.type === 'EnvelopedVerifiableCredential' && typeof envelope.id === 'string') {
    return envelope.id.replace(ENVELOPED_JWT_PREFIX, '');
  }
  return (item ?? '') as object | string;
}

/** The proof purpose a presentation proof is judged by: the challenge and domain expected, when any. */
function presentationPurpose(first: Json, expected: PresentationExpectations) {
  const challenge = expected.challenge ?? (typeof first.challenge === 'string' ? first.challenge : undefined);
  if (first.proofPurpose === 'assertionMethod' && challenge === undefined)
    return new jsigs.purposes.AssertionProofPurpose();
  if (challenge === undefined) return new jsigs.purposes.ControllerProofPurpose({ term: 'authentication' });
  return new jsigs.purposes.AuthenticationProofPurpose({
    challenge,
    ...(expected.domain !== undefined ? { domain: expected.domain } : {}),
  });
}

async function checkPresentationProof(
  presentation: Json,
  deps: VerifyDeps,
  expected: PresentationExpectations,
): Promise<PresentationVerificationResult['presentationProof']> {
  const proof = presentation.proof as Json | Json[] | undefined;
  if (proof === undefined) {
    // A challenge or domain was asked for: only a proof can answer it.
    if (expected.challenge !== undefined || expected.domain !== undefined)
      return { ok: false, message: 'missing' };
    return { ok: true, message: 'none' };
  }
  const first = ((Array.isArray(proof) ? proof[0] : proof) ?? {}) as Json;
  if (expected.challenge !== undefined && first.challenge !== expected.challenge)
    return { ok: false, message: 'challenge_mismatch' };
  if (expected.domain !== undefined) {
    const domains = Array.isArray(first.domain) ? first.domain : [first.domain];
    if (!domains.includes(expected.domain)) return { ok: false, message: 'domain_mismatch' };
  }
  try {
    const outcome = await jsigs.verify(presentation, {
      suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
      purpose: presentationPurpose(first, expected),
      documentLoader: deps.documentLoader,
    });
    return { ok: outcome.verified, message: outcome.verified ? 'ok' : 'invalid' };
  } catch {
    return { ok: false, message: 'invalid' };
  }
}

/**
 * Verifies a VerifiablePresentation (`POST /presentations/verify`): each credential (none is fine:
 * `verifiableCredential` is optional), and the VP proof if any, against the expected challenge and domain.
 */
export async function verifyPresentation(
  input: object,
  deps: VerifyDeps,
  expected: PresentationExpectations = {},
): Promise<PresentationVerificationResult> {
  const presentation = input as Json;
  const embedded = presentation.verifiableCredential;
  const items = embedded === undefined ? [] : Array.isArray(embedded) ? embedded : [embedded];
  const credentials = await Promise.all(
    items.map((item) => verifyCredential(embeddedCredential(item), deps)),
  );
  const wellFormed = presentationDataModelProblems(presentation).length === 0;
  const presentationProof = wellFormed
    ? await checkPresentationProof(presentation, deps, expected)
    : ({ ok: false, message: 'invalid' } as const);
  return {
    valid: presentationProof.ok && credentials.every((item) => item.valid),
    presentationProof,
    credentials,
  };
}
