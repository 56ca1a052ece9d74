import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Executor } from '../../db/database.js';
import type { Deps } from '../../deps.js';
import { setFlash } from '../../http/context.js';
import { csrfProtected, echoValues, formBody } from '../../http/forms.js';
import { readMultipartUpload, sendCsvDownload, uploadedFile } from '../../http/uploads.js';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../../i18n/time-zones.js';
import type { Actor } from '../../kernel/actor.js';
import { isAppError } from '../../kernel/errors.js';
import { type FieldMessages, fieldMessages, pageContext } from '../../web/page-context.js';
import { sendPage } from '../../web/render.js';
import { findPerson } from '../identity/identity.queries.js';
import { joinGroup, leaveGroup } from './choose-group.js';
import { getEditionGroups, getGroupPage } from './get-groups.js';
import { addGroupFile, getGroupFile, removeGroupFile } from './group-files.js';
import { getGroupTaskPage, saveGroupTaskWork } from './group-task.js';
import { peopleByIds } from './groups.queries.js';
import { createGroupSet, deleteGroupSet, formGroupSetAgain, placeMember } from './manage-group-sets.js';
import {
  getPeerRatingForm,
  getPeerResults,
  givePeerRatings,
  openPeerEvaluation,
  peerResultsCsv,
  ratingsFromForm,
} from './peer-evaluations.js';
import { EditConflict, saveSharedPage, sharedPageHistory } from './shared-page.js';
import { GroupPageView, HistoryPage } from './views/group-page.js';
import { GroupsPage } from './views/groups-page.js';
import { PeerPage } from './views/peer-page.js';
import { SetPage } from './views/set-page.js';
import { TaskPage } from './views/task-page.js';

type EditionParams = { Params: { editionId: string } };
type SetParams = { Params: { setId: string } };
type GroupParams = { Params: { groupId: string } };
type FileParams = { Params: { groupId: string; fileId: string } };
type ItemParams = { Params: { itemId: string } };

/** The request's uploaded file, or null (the use case says a file is needed). */
function fileOf(request: FastifyRequest): { fileName: string; bytes: Uint8Array } | null {
  try {
    const file = uploadedFile(request);
    return { fileName: file.fileName ?? 'file', bytes: file.bytes };
  } catch {
    return null;
  }
}

async function timeZoneOf(db: Executor, actor: Actor): Promise<string> {
  const person = actor.kind === 'user' ? await findPerson(db, actor.id) : null;
  return person?.timeZone && isTimeZone(person.timeZone) ? person.timeZone : DEFAULT_TIME_ZONE;
}

/** Field problems of a refused form (validation or state with fields), else null (the error handler answers). */
function problems(request: FastifyRequest, error: unknown): FieldMessages | null {
  if (
    isAppError(error) &&
    error.fields.length &&
    (error.code === 'validation_failed' || error.code === 'invalid_state')
  )
    return fieldMessages(request.i18n, error.fields);
  return null;
}

