import { renderToString } from 'preact-render-to-string';
import type { Translator } from '../../../i18n/i18n.js';
import { pickLocalized } from '../../../i18n/localized.js';
import { Layout } from '../../../web/layout.js';
import { MarkdownBlock } from '../../../web/markdown.js';
import type { PageContext } from '../../../web/page-context.js';
import { KeptHtml } from '../../../web/render.js';
import { renderedOnce } from '../../../web/rendered-once.js';
import type { MarkerSubmissionView } from '../get-marker-view.js';
import { SimilarityResults, SimilarityScope } from './similarity-pairs.js';

/**
 * A submission as a marker reads it: the participant number only (blind), the text and the renamed files.
 * The page holds nothing of the reader's own (no form): it is rendered once per kept view (`view.kept`),
 * language and label, the submission's text and instructions (Markdown) included.
 */
export function MarkerSubmissionPage({ ctx, view }: { ctx: PageContext; view: MarkerSubmissionView }) {
  const { t } = ctx;
  const title = t.t('assignments.marker.title', { participant: view.participant, attempt: view.attempt });
  const variant = `${t.locale}|${view.markingId}|${view.participant}`;
  return (
    <Layout ctx={ctx} title={title}>
      <KeptHtml
        html={renderedOnce(view.kept, variant, () => renderToString(<MarkerBody t={t} view={view} />))}
      />
    </Layout>
  );
}

function MarkerBody({ t, view }: { t: Translator; view: MarkerSubmissionView }) {
  const title = t.t('assignments.marker.title', { participant: view.participant, attempt: view.attempt });
  const instructions = pickLocalized(view.instructions, t.locale);
  return (
    <>
      <h1>{title}</h1>
      <p>
        <a href={`/marking/submissions/${view.markingId}`}>{t.t('assignments.marker.mark')}</a>
      </p>
      <p>
        {view.assignmentTitle} · {view.submittedAt ? t.dateTime(view.submittedAt) : ''}
        {view.late ? ` · ${t.t('assignments.attempt.late')}` : ''}
      </p>
      <details>
        <summary>{t.t('assignments.marker.instructions')}</summary>
        {instructions.text ? <MarkdownBlock source={instructions.text} lang={instructions.lang} /> : null}
      </details>
      {view.text ? (
        <section>
          <h2>{t.t('assignments.marker.text')}</h2>
          <MarkdownBlock source={view.text} />
        </section>
      ) : null}
      {view.files.length ? (
        <section>
          <h2>{t.t('assignments.marker.files')}</h2>
          <ul>
            {view.files.map((f) => (
              <li>
                <a href={`/assignments/marking/${view.submissionId}/files/${f.id}`}>{f.name}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {view.contributions.length ? (
        <section>
          <h2>{t.t('assignments.marker.contributions')}</h2>
          <ul>
            {view.contributions.map((c) => (
              <li>
                <strong>{c.participant}</strong>: {c.statement}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="similar">
        <h2 id="similar">{t.t('assignments.similarity.title')}</h2>
        <SimilarityScope t={t} pdfText={view.pdfText} />
        {view.similar ? (
          <SimilarityResults
            t={t}
            result={view.similar}
            path={`/assignments/marking/${view.submissionId}`}
            anchor="similar"
          />
        ) : (
          <p>{t.t('assignments.similarity.none')}</p>
        )}
      </section>
      <p class="hint">
        {t.t('assignments.attempt.digest')} <code>{view.digest}</code>
      </p>
    </>
  );
}
