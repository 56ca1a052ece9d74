import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.js';
import { isLocale } from '../i18n/i18n.js';
import { AppError } from '../kernel/errors.js';
import { LOCALE_COOKIE, SESSION_LOCALE_COOKIE, safeNextPath } from './context.js';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * The language switcher: `GET /lang/fr?next=/courses` remembers the choice and returns to the same page.
 * Signed out, in a cookie for a year; signed in, for this browser session only: the person's preferred
 * language (their mails, their next sign-in) changes only on the account page, never as a side effect. A link rather than a form, so it works without
 * JavaScript or cookies-before-forms; changing one's own language is harmless if triggered cross-site.
 */
export function languageRoutes(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: { locale: string }; Querystring: { next?: string } }>(
    '/lang/:locale',
    { schema: { hide: true } },
    async (request, reply) => {
      const { locale } = request.params;
      if (!isLocale(locale)) throw new AppError('not_found');
      const options = {
        path: '/',
        sameSite: 'lax' as const,
        httpOnly: true,
        secure: deps.config.secureCookies,
      };
      if (request.account) reply.setCookie(SESSION_LOCALE_COOKIE, locale, options);
      else reply.setCookie(LOCALE_COOKIE, locale, { ...options, maxAge: ONE_YEAR_SECONDS });
      return reply.redirect(safeNextPath(request.query.next), 303);
    },
  );
}
