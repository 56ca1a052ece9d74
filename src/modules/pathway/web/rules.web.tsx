import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../../deps.js';
import { setFlash } from '../../../http/context.js';
import { csrfProtected, echoValues, type FormBody, formBody, handleForm } from '../../../http/forms.js';
import { AppError } from '../../../kernel/errors.js';
import { issuesToFieldErrors } from '../../../kernel/validation.js';
import { pageContext } from '../../../web/page-context.js';
import { sendPage } from '../../../web/render.js';
import { getProgramme } from '../../programmes/get-programme.js';
import { ruleVersionSchema } from '../pathway.schemas.js';
import { previewRuleVersion } from '../preview-rule-version.js';
import { createRuleVersion, listRuleVersions } from '../rule-versions.js';
import { rulesFromForm } from '../rules-form.js';
import { RulesPage } from './views/rules-page.js';

type SlugParams = { Params: { slug: string } };

/** The rules a rule-version form describes: its JSON (advanced view) or its fields. */
function postedRules(body: FormBody, fromJson: boolean): string | Record<string, unknown> {
  if (fromJson) return typeof body.rules === 'string' ? body.rules : '';
  const { rules, problems } = rulesFromForm(echoValues(body));
  if (problems.length) {
    // The date and note are checked too, so that every problem of the form shows at once.
    const dated = ruleVersionSchema.safeParse({ ...body, rules: '' });
    const more = dated.success ? [] : issuesToFieldErrors(dated.error.issues);
    throw new AppError('validation_failed', {}, [...more, ...problems]);
  }
  return rules as Record<string, unknown>;
}

/** Managers: a programme's rule versions, their form (fields or JSON), its preview and saving. */
export function ruleWebRoutes(app: FastifyInstance, deps: Deps): void {
  const showRules = async (
    request: FastifyRequest<SlugParams>,
    reply: FastifyReply,
    status = 200,
    extra: Partial<Pick<Parameters<typeof RulesPage>[0], 'values' | 'errors' | 'preview'>> = {},
  ) => {
    const versions = await listRuleVersions(deps.db, deps, request.actor, request.params.slug);
    const programme = await getProgramme(deps.db, deps, request.actor, request.params.slug);
    return sendPage(
      reply,
      <RulesPage ctx={pageContext(request, reply)} programme={programme} versions={versions} {...extra} />,
      status,
    );
  };
  app.get<SlugParams>('/manage/programmes/:slug/rules', { schema: { hide: true } }, async (request, reply) =>
    showRules(request, reply),
  );
  // One form, four buttons: preview or save, from the fields or from the JSON (advanced view).
  app.post<SlugParams>('/manage/programmes/:slug/rules', csrfProtected(app), async (request, reply) => {
    const body = formBody(request);
    // Without a button (a script posting JSON, as before the form existed), the JSON is saved.
    const intent =
      typeof body.intent === 'string' ? body.intent : body.windowYears === undefined ? 'save-json' : 'save';
    const fromJson = intent.endsWith('-json');
    const values = echoValues(body);
    return handleForm(
      request,
      reply,
      async () => {
        const rules = postedRules(body, fromJson);
        if (intent.startsWith('preview')) {
          const preview = await previewRuleVersion(deps.db, deps, request.actor, request.params.slug, rules);
          return showRules(request, reply, 200, { values, preview });
        }
        await createRuleVersion(deps.db, deps, request.actor, request.params.slug, { ...body, rules });
        setFlash(reply, 'flash.rulesSaved');
        return reply.redirect(`/manage/programmes/${request.params.slug}/rules`, 303);
      },
      (errors) => showRules(request, reply, 400, { values, errors }),
    );
  });
}
