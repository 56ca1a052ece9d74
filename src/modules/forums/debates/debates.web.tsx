import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../deps.js';
import { setFlash } from '../../../http/context.js';
import { csrfProtected, formBody } from '../../../http/forms.js';
import { isAppError } from '../../../kernel/errors.js';
import { ErrorSummary } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import { type FieldMessages, fieldMessages, pageContext } from '../../../web/page-context.js';
import { sendPage } from '../../../web/render.js';
import { viewerTimeZone } from '../read-forums.js';
import { DebateBody } from './debate-body.js';
import { contributeToRound, voteInDebate, writeDebateSummary } from './debate-rounds.js';
import { assignTeams, chooseTeam } from './debate-teams.js';
import { getDebateView } from './get-debate-view.js';

type ItemParams = { Params: { itemId: string } };
type RoundParams = { Params: { itemId: string; roundId: string } };

/** Debates' page and forms (teams, polls, round contributions, the summary). */
export function debatesWebRoutes(app: FastifyInstance, deps: Deps): void {
  const show = async (
    request: FastifyRequest<ItemParams>,
    reply: FastifyReply,
    status = 200,
    errors: FieldMessages = {},
  ) => {
    const view = await getDebateView(deps.db, deps, request.actor, request.params.itemId);
    const ctx = pageContext(request, reply);
    const timeZone = await viewerTimeZone(deps.db, request.actor);
    return sendPage(
      reply,
      <Layout ctx={ctx} title={ctx.t.t('forums.kind.debate')}>
        <p class="breadcrumb">
          <a href={`/spaces/${view.editionId}/items/${view.itemId}`}>{ctx.t.t('forums.forum.space')}</a>
        </p>
        <h1>{view.settings.motion}</h1>
        <ErrorSummary t={ctx.t} errors={errors} />
        <DebateBody t={ctx.t} view={view} csrf={ctx.csrf} timeZone={timeZone} />
      </Layout>,
      status,
    );
  };

  app.get<ItemParams>('/debates/:itemId', { schema: { hide: true } }, (request, reply) =>
    show(request, reply),
  );

  const form = (
    path: string,
    work: (request: FastifyRequest<RoundParams>) => Promise<unknown>,
    flash: string,
  ) =>
    app.post<RoundParams>(path, csrfProtected(app), async (request, reply) => {
      try {
        await work(request);
      } catch (error) {
        if (
          !isAppError(error) ||
          error.fields.length === 0 ||
          !['validation_failed', 'invalid_state'].includes(error.code)
        )
          throw error;
        return show(request, reply, error.status, fieldMessages(request.i18n, error.fields));
      }
      setFlash(reply, flash);
      return reply.redirect(`/debates/${request.params.itemId}`, 303);
    });

  form(
    '/debates/:itemId/team',
    (r) => chooseTeam(deps.db, deps, r.actor, r.params.itemId, formBody(r).positionId),
    'forums.flash.saved',
  );
  form(
    '/debates/:itemId/teams',
    (r) => assignTeams(deps.db, deps, r.actor, r.params.itemId, formBody(r)),
    'forums.flash.saved',
  );
  form(
    '/debates/:itemId/vote',
    (r) => voteInDebate(deps.db, deps, r.actor, r.params.itemId, formBody(r)),
    'forums.flash.saved',
  );
  form(
    '/debates/:itemId/rounds/:roundId',
    (r) => contributeToRound(deps.db, deps, r.actor, r.params.itemId, r.params.roundId, formBody(r)),
    'forums.flash.saved',
  );
  form(
    '/debates/:itemId/summary',
    (r) => writeDebateSummary(deps.db, deps, r.actor, r.params.itemId, formBody(r)),
    'forums.flash.saved',
  );
}
