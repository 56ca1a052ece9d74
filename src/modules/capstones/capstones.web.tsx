import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import type { Deps } from '../../deps.js';
import { setFlash } from '../../http/context.js';
import { sendDownload } from '../../http/downloads.js';
import { singleFileUpload } from '../../http/file-upload.js';
import { csrfProtected, formBody } from '../../http/forms.js';
import { type AppError, isAppError } from '../../kernel/errors.js';
import { fieldMessages, pageContext } from '../../web/page-context.js';
import { KeptHtml, sendPage } from '../../web/render.js';
import { renderedOnce } from '../../web/rendered-once.js';
import { CAPSTONE_MAX_BYTES } from './capstone.js';
import { allocateAssessors } from './committee/allocate-assessors.js';
import { changeCapstoneExaminer } from './committee/change-capstone-examiner.js';
import { decideProposal } from './committee/decide-proposal.js';
import { nameCommitteeMember } from './committee/name-committee-member.js';
import { getCapstoneFile } from './final/get-capstone-file.js';
import { submitFinal } from './final/submit-final.js';
import { uploadFinalDocument } from './final/upload-final-document.js';
import { getCapstoneAdmin } from './get-capstone-admin.js';
import { getCapstoneHome, getCapstonePage } from './get-capstone-page.js';
import { getCapstoneQueues } from './get-capstone-queues.js';
import { getMarkerDocument, getMarkerPage } from './get-marker-page.js';
import { getLibraryDocument, getLibraryEntry } from './library/get-library-entry.js';
import { libraryThemes, searchLibrary } from './library/search-library.js';
import { setLibraryConsent } from './library/set-library-consent.js';
import { recordMilestone } from './milestones/record-milestone.js';
import { replanMilestones } from './milestones/replan-milestones.js';
import { saveProposal } from './proposal/save-proposal.js';
import { submitProposal } from './proposal/submit-proposal.js';
import { recordOutcome } from './record-outcome.js';
import { saveCapstoneSettings } from './save-capstone-settings.js';
import { addDraft } from './supervision/add-draft.js';
import { assignSupervisor } from './supervision/assign-supervisor.js';
import { postMessage } from './supervision/post-message.js';
import { setSupervisorLoad } from './supervision/set-supervisor-load.js';
import { CapstonePageView } from './views/capstone-page.js';
import { HomePage } from './views/home-page.js';
import { LibraryEntryPage, LibrarySearchContents, LibrarySearchFrame } from './views/library-pages.js';
import { AdminPage, CommitteeContents, MarkerPageView, QueuesPage } from './views/staff-pages.js';

type Id = { Params: { id: string } };
type FileParams = { Params: { id: string; fileId: string } };

const upload = singleFileUpload({ maxBytes: CAPSTONE_MAX_BYTES, noFileKey: 'capstones.error.noFile' });
const hidden = { schema: { hide: true } };

/** Field problems (and state problems naming a field) are shown on the page again; others go up. */
const showable = (error: unknown): error is AppError =>
  isAppError(error) &&
  error.fields.length > 0 &&
  (error.code === 'validation_failed' || error.code === 'invalid_state');

