import { Csrf, Pagination } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { PageContext } from '../../../web/page-context.js';
import type { NotificationPage } from '../list-notifications.js';
import { notificationText } from '../notification.js';

/** The person's notifications, newest first: each opens (and so marks read) through a small form. */
export function NotificationsPage({ ctx, page }: { ctx: PageContext; page: NotificationPage }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('notifications.page.title')}>
      <h1>{t.t('notifications.page.title')}</h1>
      <p>{t.t('notifications.page.intro')}</p>
      <p role="status">{t.t('notifications.page.unreadCount', { count: page.unreadCount })}</p>
      {page.unreadCount > 0 ? (
        <form method="post" action="/notifications/read-all" class="inline">
          <Csrf token={ctx.csrf} />
          <button type="submit">{t.t('notifications.page.markAllRead')}</button>
        </form>
      ) : null}
      {page.items.length === 0 ? (
        <p>{t.t('notifications.page.empty')}</p>
      ) : (
        <ul class="notifications" aria-label={t.t('notifications.page.listLabel')}>
          {page.items.map((item) => (
            <li class={item.readAt ? 'notification' : 'notification unread'} id={`notification-${item.id}`}>
              <form method="post" action={`/notifications/${item.id}/open`} class="inline">
                <Csrf token={ctx.csrf} />
                {item.readAt ? null : <strong class="badge">{t.t('notifications.page.unread')}</strong>}{' '}
                <button type="submit" class="link">
                  {notificationText(t, item.notice)}
                </button>{' '}
                <time datetime={item.createdAt}>{t.dateTime(item.createdAt)}</time>
              </form>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        t={t}
        page={page.page}
        pageCount={page.pageCount}
        href={(n) => `/notifications?page=${n}`}
      />
      <p>
        <a href="/account/notifications">{t.t('notifications.page.preferencesLink')}</a>
      </p>
    </Layout>
  );
}
