import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import { enqueueJob } from '../../../jobs/queue.js';
import { parseInput } from '../../../kernel/validation.js';
import { forgotPasswordSchema } from '../identity.schemas.js';
import { reserveResetRequest } from '../sign-in/back-off.js';
import { clientAddress } from '../sign-in/client-address.js';
import { PASSWORD_RESET_JOB } from './send-password-reset-link.js';

/**
 * Asks for a reset link. The answer must not tell whether the address has an account, by its content or
 * by its time: this does the same work for every address (count the request against the requesting
 * client's back-off, queue a job) and nothing that depends on the account. The job (send-password-reset-
 * link.ts) then looks the account up, applies the per-account back-off and mails the link. Throws
 * too_many_attempts only for the requesting client's own back-off.
 */
export async function requestPasswordReset(
  db: Executor,
  deps: Services,
  input: unknown,
  client: { ip: string | null },
): Promise<void> {
  const { email } = parseInput(forgotPasswordSchema, input);
  const address = clientAddress(client.ip);
  await reserveResetRequest(db, deps.clock, address);
  await enqueueJob(db, deps.clock, {
    kind: PASSWORD_RESET_JOB,
    payload: { email, address },
    maxAttempts: 3,
  });
}
