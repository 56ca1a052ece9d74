import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.js';
import {
  LOCALE_COOKIE,
  SESSION_COOKIE,
  SESSION_LOCALE_COOKIE,
  safeNextPath,
  sessionCookieOptions,
  setFlash,
} from '../../http/context.js';
import { errorMessage } from '../../http/error-handler.js';
import { csrfProtected, echoValues, formBody, handleForm, rateLimitedForm } from '../../http/forms.js';
import { isLocale, translator } from '../../i18n/i18n.js';
import { AppError, isAppError } from '../../kernel/errors.js';
import { pageContext } from '../../web/page-context.js';
import { sendPage } from '../../web/render.js';
import { confirmEmailChange } from './account/change-email.js';
import { confirmEmail } from './account/confirm-email.js';
import { resendConfirmation } from './account/resend-confirmation.js';
import { signUp } from './account/sign-up.js';
import { listDemoAccounts } from './list-demo-accounts.js';
import { requestPasswordReset } from './passwords/request-password-reset.js';
import { isPasswordResetTokenValid, resetPassword } from './passwords/reset-password.js';
import { signIn } from './sign-in/sign-in.js';
import { signOut } from './sign-in/sign-out.js';
import {
  ForgotPasswordPage,
  MessagePage,
  NewConfirmationLinkPage,
  ResetPasswordPage,
  SignInPage,
  SignUpPage,
} from './views/auth-pages.js';

/** Rate limits (requests per minute per client address) on the forms that guess or send mail. */
const SIGN_IN_PER_MINUTE = 20;
const MAIL_FORMS_PER_MINUTE = 10;
/** Where someone who signed up was going, kept in their browser until their address is confirmed. */
const NEXT_COOKIE = 'dp_next';

