import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { ensure } from '../../kernel/policy.js';
import { NOTIFICATION_KINDS } from './events.js';
import { DEFAULT_PREFERENCE, type Preference } from './notification.js';
import { canNotifications } from './notifications.policy.js';
import { listPreferenceRows } from './notifications.repository.js';

/** The actor's choice for every kind (the default where they made none), in the contract's order. */
export async function getPreferences(db: Executor, _deps: Services, actor: Actor): Promise<Preference[]> {
  ensure(actor, canNotifications(actor, 'notifications.read'));
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const rows = new Map((await listPreferenceRows(db, actor.id)).map((r) => [r.kind, r]));
  return NOTIFICATION_KINDS.map((kind) => {
    const row = rows.get(kind);
    return row ? { kind, inApp: row.in_app === 1, email: row.email === 1 } : { kind, ...DEFAULT_PREFERENCE };
  });
}
