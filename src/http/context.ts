import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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
} from '../modules/identity/authenticate.js';

export const SESSION_COOKIE = 'dp_session';
export const LOCALE_COOKIE = 'dp_lang';
export const FLASH_COOKIE = 'dp_flash';

declare module 'fastify' {
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
     * True for routes under /api/ and for the machine endpoints outside it (see `isMachineRequest`): errors
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
 * W3C VC-API (`/credentials/verify|issue|status`, `/presentations/verify`, `/challenges`).
 */
const MACHINE_PATHS =
  /^\/(?:\.well-known\/|status-lists\/|ob\/|ims\/|presentations\/|challenges(?:[/?]|$)|credentials\/(?:verify|issue|status)(?:[/?]|$))/;

/**
 * True when a request is served like the API (JSON errors, bearer token only, no cookies so no CSRF
 * exposure): /api/, the machine endpoints, and a credential download (`/credentials/<id>.<ext>`) that
 * carries a bearer token (a browser downloads with its session cookie instead).
 */
export function isMachineRequest(url: string, authorization: string | undefined): boolean {
  if (url.startsWith('/api/') || url.startsWith('/api?') || MACHINE_PATHS.test(url)) return true;
  return url.startsWith('/credentials/') && authorization?.startsWith('Bearer ') === true;
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
    request.actor = ANONYMOUS;
    request.isApi = isMachineRequest(request.url, request.headers.authorization);
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
        const found = await authenticateSession(deps.db, deps, token);
        if (found) {
          request.actor = found.actor;
          request.account = found;
          request.sessionToken = token;
          preference = found.preferredLocale;
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
  reply.setCookie(FLASH_COOKIE, messageId, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    signed: true,
    maxAge: 60,
  });
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
