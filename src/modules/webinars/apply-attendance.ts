/**
 * Writing attendance (the manual form, a CSV import and BBB's meeting data all end here): one row per
 * person and item, and "attended" reported to the space so the item's completion follows (an `attended`
 * rule completes it). Runs in the caller's transaction; the caller has checked who acts.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { recordItemOutcome } from '../spaces/record-item-outcome.js';
import { listAttendance, upsertAttendance } from './webinars.repository.js';

export type AttendanceSource = 'manual' | 'csv' | 'bbb';

export async function applyAttendance(
  trx: Transaction<DB>,
  deps: Pick<Services, 'clock'>,
  actor: Actor,
  itemId: string,
  entries: readonly { userId: string; attended: boolean }[],
  source: AttendanceSource,
): Promise<{ changed: number }> {
  const now = deps.clock.now().toISOString();
  const before = new Map((await listAttendance(trx, [itemId])).map((r) => [r.user_id, r]));
  let changed = 0;
  for (const entry of entries) {
    const was = before.get(entry.userId);
    if (was && (was.attended === 1) === entry.attended) continue;
    // BBB data only adds presence: it never overrides a facilitator's "absent".
    if (source === 'bbb' && was) continue;
    await upsertAttendance(trx, {
      item_id: itemId,
      user_id: entry.userId,
      attended: entry.attended ? 1 : 0,
      source,
      recorded_by: actor.kind === 'user' ? actor.id : null,
      recorded_at: now,
    });
    if (entry.attended)
      await recordItemOutcome(trx, deps, { itemId, personId: entry.userId, outcome: { kind: 'attended' } });
    await audit(trx, deps.clock, actor, {
      action: 'webinars.attendance-recorded',
      targetType: 'space_item',
      targetId: itemId,
      before: was ? { attended: was.attended === 1, source: was.source } : null,
      after: { attended: entry.attended, source, userId: entry.userId },
    });
    changed += 1;
  }
  return { changed };
}
