/**
 * What a revoked course certificate does to the pathway and to the diplomas that counted it (DESIGN §3: a
 * revoked certificate no longer counts, and a diploma that depended on it is flagged). Inside the revoking
 * transaction: the holder's standings are re-evaluated (the evaluation reads the revocation just written);
 * a diploma that no longer holds is SUSPENDED (reason `component-revoked`); one that still holds (another
 * achievement takes the place) stays valid. Either way the audit trail says so and every manager is told
 * by email (a fan-out job): no silent cascade, no silent survival. Not a use case.
 * PERSISTED SHAPE: the audit payload `credential.component-revoked`.
 */
import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import { enqueueJob } from '../../../jobs/queue.js';
import { type Actor, actorId } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { toDateString } from '../../../kernel/clock.js';
import { evaluateCandidacy, refreshStandingsOfPerson } from '../../pathway/candidacy-standing.js';
import { listDiplomasCounting } from '../credentials.repository.js';
import type { CredentialRow } from '../credentials.tables.js';
import { CREDENTIAL_JOB_KINDS } from '../issuing/job-kinds.js';
import type { IssuerContext } from '../keys/issuer.js';
import { applyStatusChange } from './status-change.js';

/** What became of one diploma that counted the revoked component. */
export interface CascadeOutcome {
  diplomaId: string;
  outcome: 'suspended' | 'still-holds' | 'already-suspended';
}

/** Runs the cascade of a course certificate that was just revoked (not superseded). */
export async function cascadeComponentRevocation(
  db: Executor,
  deps: Services,
  actor: Actor,
  issuer: IssuerContext,
  component: CredentialRow,
): Promise<CascadeOutcome[]> {
  const today = toDateString(deps.clock.now());
  const evaluations = await refreshStandingsOfPerson(db, component.user_id, today);
  const outcomes: CascadeOutcome[] = [];
  for (const diploma of await listDiplomasCounting(db, component.id)) {
    const candidacyId = diploma.candidacy_id;
    const evaluation =
      (candidacyId && evaluations.get(candidacyId)) ||
      (candidacyId ? (await evaluateCandidacy(db, candidacyId, today))?.evaluation : undefined);
    const holds = evaluation?.awardable === true;
    const context = { componentId: component.id, componentShortCode: component.short_code };
    let outcome: CascadeOutcome['outcome'];
    if (holds) outcome = 'still-holds';
    else if (diploma.status === 'suspended') outcome = 'already-suspended';
    else {
      outcome = 'suspended';
      await applyStatusChange(db, deps, actor, issuer, diploma, {
        to: 'suspended',
        reason: 'component-revoked',
        note: null,
        context,
      });
    }
    await audit(db, deps.clock, actor, {
      action: 'credential.component-revoked',
      targetType: 'credential',
      targetId: diploma.id,
      after: { ...context, outcome, awardable: holds },
    });
    await enqueueJob(db, deps.clock, {
      kind: CREDENTIAL_JOB_KINDS.componentRevoked,
      payload: { diplomaId: diploma.id, componentId: component.id, outcome },
      idempotencyKey: `component-revoked:${diploma.id}:${component.id}`,
      createdBy: actorId(actor),
    });
    outcomes.push({ diplomaId: diploma.id, outcome });
  }
  return outcomes;
}
