import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import { enqueueJob } from '../../../jobs/queue.js';
import { systemActor } from '../../../kernel/actor.js';
import { AppError } from '../../../kernel/errors.js';
import { isId } from '../../../kernel/ids.js';
import { kindOfOutcome } from '../credential.js';
import { listLiveCredentialsOfResult, updateCredential } from '../credentials.repository.js';
import { loadIssuer } from '../keys/issuer.js';
import { applyStatusChange } from '../status/status-change.js';
import { findResultFacts, listAutoAwardCandidacyIds } from './certified-facts.repository.js';
import { writeCourseCredential } from './course-issuance.js';
import { CREDENTIAL_JOB_KINDS } from './job-kinds.js';

/** What the issuance job did. */
export type CourseIssuance =
  | { outcome: 'issued'; credentialId: string; shortCode: string; replaced: string | null }
  | { outcome: 'exists'; credentialId: string }
  | { outcome: 'skipped'; reason: 'no-credential' | 'outcome-changed' };

/**
 * Issues the certificate a recorded result earns (the job `credentials.issue-course`, enqueued by the
 * pathway in the transaction that recorded the result): a Certificate of Achievement or of Participation
 * from the result, the course (names, description, hours, themes, the grade), the holder's name as they
 * write it and their language, and the issuer profile; a status index; signed as Data Integrity JSON and
 * both VC-JWTs; stored with an audit event; then its PDF and the holder's email as jobs.
 *
 * Idempotent: a second run finds the live credential of the result and kind (a unique index backs it).
 * When the job's outcome is no longer the result's (changed again since), it does nothing: the newer job
 * issues. When the result moved from participation to achievement (or back), the old certificate is
 * revoked as superseded by the new one.
 */
export async function issueCourseCredential(
  db: Executor,
  deps: Services,
  resultId: string,
  expectedOutcome?: string,
): Promise<CourseIssuance> {
  if (!isId(resultId)) throw new AppError('not_found');
  const issuer = await loadIssuer(db, deps);
  const actor = systemActor('credentials.issue');
  return inTransaction(db, async (trx): Promise<CourseIssuance> => {
    const facts = await findResultFacts(trx, resultId);
    if (!facts) throw new AppError('not_found');
    const kind = kindOfOutcome(facts.outcome);
    if (!kind) return { outcome: 'skipped', reason: 'no-credential' };
    if (expectedOutcome !== undefined && expectedOutcome !== facts.outcome)
      return { outcome: 'skipped', reason: 'outcome-changed' };
    const live = await listLiveCredentialsOfResult(trx, resultId);
    const same = live.find((row) => row.kind === kind);
    if (same) return { outcome: 'exists', credentialId: same.id };
    const issued = await writeCourseCredential(trx, deps, actor, issuer, facts, kind);
    // A programme that awards automatically gets its diploma as soon as the last certificate is issued.
    if (
      kind === 'achievement' &&
      (await listAutoAwardCandidacyIds(trx, { userId: facts.user_id, limit: 1 })).length
    ) {
      await enqueueJob(trx, deps.clock, {
        kind: CREDENTIAL_JOB_KINDS.autoAward,
        payload: { userId: facts.user_id },
        idempotencyKey: `auto-award:${issued.id}`,
      });
    }
    const other = live.find((row) => row.kind !== kind);
    if (other) {
      await applyStatusChange(trx, deps, actor, issuer, other, {
        to: 'revoked',
        reason: 'superseded',
        note: null,
        context: { supersededBy: issued.id },
        notifyHolder: false,
      });
      await updateCredential(trx, other.id, { superseded_by: issued.id });
    }
    return {
      outcome: 'issued',
      credentialId: issued.id,
      shortCode: issued.shortCode,
      replaced: other?.id ?? null,
    };
  });
}
