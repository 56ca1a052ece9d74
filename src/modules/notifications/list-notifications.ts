import type { Executor } from '../../db/database.js';
import type { NotificationRow } from '../../db/schema.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { ensure } from '../../kernel/policy.js';
import type { NotificationItem, SubjectTitles } from './notification.js';
import { canNotifications } from './notifications.policy.js';
import { countNotifications, listNotificationRows } from './notifications.repository.js';
import { NOTIFICATIONS_PAGE_SIZE, notificationEventSchema } from './notifications.schemas.js';
import { loadSubjectTitles } from './subject-titles.js';

/** One page of a person's notifications, with the titles they name. */
export interface NotificationPage {
  items: NotificationItem[];
  titles: SubjectTitles;
  page: number;
  pageCount: number;
  total: number;
  unreadCount: number;
}

/** Rows whose stored event no longer parses are left out rather than failing the page. */
function toItems(rows: readonly NotificationRow[]): NotificationItem[] {
  const items: NotificationItem[] = [];
  for (const row of rows) {
    let raw: unknown;
    try {
      raw = JSON.parse(row.event_json);
    } catch {
      continue;
    }
    const parsed = notificationEventSchema.safeParse(raw);
    if (!parsed.success) continue;
    items.push({
      id: row.id,
      kind: parsed.data.kind,
      event: parsed.data,
      createdAt: row.created_at,
      readAt: row.read_at,
    });
  }
  return items;
}

/** The actor's own notifications, newest first, one page at a time (only theirs: scoped in SQL). */
export async function listNotifications(
  db: Executor,
  _deps: Services,
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
  const items = toItems(rows);
  const titles = await loadSubjectTitles(
    db,
    items.map((i) => i.event),
  );
  return { items, titles, page, pageCount, total, unreadCount };
}
