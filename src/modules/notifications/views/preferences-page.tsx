import { Csrf } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { PageContext } from '../../../web/page-context.js';
import type { Preference } from '../notification.js';

/** Per kind of notification: in the platform, by email (checkboxes; unchecked means off). */
export function PreferencesPage({
  ctx,
  preferences,
}: {
  ctx: PageContext;
  preferences: (Preference & { label: string })[];
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('notifications.preferences.title')}>
      <h1>{t.t('notifications.preferences.title')}</h1>
      <p>{t.t('notifications.preferences.intro')}</p>
      <form method="post" action="/account/notifications" class="stack">
        <Csrf token={ctx.csrf} />
        <table>
          <caption>{t.t('notifications.preferences.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t.t('notifications.preferences.kindColumn')}</th>
              <th scope="col">{t.t('notifications.preferences.inApp')}</th>
              <th scope="col">{t.t('notifications.preferences.email')}</th>
            </tr>
          </thead>
          <tbody>
            {preferences.map((p) => {
              const label = t.t(p.label);
              return (
                <tr>
                  <th scope="row" id={`kind-${p.kind}`}>
                    {label}
                  </th>
                  <td>
                    <input
                      type="checkbox"
                      name={`${p.kind}.inApp`}
                      value="on"
                      checked={p.inApp}
                      aria-label={`${label}: ${t.t('notifications.preferences.inApp')}`}
                    />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      name={`${p.kind}.email`}
                      value="on"
                      checked={p.email}
                      aria-label={`${label}: ${t.t('notifications.preferences.email')}`}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <button type="submit">{t.t('notifications.preferences.save')}</button>
      </form>
      <p>
        <a href="/notifications">{t.t('notifications.page.title')}</a>
      </p>
    </Layout>
  );
}
