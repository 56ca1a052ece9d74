import type { Deps } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { countNotifications } from './notifications.repository.js';

/** The number on the bell: the actor's unread notifications (0 for anyone not signed in). */
export async function countUnread(deps: Deps, actor: Actor): Promise<number> {
  if (actor.kind !== 'user') return 0;
  return countNotifications(deps.db, actor.id, true);
}
