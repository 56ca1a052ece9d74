import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.js';
import { setFlash } from '../../http/context.js';
import { errorMessage } from '../../http/error-handler.js';
import { csrfProtected, formBody } from '../../http/forms.js';
import { isAppError } from '../../kernel/errors.js';
import { pageContext } from '../../web/page-context.js';
import { sendPage } from '../../web/render.js';
import { readMailOutbox } from './outbox.js';
import { getPerson, listPeople, setRoles } from './people.js';
import { OutboxPage, PeopleListPage, PersonPage } from './views/admin-pages.js';

/** Administrators: people and their roles, and the mail outbox. */
export function adminWebRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/admin/people', { schema: { hide: true } }, async (request, reply) => {
    const result = await listPeople(deps.db, deps, request.actor, request.query);
    return sendPage(reply, <PeopleListPage ctx={pageContext(request, reply)} result={result} />);
  });

  app.get<{ Params: { id: string } }>(
    '/admin/people/:id',
    { schema: { hide: true } },
    async (request, reply) => {
      const { person, audit, can } = await getPerson(
        deps.db,
        deps,
        request.actor,
        request.params.id,
        request.i18n.locale,
      );
      return sendPage(
        reply,
        <PersonPage
          ctx={pageContext(request, reply)}
          person={person}
          audit={audit}
          canManageRoles={can.manageRoles}
        />,
      );
    },
  );

  app.post<{ Params: { id: string } }>(
    '/admin/people/:id/roles',
    csrfProtected(app),
    async (request, reply) => {
      const body = formBody(request);
      const roles = body.roles === undefined ? [] : Array.isArray(body.roles) ? body.roles : [body.roles];
      try {
        await setRoles(deps.db, deps, request.actor, request.params.id, { roles });
      } catch (error) {
        if (!isAppError(error, 'invalid_state') && !isAppError(error, 'validation_failed')) throw error;
        const { person, audit, can } = await getPerson(
          deps.db,
          deps,
          request.actor,
          request.params.id,
          request.i18n.locale,
        );
        return sendPage(
          reply,
          <PersonPage
            ctx={pageContext(request, reply)}
            person={person}
            audit={audit}
            canManageRoles={can.manageRoles}
            problem={errorMessage(request.i18n, error)}
          />,
          error.status,
        );
      }
      setFlash(reply, 'flash.rolesSaved');
      return reply.redirect(`/admin/people/${request.params.id}`, 303);
    },
  );

  app.get<{ Querystring: { page?: string } }>(
    '/admin/outbox',
    { schema: { hide: true } },
    async (request, reply) => {
      const outbox = await readMailOutbox(deps, request.actor, Number(request.query.page ?? 1));
      return sendPage(reply, <OutboxPage ctx={pageContext(request, reply)} {...outbox} />);
    },
  );
}
