import { countryName } from '../../../../i18n/countries.js';
import { pickLocalized } from '../../../../i18n/localized.js';
import { Csrf, ErrorSummary, TextArea } from '../../../../web/components.js';
import { Layout } from '../../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../../web/page-context.js';
import type { ApplicationAnswers } from '../../application.js';
import { explainRule } from '../../eligibility.js';
import { REASON_MAX_LENGTH } from '../review.schemas.js';
import type { StaffApplicationView } from '../review-detail.js';
import { CommentsPanel, DecisionPanel, ReviewersPanel, ScoresPanel } from './review-panels.js';

/** The forms of the staff page (a failed one is shown again with its values and errors). */
export type ReviewForm = 'assign' | 'score' | 'comment' | 'decide' | 'reopen' | 'override';

export interface ReviewPageState {
  failed?: { form: ReviewForm; values: Record<string, string>; errors: FieldMessages } | undefined;
  problem?: string | undefined;
}

/** The URL of a staff action on an application. */
export function reviewAction(applicationId: string, path: string): string {
  return `/manage/applications/${applicationId}/${path}`;
}

/** One application as managers and its reviewers see it. */
export function ReviewApplicationPage({
  ctx,
  view,
  state = {},
}: {
  ctx: PageContext;
  view: StaffApplicationView;
  state?: ReviewPageState;
}) {
  const { t } = ctx;
  const { application, applicant } = view;
  const formState = (form: ReviewForm) =>
    state.failed?.form === form ? { values: state.failed.values, errors: state.failed.errors } : undefined;
  const title = t.t('review.page.title', { name: applicant.name });
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/manage/applications?programme=${view.programme.slug}`}>{t.t('review.page.back')}</a>
      </p>
      <h1>
        {applicant.name} <span class="badge">{t.t(`admissions.status.${application.status}`)}</span>
      </h1>
      <p>
        {pickLocalized(view.programme.title, ctx.locale).text} · {applicant.email}
        {application.submittedAt
          ? ` · ${t.t('review.page.submittedOn', { date: t.date(application.submittedAt, 'long') })}`
          : ''}
      </p>
      {state.problem ? (
        <p class="error-summary" role="alert">
          {state.problem}
        </p>
      ) : null}
      {state.failed ? <ErrorSummary t={t} errors={state.failed.errors} /> : null}
      {view.candidacyId ? (
        <p class="notice">
          {t.t('review.candidacy.created')}{' '}
          {view.can.openCandidacy ? (
            <a href={`/manage/candidates/${view.candidacyId}`}>{t.t('review.candidacy.link')}</a>
          ) : null}
        </p>
      ) : null}
      <div class="columns">
        <div>
          <AnswersPanel ctx={ctx} answers={application.answers} justification={application.justification} />
          <h2>{t.t('review.files.title')}</h2>
          {application.files.length === 0 ? (
            <p>{t.t('review.files.none')}</p>
          ) : (
            <ul>
              {application.files.map((f) => (
                <li>
                  <a href={reviewAction(application.id, `files/${f.kind}`)} download>
                    {t.t(`review.files.${f.kind}`)}
                  </a>{' '}
                  ({t.t('review.files.size', { size: Math.max(1, Math.round(f.sizeBytes / 1024)) })})
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <EligibilityPanel ctx={ctx} view={view} state={formState('override')} />
          <ReviewersPanel ctx={ctx} view={view} state={formState('assign')} />
        </div>
      </div>
      <ScoresPanel ctx={ctx} view={view} state={formState('score')} />
      <CommentsPanel ctx={ctx} view={view} state={formState('comment')} />
      <DecisionPanel ctx={ctx} view={view} decide={formState('decide')} reopen={formState('reopen')} />
    </Layout>
  );
}

function AnswersPanel({
  ctx,
  answers,
  justification,
}: {
  ctx: PageContext;
  answers: ApplicationAnswers;
  justification: string | null;
}) {
  const { t } = ctx;
  const none = t.t('review.answers.none');
  const label = (prefix: string, code: string | undefined) => (code ? t.t(`${prefix}.${code}`) : none);
  const country = (code: string | undefined) => (code ? countryName(code, ctx.locale) : none);
  const languages = (answers.languages ?? []).map(
    (l) => `${languageName(l.code, ctx.locale)} (${t.t(`admissions.level.${l.level}`)})`,
  );
  return (
    <section aria-labelledby="answers-title">
      <h2 id="answers-title">{t.t('review.answers.title')}</h2>
      <dl class="facts">
        <dt>{t.t('admissions.form.fullName')}</dt>
        <dd>{answers.fullName ?? none}</dd>
        <dt>{t.t('admissions.form.countryOfResidence')}</dt>
        <dd>{country(answers.countryOfResidence)}</dd>
        <dt>{t.t('admissions.form.nationality')}</dt>
        <dd>{country(answers.nationality)}</dd>
        <dt>{t.t('admissions.form.sex')}</dt>
        <dd>{label('admissions.sex', answers.sex)}</dd>
        <dt>{t.t('admissions.form.constituency')}</dt>
        <dd>{label('constituency', answers.constituency)}</dd>
        <dt>{t.t('admissions.form.organisation')}</dt>
        <dd>{answers.organisation ?? none}</dd>
        <dt>{t.t('admissions.form.position')}</dt>
        <dd>{answers.position ?? none}</dd>
        <dt>{t.t('admissions.form.yearsOfExperience')}</dt>
        <dd>{answers.yearsOfExperience === undefined ? none : t.number(answers.yearsOfExperience)}</dd>
        <dt>{t.t('admissions.form.highestDegree')}</dt>
        <dd>{label('admissions.degree', answers.highestDegree)}</dd>
        <dt>{t.t('admissions.form.fieldOfStudy')}</dt>
        <dd>{label('admissions.field', answers.fieldOfStudy)}</dd>
        <dt>{t.t('admissions.form.languages')}</dt>
        <dd>{languages.length ? t.intl.formatList(languages, { type: 'conjunction' }) : none}</dd>
      </dl>
      <h3>{t.t('admissions.form.motivation')}</h3>
      <div class="prose">
        {(answers.motivation ?? none)
          .split(/\n\s*\n/)
          .filter((p) => p.trim())
          .map((p) => (
            <p>{p}</p>
          ))}
      </div>
      {justification ? (
        <>
          <h3>{t.t('review.answers.justification')}</h3>
          <p>{justification}</p>
        </>
      ) : null}
    </section>
  );
}

function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The eligibility evaluation rule by rule, the override if any, and the managers' override form. */
function EligibilityPanel({
  ctx,
  view,
  state,
}: {
  ctx: PageContext;
  view: StaffApplicationView;
  state: { values: Record<string, string>; errors: FieldMessages } | undefined;
}) {
  const { t } = ctx;
  const evaluation = view.application.eligibility;
  return (
    <section aria-labelledby="eligibility-title">
      <h2 id="eligibility-title">{t.t('review.eligibility.title')}</h2>
      {evaluation === null ? (
        <p>{t.t('review.eligibility.notEvaluated')}</p>
      ) : (
        <>
          <p>
            <strong>
              {evaluation.eligible ? t.t('review.eligibility.meets') : t.t('review.eligibility.doesNotMeet')}
            </strong>
          </p>
          <ul class="checklist">
            {evaluation.results.map((r) => (
              <li>
                <strong>
                  {r.met ? t.t('admissions.eligibility.met') : t.t('admissions.eligibility.notMetLabel')}
                </strong>
                {': '}
                {explainRule(t, r)}
              </li>
            ))}
          </ul>
        </>
      )}
      {view.override ? (
        <p class="notice">
          {t.t('review.override.done', {
            date: view.override.at ? t.date(view.override.at, 'long') : '',
            reason: view.override.reason,
          })}
        </p>
      ) : null}
      {view.can.override ? <OverrideForm ctx={ctx} view={view} state={state} /> : null}
    </section>
  );
}

function OverrideForm({
  ctx,
  view,
  state,
}: {
  ctx: PageContext;
  view: StaffApplicationView;
  state: { values: Record<string, string>; errors: FieldMessages } | undefined;
}) {
  const { t } = ctx;
  return (
    <form method="post" action={reviewAction(view.application.id, 'override')}>
      <Csrf token={ctx.csrf} />
      <TextArea
        name="overrideReason"
        label={t.t('review.override.reason')}
        value={state?.values.overrideReason}
        errors={state?.errors}
        maxLength={REASON_MAX_LENGTH}
        rows={3}
      />
      <button type="submit">{t.t('review.override.submit')}</button>
    </form>
  );
}
