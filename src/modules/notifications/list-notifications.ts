import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { ensure } from '../../kernel/policy.js';
import { notificationKinds, readNotice, withSubjects } from './kinds.js';
import type { NotificationItem } from './notification.js';
import { canNotifications } from './notifications.policy.js';
import { countNotifications, listNotificationRows } from './notifications.repository.js';
import { NOTIFICATIONS_PAGE_SIZE } from './notifications.schemas.js';
import type { NotificationRow } from './notifications.tables.js';

/** One page of a person's notifications, with what they name. */
export interface NotificationPage {
  items: NotificationItem[];
  page: number;
  pageCount: number;
  total: number;
  unreadCount: number;
}

/** Rows whose stored event no longer parses (or whose kind no module declares) are left out rather than failing the page. */
async function toItems(
  db: Executor,
  deps: Services,
  rows: readonly NotificationRow[],
): Promise<NotificationItem[]> {
  const kinds = notificationKinds(deps.modules);
  const read = [];
  for (const row of rows) {
    let raw: unknown;
    try {
      raw = JSON.parse(row.event_json);
    } catch {
      continue;
    }
    const notice = readNotice(kinds, raw);
    if (notice) read.push({ row, notice });
  }
  const notices = await withSubjects(
    db,
    read.map((r) => r.notice),
  );
  return read.map(({ row }, index) => ({
    id: row.id,
    kind: row.kind,
    notice: notices[index]!,
    createdAt: row.created_at,
    readAt: row.read_at,
  }));
}

/** The actor's own notifications, newest first, one page at a time (only theirs: scoped in SQL). */
export async function listNotifications(
  db: Executor,
  deps: Services,
  actor: Actor,
  input: { page: number; unreadOnly?: boolean },
): Promise<NotificationPage> {
  ensure(actor, canNotifications(actor, 'notifications.read'));
  if (actor.kind !== 'user') throw new Error('unreachable');
  const unreadOnly = input.unreadOnly ?? false;
  const [total, unreadCount] = await Promise.all([
    countNotifications(db, actor.id, unreadOnly),
    countNotifications(db, actor.id, true),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / NOTIFICATIONS_PAGE_SIZE));
  const page = Math.min(Math.max(1, input.page), pageCount);
  const rows = await listNotificationRows(db, actor.id, {
    limit: NOTIFICATIONS_PAGE_SIZE,
    offset: (page - 1) * NOTIFICATIONS_PAGE_SIZE,
    unreadOnly,
  });
  const items = await toItems(db, deps, rows);
  return { items, page, pageCount, total, unreadCount };
}
