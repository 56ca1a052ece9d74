import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import { AppError } from '../../../kernel/errors.js';
import { loadIssuerKeys } from '../keys/issuer.js';
import { findChallenge, useChallenge } from '../vc-api.repository.js';
import { MAX_CREDENTIALS_PER_PRESENTATION } from './request-limits.js';
import type { PresentationExpectations, PresentationVerificationResult } from './verify.js';
import { runVerification } from './verify-pool.js';
import {
  ensureWithinLimits,
  serverVerifyDeps,
  verificationContext,
  withStatusChecked,
  withSuspension,
} from './verify-submitted-credential.js';

type Json = Record<string, unknown>;

function credentialCount(presentation: Json): number {
  const embedded = presentation.verifiableCredential;
  return embedded === undefined ? 0 : Array.isArray(embedded) ? embedded.length : 1;
}

function proofChallenge(presentation: Json): string | undefined {
  const proof = presentation.proof;
  const first = (Array.isArray(proof) ? proof[0] : proof) as Json | undefined;
  return typeof first?.challenge === 'string' ? first.challenge : undefined;
}

/**
 * Anyone verifies a presentation (`POST /presentations/verify`): each embedded credential as
 * `verifySubmittedCredential` does (our suspension list included; none at all is fine), and the
 * presentation's own proof when it has one, against `options.challenge` and `options.domain` when given
 * (a mismatch fails: replay protection). A challenge the platform issued (`POST /challenges`) is
 * single-use: it is spent by the first presentation whose valid proof carries it, and fails after that or
 * once expired. Any other challenge is compared as given. 400 when it is not a JSON object or carries more
 * than MAX_CREDENTIALS_PER_PRESENTATION credentials, 413 when too large.
 */
export async function verifySubmittedPresentation(
  db: Executor,
  deps: Services,
  input: unknown,
  expected: PresentationExpectations = {},
): Promise<PresentationVerificationResult> {
  ensureWithinLimits(input);
  if (!input || typeof input !== 'object' || Array.isArray(input))
    throw new AppError('bad_request', { problem: 'parsing' });
  const presentation = input as Json;
  if (credentialCount(presentation) > MAX_CREDENTIALS_PER_PRESENTATION)
    throw new AppError('bad_request', { problem: 'tooManyCredentials' });
  const issuer = await loadIssuerKeys(deps);
  const verifyDeps = serverVerifyDeps(db, deps, issuer);
  const result = (await runVerification(
    {
      kind: 'presentation',
      input: presentation,
      expected,
      ...(await verificationContext(issuer, verifyDeps, presentation)),
    },
    deps.config.verifyWorkers,
  )) as PresentationVerificationResult;
  const credentials = await Promise.all(
    result.credentials.map(async (item) =>
      withSuspension(db, deps, await withStatusChecked(item, verifyDeps)),
    ),
  );
  let presentationProof = result.presentationProof;
  const challenge = expected.challenge ?? proofChallenge(presentation);
  if (presentationProof.ok && challenge !== undefined && (await findChallenge(db, challenge))) {
    const spent = await useChallenge(db, challenge, deps.clock.now().toISOString());
    if (!spent) presentationProof = { ok: false, message: 'challenge_used' };
  }
  return {
    presentationProof,
    credentials,
    valid: presentationProof.ok && credentials.every((item) => item.valid),
  };
}
