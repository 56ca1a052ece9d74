import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import { enqueueJobs } from '../../../jobs/queue.js';
import { type Actor, systemActor } from '../../../kernel/actor.js';
import { AppError } from '../../../kernel/errors.js';
import { isId } from '../../../kernel/ids.js';
import { kindOfOutcome } from '../credential.js';
import { listLiveCredentialsOfResult, updateCredential } from '../credentials.repository.js';
import type { CredentialRow } from '../credentials.tables.js';
import { type IssuerContext, loadIssuer } from '../keys/issuer.js';
import { applyStatusChange } from '../status/status-change.js';
import { listAutoAwardUserIds, listResultFacts } from './certified-facts.repository.js';
import { type ResultFacts, writeCourseCredential, writeCourseCredentials } from './course-issuance.js';
import { listLiveCredentialsOfResults } from './issuance-batch.repository.js';
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
  const [outcome] = await issueCourseCredentials(db, deps, [{ resultId, outcome: expectedOutcome }]);
  if (!outcome?.ok) throw outcome?.error;
  return outcome.value;
}

/** One issuance asked for: a result, and the outcome its job was enqueued for (if any). */
export interface IssuanceRequest {
  resultId: string;
  outcome?: string | undefined;
}

/** What became of one request of a batch: what `issueCourseCredential` returns, or the error it throws. */
export type IssuanceOutcome = { ok: true; value: CourseIssuance } | { ok: false; error: unknown };

/**
 * `issueCourseCredential` for several results at once (the issuance jobs the runner claims together), in
 * one transaction: the results' facts and live credentials in one statement each, then every plain new
 * certificate through `writeCourseCredentials` (a dozen statements for the batch, signed on the signing
 * threads). A result that already has a live certificate of the other kind (a supersession), or that
 * appears twice, is issued after them one by one as before. A result that does not exist fails alone
 * (`not_found`); an error of the transaction fails the batch.
 */
export async function issueCourseCredentials(
  db: Executor,
  deps: Services,
  requests: readonly IssuanceRequest[],
): Promise<IssuanceOutcome[]> {
  const notFound = (): IssuanceOutcome => ({ ok: false, error: new AppError('not_found') });
  const outcomes = requests.map(notFound);
  const valid = requests.flatMap((request, index) => (isId(request.resultId) ? [index] : []));
  if (valid.length === 0) return outcomes;
  const issuer = await loadIssuer(db, deps);
  const actor = systemActor('credentials.issue');
  await inTransaction(db, async (trx) => {
    const ids = [...new Set(valid.map((index) => requests[index]!.resultId))];
    const factsOf = new Map((await listResultFacts(trx, ids)).map((facts) => [facts.result_id, facts]));
    const liveOf = new Map<string, CredentialRow[]>();
    for (const row of await listLiveCredentialsOfResults(trx, ids)) {
      if (row.result_id) liveOf.set(row.result_id, [...(liveOf.get(row.result_id) ?? []), row]);
    }
    const plain: { index: number; facts: ResultFacts; kind: 'achievement' | 'participation' }[] = [];
    const oneByOne: { index: number; facts: ResultFacts; kind: 'achievement' | 'participation' }[] = [];
    const seen = new Set<string>();
    for (const index of valid) {
      const request = requests[index]!;
      const facts = factsOf.get(request.resultId);
      if (!facts) continue;
      const kind = kindOfOutcome(facts.outcome);
      const live = liveOf.get(request.resultId) ?? [];
      const same = kind ? live.find((row) => row.kind === kind) : undefined;
      if (!kind) outcomes[index] = { ok: true, value: { outcome: 'skipped', reason: 'no-credential' } };
      else if (request.outcome !== undefined && request.outcome !== facts.outcome)
        outcomes[index] = { ok: true, value: { outcome: 'skipped', reason: 'outcome-changed' } };
      else if (same) outcomes[index] = { ok: true, value: { outcome: 'exists', credentialId: same.id } };
      else if (live.length > 0 || seen.has(request.resultId)) oneByOne.push({ index, facts, kind });
      else plain.push({ index, facts, kind });
      seen.add(request.resultId);
    }
    const issued = await writeCourseCredentials(trx, deps, actor, issuer, plain);
    await enqueueAutoAwards(
      trx,
      deps,
      plain.flatMap((item, at) =>
        item.kind === 'achievement' ? [{ userId: item.facts.user_id, credentialId: issued[at]!.id }] : [],
      ),
    );
    plain.forEach((item, at) => {
      const { id, shortCode } = issued[at]!;
      outcomes[item.index] = {
        ok: true,
        value: { outcome: 'issued', credentialId: id, shortCode, replaced: null },
      };
    });
    for (const item of oneByOne)
      outcomes[item.index] = { ok: true, value: await issueOne(trx, deps, actor, issuer, item) };
  });
  return outcomes;
}

/**
 * A programme that awards automatically gets its diploma as soon as the last certificate is issued: an
 * award job per new Certificate of Achievement whose holder has such a candidacy (one read for all).
 */
async function enqueueAutoAwards(
  db: Executor,
  deps: Services,
  achievements: readonly { userId: string; credentialId: string }[],
): Promise<void> {
  const users = new Set(
    await listAutoAwardUserIds(db, [...new Set(achievements.map((item) => item.userId))]),
  );
  await enqueueJobs(
    db,
    deps.clock,
    achievements
      .filter((item) => users.has(item.userId))
      .map((item) => ({
        kind: CREDENTIAL_JOB_KINDS.autoAward,
        payload: { userId: item.userId },
        idempotencyKey: `auto-award:${item.credentialId}`,
      })),
  );
}

/** One result's issuance as it always was: reads its live credentials again, supersedes the other kind. */
async function issueOne(
  trx: Executor,
  deps: Services,
  actor: Actor,
  issuer: IssuerContext,
  { facts, kind }: { facts: ResultFacts; kind: 'achievement' | 'participation' },
): Promise<CourseIssuance> {
  const live = await listLiveCredentialsOfResult(trx, facts.result_id);
  const same = live.find((row) => row.kind === kind);
  if (same) return { outcome: 'exists', credentialId: same.id };
  const issued = await writeCourseCredential(trx, deps, actor, issuer, facts, kind);
  if (kind === 'achievement')
    await enqueueAutoAwards(trx, deps, [{ userId: facts.user_id, credentialId: issued.id }]);
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
}
