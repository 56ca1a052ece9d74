import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.js';
import { setFlash } from '../../http/context.js';
import { csrfProtected, echoValues, formBody } from '../../http/forms.js';
import { nestLocalizedFields } from '../../i18n/localized.schemas.js';
import { isAppError } from '../../kernel/errors.js';
import { fieldMessages, pageContext } from '../../web/page-context.js';
import { sendPage } from '../../web/render.js';
import { forumUpload } from '../forums/forums.port.js';
import { itemStaffForms } from '../spaces/item-staff-form.js';
import { getPhaseDiscussion } from './get-phase-discussion.js';
import { getOutcomeEditor, getRoleplay } from './get-roleplay.js';
import { assignRolesAutomatically } from './manage/assign-roles.js';
import { editOutcome } from './manage/edit-outcome.js';
import { getRoleplayManagement } from './manage/get-roleplay-management.js';
import { removePhase } from './manage/remove-phase.js';
import { removeRole } from './manage/remove-role.js';
import { revealBriefs } from './manage/reveal-briefs.js';
import { saveDebrief } from './manage/save-debrief.js';
import { addPhase } from './manage/save-phase.js';
import { saveRole } from './manage/save-role.js';
import { saveRoleplaySettings } from './manage/save-roleplay-settings.js';
import { setHolders } from './manage/set-holders.js';
import { postInCharacter } from './post-in-character.js';
import { ManagePage } from './views/manage-page.js';
import { OutcomePage } from './views/outcome-page.js';
import { PhasePage } from './views/phase-page.js';

type ItemParams = { Params: { itemId: string } };
type RoleParams = { Params: { itemId: string; roleId: string } };
type PhaseParams = { Params: { itemId: string; phaseId: string } };

const LOCALIZED = ['scenario', 'name', 'publicBrief', 'privateBrief', 'title', 'debrief'];

/** The form's fields with `x.en`, `x.fr`, `x.es` nested, and `holders.<roleId>` gathered. */
function roleplayForm(request: FastifyRequest): Record<string, unknown> {
  const body = formBody(request);
  const holders: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body))
    if (key.startsWith('holders.')) holders[key.slice('holders.'.length)] = value;
  return { ...nestLocalizedFields(body, LOCALIZED), holders };
}

