import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../deps.js';
import {
  DEFAULT_LOCALE,
  isLocale,
  type Locale,
  negotiateLocale,
  type Translator,
  translator,
} from '../i18n/i18n.js';
import { type Actor, ANONYMOUS } from '../kernel/actor.js';
import {
  type Authenticated,
  authenticateApiToken,
  authenticateSession,
} from '../modules/identity/sign-in/authenticate.js';
import { unreadNotificationsOf } from '../modules/notifications/notifications.read-models.repository.js';

export const SESSION_COOKIE = 'dp_session';
export const LOCALE_COOKIE = 'dp_lang';
/**
 * A signed-in person's language for this browser session, chosen with the switcher: it beats their
 * preferred language without rewriting it (that stays a choice made on the account page).
 */
export const SESSION_LOCALE_COOKIE = 'dp_session_lang';
export const FLASH_COOKIE = 'dp_flash';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Served like the API (JSON errors, bearer tokens only): set at registration by `markMachineRoutes`. */
    api?: boolean;
    /** Served like the API when the request carries a bearer token, as a web page otherwise (downloads). */
    tokenOrSession?: boolean;
    /**
     * Authenticated by explicit credentials only (xAPI's Basic credentials), never by cookies, and called by
     * content of any origin (cmi5 AUs in sandboxed frames send `Origin: null`): no cross-site check.
     */
    credentialsOnly?: boolean;
  }
  interface FastifyRequest {
    /** Who is asking: a person (by session cookie or API token) or anonymous. */
    actor: Actor;
    /** The signed-in person's display data (web sessions only). */
    account: Authenticated | null;
    /** The raw session cookie value (to sign out, or to keep this session when changing a password). */
    sessionToken: string | null;
    i18n: Translator;
    locale: Locale;
    /**
     * True for routes under /api/ and for the machine endpoints outside it (see `isApiRequest`): errors
     * are JSON, authentication by bearer token only.
     */
    isApi: boolean;
  }
}

/** The interface language: the person's preference, else the cookie, else Accept-Language, else English. */
export function resolveLocale(
  preference: Locale | null,
  cookie: string | undefined,
  acceptLanguage: string | undefined,
): Locale {
  if (preference) return preference;
  if (isLocale(cookie)) return cookie;
  return negotiateLocale(acceptLanguage) ?? DEFAULT_LOCALE;
}

/**
 * Machine endpoints that live outside /api because their standards fix the paths: the issuer's documents
 * (`/.well-known/…`), status lists, the Open Badges profile and API (`/ob/…`, `/ims/ob/v3p0/…`) and the
 * W3C VC-API (`/credentials/verify|issue|status`, `/presentations/verify`, `/challenges`), and cmi5's fetch URL
 * (`/cmi5/fetch/…`, called by learning content with its one-time token, never with cookies).
 */
const MACHINE_PATHS =
  /^\/(?:api\/|\.well-known\/|status-lists\/|ob\/|ims\/|cmi5\/fetch\/|presentations\/|challenges(?:[/?]|$)|credentials\/(?:verify|issue|status)(?:[/?]|$))/;

/**
 * True for a route path (as registered, e.g. `/api/v1/me/tokens`) served like the API: JSON errors, bearer
 * tokens only. Read once per route when it is registered (`markMachineRoutes`), never on a request's raw URL.
 */
export function isMachinePath(path: string): boolean {
  return MACHINE_PATHS.test(path);
}

/**
 * Marks, at registration, every route served like the API (`config.api`): everything under /api and the
 * machine endpoints outside it. A request is then judged by the route the router matched, so a path the
 * router decodes or folds (`/%61pi/v1/…`) cannot reach an API route with a session cookie.
 */
export function markMachineRoutes(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (isMachinePath(route.url)) route.config = { ...route.config, api: true };
  });
}

/**
 * True when a request is served like the API (JSON errors, bearer token only, no cookies so no CSRF
 * exposure), decided on the route that matched: a route marked `api`, or one marked `tokenOrSession` (a
 * credential download) when the request carries a bearer token (a browser downloads with its session
 * cookie instead). A request no route matched gets only a 404: it is JSON (and no cookie is read) when the
 * path, decoded, with slashes folded and in any case, looks like the API's.
 */
export function isApiRequest(request: FastifyRequest): boolean {
  const config = request.routeOptions.config as FastifyContextConfig | undefined;
  if (config?.api) return true;
  if (config?.tokenOrSession) return request.headers.authorization?.startsWith('Bearer ') === true;
  if (request.routeOptions.url !== undefined) return false;
  return isMachinePath(normalisedPath(request.url));
}

/** The path of a raw URL as a lenient router would read it: decoded, repeated slashes folded, lower case. */
function normalisedPath(url: string): string {
  const path = url.split('?')[0] ?? '';
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A malformed escape: judge the raw path.
  }
  return `${decoded.replace(/\/{2,}/g, '/').toLowerCase()}/`;
}

