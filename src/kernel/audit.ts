/**
 * The append-only audit log. PERSISTED SHAPE: every action's payload (`before`/`after`) is stored as JSON
 * and shown on audit trails; keep it plain data (no secrets, no password hashes). Every state change of a
 * grade, a decision, a credential, a deadline, a role, a course or an edition writes one event in the same
 * transaction as the change.
 *
 * Actions are a closed union: each module declares its own in `<module>.audit.ts` with
 * `defineAuditEvents({ action: zod schema of { before?, after? } })` and merges them into `AuditEvents`
 * (declaration merging), so `audit()` refuses an unknown action at compile time and a payload that does not
 * match its schema at run time. Rows written before an action or its schema existed stay readable: they
 * come back with `known: false` and are shown generically.
 */
import { z } from 'zod';
import type { Executor } from '../db/database.js';
import { reusableQuery } from '../db/reusable-query.js';
import type { Actor } from './actor.js';
import type { Clock } from './clock.js';
import { newId } from './ids.js';

/** What an audit payload is: the state before and after the change (either may be absent). */
export interface AuditPayload {
  before?: unknown;
  after?: unknown;
}

/** A module's audit actions: action name → zod schema of its payload. */
export type AuditEventSchemas = Readonly<Record<string, z.ZodType<AuditPayload>>>;

/**
 * Every audit action of the platform → the zod schema of its payload. Empty here: each module's
 * `<module>.audit.ts` adds its own (`declare module '…/kernel/audit.js' { interface AuditEvents extends … }`).
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by the modules through declaration merging.
export interface AuditEvents {}

/** The name of an audit action (the closed union of every module's). */
export type AuditAction = keyof AuditEvents & string;

/** One event to record: the action, what it is about, and its payload as its schema accepts it. */
export type AuditEventInput = {
  [A in AuditAction]: { action: A; targetType: string; targetId: string } & (AuditEvents[A] extends z.ZodType
    ? z.input<AuditEvents[A]>
    : never);
}[AuditAction];

/** The payload schema of an action that records no payload (who did it, when, to what, is the event). */
export const NO_PAYLOAD = z.object({ before: z.undefined().optional(), after: z.undefined().optional() });

const SCHEMAS = new Map<string, z.ZodType<AuditPayload>>();

/**
 * Declares a module's audit actions (called once by its `<module>.audit.ts`, which its descriptor lists as
 * `auditEvents`); an action declared by two modules is an error.
 */
export function defineAuditEvents<const S extends AuditEventSchemas>(schemas: S): S {
  for (const [action, schema] of Object.entries(schemas)) {
    const existing = SCHEMAS.get(action);
    if (existing && existing !== schema) throw new Error(`audit action "${action}" is declared twice`);
    SCHEMAS.set(action, schema);
  }
  return schemas;
}

/** The schema of an action's payload (undefined for actions no module declares, such as legacy rows'). */
export function auditSchema(action: string): z.ZodType<AuditPayload> | undefined {
  return SCHEMAS.get(action);
}

/** The row of one event, its payload checked against its action's schema (throws on a mismatch). */
function auditRow(clock: Clock, actor: Actor, event: AuditEventInput) {
  const { action, targetType, targetId, ...payload } = event as AuditPayload & {
    action: string;
    targetType: string;
    targetId: string;
  };
  const schema = SCHEMAS.get(action);
  if (!schema)
    throw new Error(`audit action "${action}" is not declared (is its module's .audit.ts loaded?)`);
  const checked = schema.safeParse(payload);
  if (!checked.success) {
    throw new Error(`audit action "${action}": payload does not match its schema: ${checked.error.message}`);
  }
  const { before, after } = checked.data;
  return {
    id: newId(),
    occurred_at: clock.now().toISOString(),
    actor_id: actor.kind === 'user' ? actor.id : null,
    actor_label:
      actor.kind === 'user'
        ? `user:${actor.id}`
        : actor.kind === 'system'
          ? `system:${actor.reason}`
          : 'anonymous',
    action,
    target_type: targetType,
    target_id: targetId,
    before_json: before === undefined || before === null ? null : JSON.stringify(before),
    after_json: after === undefined || after === null ? null : JSON.stringify(after),
  };
}

