import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale, translator } from '../i18n/i18n.js';
import { allNavigation } from '../modules/index.js';
import { Layout } from './layout.js';
import { type PageContext, visibleNavigation } from './page-context.js';

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', fr: 'Français', es: 'Español' };

/** The layout as JSX, as it was before it was written as strings: what the strings must equal, byte for byte. */
function ReferenceLayout({
  ctx,
  title,
  children,
  description,
  refreshSeconds,
}: {
  ctx: PageContext;
  title: string;
  children: ComponentChildren;
  description?: string;
  refreshSeconds?: number | undefined;
}) {
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

function context(locale: Locale, overrides: Partial<PageContext>): PageContext {
  const roles = overrides.user?.roles ?? null;
  return {
    t: translator(locale),
    locale,
    path: '/courses',
    user: null,
    csrf: 'token-1',
    flash: null,
    navigation: visibleNavigation(allNavigation(), roles),
    ...overrides,
  };
}

const CASES: [string, Partial<PageContext>, { description?: string; refreshSeconds?: number }][] = [
  ['a visitor on the catalogue', {}, {}],
  ['a visitor on an odd path', { path: '/courses?q=<a href="x">&amp;"é' }, { description: 'A <b> & "c"' }],
  [
    'a participant with unread notifications and a flash',
    {
      path: '/my/pathway',
      user: { name: 'Carlos <Núñez> & "co"', roles: ['participant'], unread: 3 },
      flash: 'Saved <now> & "then"',
    },
    { refreshSeconds: 5 },
  ],
  [
    'a manager on the notifications, one unread',
    { path: '/notifications?page=2', user: { name: 'M', roles: ['manager', 'administrator'], unread: 1 } },
    {},
  ],
  ['a signed-in person, not counted', { path: '/account', user: { name: 'A', roles: [], unread: null } }, {}],
  ['a large count, an empty token', { csrf: '', user: { name: 'B', roles: ['assessor'], unread: 4321 } }, {}],
];

describe('the layout', () => {
  for (const locale of LOCALES)
    for (const [name, overrides, props] of CASES)
      it(`is byte for byte the JSX layout (${locale}: ${name})`, () => {
        const ctx = context(locale, overrides);
        const body = (
          <>
            <h1>Title &amp; "more"</h1>
            {'text <child>'}
          </>
        );
        const title = 'A page <with> & "marks"';
        const expected = renderToString(
          <ReferenceLayout ctx={ctx} title={title} {...props}>
            {body}
          </ReferenceLayout>,
        );
        const actual = renderToString(
          <Layout ctx={ctx} title={title} {...props}>
            {body}
          </Layout>,
        );
        expect(actual).toBe(expected);
        // Twice: the words kept per language give the same page.
        expect(
          renderToString(
            <Layout ctx={ctx} title={title} {...props}>
              {body}
            </Layout>,
          ),
        ).toBe(expected);
      });

  it('escapes a bare string child (the page text is never taken as HTML)', () => {
    const html = renderToString(
      <Layout ctx={context('en', {})} title="t">
        {'<script>alert(1)</script>'}
      </Layout>,
    );
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
    expect(html).not.toContain('<script>');
  });
});