/**
 * What a request needs to be answered with an error before the person is known (the database unreachable
 * while looking them up, load shedding): anonymous, API or web by its route, the language from the cookie
 * or Accept-Language. No database access.
 */
export function prepareRequestLanguage(request: FastifyRequest): void {
  request.actor = ANONYMOUS;
  request.isApi = isApiRequest(request);
  request.locale = resolveLocale(null, request.cookies[LOCALE_COOKIE], request.headers['accept-language']);
  request.i18n = translator(request.locale);
}

/**
 * Works out, for every request, who is asking and in which language. The JSON API and the machine
 * endpoints authenticate by personal token only (no cookies, so no CSRF exposure); web pages (and
 * credential downloads without a token) by the session cookie.
 */
export function installRequestContext(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('account', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('i18n', null as never);
  app.decorateRequest('locale', DEFAULT_LOCALE);
  app.decorateRequest('isApi', false);

  app.addHook('onRequest', async (request) => {
    prepareRequestLanguage(request);
    let preference: Locale | null = null;
    if (request.url.startsWith('/static/')) {
      request.locale = DEFAULT_LOCALE;
      request.i18n = translator(DEFAULT_LOCALE);
      return;
    }
    if (request.isApi) {
      const header = request.headers.authorization;
      if (header?.startsWith('Bearer ')) {
        const found = await authenticateApiToken(deps.db, deps, header.slice('Bearer '.length).trim());
        if (found) {
          request.actor = found.actor;
          preference = found.preferredLocale;
        }
      }
    } else {
      const token = request.cookies[SESSION_COOKIE];
      if (token) {
        // The bell's count comes in the same statement (`account.figure`, read by installUnreadCount).
        const found = await authenticateSession(deps.db, deps, token, unreadNotificationsOf);
        if (found) {
          request.actor = found.actor;
          request.account = found;
          request.sessionToken = token;
          const forSession = request.cookies[SESSION_LOCALE_COOKIE];
          preference = isLocale(forSession) ? forSession : found.preferredLocale;
        }
      }
    }
    const queryLang = (request.query as Record<string, unknown> | undefined)?.lang;
    const explicit = request.isApi && isLocale(queryLang) ? queryLang : null;
    request.locale =
      explicit ??
      resolveLocale(preference, request.cookies[LOCALE_COOKIE], request.headers['accept-language']);
    request.i18n = translator(request.locale);
  });
}

/** Cookie options for the session (HttpOnly, SameSite=Lax, Secure behind https). */
export function sessionCookieOptions(secure: boolean, expiresAt?: string) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure,
    ...(expiresAt ? { expires: new Date(expiresAt) } : {}),
  };
}

/** A message shown once on the next page (after a POST → redirect). The value is a message id. */
export function setFlash(reply: FastifyReply, messageId: string): void {
  reply.setCookie(FLASH_COOKIE, signedFlash(reply, messageId), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    maxAge: 60,
  });
}

/**
 * The flash cookie's signed value: a message id is one of a few constants, so its signature (an HMAC) is
 * made once per server (the signer is the server's) rather than on every form's save.
 */
const FLASHES_KEPT = 1000;
const SIGNED_FLASHES = new WeakMap<object, Map<string, string>>();
function signedFlash(reply: FastifyReply, messageId: string): string {
  let signed = SIGNED_FLASHES.get(reply.server);
  if (!signed) {
    signed = new Map();
    SIGNED_FLASHES.set(reply.server, signed);
  }
  let value = signed.get(messageId);
  if (value === undefined) {
    value = reply.signCookie(messageId);
    // Message ids are constants of the code; the bound only guards against a caller passing something else.
    if (signed.size < FLASHES_KEPT) signed.set(messageId, value);
  }
  return value;
}

/** Reads and clears the flash message, if any. */
export function takeFlash(request: FastifyRequest, reply: FastifyReply): string | null {
  const raw = request.cookies[FLASH_COOKIE];
  if (!raw) return null;
  reply.clearCookie(FLASH_COOKIE, { path: '/' });
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid && unsigned.value && /^[a-zA-Z0-9.]+$/.test(unsigned.value) ? unsigned.value : null;
}

/** A same-site path to return to after an action, never an absolute or protocol-relative URL. */
export function safeNextPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length > 1000) return fallback;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  // Browsers drop tabs and newlines from URLs (`/\t/evil.com` becomes `//evil.com`): refuse every control
  // character rather than only CR and LF.
  if (/\p{Cc}/u.test(value)) return fallback;
  // A Location header carries ASCII only: percent-encode the rest (a raw `€` made the redirect fail with 500).
  try {
    return value.replace(/[^\x21-\x7e]+/g, (text) => encodeURIComponent(text));
  } catch {
    return fallback;
  }
}
