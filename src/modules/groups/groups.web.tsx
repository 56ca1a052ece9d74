import type { FastifyInstance, FastifyReply, FastifyRequest, RouteGenericInterface } from 'fastify';
import type { VNode } from 'preact';
import type { Executor } from '../../db/database.js';
import type { Deps } from '../../deps.js';
import { setFlash } from '../../http/context.js';
import { csrfProtected, echoValues, formBody } from '../../http/forms.js';
import { readMultipartUpload, sendCsvDownload, uploadedFile } from '../../http/uploads.js';
import type { LocalizedText } from '../../i18n/localized.js';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../../i18n/time-zones.js';
import type { Actor } from '../../kernel/actor.js';
import { isAppError } from '../../kernel/errors.js';
import { type FieldMessages, fieldMessages, type PageContext, pageContext } from '../../web/page-context.js';
import { sendPage } from '../../web/render.js';
import { findPerson } from '../identity/identity.queries.js';
import { joinGroup, leaveGroup } from './choose-group.js';
import {
  type EditionGroups,
  editionOfGroup,
  type GroupPage,
  getEditionGroups,
  getGroupPage,
} from './get-groups.js';
import { addGroupFile, getGroupFile, removeGroupFile } from './group-files.js';
import { type GroupTaskPage, getGroupTaskPage, saveGroupTaskWork } from './group-task.js';
import { peopleByIds } from './groups.queries.js';
import { createGroupSet, deleteGroupSet, formGroupSetAgain, placeMember } from './manage-group-sets.js';
import {
  getPeerRatingForm,
  getPeerResults,
  givePeerRatings,
  openPeerEvaluation,
  type PeerRatingForm,
  type PeerResults,
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

/** What a refused form re-shows: the typed values, the problems, or both texts of a stale edit. */
interface Refusal {
  values?: Record<string, string>;
  errors?: FieldMessages;
  conflict?: { current: { version: number; body: string }; yours: string };
}

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
  const hidden = { schema: { hide: true } };
  const db = deps.db;
  const now = () => deps.clock.now().toISOString();

  /** A page of the module: loads its data for the request and renders it, with a refused form's problems. */
  const pageOf =
    <P extends RouteGenericInterface, D>(
      load: (request: FastifyRequest<P>) => Promise<D>,
      render: (ctx: PageContext, data: D, timeZone: string, refusal: Refusal) => VNode,
      /** The reader's zone when the data has it already (the space's access reads it). */
      zoneOf?: (data: D) => string,
    ) =>
    async (request: FastifyRequest<P>, reply: FastifyReply, status = 200, refusal: Refusal = {}) => {
      const data = await load(request);
      const timeZone = zoneOf ? zoneOf(data) : await timeZoneOf(db, request.actor);
      return sendPage(reply, render(pageContext(request, reply), data, timeZone, refusal), status);
    };

  // The edition's groups: the space access already read the reader's zone (two statements fewer than pageOf).
  const showIndex = async (
    request: FastifyRequest<EditionParams>,
    reply: FastifyReply,
    status = 200,
    refusal: Refusal = {},
  ) => {
    const page: EditionGroups = await getEditionGroups(db, request.actor, request.params.editionId);
    const timeZone = page.access.space.viewer.timeZone;
    const ctx = pageContext(request, reply);
    return sendPage(
      reply,
      <GroupsPage ctx={ctx} page={page} timeZone={timeZone} now={now()} {...refusal} />,
      status,
    );
  };
  const showSet = pageOf<SetParams, { page: EditionGroups; results: PeerResults; setId: string }>(
    async (r) => {
      const results = await getPeerResults(db, deps, r.actor, r.params.setId);
      return { results, setId: r.params.setId, page: await getEditionGroups(db, r.actor, results.editionId) };
    },
    (ctx, data, timeZone, refusal) => <SetPage ctx={ctx} {...data} timeZone={timeZone} {...refusal} />,
  );
  const showGroup = pageOf<GroupParams, GroupPage>(
    (r) => getGroupPage(db, deps, r.actor, r.params.groupId),
    (ctx, page, timeZone, refusal) => (
      <GroupPageView ctx={ctx} page={page} timeZone={timeZone} {...refusal} />
    ),
    (page) => page.access.space.viewer.timeZone,
  );
  const showTask = pageOf<ItemParams, GroupTaskPage>(
    (r) => getGroupTaskPage(db, deps, r.actor, r.params.itemId),
    (ctx, page, timeZone, refusal) => <TaskPage ctx={ctx} page={page} timeZone={timeZone} {...refusal} />,
  );
  const showPeer = pageOf<SetParams, { form: PeerRatingForm; courseTitle: LocalizedText }>(
    async (r) => {
      const form = await getPeerRatingForm(db, deps, r.actor, r.params.setId);
      const index = await getEditionGroups(db, r.actor, form.editionId);
      return { form, courseTitle: index.access.space.course.title };
    },
    (ctx, data, timeZone, refusal) => (
      <PeerPage ctx={ctx} {...data} timeZone={timeZone} errors={refusal.errors ?? {}} />
    ),
  );

  /**
   * Runs a form's use case: a stale edit re-shows the page with both texts (409), field problems with
   * the messages, else it flashes and goes to `next`.
   */
  const runForm = async <P extends RouteGenericInterface>(
    request: FastifyRequest<P>,
    reply: FastifyReply,
    show: (
      request: FastifyRequest<P>,
      reply: FastifyReply,
      status: number,
      refusal: Refusal,
    ) => Promise<FastifyReply>,
    work: () => Promise<{ next: string; flash: string }>,
  ) => {
    let done: { next: string; flash: string };
    try {
      done = await work();
    } catch (error) {
      if (error instanceof EditConflict)
        return show(request, reply, 409, {
          conflict: { current: error.current, yours: error.yours },
          errors: fieldMessages(request.i18n, error.fields),
        });
      const errors = problems(request, error);
      if (!errors) throw error;
      return show(request, reply, isAppError(error) ? error.status : 400, {
        values: echoValues(formBody(request)),
        errors,
      });
    }
    setFlash(reply, done.flash);
    return reply.redirect(done.next, 303);
  };

  // --- An edition's groups --------------------------------------------------------------------------
  app.get<EditionParams>('/spaces/:editionId/groups', hidden, (request, reply) => showIndex(request, reply));

  app.post<EditionParams>('/spaces/:editionId/groups', csrfProtected(app), (request, reply) =>
    runForm(request, reply, showIndex, async () => {
      const prefix = request.i18n.t('groups.group.prefix');
      const { id } = await createGroupSet(
        db,
        deps,
        request.actor,
        request.params.editionId,
        formBody(request),
        prefix,
      );
      return { next: `/groups/sets/${id}`, flash: 'groups.flash.setCreated' };
    }),
  );

  // --- A group set (staff) --------------------------------------------------------------------------
  app.get<SetParams>('/groups/sets/:setId', hidden, (request, reply) => showSet(request, reply));

  const setForm = (
    path: string,
    work: (request: FastifyRequest<SetParams>) => Promise<unknown>,
    flash: string,
  ) =>
    app.post<SetParams>(path, csrfProtected(app), (request, reply) =>
      runForm(request, reply, showSet, async () => {
        await work(request);
        return { next: `/groups/sets/${request.params.setId}`, flash };
      }),
    );
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

  app.get<SetParams>('/groups/sets/:setId/peer.csv', hidden, async (request, reply) =>
    sendCsvDownload(
      reply,
      'peer-evaluation.csv',
      await peerResultsCsv(db, deps, request.actor, request.params.setId),
    ),
  );

  // --- Peer evaluation (members) --------------------------------------------------------------------
  app.get<SetParams>('/groups/sets/:setId/peer', hidden, (request, reply) => showPeer(request, reply));

  app.post<SetParams>('/groups/sets/:setId/peer/ratings', csrfProtected(app), (request, reply) =>
    runForm(request, reply, showPeer, async () => {
      await givePeerRatings(
        db,
        deps,
        request.actor,
        request.params.setId,
        ratingsFromForm(formBody(request)),
      );
      return { next: `/groups/sets/${request.params.setId}/peer`, flash: 'groups.flash.rated' };
    }),
  );

  // --- A group --------------------------------------------------------------------------------------
  app.get<GroupParams>('/groups/:groupId', hidden, (request, reply) => showGroup(request, reply));

  app.post<GroupParams>('/groups/:groupId/join', csrfProtected(app), async (request, reply) => {
    try {
      await joinGroup(db, deps, request.actor, request.params.groupId);
    } catch (error) {
      // Full or closed: back to the edition's groups, saying why.
      if (!isAppError(error, 'invalid_state') || !error.fields[0]) throw error;
      setFlash(reply, error.fields[0].key);
      const editionId = await editionOfGroup(db, request.params.groupId);
      return reply.redirect(`/spaces/${editionId}/groups`, 303);
    }
    setFlash(reply, 'groups.flash.joined');
    return reply.redirect(`/groups/${request.params.groupId}`, 303);
  });

  app.post<GroupParams>('/groups/:groupId/leave', csrfProtected(app), async (request, reply) => {
    try {
      await leaveGroup(db, deps, request.actor, request.params.groupId);
      setFlash(reply, 'groups.flash.left');
    } catch (error) {
      // Closed: back to the edition's groups, saying why.
      if (!isAppError(error, 'invalid_state') || !error.fields[0]) throw error;
      setFlash(reply, error.fields[0].key);
    }
    return reply.redirect(`/spaces/${await editionOfGroup(db, request.params.groupId)}/groups`, 303);
  });

  app.post<GroupParams>('/groups/:groupId/page', csrfProtected(app), (request, reply) =>
    runForm(request, reply, showGroup, async () => {
      await saveSharedPage(db, deps, request.actor, request.params.groupId, formBody(request));
      return { next: `/groups/${request.params.groupId}`, flash: 'groups.flash.pageSaved' };
    }),
  );

  app.get<GroupParams>('/groups/:groupId/page/history', hidden, async (request, reply) => {
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
  });

  const uploadForm = { preValidation: [readMultipartUpload, app.csrfProtection], ...hidden };

  app.post<GroupParams>('/groups/:groupId/files', uploadForm, (request, reply) =>
    runForm(request, reply, showGroup, async () => {
      await addGroupFile(db, deps, request.actor, request.params.groupId, fileOf(request));
      return { next: `/groups/${request.params.groupId}`, flash: 'groups.flash.fileAdded' };
    }),
  );

  app.get<FileParams>('/groups/:groupId/files/:fileId', hidden, async (request, reply) => {
    const file = await getGroupFile(db, deps, request.actor, request.params.groupId, request.params.fileId);
    return reply
      .type(file.contentType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(Buffer.from(file.bytes));
  });

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
  app.get<ItemParams>('/group-tasks/:itemId', hidden, (request, reply) => showTask(request, reply));

  app.post<ItemParams>('/group-tasks/:itemId/work', csrfProtected(app), (request, reply) =>
    runForm(request, reply, showTask, async () => {
      const saved = await saveGroupTaskWork(
        db,
        deps,
        request.actor,
        request.params.itemId,
        formBody(request),
      );
      return {
        next: `/group-tasks/${request.params.itemId}`,
        flash: saved.submitted ? 'groups.flash.submitted' : 'groups.flash.workSaved',
      };
    }),
  );
}
