import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import { AppError } from '../../../kernel/errors.js';
import { type IssuerKeys, loadIssuerKeys } from '../keys/issuer.js';
import { getBit } from '../status/status-list.js';
import { statusListNowOrLater } from '../status/status-list-cache.js';
import { resolveOwnStatus } from '../status/status-list-store.js';
import { MAX_SUBMITTED_LENGTH, nestsDeeperThan, sizeOf } from './request-limits.js';
import { loaderWithResolvedDids, resolvedDidEntries } from './resolved-loader.js';
import {
  type CheckResult,
  looksLikeJwt,
  type VerificationResult,
  type VerifyDeps,
  verifyCredential,
} from './verify.js';
import { checkStatus } from './verify-checks.js';
import { runVerification } from './verify-pool.js';

export { MAX_SUBMITTED_LENGTH, sizeOf } from './request-limits.js';

const ENVELOPE_PREFIX = /^data:application\/(?:vc\+jwt|jwt|vc\+ld\+json)[^,]*,/;

/** An EnvelopedVerifiableCredential (VC 2.0) is unwrapped to the JWT it carries. */
function unwrap(input: unknown): object | string {
  if (typeof input === 'string') return input;
  const envelope = input as { type?: unknown; id?: unknown } | null;
  if (envelope && envelope.type === 'EnvelopedVerifiableCredential' && typeof envelope.id === 'string') {
    return envelope.id.replace(ENVELOPE_PREFIX, '');
  }
  return (input ?? '') as object;
}

/** The verification dependencies of the server: our issuer's documents, our status lists from the database. */
export function serverVerifyDeps(db: Executor, deps: Services, issuer: IssuerKeys): VerifyDeps {
  return {
    documentLoader: issuer.documentLoader,
    resolveStatus: (entry) => resolveOwnStatus(db, deps, entry),
    now: deps.clock.now(),
    knownIssuers: [issuer.did, ...deps.config.trustedIssuers],
  };
}

/**
 * Refuses, before any work, what one request may not ask (request-limits.ts): 413 when too large, 400 when
 * nested too deep, and 400 (a parsing error) for a credential given as a string that is not a VC-JWT — a
 * JSON document sent as a string is not parsed for the caller.
 */
export function ensureWithinLimits(input: unknown): void {
  if (sizeOf(input) > MAX_SUBMITTED_LENGTH) throw new AppError('payload_too_large');
  if (nestsDeeperThan(input)) throw new AppError('bad_request', { problem: 'tooDeep' });
}

function ensureReadable(input: object | string): void {
  if (typeof input === 'string' && !looksLikeJwt(input))
    throw new AppError('bad_request', { problem: 'parsing' });
  if (typeof input === 'object' && (input === null || Array.isArray(input)))
    throw new AppError('bad_request', { problem: 'parsing' });
}

type Json = Record<string, unknown>;

/**
 * What a verification task carries besides its input (verify-worker.ts): our DID document, the documents
 * of the did:web identifiers the input refers to (resolved here, on the main thread), the instant and the
 * trusted issuers.
 */
export async function verificationContext(issuer: IssuerKeys, verifyDeps: VerifyDeps, input: unknown) {
  return {
    issuerDidDocument: issuer.didDocument,
    extraDocuments: await resolvedDidEntries(input, issuer.did),
    now: verifyDeps.now.toISOString(),
    knownIssuers: [...verifyDeps.knownIssuers],
  };
}

/** The result with its status check judged here (the worker cannot read the database). */
export async function withStatusChecked(
  result: VerificationResult,
  verifyDeps: VerifyDeps,
): Promise<VerificationResult> {
  if (!result.credential || !result.checks.some((check) => check.id === 'status')) return result;
  const status = await checkStatus(result.credential, verifyDeps);
  const checks = result.checks.map((check) => (check.id === 'status' ? status : check));
  return { ...result, checks, valid: checks.every((check) => check.ok) };
}

/**
 * Is this credential of ours suspended? Our credentials carry their revocation entry only; the suspension
 * list holds their bit at the same index in the list of the same number (docs/decisions/0007).
 */
async function isSuspendedOfOurs(db: Executor, owner: object, credential: Json): Promise<boolean> {
  const status = credential.credentialStatus;
  const entries = (Array.isArray(status) ? status : status ? [status] : []) as Json[];
  for (const entry of entries) {
    if (entry.statusPurpose !== 'revocation' || typeof entry.statusListCredential !== 'string') continue;
    const found = statusListNowOrLater(db, owner, { url: entry.statusListCredential });
    const list = found instanceof Promise ? await found : found;
    if (list?.purpose !== 'revocation') continue;
    const position = Number(entry.statusListIndex);
    if (!Number.isInteger(position) || position < 0 || position >= list.size) continue;
    const place = { purpose: 'suspension', listNumber: list.listNumber };
    const foundSuspension = statusListNowOrLater(db, owner, place);
    const suspension = foundSuspension instanceof Promise ? await foundSuspension : foundSuspension;
    if (suspension && getBit(suspension.bits, position)) return true;
  }
  return false;
}

/** Adds our suspension list to a verification: a suspended credential of ours fails `status`. */
export async function withSuspension(
  db: Executor,
  deps: Services,
  result: VerificationResult,
): Promise<VerificationResult> {
  const status = result.checks.find((check) => check.id === 'status');
  if (!result.credential || !status?.ok || !(await isSuspendedOfOurs(db, deps, result.credential)))
    return result;
  const suspended: CheckResult = { id: 'status', ok: false, message: 'suspended', details: ['suspension'] };
  return {
    ...result,
    valid: false,
    checks: result.checks.map((check) => (check.id === 'status' ? suspended : check)),
  };
}

/**
 * Anyone verifies a credential they hold or were shown (`POST /credentials/verify`, the verification page's
 * paste/upload): Data Integrity JSON, a VC-JWT, or an EnvelopedVerifiableCredential. Five checks (schema,
 * proof, status, validity, issuer known); the status of our credentials comes from our database, both the
 * revocation and the suspension list; a third party's status list is not fetched (`unknown`, which
 * passes). Issuers are trusted by policy (ours and TRUSTED_ISSUERS; any other is `untrusted`, a warning).
 * 413 when the input is too large, 400 `bad_request` when it is not a credential at all.
 */
export async function verifySubmittedCredential(
  db: Executor,
  deps: Services,
  input: unknown,
): Promise<VerificationResult> {
  ensureWithinLimits(input);
  const credential = unwrap(input);
  ensureReadable(credential);
  const issuer = await loadIssuerKeys(deps);
  const verifyDeps = serverVerifyDeps(db, deps, issuer);
  if (typeof credential === 'string') {
    // A VC-JWT costs one signature check (a fraction of a millisecond): handing it to a thread would cost
    // more than the work. It is verified here, its status read from our lists as it goes (no second pass).
    const documentLoader = await loaderWithResolvedDids(credential, issuer.documentLoader, issuer.did);
    return withSuspension(db, deps, await verifyCredential(credential, { ...verifyDeps, documentLoader }));
  }
  // Data Integrity (canonicalisation) goes to the pool, offline; status is judged here afterwards.
  const offline = (await runVerification(
    {
      kind: 'credential',
      input: credential,
      ...(await verificationContext(issuer, verifyDeps, credential)),
    },
    deps.config.verifyWorkers,
  )) as VerificationResult;
  return withSuspension(db, deps, await withStatusChecked(offline, verifyDeps));
}
