import type { FastifyInstance } from 'fastify';
import { renderToString } from 'preact-render-to-string';
import { KeptResults } from '../../db/kept-results.js';
import type { Deps } from '../../deps.js';
import { setFlash } from '../../http/context.js';
import { csrfProtected, formBody, handleForm } from '../../http/forms.js';
import { pickLocalized } from '../../i18n/localized.js';
import { isAppError } from '../../kernel/errors.js';
import { parseInput } from '../../kernel/validation.js';
import { Layout } from '../../web/layout.js';
import { fieldMessages, pageContext } from '../../web/page-context.js';
import { KeptHtml, sendPage } from '../../web/render.js';
import { placesPanelOf } from '../places/place-panel-of.js';
import { listThemes } from '../programmes/get-programme.js';
import {
  courseFormValues,
  courseInputFromForm,
  editionFormValues,
  editionInputFromForm,
} from './catalogue.forms.js';
import { canCatalogue } from './catalogue.policy.js';
import { catalogueQuerySchema } from './catalogue.schemas.js';
import { CATALOGUE_PAGE_TABLES, COURSE_PAGE_TABLES } from './catalogue-page-tables.js';
import { courseFormChoices } from './course-form-data.js';
import { getCourse } from './get-course.js';
import { getEdition } from './get-edition.js';
import { listFacilitatorChoices } from './list-facilitator-choices.js';
import { createCourse, updateCourse } from './save-course.js';
import { createEdition, updateEdition } from './save-edition.js';
import { searchCatalogue } from './search-catalogue.js';
import { setCourseStatus } from './set-course-status.js';
import { CatalogueContents, CatalogueFrame, CataloguePage } from './views/catalogue-page.js';
import { CourseFormPage } from './views/course-form.js';
import { CourseContents, CoursePage, coursePageHead } from './views/course-page.js';
import { EditionFormPage } from './views/edition-form.js';
import { EditionPage } from './views/edition-page.js';

type CodeParams = { Params: { code: string } };
type IdParams = { Params: { id: string } };

/** The public catalogue and the managers' course and edition screens. */
/** The catalogue's filters as typed (the first value of each, cut to a sane length), to show them again. */
function typedFilters(query: Record<string, unknown>): Record<string, string> {
  const typed: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') typed[key] = first.slice(0, 1000);
  }
  return typed;
}

