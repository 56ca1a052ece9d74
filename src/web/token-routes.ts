import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { setFlash } from '../http/context.js';
import { csrfProtected, echoValues, type FormBody, formBody, handleForm } from '../http/forms.js';
import { type PageContext, pageContext } from './page-context.js';
import { sendPage } from './render.js';
import type { TokensPageState } from './tokens-list.js';

interface TokenRoutes<Token> {
  /** The page that lists the secrets (GET). */
  pagePath: string;
  /** Where the form posts a new one; each is revoked at `<createPath>/:id/revoke`. */
  createPath: string;
  /** The flash message id after a revocation. */
  revokedFlash: string;
  list(request: FastifyRequest): Promise<Token[]>;
  /** Creates one from the form; returns its name and the secret, shown on this response only. */
  create(request: FastifyRequest, body: FormBody): Promise<{ name: string; secret: string }>;
  revoke(request: FastifyRequest, id: string): Promise<unknown>;
  page(ctx: PageContext, tokens: Token[], state: TokensPageState): VNode;
}

/**
 * The routes of a page that hands out secrets (personal API tokens, the LRS's credentials): the list,
 * "create" (201 with the secret shown once, never in a cookie or a redirect; 400 with the form's errors)
 * and "revoke" (303 back to the list).
 */
export function tokenRoutes<Token>(app: FastifyInstance, routes: TokenRoutes<Token>): void {
  app.get(routes.pagePath, { schema: { hide: true } }, async (request, reply) =>
    sendPage(reply, routes.page(pageContext(request, reply), await routes.list(request), {})),
  );

  app.post(routes.createPath, csrfProtected(app), async (request, reply) => {
    const body = formBody(request);
    const show = async (state: TokensPageState, status: number) =>
      sendPage(reply, routes.page(pageContext(request, reply), await routes.list(request), state), status);
    return handleForm(
      request,
      reply,
      async () => show({ created: await routes.create(request, body) }, 201),
      (errors) => show({ values: echoValues(body), errors }, 400),
    );
  });

  app.post<{ Params: { id: string } }>(
    `${routes.createPath}/:id/revoke`,
    csrfProtected(app),
    async (request, reply) => {
      await routes.revoke(request, request.params.id);
      setFlash(reply, routes.revokedFlash);
      return reply.redirect(routes.pagePath, 303);
    },
  );
}
