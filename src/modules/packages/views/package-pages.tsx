import { pickLocalized } from '../../../i18n/localized.js';
import { Csrf, ErrorSummary, SelectField, TextField } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import type { PackageView } from '../get-package.js';
import type { UploadForm } from '../get-upload-form.js';
import type { ScormLaunch } from '../scorm-attempts.js';

const scoreText = (score: number | null) => (score === null ? '' : ` (${(score / 100).toFixed(0)} %)`);

/** The package's page: what it holds, the person's attempts and result, the launch links. */
export function PackagePage({ ctx, view }: { ctx: PageContext; view: PackageView }) {
  const { t } = ctx;
  const latest = view.attempts.at(-1);
  return (
    <Layout ctx={ctx} title={view.title}>
      <h1>{view.title}</h1>
      <p>{t.t(`packages.standard.${view.standard}`)}</p>
      <p role="status">
        {latest
          ? t.t('packages.page.result', {
              number: latest.number,
              status: t.t(`packages.status.${latest.status}`),
            }) + scoreText(latest.score)
          : t.t('packages.page.notStarted')}
      </p>
      <h2>{t.t('packages.page.contents')}</h2>
      <ol>
        {view.scos.map((sco) => (
          <li>
            <a href={`/packages/${view.id}/scos/${sco.index}/launch`}>{sco.title}</a>
          </li>
        ))}
      </ol>
      {view.can.newAttempt ? (
        <form method="post" action={`/packages/${view.id}/attempts`}>
          <Csrf token={ctx.csrf} />
          <button type="submit" class="secondary">
            {t.t('packages.page.newAttempt')}
          </button>
        </form>
      ) : null}
      {view.attempts.length > 1 ? (
        <table>
          <caption>{t.t('packages.page.attempts')}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t.t('packages.page.status')}</th>
            </tr>
          </thead>
          <tbody>
            {view.attempts.map((a) => (
              <tr>
                <td>{a.number}</td>
                <td>
                  {t.t(`packages.status.${a.status}`)}
                  {scoreText(a.score)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Layout>
  );
}

/** The SCORM player: the runtime on this page, the SCO in a sandboxed frame. */
export function PlayerPage({ ctx, launch }: { ctx: PageContext; launch: ScormLaunch }) {
  const { t } = ctx;
  const config = JSON.stringify({
    standard: launch.standard,
    commitUrl: launch.commitUrl,
    contentUrl: launch.contentUrl,
    cmi: launch.cmi,
  }).replace(/</g, '\\u003c');
  const runtime = launch.standard === 'scorm12' ? 'scorm12.min.js' : 'scorm2004.min.js';
  return (
    <Layout ctx={ctx} title={launch.sco.title}>
      <p>
        <a href={`/packages/${launch.packageId}`}>{t.t('packages.player.back', { title: launch.title })}</a>
      </p>
      <h1>{launch.sco.title}</h1>
      <script type="application/json" id="scorm-config" dangerouslySetInnerHTML={{ __html: config }} />
      <iframe
        id="sco-frame"
        title={launch.sco.title}
        sandbox="allow-scripts allow-popups"
        class="package-frame"
        width="100%"
        height="600"
      />
      <noscript>{t.t('packages.player.needsScript')}</noscript>
      <script src={`/package-runtime/${runtime}`} />
      <script src="/package-runtime/cross-frame-lms.min.js" />
      <script src="/package-runtime/player.js" />
    </Layout>
  );
}

/** The upload form of a package for an edition. */
export function UploadPage({
  ctx,
  form,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  form: UploadForm;
  values?: Record<string, string>;
  errors?: FieldMessages;
}) {
  const { t } = ctx;
  const { editionId } = form;
  return (
    <Layout ctx={ctx} title={t.t('packages.upload.title')}>
      <h1>{t.t('packages.upload.title')}</h1>
      <p>{t.t('packages.upload.intro')}</p>
      <ErrorSummary t={t} errors={errors} />
      <form
        method="post"
        action={`/editions/${editionId}/packages`}
        enctype="multipart/form-data"
        class="stack narrow"
        novalidate
      >
        <Csrf token={ctx.csrf} />
        <div class="field">
          <label for="file">{t.t('packages.upload.file')}</label>
          <p class="hint" id="file-hint">
            {t.t('packages.upload.hint')}
          </p>
          {errors.file ? (
            <p class="error" id="file-error">
              {errors.file}
            </p>
          ) : null}
          <input
            type="file"
            id="file"
            name="file"
            accept=".zip,.xml"
            aria-describedby={errors.file ? 'file-hint file-error' : 'file-hint'}
            required
          />
        </div>
        {form.sections.length ? (
          <SelectField
            name="sectionId"
            label={t.t('packages.upload.section')}
            value={values.sectionId}
            options={form.sections.map((s) => ({
              value: s.id,
              label: pickLocalized(s.title, t.locale).text,
            }))}
            empty={t.t('packages.upload.firstSection')}
            errors={errors}
          />
        ) : null}
        <TextField
          name="maxAttempts"
          label={t.t('packages.upload.maxAttempts')}
          value={values.maxAttempts}
          errors={errors}
        />
        <button type="submit">{t.t('packages.upload.submit')}</button>
      </form>
    </Layout>
  );
}
