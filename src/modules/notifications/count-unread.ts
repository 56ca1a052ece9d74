import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { countNotifications } from './notifications.repository.js';

/** The number on the bell: the actor's unread notifications (0 for anyone not signed in). */
export async function countUnread(db: Executor, _deps: Services, actor: Actor): Promise<number> {
  if (actor.kind !== 'user') return 0;
  return countNotifications(db, actor.id, true);
}
