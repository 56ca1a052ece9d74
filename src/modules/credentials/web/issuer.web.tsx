import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../deps.js';
import { setFlash } from '../../../http/context.js';
import { errorMessage } from '../../../http/error-handler.js';
import { csrfProtected, echoValues, formBody, handleForm } from '../../../http/forms.js';
import { nestLocalizedFields } from '../../../i18n/localized.schemas.js';
import { isAppError } from '../../../kernel/errors.js';
import { localizedValues } from '../../../web/components.js';
import { type FieldMessages, pageContext } from '../../../web/page-context.js';
import { sendPage } from '../../../web/render.js';
import { getIssuerProfile } from '../keys/get-issuer-profile.js';
import { listIssuerKeys } from '../keys/list-issuer-keys.js';
import { rotateIssuerKeys } from '../keys/rotate-issuer-keys.js';
import { updateIssuerProfile } from '../keys/update-issuer-profile.js';
import { IssuerPage, RotateKeysPage } from './views/issuer-pages.js';

const ISSUER_PATH = '/admin/issuer';

/** Administrators: the issuer's profile (`/admin/issuer`) and the rotation of the signing keys (confirmed). */
export function issuerWebRoutes(app: FastifyInstance, deps: Deps): void {
  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    state: {
      status?: number;
      values?: Record<string, string>;
      errors?: FieldMessages;
      problem?: string;
    } = {},
  ) => {
    // The keys first: they are the administrators' alone, so a stranger gets 401/403 before anything else.
    const { did, keys } = await listIssuerKeys(deps, request.actor);
    const profile = await getIssuerProfile(deps.db, deps);
    const values = state.values ?? {
      ...localizedValues('name', profile.name),
      url: profile.url,
      email: profile.email ?? '',
      imageUrl: profile.imageUrl ?? '',
    };
    return sendPage(
      reply,
      <IssuerPage
        ctx={pageContext(request, reply)}
        did={did}
        keys={keys}
        values={values}
        errors={state.errors}
        problem={state.problem}
      />,
      state.status ?? 200,
    );
  };

  app.get(ISSUER_PATH, { schema: { hide: true } }, (request, reply) => show(request, reply));

  app.post(ISSUER_PATH, csrfProtected(app), async (request, reply) => {
    const body = formBody(request);
    return handleForm(
      request,
      reply,
      async () => {
        await updateIssuerProfile(deps.db, deps, request.actor, nestLocalizedFields(body, ['name']));
        setFlash(reply, 'credential.web.flash.issuerSaved');
        return reply.redirect(ISSUER_PATH, 303);
      },
      (errors) => show(request, reply, { status: 400, values: echoValues(body), errors }),
    );
  });

  app.get(`${ISSUER_PATH}/keys/rotate`, { schema: { hide: true } }, async (request, reply) => {
    const { keys } = await listIssuerKeys(deps, request.actor);
    return sendPage(reply, <RotateKeysPage ctx={pageContext(request, reply)} keys={keys} />);
  });

  app.post(`${ISSUER_PATH}/keys/rotate`, csrfProtected(app), async (request, reply) => {
    try {
      await rotateIssuerKeys(deps.db, deps, request.actor);
    } catch (error) {
      if (!isAppError(error, 'invalid_state')) throw error;
      return show(request, reply, { status: 409, problem: errorMessage(request.i18n, error) });
    }
    setFlash(reply, 'credential.web.flash.keysRotated');
    return reply.redirect(ISSUER_PATH, 303);
  });
}
