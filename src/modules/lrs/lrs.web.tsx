import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.js';
import { setFlash } from '../../http/context.js';
import { csrfProtected, echoValues, formBody, handleForm } from '../../http/forms.js';
import { pageContext } from '../../web/page-context.js';
import { sendPage } from '../../web/render.js';
import { createLrsCredential, listLrsCredentials, revokeLrsCredential } from './lrs-credentials.js';
import { CredentialsPage } from './views/credentials-page.js';

/** The administrators' page of LRS credentials (create: shown once; revoke). */
export function lrsWebRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/admin/lrs', { schema: { hide: true } }, async (request, reply) => {
    const { credentials } = await listLrsCredentials(deps.db, deps, request.actor);
    return sendPage(reply, <CredentialsPage ctx={pageContext(request, reply)} credentials={credentials} />);
  });

  app.post('/admin/lrs/credentials', csrfProtected(app), async (request, reply) => {
    const body = formBody(request);
    return handleForm(
      request,
      reply,
      async () => {
        const created = await createLrsCredential(deps.db, deps, request.actor, body);
        const { credentials } = await listLrsCredentials(deps.db, deps, request.actor);
        // Shown once, on this response only: never stored in a cookie or a redirect.
        return sendPage(
          reply,
          <CredentialsPage
            ctx={pageContext(request, reply)}
            credentials={credentials}
            created={{ name: String(body.name ?? '').trim(), basic: `${created.key}:${created.secret}` }}
          />,
          201,
        );
      },
      async (errors) => {
        const { credentials } = await listLrsCredentials(deps.db, deps, request.actor);
        return sendPage(
          reply,
          <CredentialsPage
            ctx={pageContext(request, reply)}
            credentials={credentials}
            values={echoValues(body)}
            errors={errors}
          />,
          400,
        );
      },
    );
  });

  app.post<{ Params: { id: string } }>(
    '/admin/lrs/credentials/:id/revoke',
    csrfProtected(app),
    async (request, reply) => {
      await revokeLrsCredential(deps.db, deps, request.actor, request.params.id);
      setFlash(reply, 'lrs.credentials.revoked');
      return reply.redirect('/admin/lrs', 303);
    },
  );
}
