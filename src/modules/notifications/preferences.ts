import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { ensure } from '../../kernel/policy.js';
import { notificationKinds } from './kinds.js';
import { DEFAULT_PREFERENCE, type Preference } from './notification.js';
import { canNotifications } from './notifications.policy.js';
import { listPreferenceRows } from './notifications.repository.js';

/** The actor's choice for every kind (the default where they made none), in the contract's order. */
export async function getPreferences(
  db: Executor,
  deps: Services,
  actor: Actor,
): Promise<(Preference & { label: string })[]> {
  ensure(actor, canNotifications(actor, 'notifications.read'));
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const rows = new Map((await listPreferenceRows(db, actor.id)).map((r) => [r.kind, r]));
  return [...notificationKinds(deps.modules).values()].map(({ kind, label }) => {
    const row = rows.get(kind);
    return row
      ? { kind, label, inApp: row.in_app === 1, email: row.email === 1 }
      : { kind, label, ...DEFAULT_PREFERENCE };
  });
}
