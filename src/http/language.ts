import type { FastifyInstance } from 'fastify';
import type { Deps } from '../deps.js';
import { isLocale } from '../i18n/i18n.js';
import { AppError } from '../kernel/errors.js';
import { setPreferredLocale } from '../modules/identity/update-account.js';
import { LOCALE_COOKIE, safeNextPath } from './context.js';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * The language switcher: `GET /lang/fr?next=/courses` remembers the choice (cookie; and the person's
 * preference when signed in) and returns to the same page. A link rather than a form, so it works without
 * JavaScript or cookies-before-forms; changing one's own language is harmless if triggered cross-site.
 */
export function languageRoutes(app: FastifyInstance, deps: Deps): void {
  app.get<{ Params: { locale: string }; Querystring: { next?: string } }>(
    '/lang/:locale',
    { schema: { hide: true } },
    async (request, reply) => {
      const { locale } = request.params;
      if (!isLocale(locale)) throw new AppError('not_found');
      reply.setCookie(LOCALE_COOKIE, locale, {
        path: '/',
        maxAge: ONE_YEAR_SECONDS,
        sameSite: 'lax',
        httpOnly: true,
        secure: deps.config.secureCookies,
      });
      await setPreferredLocale(deps.db, deps, request.actor, locale);
      return reply.redirect(safeNextPath(request.query.next), 303);
    },
  );
}
