import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.js';
import {
  LOCALE_COOKIE,
  SESSION_COOKIE,
  safeNextPath,
  sessionCookieOptions,
  setFlash,
} from '../../http/context.js';
import { errorMessage } from '../../http/error-handler.js';
import {
  csrfProtected,
  echoValues,
  type FormBody,
  formBody,
  handleForm,
  rateLimitedForm,
} from '../../http/forms.js';
import { AppError, isAppError } from '../../kernel/errors.js';
import { hashSecret } from '../../kernel/ids.js';
import { pageContext } from '../../web/page-context.js';
import { sendPage } from '../../web/render.js';
import { createApiToken, listOwnApiTokens, revokeApiToken } from './api-tokens.js';
import { confirmEmailChange, requestEmailChange } from './change-email.js';
import { confirmEmail } from './confirm-email.js';
import { listDemoAccounts } from './list-demo-accounts.js';
import { requestPasswordReset } from './request-password-reset.js';
import { isPasswordResetTokenValid, resetPassword } from './reset-password.js';
import { signIn } from './sign-in.js';
import { signOut } from './sign-out.js';
import { signUp } from './sign-up.js';
import { changePassword, getOwnAccount, updateProfile } from './update-account.js';
import { AccountPage, TokensPage } from './views/account-pages.js';
import {
  ForgotPasswordPage,
  MessagePage,
  ResetPasswordPage,
  SignInPage,
  SignUpPage,
} from './views/auth-pages.js';

/** Rate limits (requests per minute per client address) on the forms that guess or send mail. */
const SIGN_IN_PER_MINUTE = 20;
const MAIL_FORMS_PER_MINUTE = 10;

/** Sign-up, sign-in, sign-out, password reset, email confirmation and the account pages. */
export function identityWebRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/sign-up', { schema: { hide: true } }, async (request, reply) =>
    sendPage(reply, <SignUpPage ctx={pageContext(request, reply)} />),
  );

  app.post('/sign-up', rateLimitedForm(app, MAIL_FORMS_PER_MINUTE), async (request, reply) => {
    const body = formBody(request);
    return handleForm(
      request,
      reply,
      async () => {
        await signUp(deps.db, deps, body);
        return reply.redirect('/sign-up/sent', 303);
      },
      (errors) =>
        sendPage(
          reply,
          <SignUpPage ctx={pageContext(request, reply)} values={echoValues(body)} errors={errors} />,
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
      await confirmEmail(deps.db, deps, request.params.token);
      return sendPage(
        reply,
        <MessagePage
          ctx={pageContext(request, reply)}
          titleKey="confirm.title"
          bodyKey="confirm.body"
          link={{ href: '/sign-in', key: 'nav.signIn' }}
        />,
      );
    },
  );

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

  accountRoutes(app, deps);
}

function accountRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/account', { schema: { hide: true } }, async (request, reply) => {
    const account = await getOwnAccount(deps.db, deps, request.actor);
    return sendPage(reply, <AccountPage ctx={pageContext(request, reply)} account={account} />);
  });

  /** The ticked boxes of a checkbox group, comma-separated (a form posts the name once per box). */
  const ticked = (value: unknown) =>
    (Array.isArray(value) ? value : [value]).filter((item) => typeof item === 'string' && item).join(',');

  /** The three forms of the account page share this: on success a flash message, on errors the page again. */
  const accountForm = (
    path: string,
    form: 'profile' | 'email' | 'password',
    run: (request: FastifyRequest, body: FormBody) => Promise<string>,
  ) =>
    app.post(path, csrfProtected(app), async (request, reply) => {
      const body = formBody(request);
      return handleForm(
        request,
        reply,
        async () => {
          setFlash(reply, await run(request, body));
          return reply.redirect('/account', 303);
        },
        async (errors) => {
          const account = await getOwnAccount(deps.db, deps, request.actor);
          return sendPage(
            reply,
            <AccountPage
              ctx={pageContext(request, reply)}
              account={account}
              failed={{
                form,
                values: { ...echoValues(body), learningLanguages: ticked(body.learningLanguages) },
                errors,
              }}
            />,
            400,
          );
        },
      );
    });

  accountForm('/account/profile', 'profile', async (request, body) => {
    await updateProfile(deps.db, deps, request.actor, body);
    return 'flash.profileSaved';
  });
  accountForm('/account/email', 'email', async (request, body) => {
    await requestEmailChange(deps.db, deps, request.actor, body);
    return 'flash.emailChangeSent';
  });
  accountForm('/account/password', 'password', async (request, body) => {
    await changePassword(
      deps.db,
      deps,
      request.actor,
      body,
      request.sessionToken ? hashSecret(request.sessionToken) : undefined,
    );
    return 'flash.passwordChanged';
  });

  app.get('/account/tokens', { schema: { hide: true } }, async (request, reply) => {
    const tokens = await listOwnApiTokens(deps.db, deps, request.actor);
    return sendPage(reply, <TokensPage ctx={pageContext(request, reply)} tokens={tokens} />);
  });

  app.post('/account/tokens', csrfProtected(app), async (request, reply) => {
    const body = formBody(request);
    return handleForm(
      request,
      reply,
      async () => {
        const { token, summary } = await createApiToken(deps.db, deps, request.actor, body);
        const tokens = await listOwnApiTokens(deps.db, deps, request.actor);
        // Shown once, on this response only: never stored in a cookie or a redirect.
        return sendPage(
          reply,
          <TokensPage
            ctx={pageContext(request, reply)}
            tokens={tokens}
            created={{ token, name: summary.name }}
          />,
          201,
        );
      },
      async (errors) => {
        const tokens = await listOwnApiTokens(deps.db, deps, request.actor);
        return sendPage(
          reply,
          <TokensPage
            ctx={pageContext(request, reply)}
            tokens={tokens}
            values={echoValues(body)}
            errors={errors}
          />,
          400,
        );
      },
    );
  });

  app.post<{ Params: { id: string } }>(
    '/account/tokens/:id/revoke',
    csrfProtected(app),
    async (request, reply) => {
      await revokeApiToken(deps.db, deps, request.actor, request.params.id);
      setFlash(reply, 'flash.tokenRevoked');
      return reply.redirect('/account/tokens', 303);
    },
  );
}
