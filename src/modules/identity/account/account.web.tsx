import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Deps } from '../../../deps.js';
import { setFlash } from '../../../http/context.js';
import { csrfProtected, echoValues, type FormBody, formBody, handleForm } from '../../../http/forms.js';
import { hashSecret } from '../../../kernel/ids.js';
import { pageContext } from '../../../web/page-context.js';
import { sendPage } from '../../../web/render.js';
import { tokenRoutes } from '../../../web/token-routes.js';
import { createApiToken, listOwnApiTokens, revokeApiToken } from '../sign-in/api-tokens.js';
import { AccountPage, TokensPage } from '../views/account-pages.js';
import { requestEmailChange } from './change-email.js';
import { changePassword, getOwnAccount, updateProfile } from './update-account.js';

/** The signed-in person's own pages: profile, email address, password and personal API tokens. */
export function accountWebRoutes(app: FastifyInstance, deps: Deps): void {
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

  tokenRoutes(app, {
    pagePath: '/account/tokens',
    createPath: '/account/tokens',
    revokedFlash: 'flash.tokenRevoked',
    list: (request) => listOwnApiTokens(deps.db, deps, request.actor),
    create: async (request, body) => {
      const { token, summary } = await createApiToken(deps.db, deps, request.actor, body);
      return { name: summary.name, secret: token };
    },
    revoke: (request, id) => revokeApiToken(deps.db, deps, request.actor, id),
    page: (ctx, tokens, state) => <TokensPage ctx={ctx} tokens={tokens} {...state} />,
  });
}
