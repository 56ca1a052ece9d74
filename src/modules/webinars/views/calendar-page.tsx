/** The account's calendar page: the private feed's URL, renew, revoke. */
import { Csrf } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { PageContext } from '../../../web/page-context.js';

export function CalendarPage({ ctx, url }: { ctx: PageContext; url: string | null }) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('webinars.feed.title')}>
      <h1>{t.t('webinars.feed.title')}</h1>
      <p>{t.t('webinars.feed.intro')}</p>
      {url ? (
        <>
          <p>
            <label for="feed-url">{t.t('webinars.feed.url')}</label>
            <br />
            <input id="feed-url" type="text" readonly value={url} size={60} />
          </p>
          <p class="hint">{t.t('webinars.feed.private')}</p>
        </>
      ) : (
        <p>{t.t('webinars.feed.none')}</p>
      )}
      <form method="post" action="/account/calendar/renew">
        <Csrf token={ctx.csrf} />
        <button type="submit">{t.t(url ? 'webinars.feed.renew' : 'webinars.feed.create')}</button>
      </form>
      {url ? (
        <form method="post" action="/account/calendar/revoke">
          <Csrf token={ctx.csrf} />
          <button type="submit" class="secondary">
            {t.t('webinars.feed.revoke')}
          </button>
        </form>
      ) : null}
    </Layout>
  );
}