/** Role-plays' pages: the staff page and its forms, the outcome document's editor. */
export function roleplaysWebRoutes(app: FastifyInstance, deps: Deps): void {
  const manageHome = (itemId: string) => `/roleplays/${itemId}/manage`;

  const showManage = async (
    request: FastifyRequest<ItemParams>,
    reply: FastifyReply,
    status = 200,
    extra: { errors?: Record<string, string>; values?: Record<string, string>; form?: string } = {},
  ) => {
    const page = await getRoleplayManagement(deps.db, deps, request.actor, request.params.itemId);
    return sendPage(reply, <ManagePage ctx={pageContext(request, reply)} page={page} {...extra} />, status);
  };

  /** Runs a staff form: field problems re-show the page with them and what was typed; success flashes. */
  const staffForm = itemStaffForms<FastifyRequest<ItemParams & RoleParams & PhaseParams>>({
    show: showManage,
    home: manageHome,
  });

  app.get<ItemParams>('/roleplays/:itemId/manage', { schema: { hide: true } }, (request, reply) =>
    showManage(request, reply),
  );

  const post = <P extends ItemParams>(
    path: string,
    handler: (
      request: FastifyRequest<ItemParams & RoleParams & PhaseParams>,
      reply: FastifyReply,
    ) => Promise<unknown>,
  ) => app.post<P>(path, csrfProtected(app), handler as never);

  const { db } = deps;
  post(
    '/roleplays/:itemId/settings',
    staffForm(
      'settings',
      (r) => saveRoleplaySettings(db, deps, r.actor, r.params.itemId, roleplayForm(r)),
      'roleplays.flash.saved',
    ),
  );
  post(
    '/roleplays/:itemId/roles',
    staffForm(
      'role-new',
      (r) => saveRole(db, deps, r.actor, r.params.itemId, null, roleplayForm(r)),
      'roleplays.flash.roleSaved',
    ),
  );
  post(
    '/roleplays/:itemId/roles/:roleId',
    staffForm(
      (r) => `role-${(r.params as { roleId?: string }).roleId}`,
      (r) => saveRole(db, deps, r.actor, r.params.itemId, r.params.roleId, roleplayForm(r)),
      'roleplays.flash.roleSaved',
    ),
  );
  post(
    '/roleplays/:itemId/roles/:roleId/remove',
    staffForm(
      'roles',
      (r) => removeRole(db, deps, r.actor, r.params.itemId, r.params.roleId),
      'roleplays.flash.roleRemoved',
    ),
  );
  post(
    '/roleplays/:itemId/holders',
    staffForm(
      'holders',
      (r) => setHolders(db, deps, r.actor, r.params.itemId, roleplayForm(r).holders),
      'roleplays.flash.assigned',
    ),
  );
  post(
    '/roleplays/:itemId/assign',
    staffForm(
      'holders',
      (r) => assignRolesAutomatically(db, deps, r.actor, r.params.itemId, formBody(r)),
      'roleplays.flash.assigned',
    ),
  );
  post(
    '/roleplays/:itemId/phases',
    staffForm(
      'phase',
      (r) => addPhase(db, deps, r.actor, r.params.itemId, roleplayForm(r)),
      'roleplays.flash.phaseAdded',
    ),
  );
  post(
    '/roleplays/:itemId/phases/:phaseId/remove',
    staffForm(
      'phases',
      (r) => removePhase(db, deps, r.actor, r.params.itemId, r.params.phaseId),
      'roleplays.flash.phaseRemoved',
    ),
  );
  post(
    '/roleplays/:itemId/debrief',
    staffForm(
      'debrief',
      (r) => saveDebrief(db, deps, r.actor, r.params.itemId, roleplayForm(r)),
      'roleplays.flash.saved',
    ),
  );
  post(
    '/roleplays/:itemId/reveal',
    staffForm('reveal', (r) => revealBriefs(db, deps, r.actor, r.params.itemId), 'roleplays.flash.revealed'),
  );

  app.get<ItemParams>('/roleplays/:itemId/outcome', { schema: { hide: true } }, async (request, reply) => {
    const view = await getOutcomeEditor(deps.db, deps, request.actor, request.params.itemId);
    return sendPage(reply, <OutcomePage ctx={pageContext(request, reply)} view={view} />);
  });

  app.post<ItemParams>('/roleplays/:itemId/outcome', csrfProtected(app), async (request, reply) => {
    const body = formBody(request);
    try {
      await editOutcome(deps.db, deps, request.actor, request.params.itemId, body);
    } catch (error) {
      if (
        !isAppError(error) ||
        !error.fields.length ||
        !(error.code === 'validation_failed' || error.code === 'invalid_state')
      )
        throw error;
      const view = await getRoleplay(deps.db, deps, request.actor, request.params.itemId);
      const typed = typeof body.body === 'string' ? body.body : '';
      return sendPage(
        reply,
        <OutcomePage
          ctx={pageContext(request, reply)}
          view={view}
          errors={fieldMessages(request.i18n, error.fields)}
          typed={typed}
        />,
        error.status,
      );
    }
    const view = await getRoleplay(deps.db, deps, request.actor, request.params.itemId);
    setFlash(reply, 'roleplays.flash.outcomeSaved');
    return reply.redirect(`/spaces/${view.item.editionId}/items/${view.item.id}`, 303);
  });

  const showPhase = async (
    request: FastifyRequest<PhaseParams>,
    reply: FastifyReply,
    status = 200,
    extra: { errors?: Record<string, string>; values?: Record<string, string> } = {},
  ) => {
    const page = await getPhaseDiscussion(
      deps.db,
      deps,
      request.actor,
      request.params.itemId,
      request.params.phaseId,
      request.locale,
    );
    return sendPage(reply, <PhasePage ctx={pageContext(request, reply)} page={page} {...extra} />, status);
  };

  app.get<PhaseParams>('/roleplays/:itemId/phases/:phaseId', { schema: { hide: true } }, (request, reply) =>
    showPhase(request, reply),
  );

  app.post<PhaseParams>(
    '/roleplays/:itemId/phases/:phaseId/posts',
    // Multipart (a post's optional file, as on the forum's own forms): read before the CSRF check.
    { preValidation: [forumUpload.read, app.csrfProtection], schema: { hide: true } },
    async (request, reply) => {
      const body = formBody(request);
      const threadId = typeof body.threadId === 'string' && body.threadId ? body.threadId : undefined;
      const text = String((threadId ? body[`reply-${threadId}`] : body.body) ?? '');
      // The role the post is written as, for someone holding more than one (one picker per form).
      const roleId = threadId ? body[`roleId-${threadId}`] : body.roleId;
      try {
        const posted = await postInCharacter(
          deps.db,
          deps,
          request.actor,
          request.params.itemId,
          request.params.phaseId,
          {
            ...(threadId ? { threadId } : { subject: String(body.subject ?? '') }),
            body: text,
            ...(typeof roleId === 'string' && roleId ? { roleId } : {}),
            attachment: forumUpload.optionalFile(request),
          },
        );
        return reply.redirect(`/threads/${posted.threadId}?page=last#post-${posted.postId}`, 303);
      } catch (error) {
        if (
          !isAppError(error) ||
          !error.fields.length ||
          error.status >= 500 ||
          error.status === 404 ||
          error.status === 403
        )
          throw error;
        return showPhase(request, reply, error.status, {
          errors: fieldMessages(request.i18n, error.fields),
          values: echoValues(body),
        });
      }
    },
  );
}
