import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.js';
import { setFlash } from '../../http/context.js';
import { sendDownload } from '../../http/downloads.js';
import { csrfProtected, echoValues, type FormBody, formBody } from '../../http/forms.js';
import { sendCsvDownload } from '../../http/uploads.js';
import { isAppError } from '../../kernel/errors.js';
import { type FieldMessages, fieldMessages, pageContext } from '../../web/page-context.js';
import { sendPage } from '../../web/render.js';
import { gradebookCsv, gradebookXlsx } from './export-gradebook.js';
import { finaliseResults } from './finalise-results.js';
import { getGradebook, gradebookPage } from './get-gradebook.js';
import { getMyStanding } from './get-my-standing.js';
import { getPolicyEditor } from './get-policy-editor.js';
import { saveResultPolicy } from './save-result-policy.js';
import { setOverride } from './set-override.js';
import { GradebookPage } from './views/gradebook-page.js';
import { MyStandingPage } from './views/my-standing-page.js';
import { PolicyEditorPage, policyFormValues } from './views/policy-editor-page.js';

type EditionParams = { Params: { editionId: string } };
type Request = FastifyRequest<EditionParams>;

const COMPONENT_FIELD = /^components\.([^.]+)\.(weight|minMark|cutoff)$/;

/** The policy form as the use case's input: an item whose weight is left empty is no component. */
export function policyInputFromForm(body: FormBody): Record<string, unknown> {
  const components: Record<string, Record<string, string>> = {};
  for (const [key, value] of Object.entries(body)) {
    const match = COMPONENT_FIELD.exec(key);
    if (!match?.[1] || !match[2] || typeof value !== 'string') continue;
    components[match[1]] ??= {};
    (components[match[1]] as Record<string, string>)[match[2]] = value;
  }
  const field = (name: string) => (typeof body[name] === 'string' ? body[name] : '');
  return {
    passMark: field('passMark'),
    requiredItemsComplete: field('requiredItemsComplete'),
    minAttendance: field('minAttendance'),
    participationMinAttendance: field('participationMinAttendance'),
    achievementGives: field('achievementGives'),
    participationGives: field('participationGives'),
    components: Object.fromEntries(
      Object.entries(components).filter(([, c]) => (c.weight ?? '').trim() !== ''),
    ),
  };
}

/** A count from the query string (the finalising report shown after the redirect). */
function count(value: unknown): number | null {
  return typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : null;
}

/** The results pages: the gradebook (staff), the policy editor, overrides, exports, finalising; "my result". */
export function resultsWebRoutes(app: FastifyInstance, deps: Deps): void {
  const showBook = async (
    request: Request,
    reply: FastifyReply,
    status = 200,
    values = {},
    errors: FieldMessages = {},
  ) => {
    const query = request.query as Record<string, unknown>;
    const page = gradebookPage(query.page);
    const book = await getGradebook(deps.db, deps, request.actor, request.params.editionId, undefined, page);
    const recorded = count(query.recorded);
    const report =
      recorded === null
        ? null
        : { recorded, pending: count(query.pending) ?? 0, locked: count(query.locked) ?? 0 };
    return sendPage(
      reply,
      <GradebookPage
        ctx={pageContext(request, reply)}
        book={book}
        report={report}
        values={values}
        errors={errors}
      />,
      status,
    );
  };

  app.get<EditionParams>('/results/:editionId', { schema: { hide: true } }, (request, reply) =>
    showBook(request, reply),
  );

  app.get<EditionParams>('/results/:editionId/policy', { schema: { hide: true } }, async (request, reply) => {
    const editor = await getPolicyEditor(deps.db, deps, request.actor, request.params.editionId);
    return sendPage(
      reply,
      <PolicyEditorPage
        ctx={pageContext(request, reply)}
        editor={editor}
        values={policyFormValues(editor)}
      />,
    );
  });

  app.post<EditionParams>('/results/:editionId/policy', csrfProtected(app), async (request, reply) => {
    const { editionId } = request.params;
    const body = formBody(request);
    try {
      await saveResultPolicy(deps.db, deps, request.actor, editionId, policyInputFromForm(body));
    } catch (error) {
      if (!isAppError(error, 'validation_failed')) throw error;
      const editor = await getPolicyEditor(deps.db, deps, request.actor, editionId);
      const values = { ...policyFormValues(editor), requiredItemsComplete: '', ...echoValues(body) };
      return sendPage(
        reply,
        <PolicyEditorPage
          ctx={pageContext(request, reply)}
          editor={editor}
          values={values}
          errors={fieldMessages(request.i18n, error.fields)}
        />,
        400,
      );
    }
    setFlash(reply, 'results.policy.saved');
    return reply.redirect(`/results/${editionId}`, 303);
  });

  app.post<EditionParams>('/results/:editionId/overrides', csrfProtected(app), async (request, reply) => {
    const { editionId } = request.params;
    const body = formBody(request);
    try {
      await setOverride(deps.db, deps, request.actor, editionId, body);
    } catch (error) {
      if (!isAppError(error, 'validation_failed')) throw error;
      return showBook(request, reply, 400, echoValues(body), fieldMessages(request.i18n, error.fields));
    }
    setFlash(reply, 'results.book.overrideSaved');
    return reply.redirect(`/results/${editionId}`, 303);
  });

  app.post<EditionParams>('/results/:editionId/finalise', csrfProtected(app), async (request, reply) => {
    const { editionId } = request.params;
    let report: Awaited<ReturnType<typeof finaliseResults>>;
    try {
      report = await finaliseResults(deps.db, deps, request.actor, editionId);
    } catch (error) {
      if (!isAppError(error, 'validation_failed')) throw error;
      return showBook(request, reply, 400, {}, fieldMessages(request.i18n, error.fields));
    }
    const query = new URLSearchParams({
      recorded: String(report.recorded),
      pending: String(report.pending.length),
      locked: String(report.locked.length),
    });
    return reply.redirect(`/results/${editionId}?${query}`, 303);
  });

  app.get<EditionParams>(
    '/results/:editionId/gradebook.csv',
    { schema: { hide: true } },
    async (request, reply) => {
      const file = await gradebookCsv(deps.db, deps, request.actor, request.params.editionId, request.locale);
      return sendCsvDownload(reply, file.name, file.csv);
    },
  );

  app.get<EditionParams>(
    '/results/:editionId/gradebook.xlsx',
    { schema: { hide: true } },
    async (request, reply) => {
      const file = await gradebookXlsx(
        deps.db,
        deps,
        request.actor,
        request.params.editionId,
        request.locale,
      );
      return sendDownload(reply, {
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        fileName: file.name,
        body: file.bytes,
        cacheControl: 'no-store',
      });
    },
  );

  app.get<EditionParams>('/results/:editionId/mine', { schema: { hide: true } }, async (request, reply) => {
    const standing = await getMyStanding(deps.db, deps, request.actor, request.params.editionId);
    return sendPage(reply, <MyStandingPage ctx={pageContext(request, reply)} standing={standing} />);
  });
}
