/**
 * The parts of the participant's assignment page that are the same for every reader of an assignment and
 * language (the title, staff links, the instructions, what to hand in, the rubric): rendered once per kept
 * value (`page.kept`, the kept rubric) and language, then placed as kept HTML. The reader's own parts (dates
 * in their zone, the draft form, their attempts and feedback) are rendered per request.
 */
import { renderToString } from 'preact-render-to-string';
import type { Translator } from '../../../i18n/i18n.js';
import { pickLocalized } from '../../../i18n/localized.js';
import { MarkdownBlock } from '../../../web/markdown.js';
import { KeptHtml } from '../../../web/render.js';
import { renderedOnce } from '../../../web/rendered-once.js';
import { TEXT_MAX } from '../assignment.js';
import type { AssignmentPage } from '../get-assignment-page.js';
import type { AssignmentSettings } from '../submission-state.js';
import { RubricTable } from './assignment-parts.js';

/** The breadcrumb and title (`errors` between them and the rest: a page with errors renders it fresh). */
export function AssignmentTitle({ t, settings: s }: { t: Translator; settings: AssignmentSettings }) {
  return (
    <>
      <nav class="breadcrumb" aria-label={t.t('assignments.page.breadcrumb')}>
        <a href={`/spaces/${s.editionId}`}>{t.t('assignments.page.space')}</a>
      </nav>
      <h1>{s.title}</h1>
    </>
  );
}

/** Staff's links (when `manage`) and the instructions. */
export function AssignmentAbout({
  t,
  settings: s,
  manage,
}: {
  t: Translator;
  settings: AssignmentSettings;
  manage: boolean;
}) {
  const base = `/assignments/${s.id}`;
  const instructions = pickLocalized(s.instructions, t.locale);
  return (
    <>
      {manage ? (
        <p>
          <a href={`${base}/edit`}>{t.t('assignments.page.edit')}</a> ·{' '}
          <a href={`${base}/manage`}>{t.t('assignments.page.manage')}</a> ·{' '}
          <a href={`/marking/editions/${s.editionId}`}>{t.t('assignments.page.marking')}</a>
        </p>
      ) : null}
      {instructions.text ? <MarkdownBlock source={instructions.text} lang={instructions.lang} /> : null}
    </>
  );
}

/** What to hand in: text, files (types, count, size), the resubmission rule and the late penalty. */
export function HandInLimits({ t, settings: s }: { t: Translator; settings: AssignmentSettings }) {
  return (
    <>
      <h2>{t.t('assignments.page.whatToHandIn')}</h2>
      <ul>
        {s.acceptsText ? <li>{t.t('assignments.page.acceptsText', { max: TEXT_MAX })}</li> : null}
        {s.acceptsFiles ? (
          <li>
            {t.t('assignments.page.acceptsFiles', {
              types: s.fileTypes.join(', ').toUpperCase(),
              count: s.maxFiles,
              size: Math.round(s.maxFileBytes / 1048576),
            })}
          </li>
        ) : null}
        <li>{t.t(`assignments.resubmission.${s.resubmission}`)}</li>
        {s.latePenalty.kind !== 'none' ? (
          <li>
            {t.t(`assignments.latePenalty.rule.${s.latePenalty.kind}`, {
              points: s.latePenalty.amount / 100,
              cap: s.latePenalty.cap / 100,
              capped: s.latePenalty.cap > 0 ? 'yes' : 'no',
            })}
          </li>
        ) : null}
      </ul>
    </>
  );
}

/** The title, links and instructions as kept HTML (fresh when the page shows errors between them). */
export function KeptIntro({ t, page }: { t: Translator; page: AssignmentPage }) {
  const manage = page.can.manage;
  return (
    <KeptHtml
      html={renderedOnce(page.kept, `${t.locale}|intro|${manage}`, () =>
        renderToString(
          <>
            <AssignmentTitle t={t} settings={page.settings} />
            <AssignmentAbout t={t} settings={page.settings} manage={manage} />
          </>,
        ),
      )}
    />
  );
}

/** What to hand in and the rubric, as kept HTML (the rubric by its own kept criteria). */
export function KeptLimits({ t, page }: { t: Translator; page: AssignmentPage }) {
  const limits = renderedOnce(page.kept, `${t.locale}|limits`, () =>
    renderToString(<HandInLimits t={t} settings={page.settings} />),
  );
  const rubric = page.rubric
    ? renderedOnce(page.rubric, `${t.locale}|assignment-rubric`, () =>
        renderToString(<RubricTable t={t} criteria={page.rubric ?? []} />),
      )
    : '';
  return <KeptHtml html={limits + rubric} />;
}
