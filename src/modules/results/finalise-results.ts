import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import { type Actor, actorId } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError, type FieldError, isAppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { getClassList, recordClassResults } from '../pathway/record-result.js';
import { formatHundredths } from './decimal.js';
import { pathwayOutcomeOf } from './edition-policy.js';
import { isEvaluated, loadGradebook } from './gradebook.js';
import { insertSnapshot, lockedEnrolments, resultIdsOf } from './results.repository.js';
import { staffAccess } from './results-access.js';

/** What finalising did. */
export interface FinaliseReport {
  policyVersion: number;
  /** Results recorded or changed (each queues its certificate through the pathway's path). */
  recorded: number;
  /** Results already recorded with the same outcome and grade. */
  unchanged: number;
  /** People whose result is still pending (a mark awaited before its cut-off): nothing recorded. */
  pending: string[];
  /** People whose certificate is issued and whose outcome would change: left as they are (supersede instead). */
  locked: string[];
}

/**
 * The pathway's refusal of some rows (`rows.3.completedOn`) as problems of the people concerned
 * (`finalise.<personId>.completedOn`), so the gradebook can say whose result was refused and why.
 */
function pathwayRefusal(error: unknown, rows: readonly { personId: string }[]): unknown {
  if (!isAppError(error, 'validation_failed')) return error;
  const fields: FieldError[] = error.fields.map((field) => {
    const match = /^rows\.(\d+)\.(.+)$/.exec(field.path);
    const person = match ? rows[Number(match[1])]?.personId : undefined;
    return { ...field, path: person ? `finalise.${person}.${match?.[2]}` : 'finalise' };
  });
  return new AppError('validation_failed', {}, fields);
}

/**
 * Finalises the edition's results (managers and the edition's facilitators): each participant's outcome
 * under the latest policy is recorded through the pathway's class-list use case (`recordClassResults`: the
 * same path as the class list and the CSV import), so the credentials jobs issue the certificates and the
 * pathway re-evaluates; a snapshot (policy version, inputs, output) is stored with each result. A result
 * whose certificate is issued is locked: it is not changed here (a correction goes through the credentials'
 * supersede flow). Errors: 401, 403, 404, 409 (`invalid_state`: no policy yet), 400 when the pathway refuses
 * some results (`finalise.<personId>.<field>`: nothing is recorded).
 */
export async function finaliseResults(
  db: Executor,
  deps: Services,
  actor: Actor,
  editionId: string,
): Promise<FinaliseReport> {
  const access = await staffAccess(db, actor, editionId);
  const today = deps.clock.now().toISOString().slice(0, 10);
  // biome-ignore lint/complexity/useMathMinMax: ISO dates compared as text
  const completedOn = access.edition.endsOn < today ? access.edition.endsOn : today;
  return inTransaction(db, async (trx) => {
    const book = await loadGradebook(trx, access.edition.id, today);
    if (!book.policy)
      throw new AppError('invalid_state', {}, [{ path: 'policy', key: 'results.error.noPolicy' }]);
    const policy = book.policy;
    const classList = await getClassList(trx, deps, actor, access.edition.id);
    const placeOf = new Map(
      classList.rows.filter((r) => r.status !== 'withdrawn').map((r) => [r.userId, r] as const),
    );
    const locked = await lockedEnrolments(
      trx,
      [...placeOf.values()].map((r) => r.enrolmentId),
    );
    const report: FinaliseReport = {
      policyVersion: policy.version,
      recorded: 0,
      unchanged: 0,
      pending: [],
      locked: [],
    };
    const toRecord: {
      enrolmentId: string;
      personId: string;
      result: { outcome: string; grade: string | null; completedOn: string };
    }[] = [];
    for (const row of book.rows.filter(isEvaluated)) {
      const place = placeOf.get(row.personId);
      const outcome = pathwayOutcomeOf(row.result.outcome, policy.policy.gives);
      if (!place) continue;
      if (outcome === null) {
        report.pending.push(row.personId);
        continue;
      }
      const grade = row.result.total === null ? null : formatHundredths(row.result.total);
      if (locked.has(place.enrolmentId)) {
        if (place.result?.outcome !== outcome || place.result.grade !== grade)
          report.locked.push(row.personId);
        else report.unchanged += 1;
        continue;
      }
      toRecord.push({
        enrolmentId: place.enrolmentId,
        personId: row.personId,
        result: { outcome, grade, completedOn },
      });
    }
    const { changed } = await recordClassResults(trx, deps, actor, access.edition.id, toRecord).catch(
      (error: unknown) => {
        throw pathwayRefusal(error, toRecord);
      },
    );
    report.recorded = changed;
    report.unchanged += toRecord.length - changed;
    const resultIds = await resultIdsOf(
      trx,
      toRecord.map((r) => r.enrolmentId),
    );
    const now = deps.clock.now().toISOString();
    const byPerson = new Map(book.rows.filter(isEvaluated).map((r) => [r.personId, r]));
    for (const entry of toRecord) {
      const row = byPerson.get(entry.personId);
      if (!row) continue;
      await insertSnapshot(trx, {
        id: newId(),
        edition_id: access.edition.id,
        user_id: entry.personId,
        result_id: resultIds.get(entry.enrolmentId) ?? null,
        policy_version: policy.version,
        outcome: row.result.outcome,
        inputs_json: JSON.stringify(row.inputs),
        output_json: JSON.stringify(row.result),
        finalised_by: actorId(actor),
        finalised_at: now,
      });
    }
    await audit(trx, deps.clock, actor, {
      action: 'results.finalised',
      targetType: 'edition',
      targetId: access.edition.id,
      after: {
        editionId: access.edition.id,
        policyVersion: policy.version,
        recorded: report.recorded,
        pending: report.pending.length,
        locked: report.locked.length,
      },
    });
    return report;
  });
}