/**
 * Writes one audit event (call it inside the use case's transaction). Throws when the action is not
 * declared or its payload does not match the action's schema: the audit log is a persisted contract.
 */
export async function audit(db: Executor, clock: Clock, actor: Actor, event: AuditEventInput): Promise<void> {
  const row = auditRow(clock, actor, event);
  await insertAuditEvent(
    db,
    row.id,
    row.occurred_at,
    row.actor_id,
    row.actor_label,
    row.action,
    row.target_type,
    row.target_id,
    row.before_json,
    row.after_json,
  );
}

/** One event's insert, built and compiled once (every state change writes one: Kysely rebuilt it each time). */
const insertAuditEvent = reusableQuery(
  (
    db,
    id: string,
    occurredAt: string,
    actorId: string | null,
    actorLabel: string,
    action: string,
    targetType: string,
    targetId: string,
    beforeJson: string | null,
    afterJson: string | null,
  ) =>
    db.insertInto('audit_events').values({
      id,
      occurred_at: occurredAt,
      actor_id: actorId,
      actor_label: actorLabel,
      action,
      target_type: targetType,
      target_id: targetId,
      before_json: beforeJson,
      after_json: afterJson,
    }),
);

/** Events written per statement by `auditMany` (11 values each, far below both engines' limits). */
const EVENTS_PER_INSERT = 500;

/**
 * Writes many events of one actor (bulk use cases: an import's results), each checked as `audit` checks
 * it, a few hundred per statement. Every event is checked before any is written.
 */
export async function auditMany(
  db: Executor,
  clock: Clock,
  actor: Actor,
  events: readonly AuditEventInput[],
): Promise<void> {
  await insertAuditRows(db, auditRows(clock, actor, events));
}

/** Writes rows built by `auditRows`, a few hundred per statement. */
export async function insertAuditRows(db: Executor, rows: ReturnType<typeof auditRows>): Promise<void> {
  for (let start = 0; start < rows.length; start += EVENTS_PER_INSERT)
    await db
      .insertInto('audit_events')
      .values(rows.slice(start, start + EVENTS_PER_INSERT))
      .execute();
}

/**
 * The rows `auditMany` would write, each event checked the same way (for writes staged ahead of an
 * all-or-nothing change, src/db/staged-rows.ts).
 */
export function auditRows(clock: Clock, actor: Actor, events: readonly AuditEventInput[]) {
  return events.map((event) => auditRow(clock, actor, event));
}

/** One recorded event as read back. */
export interface AuditEvent {
  id: string;
  occurredAt: string;
  actorId: string | null;
  /** `user:<id>`, `system:<reason>` or `anonymous` (as stored; pages show the person's name instead). */
  actorLabel: string;
  action: string;
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
  /** True when the action is declared and the stored payload matches its schema (false for legacy rows). */
  known: boolean;
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Whether a stored payload matches its action's current schema (a legacy row may not). */
function isKnown(action: string, before: unknown, after: unknown): boolean {
  const schema = SCHEMAS.get(action);
  if (!schema) return false;
  return schema.safeParse({ before: before ?? undefined, after: after ?? undefined }).success;
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
  return rows.map((r) => {
    const before = parseJson(r.before_json);
    const after = parseJson(r.after_json);
    return {
      id: r.id,
      occurredAt: r.occurred_at,
      actorId: r.actor_id,
      actorLabel: r.actor_label,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      before,
      after,
      known: isKnown(r.action, before, after),
    };
  });
}

/** A history to show: its events, and the names of the people and things they refer to (by id or code). */
export interface AuditTrail {
  events: AuditEvent[];
  /** Display names by id (people, editions) or code (courses): the views put them in the sentences. */
  names: Record<string, string>;
}

/**
 * Pure: what the events refer to: who acted, every `…Id` string of their payloads, and course codes
 * (`course`), for the modules to name (`Module.auditNames`).
 */
export function auditReferences(events: readonly AuditEvent[]): string[] {
  const ids = new Set<string>();
  const visit = (value: unknown) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
    for (const [key, inner] of Object.entries(value)) {
      if ((key.endsWith('Id') || key === 'course') && typeof inner === 'string') ids.add(inner);
    }
  };
  for (const event of events) {
    if (event.actorId) ids.add(event.actorId);
    visit(event.before);
    visit(event.after);
  }
  return [...ids];
}
