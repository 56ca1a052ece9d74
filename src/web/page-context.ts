import type { FastifyReply, FastifyRequest } from 'fastify';
import { safeNextPath, takeFlash } from '../http/context.js';
import { csrfSessionBinding } from '../http/csrf.js';
import type { Locale, Translator } from '../i18n/i18n.js';
import type { Role } from '../kernel/actor.js';
import type { FieldError } from '../kernel/errors.js';
import type { NavigationItem } from '../modules/module.js';

/** What every page view gets besides its own view-model: plain data, no request or database handle. */
export interface PageContext {
  t: Translator;
  locale: Locale;
  /** The current path with its query string (the language switcher returns here). */
  path: string;
  /** The signed-in person; `unread` is the bell's number (null when not counted for this request). */
  user: { name: string; roles: readonly Role[]; unread?: number | null } | null;
  csrf: string;
  flash: string | null;
  /** The main navigation's links this reader may see (from the modules' descriptors). */
  navigation: readonly { href: string; label: string }[];
}

/** The navigation of each kind of reader (by roles), per list of items: the same on every page. */
const navigationByItems = new WeakMap<readonly NavigationItem[], Map<string, readonly NavLink[]>>();
type NavLink = { readonly href: string; readonly label: string };

/** The links of the navigation a reader sees (by sign-in and roles), worked out once per kind of reader. */
export function visibleNavigation(
  items: readonly NavigationItem[],
  roles: readonly Role[] | null,
): readonly NavLink[] {
  let byReader = navigationByItems.get(items);
  if (!byReader) {
    byReader = new Map();
    navigationByItems.set(items, byReader);
  }
  const reader = roles === null ? '' : `:${roles.join(',')}`;
  let links = byReader.get(reader);
  if (!links) {
    links = Object.freeze(linksFor(items, roles));
    byReader.set(reader, links);
  }
  return links;
}

/** Pure: the links of `items` a reader with `roles` (null: signed out) sees. */
function linksFor(items: readonly NavigationItem[], roles: readonly Role[] | null): NavLink[] {
  return items
    .filter((item) =>
      item.shownTo === 'everyone'
        ? true
        : roles === null
          ? false
          : item.shownTo === 'signed-in' || item.shownTo.some((role) => roles.includes(role)),
    )
    .map((item) => ({ href: item.href, label: item.label }));
}

const NO_NAVIGATION: readonly NavigationItem[] = [];

/** Builds the page context for a request (generates the CSRF token for the page's forms). */
export function pageContext(request: FastifyRequest, reply: FastifyReply): PageContext {
  const flashId = takeFlash(request, reply);
  const t = request.i18n;
  let csrf: string | undefined;
  return {
    t,
    locale: request.locale,
    path: currentPagePath(request),
    user: request.account
      ? {
          name: request.account.fullName,
          roles: request.account.actor.roles,
          unread: request.unreadNotifications,
        }
      : null,
    // Made when a form asks for it: a page without a POST form sets no CSRF cookie.
    get csrf() {
      csrf ??= reply.generateCsrf({ userInfo: csrfSessionBinding(request) });
      return csrf;
    },
    flash: flashId && t.has(flashId) ? t.t(flashId) : null,
    navigation: visibleNavigation(
      request.server.navigation ?? NO_NAVIGATION,
      request.account ? request.account.actor.roles : null,
    ),
  };
}

/** Field errors keyed by field path, translated (the first problem per field). */
export type FieldMessages = Record<string, string>;

export function fieldMessages(t: Translator, errors: readonly FieldError[]): FieldMessages {
  const out: FieldMessages = {};
  for (const error of errors) {
    if (out[error.path] !== undefined) continue;
    out[error.path] = t.has(error.key) ? t.t(error.key, error.values) : t.t('validation.invalid');
  }
  return out;
}

/**
 * The page the reader is on, for links that return to it (language switcher, sign in). For a GET, the
 * request's own path; for a form post (a path a link cannot replay), the page the form was on when it is
 * on this site, else the home page.
 */
export function currentPagePath(request: FastifyRequest): string {
  if (request.method === 'GET' || request.method === 'HEAD') return request.url;
  const referer = request.headers.referer;
  if (!referer) return '/';
  try {
    const from = new URL(referer);
    const here = new URL(`http://${request.headers.host ?? ''}`);
    return from.host === here.host ? safeNextPath(`${from.pathname}${from.search}`) : '/';
  } catch {
    return '/';
  }
}