/** The groups' pages: an edition's groups, a set (staff), a group's page, its files, a group task's work, peer evaluation. */
export function groupsWebRoutes(app: FastifyInstance, deps: Deps): void {
  const db = deps.db;
  const now = () => deps.clock.now().toISOString();

  const showIndex = async (
    request: FastifyRequest<EditionParams>,
    reply: FastifyReply,
    status = 200,
    extra: { values?: Record<string, string>; errors?: FieldMessages } = {},
  ) => {
    const page = await getEditionGroups(db, request.actor, request.params.editionId);
    const timeZone = await timeZoneOf(db, request.actor);
    return sendPage(
      reply,
      <GroupsPage ctx={pageContext(request, reply)} page={page} timeZone={timeZone} now={now()} {...extra} />,
      status,
    );
  };

  const showSet = async (
    request: FastifyRequest<SetParams>,
    reply: FastifyReply,
    status = 200,
    extra: { values?: Record<string, string>; errors?: FieldMessages } = {},
  ) => {
    const results = await getPeerResults(db, deps, request.actor, request.params.setId);
    const page = await getEditionGroups(db, request.actor, results.editionId);
    const timeZone = await timeZoneOf(db, request.actor);
    return sendPage(
      reply,
      <SetPage
        ctx={pageContext(request, reply)}
        page={page}
        setId={request.params.setId}
        results={results}
        timeZone={timeZone}
        {...extra}
      />,
      status,
    );
  };

  const showGroup = async (
    request: FastifyRequest<GroupParams>,
    reply: FastifyReply,
    status = 200,
    extra: {
      conflict?: { current: { version: number; body: string }; yours: string };
      errors?: FieldMessages;
    } = {},
  ) => {
    const page = await getGroupPage(db, deps, request.actor, request.params.groupId);
    const timeZone = await timeZoneOf(db, request.actor);
    return sendPage(
      reply,
      <GroupPageView ctx={pageContext(request, reply)} page={page} timeZone={timeZone} {...extra} />,
      status,
    );
  };

  const showTask = async (
    request: FastifyRequest<ItemParams>,
    reply: FastifyReply,
    status = 200,
    extra: {
      conflict?: { current: { version: number; body: string }; yours: string };
      errors?: FieldMessages;
    } = {},
  ) => {
    const page = await getGroupTaskPage(db, deps, request.actor, request.params.itemId);
    const timeZone = await timeZoneOf(db, request.actor);
    return sendPage(
      reply,
      <TaskPage ctx={pageContext(request, reply)} page={page} timeZone={timeZone} {...extra} />,
      status,
    );
  };

  const showPeer = async (
    request: FastifyRequest<SetParams>,
    reply: FastifyReply,
    status = 200,
    errors: FieldMessages = {},
  ) => {
    const form = await getPeerRatingForm(db, deps, request.actor, request.params.setId);
    const index = await getEditionGroups(db, request.actor, form.editionId);
    const timeZone = await timeZoneOf(db, request.actor);
    return sendPage(
      reply,
      <PeerPage
        ctx={pageContext(request, reply)}
        form={form}
        courseTitle={index.access.space.course.title}
        timeZone={timeZone}
        errors={errors}
      />,
      status,
    );
  };

  // --- An edition's groups --------------------------------------------------------------------------
  app.get<EditionParams>('/spaces/:editionId/groups', { schema: { hide: true } }, (request, reply) =>
    showIndex(request, reply),
  );

  app.post<EditionParams>('/spaces/:editionId/groups', csrfProtected(app), async (request, reply) => {
    const body = formBody(request);
    try {
      const { id } = await createGroupSet(
        db,
        deps,
        request.actor,
        request.params.editionId,
        body,
        request.i18n.t('groups.group.prefix'),
      );
      setFlash(reply, 'groups.flash.setCreated');
      return reply.redirect(`/groups/sets/${id}`, 303);
    } catch (error) {
      const errors = problems(request, error);
      if (!errors) throw error;
      return showIndex(request, reply, isAppError(error) ? error.status : 400, {
        values: echoValues(body),
        errors,
      });
    }
  });

  // --- A group set (staff) --------------------------------------------------------------------------
  app.get<SetParams>('/groups/sets/:setId', { schema: { hide: true } }, (request, reply) =>
    showSet(request, reply),
  );

  const setForm = (
    path: string,
    work: (request: FastifyRequest<SetParams>) => Promise<unknown>,
    flash: string,
  ) =>
    app.post<SetParams>(path, csrfProtected(app), async (request, reply) => {
      try {
        await work(request);
      } catch (error) {
        const errors = problems(request, error);
        if (!errors) throw error;
        return showSet(request, reply, isAppError(error) ? error.status : 400, {
          values: echoValues(formBody(request)),
          errors,
        });
      }
      setFlash(reply, flash);
      return reply.redirect(`/groups/sets/${request.params.setId}`, 303);
    });

  setForm(
    '/groups/sets/:setId/members',
    (r) => placeMember(db, deps, r.actor, r.params.setId, formBody(r)),
    'groups.flash.placed',
  );
  setForm(
    '/groups/sets/:setId/form',
    (r) => formGroupSetAgain(db, deps, r.actor, r.params.setId),
    'groups.flash.formed',
  );
  setForm(
    '/groups/sets/:setId/peer',
    (r) => openPeerEvaluation(db, deps, r.actor, r.params.setId, formBody(r)),
    'groups.flash.peerOpened',
  );

  app.post<SetParams>('/groups/sets/:setId/delete', csrfProtected(app), async (request, reply) => {
    const { editionId } = await deleteGroupSet(db, deps, request.actor, request.params.setId);
    setFlash(reply, 'groups.flash.setDeleted');
    return reply.redirect(`/spaces/${editionId}/groups`, 303);
  });

  app.get<SetParams>('/groups/sets/:setId/peer.csv', { schema: { hide: true } }, async (request, reply) =>
    sendCsvDownload(
      reply,
      'peer-evaluation.csv',
      await peerResultsCsv(db, deps, request.actor, request.params.setId),
    ),
  );

  // --- Peer evaluation (members) --------------------------------------------------------------------
  app.get<SetParams>('/groups/sets/:setId/peer', { schema: { hide: true } }, (request, reply) =>
    showPeer(request, reply),
  );

  app.post<SetParams>('/groups/sets/:setId/peer/ratings', csrfProtected(app), async (request, reply) => {
    try {
      await givePeerRatings(
        db,
        deps,
        request.actor,
        request.params.setId,
        ratingsFromForm(formBody(request)),
      );
    } catch (error) {
      const errors = problems(request, error);
      if (!errors) throw error;
      return showPeer(request, reply, isAppError(error) ? error.status : 400, errors);
    }
    setFlash(reply, 'groups.flash.rated');
    return reply.redirect(`/groups/sets/${request.params.setId}/peer`, 303);
  });

  // --- A group --------------------------------------------------------------------------------------
  app.get<GroupParams>('/groups/:groupId', { schema: { hide: true } }, (request, reply) =>
    showGroup(request, reply),
  );

  app.post<GroupParams>('/groups/:groupId/join', csrfProtected(app), async (request, reply) => {
    try {
      await joinGroup(db, deps, request.actor, request.params.groupId);
    } catch (error) {
      if (!isAppError(error, 'invalid_state') || !error.fields[0]) throw error;
      setFlash(reply, error.fields[0].key);
      const page = await getGroupPage(db, deps, request.actor, request.params.groupId).catch(() => null);
      return reply.redirect(page ? `/groups/${request.params.groupId}` : '/', 303);
    }
    setFlash(reply, 'groups.flash.joined');
    return reply.redirect(`/groups/${request.params.groupId}`, 303);
  });

  app.post<GroupParams>('/groups/:groupId/leave', csrfProtected(app), async (request, reply) => {
    const { editionId } = await leaveGroup(db, deps, request.actor, request.params.groupId);
    setFlash(reply, 'groups.flash.left');
    return reply.redirect(`/spaces/${editionId}/groups`, 303);
  });

  app.post<GroupParams>('/groups/:groupId/page', csrfProtected(app), async (request, reply) => {
    try {
      await saveSharedPage(db, deps, request.actor, request.params.groupId, formBody(request));
    } catch (error) {
      if (error instanceof EditConflict)
        return showGroup(request, reply, 409, {
          conflict: { current: error.current, yours: error.yours },
          errors: fieldMessages(request.i18n, error.fields),
        });
      const errors = problems(request, error);
      if (!errors) throw error;
      return showGroup(request, reply, isAppError(error) ? error.status : 400, { errors });
    }
    setFlash(reply, 'groups.flash.pageSaved');
    return reply.redirect(`/groups/${request.params.groupId}`, 303);
  });

  app.get<GroupParams>(
    '/groups/:groupId/page/history',
    { schema: { hide: true } },
    async (request, reply) => {
      const { access, revisions } = await sharedPageHistory(db, request.actor, request.params.groupId);
      const names = await peopleByIds(
        db,
        revisions.flatMap((r) => (r.edited_by ? [r.edited_by] : [])),
      );
      const timeZone = await timeZoneOf(db, request.actor);
      return sendPage(
        reply,
        <HistoryPage
          ctx={pageContext(request, reply)}
          page={{ access }}
          revisions={revisions}
          timeZone={timeZone}
          names={names}
        />,
      );
    },
  );

  const uploadForm = { preValidation: [readMultipartUpload, app.csrfProtection], schema: { hide: true } };

  app.post<GroupParams>('/groups/:groupId/files', uploadForm, async (request, reply) => {
    try {
      await addGroupFile(db, deps, request.actor, request.params.groupId, fileOf(request));
    } catch (error) {
      const errors = problems(request, error);
      if (!errors) throw error;
      return showGroup(request, reply, isAppError(error) ? error.status : 400, { errors });
    }
    setFlash(reply, 'groups.flash.fileAdded');
    return reply.redirect(`/groups/${request.params.groupId}`, 303);
  });

  app.get<FileParams>(
    '/groups/:groupId/files/:fileId',
    { schema: { hide: true } },
    async (request, reply) => {
      const file = await getGroupFile(db, deps, request.actor, request.params.groupId, request.params.fileId);
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(file.bytes));
    },
  );

  app.post<FileParams>(
    '/groups/:groupId/files/:fileId/remove',
    csrfProtected(app),
    async (request, reply) => {
      await removeGroupFile(db, deps, request.actor, request.params.groupId, request.params.fileId);
      setFlash(reply, 'groups.flash.fileRemoved');
      return reply.redirect(`/groups/${request.params.groupId}`, 303);
    },
  );

  // --- A group task ---------------------------------------------------------------------------------
  app.get<ItemParams>('/group-tasks/:itemId', { schema: { hide: true } }, (request, reply) =>
    showTask(request, reply),
  );

  app.post<ItemParams>('/group-tasks/:itemId/work', csrfProtected(app), async (request, reply) => {
    let submitted = false;
    try {
      submitted = (await saveGroupTaskWork(db, deps, request.actor, request.params.itemId, formBody(request)))
        .submitted;
    } catch (error) {
      if (error instanceof EditConflict)
        return showTask(request, reply, 409, {
          conflict: { current: error.current, yours: error.yours },
          errors: fieldMessages(request.i18n, error.fields),
        });
      const errors = problems(request, error);
      if (!errors) throw error;
      return showTask(request, reply, isAppError(error) ? error.status : 400, { errors });
    }
    setFlash(reply, submitted ? 'groups.flash.submitted' : 'groups.flash.workSaved');
    return reply.redirect(`/group-tasks/${request.params.itemId}`, 303);
  });
}
