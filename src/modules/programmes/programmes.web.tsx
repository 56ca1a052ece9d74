import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.js';
import { setFlash } from '../../http/context.js';
import { csrfProtected, formBody, handleForm } from '../../http/forms.js';
import { nestLocalizedFields } from '../../i18n/localized.schemas.js';
import { listJobs } from '../../jobs/list-jobs.js';
import { localizedValues } from '../../web/components.js';
import { pageContext } from '../../web/page-context.js';
import { sendPage } from '../../web/render.js';
import { listProgrammeCourses } from '../catalogue/list-programme-courses.js';
import {
  getProgramme,
  getProgrammePage,
  getThemeForEdit,
  listManagedProgrammes,
  listProgrammes,
} from './get-programme.js';
import type { Programme } from './programme.js';
import { updateProgramme } from './update-programme.js';
import { updateTheme } from './update-theme.js';
import { HomePage, ManageHomePage } from './views/home-page.js';
import { ProgrammeFormPage } from './views/programme-form.js';
import { ProgrammePage } from './views/programme-page.js';
import { ThemeFormPage } from './views/theme-form.js';

type SlugParams = { Params: { slug: string } };
const PROGRAMME_TEXTS = [
  'title',
  'summary',
  'description',
  'audience',
  'eligibility',
  'certification',
] as const;

function programmeFormValues(p: Programme): Record<string, string> {
  const values: Record<string, string> = {
    windowYears: String(p.windowYears),
    electivesRequired: String(p.electivesRequired),
    totalHours: String(p.totalHours),
    capstoneHours: String(p.capstoneHours),
  };
  for (const field of PROGRAMME_TEXTS) Object.assign(values, localizedValues(field, p[field]));
  return values;
}

const stringsOf = (body: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(body).filter(([, v]) => typeof v === 'string')) as Record<string, string>;

/** The home page, the programme pages, and the managers' programme and theme forms. */
export function programmesWebRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const programmes = await listProgrammes(deps.db, deps, request.actor);
    return sendPage(reply, <HomePage ctx={pageContext(request, reply)} programmes={programmes} />);
  });

  app.get<SlugParams>('/programmes/:slug', { schema: { hide: true } }, async (request, reply) => {
    const { programme, can } = await getProgrammePage(deps.db, deps, request.actor, request.params.slug);
    const courses = await listProgrammeCourses(deps.db, deps, request.actor, programme.id);
    return sendPage(
      reply,
      <ProgrammePage
        ctx={pageContext(request, reply)}
        programme={programme}
        courses={courses}
        canEdit={can.edit}
      />,
    );
  });

  app.get('/manage', { schema: { hide: true } }, async (request, reply) => {
    const programmes = await listManagedProgrammes(deps.db, deps, request.actor);
    const failedJobs = (await listJobs(deps.db, deps, request.actor, { status: 'failed' })).total;
    return sendPage(
      reply,
      <ManageHomePage ctx={pageContext(request, reply)} programmes={programmes} failedJobs={failedJobs} />,
    );
  });

  app.get<SlugParams>('/manage/programmes/:slug/edit', { schema: { hide: true } }, async (request, reply) => {
    await listManagedProgrammes(deps.db, deps, request.actor);
    const programme = await getProgramme(deps.db, deps, request.actor, request.params.slug);
    return sendPage(
      reply,
      <ProgrammeFormPage
        ctx={pageContext(request, reply)}
        slug={programme.slug}
        values={programmeFormValues(programme)}
      />,
    );
  });

  app.post<SlugParams>('/manage/programmes/:slug/edit', csrfProtected(app), async (request, reply) => {
    const body = formBody(request);
    return handleForm(
      request,
      reply,
      async () => {
        await updateProgramme(
          deps.db,
          deps,
          request.actor,
          request.params.slug,
          nestLocalizedFields(body, PROGRAMME_TEXTS),
        );
        setFlash(reply, 'flash.programmeSaved');
        return reply.redirect(`/programmes/${request.params.slug}`, 303);
      },
      (errors) =>
        sendPage(
          reply,
          <ProgrammeFormPage
            ctx={pageContext(request, reply)}
            slug={request.params.slug}
            values={stringsOf(body)}
            errors={errors}
          />,
          400,
        ),
    );
  });

  app.get<SlugParams>('/manage/themes/:slug/edit', { schema: { hide: true } }, async (request, reply) => {
    const theme = await getThemeForEdit(deps.db, deps, request.actor, request.params.slug);
    const values = {
      ...localizedValues('name', theme.name),
      ...localizedValues('description', theme.description),
    };
    return sendPage(
      reply,
      <ThemeFormPage ctx={pageContext(request, reply)} slug={theme.slug} values={values} />,
    );
  });

  app.post<SlugParams>('/manage/themes/:slug/edit', csrfProtected(app), async (request, reply) => {
    const body = formBody(request);
    return handleForm(
      request,
      reply,
      async () => {
        await updateTheme(
          deps.db,
          deps,
          request.actor,
          request.params.slug,
          nestLocalizedFields(body, ['name', 'description']),
        );
        setFlash(reply, 'flash.themeSaved');
        return reply.redirect('/manage', 303);
      },
      (errors) =>
        sendPage(
          reply,
          <ThemeFormPage
            ctx={pageContext(request, reply)}
            slug={request.params.slug}
            values={stringsOf(body)}
            errors={errors}
          />,
          400,
        ),
    );
  });
}
