/**
 * SCORM attempts: launching a SCO (the current attempt, made on first launch), starting a new attempt
 * (within the package's limit), and the commits of the runtime (scorm-again's JSON), rolled up into the
 * attempt's result, kept as the grade and reported to the space item.
 */
import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import { type Actor, personActing } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { hashSecret, isId, newId, newSecret } from '../../kernel/ids.js';
import type { Sco } from './manifest.js';
import { contentUrl, packageAccess } from './package-access.js';
import {
  findAttempt,
  insertAttempt,
  listAttempts,
  listScoData,
  lockAttempt,
  saveScoData,
  setCommitKey,
  updateAttemptResult,
} from './packages.repository.js';
import type { PackageAttemptRow } from './packages.tables.js';
import { reportItemOutcome } from './report-outcome.js';
import { outcomeOf, rollUp, type ScoResult, scoResult } from './tracking.js';

/** Largest CMI data one commit may carry (suspend data included). */
export const COMMIT_MAX_BYTES = 64 * 1024;

export interface AttemptSummary {
  id: string;
  number: number;
  status: string;
  score: number | null;
}

const summary = (a: PackageAttemptRow): AttemptSummary => ({
  id: a.id,
  number: a.number,
  status: a.status,
  score: a.score,
});

async function createAttempt(
  db: Executor,
  deps: Services,
  packageId: string,
  userId: string,
  number: number,
  registration: string | null,
) {
  const now = deps.clock.now().toISOString();
  const row: PackageAttemptRow = {
    id: newId(),
    package_id: packageId,
    user_id: userId,
    number,
    registration,
    commit_key_hash: null,
    status: 'incomplete',
    score: null,
    started_at: now,
    updated_at: now,
  };
  await insertAttempt(db, row);
  return row;
}

/** The person's latest attempt, made on first use. */
export async function currentAttempt(
  db: Executor,
  deps: Services,
  packageId: string,
  userId: string,
  registration: () => string | null,
): Promise<PackageAttemptRow> {
  const attempts = await listAttempts(db, packageId, userId);
  return attempts.at(-1) ?? createAttempt(db, deps, packageId, userId, 1, registration());
}

export interface ScormLaunch {
  packageId: string;
  title: string;
  standard: 'scorm12' | 'scorm2004';
  sco: Sco;
  attempt: AttemptSummary;
  commitUrl: string;
  contentUrl: string;
  /** The SCO's CMI data committed so far in this attempt (scorm-again's JSON), or null. */
  cmi: unknown;
}

/** Opens a SCO of the package in the current attempt; the commit URL carries a fresh secret. */
export async function launchScorm(
  db: Executor,
  deps: Services,
  actor: Actor,
  input: { packageId: string; scoIndex: number },
): Promise<ScormLaunch> {
  const access = await packageAccess(db, actor, input.packageId);
  const { pkg, structure } = access;
  if (structure.standard === 'cmi5') throw new AppError('not_found');
  const sco = structure.scos[input.scoIndex];
  if (!sco) throw new AppError('not_found');
  const key = newSecret(24);
  const attempt = await inTransaction(db, async (trx) => {
    const row = await currentAttempt(trx, deps, pkg.id, access.userId, () => null);
    await setCommitKey(trx, row.id, hashSecret(key));
    return row;
  });
  const data = (await listScoData(db, attempt.id)).find((d) => d.sco_id === sco.id);
  return {
    packageId: pkg.id,
    title: pkg.title,
    standard: structure.standard,
    sco,
    attempt: summary(attempt),
    commitUrl: `/packages/attempts/${attempt.id}/commit?sco=${input.scoIndex}&key=${key}`,
    contentUrl: contentUrl(deps, pkg.id, sco.href),
    cmi: data ? JSON.parse(data.cmi_json) : null,
  };
}

/** Starts the next attempt; invalid_state past the package's limit. */
export async function startNewAttempt(
  db: Executor,
  deps: Services,
  actor: Actor,
  packageId: string,
): Promise<AttemptSummary> {
  const access = await packageAccess(db, actor, packageId);
  return inTransaction(db, async (trx) => {
    const attempts = await listAttempts(trx, access.pkg.id, access.userId);
    if (access.pkg.max_attempts !== null && attempts.length >= access.pkg.max_attempts)
      throw new AppError('invalid_state');
    const registration = access.structure.standard === 'cmi5' ? crypto.randomUUID() : null;
    const row = await createAttempt(
      trx,
      deps,
      access.pkg.id,
      access.userId,
      attempts.length + 1,
      registration,
    );
    await audit(trx, deps.clock, actor, {
      action: 'packages.attempt-started',
      targetType: 'package_attempt',
      targetId: row.id,
      after: { packageId: access.pkg.id, number: row.number },
    });
    return summary(row);
  });
}

/** Keeps an attempt's new result (the grade) and reports it to the item when it changed. */
export async function keepAttemptResult(
  db: Executor,
  deps: Services,
  attempt: PackageAttemptRow,
  itemId: string | null,
  result: ScoResult,
): Promise<void> {
  if (attempt.status === result.status && attempt.score === result.score) return;
  await updateAttemptResult(db, attempt.id, { ...result, updated_at: deps.clock.now().toISOString() });
  if (attempt.status !== result.status)
    await audit(db, deps.clock, personActing(attempt.user_id), {
      action: 'packages.attempt-result',
      targetType: 'package_attempt',
      targetId: attempt.id,
      before: { status: attempt.status, score: attempt.score },
      after: result,
    });
  await reportItemOutcome(db, deps, { itemId, personId: attempt.user_id, outcome: outcomeOf(result) });
}

/** Takes one commit of the runtime: the SCO's CMI data; returns scorm-again's expected answer. */
export async function commitTracking(
  db: Executor,
  deps: Services,
  actor: Actor,
  input: { attemptId: string; key: string; scoIndex: number; body: unknown },
): Promise<{ result: true; errorCode: 0; status: string; score: number | null }> {
  if (actor.kind !== 'user' || !isId(input.attemptId)) throw new AppError('not_found');
  const found = await findAttempt(db, input.attemptId);
  if (!found || found.user_id !== actor.id || found.commit_key_hash !== hashSecret(input.key))
    throw new AppError('not_found');
  const access = await packageAccess(db, actor, found.package_id);
  const sco = access.structure.scos[input.scoIndex];
  if (!sco || access.structure.standard === 'cmi5') throw new AppError('not_found');
  const text = JSON.stringify(input.body ?? null);
  if (text.length > COMMIT_MAX_BYTES) throw new AppError('payload_too_large');
  if (!input.body || typeof input.body !== 'object') throw new AppError('bad_request');
  const standard = access.structure.standard;
  return inTransaction(db, async (trx) => {
    const attempt = (await lockAttempt(trx, found.id)) ?? found;
    const result = scoResult(standard, input.body, sco);
    const now = deps.clock.now().toISOString();
    await saveScoData(trx, {
      attempt_id: attempt.id,
      sco_id: sco.id,
      cmi_json: text,
      ...result,
      updated_at: now,
    });
    const results = new Map(
      (await listScoData(trx, attempt.id)).map((d) => [
        d.sco_id,
        { status: d.status, score: d.score } as ScoResult,
      ]),
    );
    const rolled = rollUp(
      access.structure.scos.map((s) => s.id),
      results,
    );
    await keepAttemptResult(trx, deps, attempt, access.pkg.item_id, rolled);
    return { result: true, errorCode: 0, status: rolled.status, score: rolled.score };
  });
}
