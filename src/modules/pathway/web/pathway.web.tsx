import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../deps.js';
import { setFlash } from '../../../http/context.js';
import { errorMessage } from '../../../http/error-handler.js';
import { csrfProtected, echoValues, type FormBody, formBody, handleForm } from '../../../http/forms.js';
import { sendCsvDownload } from '../../../http/uploads.js';
import { dayInZone } from '../../../i18n/time-zones.js';
import { isAppError } from '../../../kernel/errors.js';
import { pageContext } from '../../../web/page-context.js';
import { sendPage } from '../../../web/render.js';
import { capstoneWarningsOfPerson } from '../../capstones/capstones.queries.js';
import { getCandidateCredentials } from '../../credentials/get-candidate-credentials.js';
import { getAutoAward } from '../../credentials/issuing/get-auto-award.js';
import { CandidateCredentialsPanel } from '../../credentials/web/views/candidate-credentials.js';
import { enrolDirectly } from '../../places/enrol-directly.js';
import { getProgramme, listManagedProgrammes } from '../../programmes/get-programme.js';
import { currentSpacesOf } from '../../spaces/spaces.queries.js';
import { candidatesCsv } from '../candidates/export-candidates.js';
import { getCandidate } from '../candidates/get-candidate.js';
import { getMyDashboard } from '../candidates/get-my-dashboard.js';
import { listCandidates } from '../candidates/list-candidates.js';
import { listMyClasses } from '../classes/list-my-classes.js';
import { grantExtension } from '../grant-extension.js';
import { moveCandidateToRuleVersion } from '../move-rule-version.js';
import { getClassList, recordClassResults } from '../record-result.js';
import { registerCandidate } from '../register-candidate.js';
import { setCapstoneStatus } from '../set-capstone-status.js';
import { reinstateCandidate, withdrawCandidate } from '../withdraw-candidate.js';
import { pathwayPageData } from './pathway-page-data.js';
import { type CandidateForm, CandidatePage } from './views/candidate-page.js';
import { CandidatesPage, candidatesHref } from './views/candidates-page.js';
import { ClassPage, RegisterCandidatePage } from './views/manage-pages.js';
import { MyClassesPage } from './views/my-classes-page.js';
import { MyPathwayPage } from './views/my-pathway-page.js';

type IdParams = { Params: { id: string } };

/** The programme a manager's page is about: `?programme=slug`, else the first programme. */
async function programmeSlugOf(deps: Deps, request: FastifyRequest): Promise<string> {
  const asked = (request.query as Record<string, unknown>).programme;
  if (typeof asked === 'string' && asked) return asked;
  const [first] = await listManagedProgrammes(deps.db, deps, request.actor);
  return first?.slug ?? 'none';
}

/** How a candidate's page is shown again after a form: its status, a failed form, a refusal. */
export interface CandidatePageState {
  status?: number;
  failed?:
    | { form: CandidateForm; values: Record<string, string>; errors: Record<string, string> }
    | undefined;
  problem?: string | undefined;
  /** The credentials panel's failed form or refusal (credentials.web.tsx). */
  credentials?: Pick<Parameters<typeof CandidateCredentialsPanel>[0], 'failed' | 'problem'>;
}

/**
 * Managers: a candidate's page (standing, results, credentials, actions, history). Exported so that the
 * credentials module's forms on this page can show it again with their errors.
 */
export async function sendCandidatePage(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  candidacyId: string,
  state: CandidatePageState = {},
): Promise<FastifyReply> {
  const { detail, person, audit } = await getCandidate(
    deps.db,
    deps,
    request.actor,
    candidacyId,
    request.locale,
  );
  const [data, credentials] = await Promise.all([
    pathwayPageData(deps.db, deps, [detail]),
    getCandidateCredentials(deps.db, deps, request.actor, {
      candidacyId: detail.id,
      userId: person.id,
      awardable: detail.evaluation.awardable,
    }),
  ]);
  const ctx = pageContext(request, reply);
  const page = (
    <CandidatePage
      ctx={ctx}
      detail={detail}
      person={person}
      audit={audit}
      titles={data.titles}
      rules={data.rules.get(detail.id) ?? new Map()}
      today={data.today}
      failed={state.failed}
      problem={state.problem}
      credentialsPanel={
        credentials ? (
          <CandidateCredentialsPanel
            ctx={ctx}
            candidacyId={detail.id}
            data={credentials}
            {...state.credentials}
          />
        ) : null
      }
    />
  );
  return sendPage(reply, page, state.status ?? 200);
}

