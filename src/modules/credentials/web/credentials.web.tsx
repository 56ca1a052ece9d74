import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../deps.js';
import { safeNextPath, setFlash } from '../../../http/context.js';
import { errorMessage } from '../../../http/error-handler.js';
import { csrfProtected, echoValues, type FormBody, formBody } from '../../../http/forms.js';
import { isAppError } from '../../../kernel/errors.js';
import { isId } from '../../../kernel/ids.js';
import { fieldMessages, pageContext } from '../../../web/page-context.js';
import { sendPage } from '../../../web/render.js';
import { sendCandidatePage, sendCandidatesPage } from '../../pathway/web/pathway.web.js';
import { HOLDER_CREDENTIALS_PATH } from '../credential-urls.js';
import { awardDiploma } from '../issuing/award-diploma.js';
import { awardDiplomas } from '../issuing/award-diplomas.js';
import { setAutoAward } from '../issuing/set-auto-award.js';
import { listHolderCredentials } from '../list-holder-credentials.js';
import { reinstateCredential } from '../status/reinstate-credential.js';
import { revokeCredential } from '../status/revoke-credential.js';
import { supersedeCredential } from '../status/supersede-credential.js';
import { suspendCredential } from '../status/suspend-credential.js';
import { issuerWebRoutes } from './issuer.web.js';
import { verifyWebRoutes } from './verify.web.js';
import type { CredentialAction } from './views/candidate-credentials.js';
import { MyCredentialsPage } from './views/my-credentials-page.js';

type IdParams = { Params: { id: string } };
type SlugParams = { Params: { slug: string } };

/** What each credential form does, and the message shown after it (which says if a diploma was suspended). */
const ACTIONS: Record<
  CredentialAction,
  (deps: Deps, request: FastifyRequest<IdParams>, body: FormBody) => Promise<string>
> = {
  revoke: async (deps, request, body) => {
    const { cascade } = await revokeCredential(deps.db, deps, request.actor, request.params.id, body);
    return cascade.some((item) => item.outcome === 'suspended')
      ? 'credential.web.flash.revokedDiplomaSuspended'
      : 'credential.web.flash.revoked';
  },
  suspend: async (deps, request, body) => {
    await suspendCredential(deps.db, deps, request.actor, request.params.id, body);
    return 'credential.web.flash.suspended';
  },
  reinstate: async (deps, request, body) => {
    await reinstateCredential(deps.db, deps, request.actor, request.params.id, body);
    return 'credential.web.flash.reinstated';
  },
  supersede: async (deps, request, body) => {
    await supersedeCredential(deps.db, deps, request.actor, request.params.id, body);
    return 'credential.web.flash.superseded';
  },
};

/** The candidate page a credential form was sent from (its hidden field), if it names one. */
function candidacyOf(body: FormBody): string | null {
  const id = body.candidacyId;
  return typeof id === 'string' && isId(id) ? id : null;
}

/**
 * The credentials module's pages: the public verification pages (verify.web.tsx), the holder's "My
 * credentials", the managers' forms on the candidate page and the ready list (award, revoke, suspend,
 * reinstate, supersede, automatic award), and the administrators' issuer page (issuer.web.tsx). Every form
 * posts, then redirects (303) to the page it came from; errors show that page again beside the fields.
 */
export function credentialsWebRoutes(app: FastifyInstance, deps: Deps): void {
  verifyWebRoutes(app, deps);
  issuerWebRoutes(app, deps);

  app.get(HOLDER_CREDENTIALS_PATH, { schema: { hide: true } }, async (request, reply) => {
    const credentials = await listHolderCredentials(deps.db, deps, request.actor);
    return sendPage(reply, <MyCredentialsPage ctx={pageContext(request, reply)} credentials={credentials} />);
  });

  for (const [action, run] of Object.entries(ACTIONS) as [
    CredentialAction,
    (typeof ACTIONS)[CredentialAction],
  ][]) {
    app.post<IdParams>(`/manage/credentials/:id/${action}`, csrfProtected(app), async (request, reply) => {
      const body = formBody(request);
      const candidacyId = candidacyOf(body);
      let flash: string;
      try {
        flash = await run(deps, request, body);
      } catch (error) {
        // Without the page it came from, the error page says what went wrong.
        if (!candidacyId) throw error;
        if (isAppError(error, 'validation_failed')) {
          const failed = {
            credentialId: request.params.id,
            action,
            values: echoValues(body),
            errors: fieldMessages(request.i18n, error.fields),
          };
          return sendCandidatePage(deps, request, reply, candidacyId, {
            status: 400,
            credentials: { failed },
          });
        }
        if (isAppError(error, 'invalid_state') || isAppError(error, 'already_exists')) {
          const problem = { credentialId: request.params.id, message: problemMessage(request, error) };
          return sendCandidatePage(deps, request, reply, candidacyId, {
            status: 409,
            credentials: { problem },
          });
        }
        throw error;
      }
      setFlash(reply, flash);
      return reply.redirect(
        candidacyId ? `/manage/candidates/${candidacyId}#credentials` : '/manage/candidates',
        303,
      );
    });
  }

  managerAwardRoutes(app, deps);
}

