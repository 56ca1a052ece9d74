import { type ComponentChildren, Fragment, h } from 'preact';
import { jsxTemplate } from 'preact/jsx-runtime';
import { LOCALES, type Translator } from '../i18n/i18n.js';
import { escapeHtml } from './components.js';
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

/**
 * The frame of every page: skip link, header with navigation, account and language switcher, footer.
 *
 * Every page pays for it, so it is written as strings around the page's own tree rather than as ~40
 * virtual nodes diffed per request: its words are translated and escaped once per language
 * (`frameWords`), and per request only the path, the current link, the bell, the CSRF token of the
 * sign-out form, the flash message and the name are put in. The markup is byte for byte what the JSX
 * layout rendered (layout.test.tsx keeps that JSX and compares them). The page's children are still
 * rendered (and escaped) by preact, between the two strings.
 */
export function Layout({ ctx, title, children, description, refreshSeconds }: LayoutProps) {
  return jsxTemplate(
    [frameStart(ctx, title, description, refreshSeconds), frameEnd(ctx)],
    // Wrapped, so that a bare string child is escaped like any other text.
    h(Fragment, null, children),
  );
}

/** The layout's words in one language, escaped for HTML, made once per translator. */
interface FrameWords {
  appName: string;
  skipToContent: string;
  languages: string;
  mainNavigation: string;
  account: string;
  signOut: string;
  signIn: string;
  signUp: string;
  checkCredential: string;
  apiDocs: string;
  /** Navigation labels by message id. */
  labels: Map<string, string>;
  /** The bell's text by unread count (small counts only). */
  bells: Map<number, string>;
}

const wordsByTranslator = new WeakMap<Translator, FrameWords>();
/** Bell texts kept per count up to this one (the count is part of an ICU plural). */
const KEPT_BELLS = 100;

function frameWords(t: Translator): FrameWords {
  let words = wordsByTranslator.get(t);
  if (!words) {
    const text = (id: string) => escapeHtml(t.t(id));
    words = {
      appName: text('app.name'),
      skipToContent: text('layout.skipToContent'),
      languages: text('layout.languages'),
      mainNavigation: text('layout.mainNavigation'),
      account: text('nav.account'),
      signOut: text('nav.signOut'),
      signIn: text('nav.signIn'),
      signUp: text('nav.signUp'),
      checkCredential: text('credential.web.check.footerLink'),
      apiDocs: text('nav.apiDocs'),
      labels: new Map(),
      bells: new Map(),
    };
    wordsByTranslator.set(t, words);
  }
  return words;
}

function label(words: FrameWords, t: Translator, id: string): string {
  let text = words.labels.get(id);
  if (text === undefined) {
    text = escapeHtml(t.t(id));
    words.labels.set(id, text);
  }
  return text;
}

function bell(words: FrameWords, t: Translator, count: number): string {
  const kept = words.bells.get(count);
  if (kept !== undefined) return kept;
  const text = escapeHtml(t.t('notifications.bell', { count }));
  if (Number.isInteger(count) && count >= 0 && count <= KEPT_BELLS) words.bells.set(count, text);
  return text;
}

/** Everything before the page's own content: head, skip link, header, the opening of <main> and the flash. */
function frameStart(
  ctx: PageContext,
  title: string,
  description: string | undefined,
  refreshSeconds: number | undefined,
): string {
  const { t, user, path } = ctx;
  const words = frameWords(t);
  const next = escapeHtml(encodeURIComponent(path));
  let html =
    `<html lang="${escapeHtml(ctx.locale)}"><head><meta charset="utf-8"/>` +
    '<meta name="viewport" content="width=device-width, initial-scale=1"/>' +
    `<title>${escapeHtml(title)} · ${words.appName}</title>`;
  if (description) html += `<meta name="description" content="${escapeHtml(description)}"/>`;
  if (refreshSeconds) html += `<meta http-equiv="refresh" content="${escapeHtml(String(refreshSeconds))}"/>`;
  html +=
    '<link rel="stylesheet" href="/static/site.css"/>' +
    '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml"/></head>' +
    `<body><a class="skip-link" href="#main">${words.skipToContent}</a>` +
    `<header class="site-header"><div class="bar"><a class="brand" href="/">${words.appName}</a>` +
    `<nav class="languages" aria-label="${words.languages}"><ul>`;
  for (const locale of LOCALES) {
    const current = locale === ctx.locale ? ' aria-current="true"' : '';
    html += `<li><a href="/lang/${locale}?next=${next}" lang="${locale}" hreflang="${locale}"${current}>${LANGUAGE_NAMES[locale]}</a></li>`;
  }
  html += `</ul></nav></div><nav class="main-nav" aria-label="${words.mainNavigation}"><ul>`;
  for (const item of ctx.navigation) {
    const current = path === item.href ? ' aria-current="page"' : '';
    html += `<li><a href="${escapeHtml(item.href)}"${current}>${label(words, t, item.label)}</a></li>`;
  }
  if (user) {
    const current = path.startsWith('/notifications') ? ' aria-current="page"' : '';
    html +=
      `<li><a href="/notifications" class="bell"${current}>${bell(words, t, user.unread ?? 0)}</a></li>` +
      `<li><a href="/account">${words.account}</a></li>` +
      '<li><form method="post" action="/sign-out" class="inline">' +
      // preact writes an empty attribute bare.
      `<input type="hidden" name="_csrf" value${ctx.csrf === '' ? '' : `="${escapeHtml(ctx.csrf)}"`}/>` +
      `<button type="submit" class="link">${words.signOut}</button></form></li>`;
  } else {
    html +=
      `<li><a href="/sign-in?next=${next}">${words.signIn}</a></li>` +
      `<li><a href="/sign-up">${words.signUp}</a></li>`;
  }
  html += '</ul></nav></header><main id="main" tabindex="-1">';
  if (ctx.flash) html += `<p class="flash" role="status">${escapeHtml(ctx.flash)}</p>`;
  return html;
}

/** Everything after the page's own content: the end of <main> and the footer. */
function frameEnd(ctx: PageContext): string {
  const words = frameWords(ctx.t);
  const signedIn = ctx.user
    ? `<span>${escapeHtml(ctx.t.t('layout.signedInAs', { name: ctx.user.name }))} · </span>`
    : '';
  return (
    `</main><footer class="site-footer"><p>${signedIn}<a href="/verify">${words.checkCredential}</a> · ` +
    `<a href="/api/docs">${words.apiDocs}</a></p></footer></body></html>`
  );
}
