/**
 * The append-only audit log. PERSISTED SHAPE: `before`/`after` are stored as JSON and shown on audit
 * trails; keep them plain data (no secrets, no password hashes). Every state change of a grade, a
 * decision, a credential, a deadline, a role, a course or an edition writes one event in the same
 * transaction as the change.
 */
import type { Executor } from '../db/database.js';
import type { Actor } from './actor.js';
import type { Clock } from './clock.js';
import { newId } from './ids.js';

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId: string;
  before?: unknown;
  after?: unknown;
}

/** Writes one audit event (call it inside the use case's transaction). */
export async function recordAudit(
  db: Executor,
  clock: Clock,
  actor: Actor,
  entry: AuditEntry,
): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      id: newId(),
      occurred_at: clock.now().toISOString(),
      actor_id: actor.kind === 'user' ? actor.id : null,
      actor_label:
        actor.kind === 'user'
          ? `user:${actor.id}`
          : actor.kind === 'system'
            ? `system:${actor.reason}`
            : 'anonymous',
      action: entry.action,
      target_type: entry.targetType,
      target_id: entry.targetId,
      before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}

export interface AuditEvent {
  id: string;
  occurredAt: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
}

/** The audit trail of one target, newest first. */
export async function listAuditEvents(
  db: Executor,
  targetType: string,
  targetId: string,
  limit = 200,
): Promise<AuditEvent[]> {
  const rows = await db
    .selectFrom('audit_events')
    .selectAll()
    .where('target_type', '=', targetType)
    .where('target_id', '=', targetId)
    .orderBy('occurred_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    occurredAt: r.occurred_at,
    actorId: r.actor_id,
    actorLabel: r.actor_label,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    before: r.before_json ? JSON.parse(r.before_json) : null,
    after: r.after_json ? JSON.parse(r.after_json) : null,
  }));
}