export function catalogueWebRoutes(app: FastifyInstance, deps: Deps): void {
  // The catalogue's contents for a language, query and rights, rendered once until its tables change.
  const kept = new KeptResults<string>({ tables: CATALOGUE_PAGE_TABLES, maxEntries: 500 });
  app.get('/courses', { schema: { hide: true } }, async (request, reply) => {
    const query = (request.query ?? {}) as Record<string, unknown>;
    try {
      const { actor } = request;
      const key = [
        request.locale,
        deps.clock.now().toISOString().slice(0, 10),
        canCatalogue(actor, 'catalogue.manage'),
        canCatalogue(actor, 'catalogue.readRetired'),
        JSON.stringify(parseInput(catalogueQuerySchema, query)),
      ].join('|');
      const html = await kept.get(deps.db, key, async () => {
        const [themes, result] = await Promise.all([
          listThemes(deps.db, deps),
          searchCatalogue(deps.db, deps, actor, query),
        ]);
        return renderToString(<CatalogueContents t={request.i18n} result={result} themes={themes} />);
      });
      return sendPage(
        reply,
        <CatalogueFrame ctx={pageContext(request, reply)}>
          <KeptHtml html={html} />
        </CatalogueFrame>,
      );
    } catch (error) {
      if (!isAppError(error, 'validation_failed')) throw error;
      const themes = await listThemes(deps.db, deps);
      // A filter that cannot be used (too long, malformed, dates the wrong way round): the page still
      // shows, searched without it, with the filters as typed and what is wrong with them.
      const wrong = new Set(error.fields.map((f) => f.path.split('.')[0] ?? ''));
      // The period is one filter: half of a wrong one is no better.
      if (wrong.has('from') || wrong.has('to')) for (const key of ['from', 'to']) wrong.add(key);
      const usable = Object.fromEntries(Object.entries(query).filter(([key]) => !wrong.has(key)));
      const result = await searchCatalogue(deps.db, deps, request.actor, usable);
      return sendPage(
        reply,
        <CataloguePage
          ctx={pageContext(request, reply)}
          result={result}
          themes={themes}
          typed={typedFilters(query)}
          errors={fieldMessages(request.i18n, error.fields)}
        />,
        400,
      );
    }
  });

  // A course page's contents for a language and rights, rendered once until its tables change (managers,
  // whose page has forms, are served fresh).
  const keptCourses = new KeptResults<{ title: string; description: string; html: string }>({
    tables: COURSE_PAGE_TABLES,
    maxEntries: 3000,
  });
  app.get<CodeParams>('/courses/:code', { schema: { hide: true } }, async (request, reply) => {
    const { actor } = request;
    if (canCatalogue(actor, 'catalogue.manage')) {
      const detail = await getCourse(deps.db, deps, actor, request.params.code);
      return sendPage(reply, <CoursePage ctx={pageContext(request, reply)} detail={detail} />);
    }
    const key = [
      request.locale,
      deps.clock.now().toISOString().slice(0, 10),
      canCatalogue(actor, 'catalogue.read'),
      canCatalogue(actor, 'catalogue.readRetired'),
      request.params.code.slice(0, 100),
    ].join('|');
    const page = await keptCourses.get(deps.db, key, async () => {
      const detail = await getCourse(deps.db, deps, actor, request.params.code);
      return {
        ...coursePageHead(detail, request.locale),
        html: renderToString(<CourseContents t={request.i18n} detail={detail} />),
      };
    });
    return sendPage(
      reply,
      <Layout ctx={pageContext(request, reply)} title={page.title} description={page.description}>
        <KeptHtml html={page.html} />
      </Layout>,
    );
  });

  app.get<IdParams>('/editions/:id', { schema: { hide: true } }, async (request, reply) => {
    const { edition, course, today, can } = await getEdition(deps.db, deps, request.actor, request.params.id);
    return sendPage(
      reply,
      <EditionPage
        ctx={pageContext(request, reply)}
        edition={edition}
        course={course}
        today={today}
        can={can}
        placesPanel={await placesPanelOf(deps.db, deps, request, reply)}
      />,
    );
  });

  courseManagementRoutes(app, deps);
  editionManagementRoutes(app, deps);
}

function courseManagementRoutes(app: FastifyInstance, deps: Deps): void {
  app.get('/manage/courses/new', { schema: { hide: true } }, async (request, reply) => {
    const choices = await courseFormChoices(deps.db, deps, request.actor);
    return sendPage(
      reply,
      <CourseFormPage
        ctx={pageContext(request, reply)}
        values={{ credentialOnSuccess: 'achievement' }}
        {...choices}
      />,
    );
  });

  app.post('/manage/courses/new', csrfProtected(app), async (request, reply) => {
    const body = formBody(request);
    return handleForm(
      request,
      reply,
      async () => {
        const course = await createCourse(deps.db, deps, request.actor, courseInputFromForm(body));
        setFlash(reply, 'flash.courseCreated');
        return reply.redirect(`/courses/${course.code}`, 303);
      },
      async (errors) => {
        const choices = await courseFormChoices(deps.db, deps, request.actor);
        return sendPage(
          reply,
          <CourseFormPage ctx={pageContext(request, reply)} values={body} errors={errors} {...choices} />,
          400,
        );
      },
    );
  });

  app.get<CodeParams>('/manage/courses/:code/edit', { schema: { hide: true } }, async (request, reply) => {
    const choices = await courseFormChoices(deps.db, deps, request.actor);
    const { course } = await getCourse(deps.db, deps, request.actor, request.params.code);
    return sendPage(
      reply,
      <CourseFormPage
        ctx={pageContext(request, reply)}
        editing={course.code}
        values={courseFormValues(course)}
        {...choices}
      />,
    );
  });

  app.post<CodeParams>('/manage/courses/:code/edit', csrfProtected(app), async (request, reply) => {
    const body = formBody(request);
    return handleForm(
      request,
      reply,
      async () => {
        const course = await updateCourse(
          deps.db,
          deps,
          request.actor,
          request.params.code,
          courseInputFromForm(body),
        );
        setFlash(reply, 'flash.courseSaved');
        return reply.redirect(`/courses/${course.code}`, 303);
      },
      async (errors) => {
        const choices = await courseFormChoices(deps.db, deps, request.actor);
        const page = (
          <CourseFormPage
            ctx={pageContext(request, reply)}
            editing={request.params.code}
            values={body}
            errors={errors}
            {...choices}
          />
        );
        return sendPage(reply, page, 400);
      },
    );
  });

  for (const [action, status, flash] of [
    ['retire', 'retired', 'flash.courseRetired'],
    ['reactivate', 'active', 'flash.courseReactivated'],
  ] as const) {
    app.post<CodeParams>(`/manage/courses/:code/${action}`, csrfProtected(app), async (request, reply) => {
      await setCourseStatus(deps.db, deps, request.actor, request.params.code, status);
      setFlash(reply, flash);
      return reply.redirect(`/courses/${request.params.code}`, 303);
    });
  }
}

