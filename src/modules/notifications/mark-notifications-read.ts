import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { ensure } from '../../kernel/policy.js';
import { parseInput } from '../../kernel/validation.js';
import { notificationKinds, readNotice } from './kinds.js';
import { noticePath } from './notification.js';
import { canNotifications } from './notifications.policy.js';
import { countNotifications, findOwnNotification, markRead } from './notifications.repository.js';
import { markReadSchema } from './notifications.schemas.js';

function userIdOf(actor: Actor): string {
  ensure(actor, canNotifications(actor, 'notifications.markRead'));
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  return actor.id;
}

/**
 * Marks some of the actor's notifications read (`{ ids }`), or all of them (`{ all: true }`). Ids of other
 * people's notifications are ignored (they match nothing), so nothing about them leaks.
 */
export async function markNotificationsRead(
  db: Executor,
  deps: Services,
  actor: Actor,
  raw: unknown,
): Promise<{ marked: number; unreadCount: number }> {
  const userId = userIdOf(actor);
  const input = parseInput(markReadSchema, raw);
  const marked = await markRead(
    db,
    userId,
    input.all ? null : (input.ids ?? []),
    deps.clock.now().toISOString(),
  );
  return { marked, unreadCount: await countNotifications(db, userId, true) };
}

/** Opens one of the actor's notifications: marks it read and returns the page it leads to. */
export async function openNotification(
  db: Executor,
  deps: Services,
  actor: Actor,
  id: string,
): Promise<string> {
  const userId = userIdOf(actor);
  const row = id.length <= 64 ? await findOwnNotification(db, userId, id) : undefined;
  if (!row) throw new AppError('not_found');
  await markRead(db, userId, [row.id], deps.clock.now().toISOString());
  let event: unknown;
  try {
    event = JSON.parse(row.event_json);
  } catch {
    return '/notifications';
  }
  const notice = readNotice(notificationKinds(deps.modules), event);
  return notice ? noticePath(notice) : '/notifications';
}