/** Sign-up, sign-in, sign-out, password reset and email confirmation (the account pages: account.web.tsx). */
export function identityWebRoutes(app: FastifyInstance, deps: Deps): void {
  app.get<{ Querystring: { next?: string } }>(
    '/sign-up',
    { schema: { hide: true } },
    async (request, reply) =>
      sendPage(
        reply,
        <SignUpPage ctx={pageContext(request, reply)} next={safeNextPath(request.query.next, '/')} />,
      ),
  );

  app.post('/sign-up', rateLimitedForm(app, MAIL_FORMS_PER_MINUTE), async (request, reply) => {
    const body = formBody(request);
    return handleForm(
      request,
      reply,
      async () => {
        await signUp(deps.db, deps, body);
        // Where the person was going (an application, say) waits in this browser for the confirmation.
        const next = safeNextPath(body.next, '/');
        if (next !== '/')
          reply.setCookie(NEXT_COOKIE, next, {
            ...sessionCookieOptions(deps.config.secureCookies),
            maxAge: 7 * 24 * 60 * 60,
          });
        return reply.redirect('/sign-up/sent', 303);
      },
      (errors) =>
        sendPage(
          reply,
          <SignUpPage
            ctx={pageContext(request, reply)}
            values={echoValues(body)}
            errors={errors}
            next={safeNextPath(body.next, '/')}
          />,
          400,
        ),
    );
  });

  app.get('/sign-up/sent', { schema: { hide: true } }, async (request, reply) =>
    sendPage(
      reply,
      <MessagePage ctx={pageContext(request, reply)} titleKey="signUp.sentTitle" bodyKey="signUp.sentBody" />,
    ),
  );

  app.get<{ Params: { token: string } }>(
    '/confirm-email/:token',
    { schema: { hide: true } },
    async (request, reply) => {
      let confirmed: Awaited<ReturnType<typeof confirmEmail>>;
      try {
        confirmed = await confirmEmail(deps.db, deps, request.params.token);
      } catch (error) {
        if (!isAppError(error, 'token_invalid')) throw error;
        return sendPage(reply, <NewConfirmationLinkPage ctx={pageContext(request, reply)} expired />, 410);
      }
      // The page speaks the account's language (the link may be opened on another device), and keeps it.
      if (isLocale(confirmed.preferredLocale)) {
        request.locale = confirmed.preferredLocale;
        request.i18n = translator(confirmed.preferredLocale);
        reply.setCookie(LOCALE_COOKIE, confirmed.preferredLocale, {
          ...sessionCookieOptions(deps.config.secureCookies),
          maxAge: 365 * 24 * 60 * 60,
        });
      }
      const next = safeNextPath(request.cookies[NEXT_COOKIE], '/');
      if (request.cookies[NEXT_COOKIE]) reply.clearCookie(NEXT_COOKIE, { path: '/' });
      return sendPage(
        reply,
        <MessagePage
          ctx={pageContext(request, reply)}
          titleKey="confirm.title"
          bodyKey="confirm.body"
          link={{
            href: next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`,
            key: 'nav.signIn',
          }}
        />,
      );
    },
  );

  app.get('/confirm-email/new', { schema: { hide: true } }, async (request, reply) =>
    sendPage(reply, <NewConfirmationLinkPage ctx={pageContext(request, reply)} />),
  );

  app.post('/confirm-email/new', rateLimitedForm(app, MAIL_FORMS_PER_MINUTE), async (request, reply) => {
    const body = formBody(request);
    return handleForm(
      request,
      reply,
      async () => {
        await resendConfirmation(deps.db, deps, body);
        return reply.redirect('/sign-up/sent', 303);
      },
      (errors) =>
        sendPage(
          reply,
          <NewConfirmationLinkPage
            ctx={pageContext(request, reply)}
            values={echoValues(body)}
            errors={errors}
          />,
          400,
        ),
    );
  });

  app.get<{ Querystring: { next?: string } }>(
    '/sign-in',
    { schema: { hide: true } },
    async (request, reply) => {
      if (request.account) return reply.redirect(safeNextPath(request.query.next, '/account'), 303);
      return sendPage(
        reply,
        <SignInPage
          ctx={pageContext(request, reply)}
          next={safeNextPath(request.query.next, '/')}
          demoAccounts={await listDemoAccounts(deps.db)}
        />,
      );
    },
  );

  app.post('/sign-in', rateLimitedForm(app, SIGN_IN_PER_MINUTE), async (request, reply) => {
    const body = formBody(request);
    const next = safeNextPath(body.next, '/');
    const rerender = async (status: number, problem?: string, errors = {}) =>
      sendPage(
        reply,
        <SignInPage
          ctx={pageContext(request, reply)}
          values={echoValues(body)}
          errors={errors}
          next={next}
          problem={problem}
          demoAccounts={await listDemoAccounts(deps.db)}
        />,
        status,
      );
    try {
      const session = await signIn(deps.db, deps, body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      if (request.sessionToken) await signOut(deps.db, deps, request.sessionToken);
      reply.setCookie(
        SESSION_COOKIE,
        session.sessionToken,
        sessionCookieOptions(deps.config.secureCookies, session.expiresAt),
      );
      // Remember the person's language on this device, so pages stay in it after signing out.
      reply.setCookie(LOCALE_COOKIE, session.preferredLocale, {
        ...sessionCookieOptions(deps.config.secureCookies),
        maxAge: 365 * 24 * 60 * 60,
      });
      // A language chosen for an earlier session does not outlive it.
      reply.clearCookie(SESSION_LOCALE_COOKIE, { path: '/' });
      setFlash(reply, 'flash.signedIn');
      return reply.redirect(next, 303);
    } catch (error) {
      if (isAppError(error, 'validation_failed'))
        return handleForm(
          request,
          reply,
          () => Promise.reject(error),
          (errors) => rerender(400, undefined, errors),
        );
      if (
        isAppError(error, 'invalid_credentials') ||
        isAppError(error, 'too_many_attempts') ||
        isAppError(error, 'email_unconfirmed')
      ) {
        if (error.code === 'too_many_attempts')
          reply.header('retry-after', String(Number(error.params.minutes) * 60));
        return rerender(error.status, errorMessage(request.i18n, error));
      }
      throw error;
    }
  });

  app.post('/sign-out', csrfProtected(app), async (request, reply) => {
    if (request.sessionToken) await signOut(deps.db, deps, request.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.clearCookie(SESSION_LOCALE_COOKIE, { path: '/' });
    setFlash(reply, 'flash.signedOut');
    return reply.redirect('/', 303);
  });

  app.get('/password/forgot', { schema: { hide: true } }, async (request, reply) =>
    sendPage(reply, <ForgotPasswordPage ctx={pageContext(request, reply)} />),
  );

  app.post('/password/forgot', rateLimitedForm(app, MAIL_FORMS_PER_MINUTE), async (request, reply) => {
    const body = formBody(request);
    try {
      await requestPasswordReset(deps.db, deps, body, { ip: request.ip });
      return reply.redirect('/password/forgot/sent', 303);
    } catch (error) {
      if (isAppError(error, 'too_many_attempts')) {
        return sendPage(
          reply,
          <ForgotPasswordPage
            ctx={pageContext(request, reply)}
            values={echoValues(body)}
            problem={errorMessage(request.i18n, error)}
          />,
          429,
        );
      }
      return handleForm(
        request,
        reply,
        () => Promise.reject(error),
        (errors) =>
          sendPage(
            reply,
            <ForgotPasswordPage
              ctx={pageContext(request, reply)}
              values={echoValues(body)}
              errors={errors}
            />,
            400,
          ),
      );
    }
  });

  app.get('/password/forgot/sent', { schema: { hide: true } }, async (request, reply) =>
    sendPage(
      reply,
      <MessagePage ctx={pageContext(request, reply)} titleKey="forgot.sentTitle" bodyKey="forgot.sentBody" />,
    ),
  );

  app.get<{ Params: { token: string } }>(
    '/password/reset/:token',
    { schema: { hide: true } },
    async (request, reply) => {
      if (!(await isPasswordResetTokenValid(deps.db, deps, request.params.token)))
        throw new AppError('token_invalid');
      return sendPage(
        reply,
        <ResetPasswordPage ctx={pageContext(request, reply)} token={request.params.token} />,
      );
    },
  );

  app.post<{ Params: { token: string } }>(
    '/password/reset/:token',
    csrfProtected(app),
    async (request, reply) => {
      const body = formBody(request);
      return handleForm(
        request,
        reply,
        async () => {
          const { revokedApiTokens } = await resetPassword(deps.db, deps, request.params.token, body);
          reply.clearCookie(SESSION_COOKIE, { path: '/' });
          setFlash(reply, revokedApiTokens > 0 ? 'flash.passwordResetTokensRevoked' : 'flash.passwordReset');
          return reply.redirect('/sign-in', 303);
        },
        (errors) =>
          sendPage(
            reply,
            <ResetPasswordPage
              ctx={pageContext(request, reply)}
              token={request.params.token}
              errors={errors}
            />,
            400,
          ),
      );
    },
  );

  app.get<{ Params: { token: string } }>(
    '/confirm-email-change/:token',
    { schema: { hide: true } },
    async (request, reply) => {
      await confirmEmailChange(deps.db, deps, request.params.token);
      return sendPage(
        reply,
        <MessagePage
          ctx={pageContext(request, reply)}
          titleKey="emailChange.doneTitle"
          bodyKey="emailChange.doneBody"
          link={{ href: '/account', key: 'nav.account' }}
        />,
      );
    },
  );
}
