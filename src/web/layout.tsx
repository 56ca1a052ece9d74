import type { ComponentChildren } from 'preact';
import { LOCALES } from '../i18n/i18n.js';
import type { PageContext } from './page-context.js';

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', fr: 'Français', es: 'Español' };

interface LayoutProps {
  ctx: PageContext;
  title: string;
  children: ComponentChildren;
  /** Extra <head> description (public pages). */
  description?: string;
  /** Reload the page after this many seconds (progress of a background job, without JavaScript). */
  refreshSeconds?: number | undefined;
}

/** The frame of every page: skip link, header with navigation, account and language switcher, footer. */
export function Layout({ ctx, title, children, description, refreshSeconds }: LayoutProps) {
  const { t, user } = ctx;
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · ${t.t('app.name')}`}</title>
        {description ? <meta name="description" content={description} /> : null}
        {refreshSeconds ? <meta http-equiv="refresh" content={String(refreshSeconds)} /> : null}
        <link rel="stylesheet" href="/static/site.css" />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t.t('layout.skipToContent')}
        </a>
        <header class="site-header">
          <div class="bar">
            <a class="brand" href="/">
              {t.t('app.name')}
            </a>
            <nav class="languages" aria-label={t.t('layout.languages')}>
              <ul>
                {LOCALES.map((locale) => (
                  <li>
                    <a
                      href={`/lang/${locale}?next=${encodeURIComponent(ctx.path)}`}
                      lang={locale}
                      hreflang={locale}
                      aria-current={locale === ctx.locale ? 'true' : undefined}
                    >
                      {LANGUAGE_NAMES[locale]}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
          <nav class="main-nav" aria-label={t.t('layout.mainNavigation')}>
            <ul>
              {ctx.navigation.map((item) => (
                <li>
                  <a href={item.href} aria-current={ctx.path === item.href ? 'page' : undefined}>
                    {t.t(item.label)}
                  </a>
                </li>
              ))}
              {user ? (
                <>
                  <li>
                    <a
                      href="/notifications"
                      class="bell"
                      aria-current={ctx.path.startsWith('/notifications') ? 'page' : undefined}
                    >
                      {t.t('notifications.bell', { count: user.unread ?? 0 })}
                    </a>
                  </li>
                  <li>
                    <a href="/account">{t.t('nav.account')}</a>
                  </li>
                  <li>
                    <form method="post" action="/sign-out" class="inline">
                      <input type="hidden" name="_csrf" value={ctx.csrf} />
                      <button type="submit" class="link">
                        {t.t('nav.signOut')}
                      </button>
                    </form>
                  </li>
                </>
              ) : (
                <>
                  <li>
                    <a href={`/sign-in?next=${encodeURIComponent(ctx.path)}`}>{t.t('nav.signIn')}</a>
                  </li>
                  <li>
                    <a href="/sign-up">{t.t('nav.signUp')}</a>
                  </li>
                </>
              )}
            </ul>
          </nav>
        </header>
        <main id="main" tabindex={-1}>
          {ctx.flash ? (
            <p class="flash" role="status">
              {ctx.flash}
            </p>
          ) : null}
          {children}
        </main>
        <footer class="site-footer">
          <p>
            {user ? <span>{t.t('layout.signedInAs', { name: user.name })} · </span> : null}
            <a href="/verify">{t.t('credential.web.check.footerLink')}</a> ·{' '}
            <a href="/api/docs">{t.t('nav.apiDocs')}</a>
          </p>
        </footer>
      </body>
    </html>
  );
}