/**
 * Managers: the candidates list of a programme, or its ready list (`ready=1`), which also awards diplomas
 * (one click, the ticked rows) and sets the automatic award. Exported so that the award forms can show it
 * again with their problem.
 */
export async function sendCandidatesPage(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
  programmeSlug: string,
  query: unknown,
  state: { status?: number; awardProblem?: string } = {},
): Promise<FastifyReply> {
  const result = await listCandidates(deps.db, deps, request.actor, programmeSlug, query);
  const title = result.query.ready
    ? request.i18n.t('candidates.readyList')
    : request.i18n.t('candidates.title');
  const slug = result.programme.slug;
  const award = result.query.ready
    ? {
        programmeSlug: slug,
        awardAutomatically: (await getAutoAward(deps.db, deps, request.actor, slug)).awardAutomatically,
        returnPath: candidatesHref(slug, result.query),
        problem: state.awardProblem,
      }
    : undefined;
  return sendPage(
    reply,
    <CandidatesPage ctx={pageContext(request, reply)} result={result} title={title} award={award} />,
    state.status ?? 200,
  );
}

/** The candidate dashboard, the managers' candidate screens and class lists (rule versions: rules.web.tsx). */
export function pathwayWebRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/my/pathway', { schema: { hide: true } }, async (request, reply) => {
    const dashboard = await getMyDashboard(deps.db, deps, request.actor, request.locale);
    const { pathways, today } = dashboard;
    // The course spaces' panel: the person's current editions and their progress (spaces' internal query).
    const spaces =
      request.actor.kind === 'user' ? await currentSpacesOf(deps.db, request.actor.id, today) : [];
    // The capstones' milestone warnings among what is at risk, counted from the person's own day.
    const capstones =
      request.actor.kind === 'user' && pathways.length
        ? await capstoneWarningsOfPerson(
            deps.db,
            request.actor.id,
            dayInZone(deps.clock.now(), dashboard.timeZone ?? ''),
            new Map(pathways.map((p) => [p.detail.id, p.detail.evaluation.window.deadline])),
          )
        : new Map();
    return sendPage(
      reply,
      <MyPathwayPage
        ctx={pageContext(request, reply)}
        pathways={pathways}
        spaces={spaces}
        capstones={capstones}
        titles={dashboard.titles}
        rules={dashboard.rules}
        today={today}
      />,
    );
  });

  app.get('/manage/candidates', { schema: { hide: true } }, async (request, reply) =>
    sendCandidatesPage(deps, request, reply, await programmeSlugOf(deps, request), request.query),
  );

  app.get('/manage/candidates.csv', { schema: { hide: true } }, async (request, reply) => {
    const csv = await candidatesCsv(
      deps.db,
      deps,
      request.actor,
      await programmeSlugOf(deps, request),
      request.query,
      request.i18n,
    );
    return sendCsvDownload(reply, 'candidates.csv', csv);
  });

  app.get('/manage/candidates/new', { schema: { hide: true } }, async (request, reply) => {
    const programme = await getProgramme(deps.db, deps, request.actor, await programmeSlugOf(deps, request));
    await listManagedProgrammes(deps.db, deps, request.actor);
    return sendPage(reply, <RegisterCandidatePage ctx={pageContext(request, reply)} programme={programme} />);
  });

  app.post('/manage/candidates/new', csrfProtected(app), async (request, reply) => {
    const body = formBody(request);
    const slug = await programmeSlugOf(deps, request);
    return handleForm(
      request,
      reply,
      async () => {
        const { id } = await registerCandidate(deps.db, deps, request.actor, slug, body);
        setFlash(reply, 'flash.candidateRegistered');
        return reply.redirect(`/manage/candidates/${id}`, 303);
      },
      async (errors) => {
        const programme = await getProgramme(deps.db, deps, request.actor, slug);
        return sendPage(
          reply,
          <RegisterCandidatePage
            ctx={pageContext(request, reply)}
            programme={programme}
            values={echoValues(body)}
            errors={errors}
          />,
          400,
        );
      },
    );
  });

  const showCandidate = (
    request: FastifyRequest<IdParams>,
    reply: FastifyReply,
    status = 200,
    failed?: CandidatePageState['failed'],
    problem?: string,
  ) => sendCandidatePage(deps, request, reply, request.params.id, { status, failed, problem });

  app.get<IdParams>('/manage/candidates/:id', { schema: { hide: true } }, async (request, reply) =>
    showCandidate(request, reply),
  );

  const candidateAction = (
    path: string,
    form: CandidateForm,
    flash: string,
    run: (request: FastifyRequest<IdParams>, body: FormBody) => Promise<void>,
  ) =>
    app.post<IdParams>(`/manage/candidates/:id/${path}`, csrfProtected(app), async (request, reply) => {
      const body = formBody(request);
      try {
        await run(request, body);
      } catch (error) {
        if (isAppError(error, 'invalid_state'))
          return showCandidate(request, reply, 409, undefined, errorMessage(request.i18n, error));
        return handleForm(
          request,
          reply,
          () => Promise.reject(error),
          (errors) => showCandidate(request, reply, 400, { form, values: echoValues(body), errors }),
        );
      }
      setFlash(reply, flash);
      return reply.redirect(`/manage/candidates/${request.params.id}`, 303);
    });

  candidateAction('extensions', 'extension', 'flash.extensionGranted', (request, body) =>
    grantExtension(deps.db, deps, request.actor, request.params.id, body),
  );
  candidateAction('withdraw', 'withdraw', 'flash.candidateWithdrawn', (request, body) =>
    withdrawCandidate(deps.db, deps, request.actor, request.params.id, body),
  );
  candidateAction('reinstate', 'withdraw', 'flash.candidateReinstated', (request) =>
    reinstateCandidate(deps.db, deps, request.actor, request.params.id),
  );
  candidateAction('capstone', 'capstone', 'flash.capstoneSaved', (request, body) =>
    setCapstoneStatus(deps.db, deps, request.actor, request.params.id, body),
  );
  candidateAction('rule-version', 'version', 'flash.ruleVersionChanged', (request, body) =>
    moveCandidateToRuleVersion(deps.db, deps, request.actor, request.params.id, body),
  );

  classRoutes(app, deps);
}