/** The capstone's pages, forms and downloads, and the public library. */
export function capstonesWebRoutes(app: FastifyInstance, deps: Deps): void {
  const uploadForm = { preValidation: [upload.read, app.csrfProtection], ...hidden };

  const showCapstone = async (
    request: FastifyRequest<Id>,
    reply: FastifyReply,
    status = 200,
    error?: AppError,
  ) => {
    const page = await getCapstonePage(deps.db, deps, request.actor, request.params.id);
    const errors = error ? fieldMessages(request.i18n, error.fields) : {};
    return sendPage(
      reply,
      <CapstonePageView ctx={pageContext(request, reply)} page={page} errors={errors} />,
      status,
    );
  };

  /** Runs a form of a capstone's page: field problems re-show it; success flashes and goes back. */
  const capstoneForm = async (
    request: FastifyRequest<Id>,
    reply: FastifyReply,
    work: () => Promise<unknown>,
    flash: string,
  ) => {
    try {
      await work();
    } catch (error) {
      if (showable(error)) return showCapstone(request, reply, error.status, error);
      throw error;
    }
    setFlash(reply, flash);
    return reply.redirect(`/capstones/${request.params.id}`, 303);
  };

  app.get('/capstones/my', hidden, async (request, reply) => {
    const home = await getCapstoneHome(deps.db, deps, request.actor);
    if (home.capstoneId) return reply.redirect(`/capstones/${home.capstoneId}`, 303);
    return sendPage(reply, <HomePage ctx={pageContext(request, reply)} home={home} />);
  });

  app.post('/capstones/my/proposal', csrfProtected(app), async (request, reply) => {
    try {
      const { id } = await saveProposal(deps.db, deps, request.actor, formBody(request));
      setFlash(reply, 'capstones.flash.saved');
      return reply.redirect(`/capstones/${id}`, 303);
    } catch (error) {
      if (!showable(error)) throw error;
      const home = await getCapstoneHome(deps.db, deps, request.actor);
      return sendPage(
        reply,
        <HomePage
          ctx={pageContext(request, reply)}
          home={home}
          errors={fieldMessages(request.i18n, error.fields)}
        />,
        error.status,
      );
    }
  });

  app.get('/capstones', hidden, async (request, reply) => {
    const query = request.query as { state?: string; page?: string };
    const queues = await getCapstoneQueues(deps.db, deps, request.actor, query);
    const { committee } = queues;
    // The kept queues (checked for the reader above) are rendered once per language.
    const html = committee
      ? renderedOnce(committee, request.locale, () =>
          renderToString(<CommitteeContents t={request.i18n} committee={committee} />),
        )
      : null;
    return sendPage(
      reply,
      <QueuesPage
        ctx={pageContext(request, reply)}
        committee={html === null ? null : <KeptHtml html={html} />}
        supervised={queues.supervised}
      />,
    );
  });

  app.get('/capstones/admin', hidden, async (request, reply) => {
    const admin = await getCapstoneAdmin(deps.db, deps, request.actor, request.locale);
    return sendPage(reply, <AdminPage ctx={pageContext(request, reply)} admin={admin} />);
  });

  const adminForm = async (request: FastifyRequest, reply: FastifyReply, work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      if (!showable(error)) throw error;
      const admin = await getCapstoneAdmin(deps.db, deps, request.actor, request.locale);
      const errors = fieldMessages(request.i18n, error.fields);
      return sendPage(
        reply,
        <AdminPage ctx={pageContext(request, reply)} admin={admin} errors={errors} />,
        error.status,
      );
    }
    setFlash(reply, 'capstones.flash.saved');
    return reply.redirect('/capstones/admin', 303);
  };

  app.post('/capstones/supervisors', csrfProtected(app), (request, reply) =>
    adminForm(request, reply, () => setSupervisorLoad(deps.db, deps, request.actor, formBody(request))),
  );

  app.post<Id>('/capstones/settings/:id', csrfProtected(app), (request, reply) =>
    adminForm(request, reply, () =>
      saveCapstoneSettings(deps.db, deps, request.actor, request.params.id, formBody(request)),
    ),
  );

  // The programme is the marking context of its capstones: its external examiner reads the sample, blind.
  app.post('/capstones/committee', csrfProtected(app), (request, reply) =>
    adminForm(request, reply, () => nameCommitteeMember(deps.db, deps, request.actor, formBody(request))),
  );

  app.post('/capstones/examiners', csrfProtected(app), (request, reply) =>
    adminForm(request, reply, () => changeCapstoneExaminer(deps.db, deps, request.actor, formBody(request))),
  );

  app.post('/capstones/examiners/withdraw', csrfProtected(app), (request, reply) =>
    adminForm(request, reply, () =>
      changeCapstoneExaminer(deps.db, deps, request.actor, formBody(request), 'withdraw'),
    ),
  );

  app.get<Id>('/capstones/marking/:id', hidden, async (request, reply) => {
    const page = await getMarkerPage(deps.db, deps, request.actor, request.params.id);
    return sendPage(reply, <MarkerPageView ctx={pageContext(request, reply)} page={page} />);
  });

  app.get<Id>('/capstones/marking/:id/document', hidden, async (request, reply) => {
    const file = await getMarkerDocument(deps.db, deps, request.actor, request.params.id);
    return sendDownload(reply, { ...file, body: file.bytes });
  });

  app.get<Id>('/capstones/:id', hidden, (request, reply) => showCapstone(request, reply));

  const form = (path: string, flash: string, work: (request: FastifyRequest<Id>) => Promise<unknown>) =>
    app.post<Id>(`/capstones/:id${path}`, csrfProtected(app), (request, reply) =>
      capstoneForm(request, reply, () => work(request), flash),
    );
  form('/proposal', 'capstones.flash.saved', (r) =>
    saveProposal(deps.db, deps, r.actor, formBody(r), r.params.id),
  );
  form('/submit-proposal', 'capstones.flash.proposalSubmitted', (r) =>
    submitProposal(deps.db, deps, r.actor, r.params.id),
  );
  form('/decision', 'capstones.flash.decided', (r) =>
    decideProposal(deps.db, deps, r.actor, r.params.id, formBody(r)),
  );
  form('/supervisor', 'capstones.flash.saved', (r) =>
    assignSupervisor(deps.db, deps, r.actor, r.params.id, formBody(r)),
  );
  form('/messages', 'capstones.flash.sent', (r) =>
    postMessage(deps.db, deps, r.actor, r.params.id, formBody(r)),
  );
  form('/milestones', 'capstones.flash.saved', (r) =>
    recordMilestone(deps.db, deps, r.actor, r.params.id, formBody(r)),
  );
  form('/timeline', 'capstones.flash.saved', (r) =>
    replanMilestones(deps.db, deps, r.actor, r.params.id, formBody(r)),
  );
  form('/final', 'capstones.flash.handedIn', (r) =>
    submitFinal(deps.db, deps, r.actor, r.params.id, formBody(r)),
  );
  form('/assessors', 'capstones.flash.saved', (r) =>
    allocateAssessors(deps.db, deps, r.actor, r.params.id, formBody(r)),
  );
  form('/outcome', 'capstones.flash.saved', (r) =>
    recordOutcome(deps.db, deps, r.actor, r.params.id, formBody(r)),
  );
  form('/library', 'capstones.flash.saved', (r) =>
    setLibraryConsent(deps.db, deps, r.actor, r.params.id, formBody(r)),
  );

  app.post<Id>('/capstones/:id/drafts', uploadForm, (request, reply) =>
    capstoneForm(
      request,
      reply,
      () => {
        const note = formBody(request).note;
        return addDraft(
          deps.db,
          deps,
          request.actor,
          request.params.id,
          upload.file(request),
          typeof note === 'string' ? note : '',
        );
      },
      'capstones.flash.uploaded',
    ),
  );

  app.post<Id>('/capstones/:id/document', uploadForm, (request, reply) =>
    capstoneForm(
      request,
      reply,
      () => uploadFinalDocument(deps.db, deps, request.actor, request.params.id, upload.file(request)),
      'capstones.flash.uploaded',
    ),
  );

  for (const kind of ['files', 'attempts'] as const)
    app.get<FileParams>(`/capstones/:id/${kind}/:fileId`, hidden, async (request, reply) => {
      const file = await getCapstoneFile(
        deps.db,
        deps,
        request.actor,
        request.params.id,
        kind,
        request.params.fileId,
      );
      return sendDownload(reply, { ...file, body: file.bytes });
    });

  app.get('/library/capstones', hidden, async (request, reply) => {
    const found = await searchLibrary(deps.db, deps, request.query).catch((error: unknown) => {
      // A bad filter in the address is ignored rather than refused: the unfiltered library is shown.
      if (!isAppError(error, 'validation_failed')) throw error;
      return searchLibrary(deps.db, deps, {});
    });
    // The contents depend on the language and the (kept) search only: rendered once per language.
    const themes = await libraryThemes(deps.db);
    const html = renderedOnce(found, request.locale, () =>
      renderToString(
        <LibrarySearchContents t={request.i18n} locale={request.locale} page={found} themes={themes} />,
      ),
    );
    return sendPage(
      reply,
      <LibrarySearchFrame ctx={pageContext(request, reply)}>
        <KeptHtml html={html} />
      </LibrarySearchFrame>,
    );
  });

  app.get<Id>('/library/capstones/:id', hidden, async (request, reply) => {
    const entry = await getLibraryEntry(deps.db, deps, request.params.id);
    return sendPage(reply, <LibraryEntryPage ctx={pageContext(request, reply)} entry={entry} />);
  });

  app.get<Id>('/library/capstones/:id/document', hidden, async (request, reply) => {
    const file = await getLibraryDocument(deps.db, deps, request.params.id);
    return sendDownload(reply, { ...file, body: file.bytes, cacheControl: 'public, max-age=300' });
  });
}