function editionManagementRoutes(app: FastifyInstance, deps: Deps): void {
  app.get<CodeParams>(
    '/manage/courses/:code/editions/new',
    { schema: { hide: true } },
    async (request, reply) => {
      const facilitators = await listFacilitatorChoices(deps.db, deps, request.actor);
      const { course } = await getCourse(deps.db, deps, request.actor, request.params.code);
      const title = pickLocalized(course.title, request.locale).text;
      const values = { registrationOpen: 'on', language: request.locale };
      return sendPage(
        reply,
        <EditionFormPage
          ctx={pageContext(request, reply)}
          courseCode={course.code}
          courseTitle={title}
          values={values}
          facilitators={facilitators}
        />,
      );
    },
  );

  app.post<CodeParams>('/manage/courses/:code/editions/new', csrfProtected(app), async (request, reply) => {
    const body = formBody(request);
    return handleForm(
      request,
      reply,
      async () => {
        const edition = await createEdition(
          deps.db,
          deps,
          request.actor,
          request.params.code,
          editionInputFromForm(body),
        );
        setFlash(reply, 'flash.editionCreated');
        return reply.redirect(`/editions/${edition.id}`, 303);
      },
      async (errors) => {
        const facilitators = await listFacilitatorChoices(deps.db, deps, request.actor);
        const { course } = await getCourse(deps.db, deps, request.actor, request.params.code);
        const title = pickLocalized(course.title, request.locale).text;
        const page = (
          <EditionFormPage
            ctx={pageContext(request, reply)}
            courseCode={course.code}
            courseTitle={title}
            values={body}
            errors={errors}
            facilitators={facilitators}
          />
        );
        return sendPage(reply, page, 400);
      },
    );
  });

  app.get<IdParams>('/manage/editions/:id/edit', { schema: { hide: true } }, async (request, reply) => {
    const facilitators = await listFacilitatorChoices(deps.db, deps, request.actor);
    const { edition, course } = await getEdition(deps.db, deps, request.actor, request.params.id);
    const title = pickLocalized(course.title, request.locale).text;
    const page = (
      <EditionFormPage
        ctx={pageContext(request, reply)}
        courseCode={course.code}
        courseTitle={title}
        editionId={edition.id}
        values={editionFormValues(edition)}
        facilitators={facilitators}
      />
    );
    return sendPage(reply, page);
  });

  app.post<IdParams>('/manage/editions/:id/edit', csrfProtected(app), async (request, reply) => {
    const body = formBody(request);
    return handleForm(
      request,
      reply,
      async () => {
        const edition = await updateEdition(
          deps.db,
          deps,
          request.actor,
          request.params.id,
          editionInputFromForm(body),
        );
        setFlash(reply, 'flash.editionSaved');
        return reply.redirect(`/editions/${edition.id}`, 303);
      },
      async (errors) => {
        const facilitators = await listFacilitatorChoices(deps.db, deps, request.actor);
        const { edition, course } = await getEdition(deps.db, deps, request.actor, request.params.id);
        const title = pickLocalized(course.title, request.locale).text;
        const page = (
          <EditionFormPage
            ctx={pageContext(request, reply)}
            courseCode={course.code}
            courseTitle={title}
            editionId={edition.id}
            values={body}
            errors={errors}
            facilitators={facilitators}
          />
        );
        return sendPage(reply, page, 400);
      },
    );
  });
}