function classRoutes(app: FastifyInstance, deps: Deps): void {
  const showClass = async (
    request: FastifyRequest<IdParams>,
    reply: FastifyReply,
    status = 200,
    extra: Record<string, unknown> = {},
  ) => {
    const { edition, course, rows, can } = await getClassList(
      deps.db,
      deps,
      request.actor,
      request.params.id,
    );
    return sendPage(
      reply,
      <ClassPage
        ctx={pageContext(request, reply)}
        edition={edition}
        course={course}
        rows={rows}
        canEnrol={can.enrol}
        canImport={can.import}
        {...extra}
      />,
      status,
    );
  };

  app.get('/my/classes', { schema: { hide: true } }, async (request, reply) => {
    const { classes, can } = await listMyClasses(deps.db, deps, request.actor);
    return sendPage(
      reply,
      <MyClassesPage ctx={pageContext(request, reply)} classes={classes} canImport={can.import} />,
    );
  });

  app.get<IdParams>('/manage/editions/:id/class', { schema: { hide: true } }, async (request, reply) =>
    showClass(request, reply),
  );

  app.post<IdParams>('/manage/editions/:id/enrolments', csrfProtected(app), async (request, reply) => {
    const body = formBody(request);
    return handleForm(
      request,
      reply,
      async () => {
        // Through the places module, so that the class list respects capacity and the waiting list.
        await enrolDirectly(deps.db, deps, request.actor, request.params.id, {
          fundingKind: 'self',
          ...body,
        });
        setFlash(reply, 'flash.enrolled');
        return reply.redirect(`/manage/editions/${request.params.id}/class`, 303);
      },
      (errors) => showClass(request, reply, 400, { enrolValues: echoValues(body), enrolErrors: errors }),
    );
  });

  app.post<IdParams>('/manage/editions/:id/results', csrfProtected(app), async (request, reply) => {
    const body = formBody(request);
    const rows: { enrolmentId: string; result: unknown }[] = [];
    for (let index = 0; typeof body[`rows.${index}.enrolmentId`] === 'string'; index++) {
      const field = (name: string) => body[`rows.${index}.${name}`];
      if (!field('outcome')) continue; // "no result yet": left as it is
      rows.push({
        enrolmentId: String(field('enrolmentId')),
        result: { outcome: field('outcome'), grade: field('grade') ?? '', completedOn: field('completedOn') },
      });
    }
    return handleForm(
      request,
      reply,
      async () => {
        await recordClassResults(deps.db, deps, request.actor, request.params.id, rows);
        setFlash(reply, 'flash.resultsSaved');
        return reply.redirect(`/manage/editions/${request.params.id}/class`, 303);
      },
      (errors) => showClass(request, reply, 400, { resultValues: echoValues(body), resultErrors: errors }),
    );
  });
}
