import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import { AppError } from '../../../kernel/errors.js';
import { loadIssuer } from '../keys/issuer.js';
import { type PresentationVerificationResult, verifyPresentation } from './verify.js';
import {
  MAX_SUBMITTED_LENGTH,
  serverVerifyDeps,
  sizeOf,
  withSuspension,
} from './verify-submitted-credential.js';

/**
 * Anyone verifies a presentation (`POST /presentations/verify`): each embedded credential as
 * `verifySubmittedCredential` does (our suspension list included), and the presentation's own proof when
 * it has one. 400 when it is not a JSON object, 413 when too large.
 */
export async function verifySubmittedPresentation(
  db: Executor,
  deps: Services,
  input: unknown,
): Promise<PresentationVerificationResult> {
  if (sizeOf(input) > MAX_SUBMITTED_LENGTH) throw new AppError('payload_too_large');
  if (!input || typeof input !== 'object' || Array.isArray(input)) throw new AppError('bad_request');
  const issuer = await loadIssuer(db, deps);
  const result = await verifyPresentation(input, serverVerifyDeps(db, deps, issuer));
  const credentials = await Promise.all(result.credentials.map((item) => withSuspension(db, item)));
  return {
    ...result,
    credentials,
    valid: result.presentationProof.ok && credentials.length > 0 && credentials.every((item) => item.valid),
  };
}
