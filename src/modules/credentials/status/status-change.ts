/**
 * A change of a credential's status, in the caller's transaction: the row, the status list bit (the
 * list credential re-signed with a new ETag at once), the audit event and the holder's email job. Shared
 * by revoke, suspend, reinstate, supersede and the cascade. Not a use case.
 * PERSISTED SHAPE: the audit payloads (`credential.revoked|suspended|reinstated`).
 */
import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import { enqueueJob } from '../../../jobs/queue.js';
import { type Actor, actorId } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import type { CredentialStatus, StatusReason } from '../credential.js';
import { updateCredential } from '../credentials.repository.js';
import type { CredentialRow } from '../credentials.tables.js';
import { CREDENTIAL_JOB_KINDS } from '../issuing/job-kinds.js';
import type { IssuerContext } from '../keys/issuer.js';
import { setStatusBit } from './status-list-store.js';

/** The new status and why. */
export interface StatusChange {
  to: CredentialStatus;
  reason: StatusReason | null;
  /** The manager's words (null for the platform's own changes: the reason category says it). */
  note: string | null;
  /** Extra facts for the audit trail (the component that caused a cascade). */
  context?: Record<string, unknown>;
  /** False to leave the holder unmailed (a supersession: the holder is mailed the new credential). */
  notifyHolder?: boolean;
}

const AUDIT_ACTIONS: Record<
  CredentialStatus,
  'credential.revoked' | 'credential.suspended' | 'credential.reinstated'
> = {
  revoked: 'credential.revoked',
  suspended: 'credential.suspended',
  active: 'credential.reinstated',
};

/** Applies a status change to a credential (the caller has checked that it is allowed). */
export async function applyStatusChange(
  db: Executor,
  deps: Services,
  actor: Actor,
  issuer: IssuerContext,
  row: CredentialRow,
  change: StatusChange,
): Promise<void> {
  const now = deps.clock.now();
  const at = now.toISOString();
  if (change.to === 'revoked') await setStatusBit(db, issuer, 'revocation', row.status_index, true, now);
  if (change.to === 'suspended') await setStatusBit(db, issuer, 'suspension', row.status_index, true, now);
  if (change.to === 'active') await setStatusBit(db, issuer, 'suspension', row.status_index, false, now);
  await updateCredential(db, row.id, {
    status: change.to,
    status_reason: change.to === 'active' ? null : change.reason,
    status_note: change.note,
    status_changed_at: at,
    status_changed_by: actorId(actor),
    updated_at: at,
  });
  await audit(db, deps.clock, actor, {
    action: AUDIT_ACTIONS[change.to],
    targetType: 'credential',
    targetId: row.id,
    before: { status: row.status, reason: row.status_reason },
    after: {
      status: change.to,
      reason: change.reason,
      note: change.note,
      kind: row.kind,
      userId: row.user_id,
      ...(change.context ?? {}),
    },
  });
  if (change.notifyHolder !== false) {
    await enqueueJob(db, deps.clock, {
      kind: CREDENTIAL_JOB_KINDS.mailStatusChanged,
      payload: { credentialId: row.id, status: change.to, at },
      idempotencyKey: `status-mail:${row.id}:${change.to}:${at}`,
      createdBy: actorId(actor),
    });
  }
}