/** A refusal's message: the precise problem the use case names (`credential.problem.*`), else the code's. */
function problemMessage(request: FastifyRequest, error: Parameters<typeof errorMessage>[1]): string {
  const key = error.fields[0]?.key;
  return key && request.i18n.has(key) ? request.i18n.t(key) : errorMessage(request.i18n, error);
}

/** The diploma award: one candidacy (candidate page, ready list), the ticked rows, the automatic award. */
function managerAwardRoutes(app: FastifyInstance, deps: Deps): void {
  app.post<IdParams>('/manage/candidates/:id/diploma', csrfProtected(app), async (request, reply) => {
    const body = formBody(request);
    try {
      await awardDiploma(deps.db, deps, request.actor, request.params.id);
    } catch (error) {
      if (!isAppError(error, 'invalid_state') && !isAppError(error, 'already_exists')) throw error;
      // The candidate page says why (and shows what the pathway lacks).
      const problem = { credentialId: null, message: problemMessage(request, error) };
      return sendCandidatePage(deps, request, reply, request.params.id, {
        status: 409,
        credentials: { problem },
      });
    }
    setFlash(reply, 'credential.web.flash.awarded');
    return reply.redirect(
      safeNextPath(body.next, `/manage/candidates/${request.params.id}#credentials`),
      303,
    );
  });

  app.post('/manage/diplomas', csrfProtected(app), async (request: FastifyRequest, reply: FastifyReply) => {
    const body = formBody(request);
    const ticked = body.candidacyIds;
    const candidacyIds = ticked === undefined ? [] : Array.isArray(ticked) ? ticked : [ticked];
    const slug = typeof body.programme === 'string' ? body.programme : '';
    let refused: number;
    try {
      const items = await awardDiplomas(deps.db, deps, request.actor, { candidacyIds });
      refused = items.filter((item) => item.outcome === 'refused').length;
    } catch (error) {
      if (!isAppError(error, 'validation_failed')) throw error;
      // Nothing ticked (or more than a bulk award takes): the ready list again, saying so.
      const awardProblem =
        error.fields[0]?.key === 'validation.required'
          ? request.i18n.t('credential.web.ready.noneSelected')
          : (fieldMessages(request.i18n, error.fields).candidacyIds ?? errorMessage(request.i18n, error));
      return sendCandidatesPage(deps, request, reply, slug, { ready: '1' }, { status: 400, awardProblem });
    }
    setFlash(
      reply,
      refused === 0 ? 'credential.web.flash.diplomasAwarded' : 'credential.web.flash.diplomasPartlyAwarded',
    );
    const back = `/manage/candidates?${new URLSearchParams({ programme: slug, ready: '1' })}`;
    return reply.redirect(safeNextPath(body.next, back), 303);
  });

  app.post<SlugParams>('/manage/programmes/:slug/auto-award', csrfProtected(app), async (request, reply) => {
    const body = formBody(request);
    const { awardAutomatically } = await setAutoAward(
      deps.db,
      deps,
      request.actor,
      request.params.slug,
      body,
    );
    setFlash(
      reply,
      awardAutomatically ? 'credential.web.flash.autoAwardOn' : 'credential.web.flash.autoAwardOff',
    );
    const back = `/manage/candidates?${new URLSearchParams({ programme: request.params.slug, ready: '1' })}`;
    return reply.redirect(safeNextPath(body.next, back), 303);
  });
}
