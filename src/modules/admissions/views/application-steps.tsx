import { countryName } from '../../../i18n/countries.js';
import type { Translator } from '../../../i18n/i18n.js';
import { Csrf, TextArea } from '../../../web/components.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import {
  type ApplicationAnswers,
  FILE_KINDS,
  isEditableByApplicant,
  JUSTIFICATION_MAX_LENGTH,
} from '../application.js';
import type { EligibilityResult } from '../eligibility.js';
import { explainRule } from '../eligibility.js';
import { APPLICATION_FILE_MAX_BYTES } from '../files/application-files.js';
import type { ApplicationDetails } from '../get-application.js';

const MAX_MB = APPLICATION_FILE_MAX_BYTES / 1024 / 1024;

/** The CV and the letter: what is uploaded, and a form per document (multipart; works without JavaScript). */
export function DocumentsStep({
  ctx,
  details,
  errors,
  failedKind,
}: {
  ctx: PageContext;
  details: ApplicationDetails;
  errors: FieldMessages;
  failedKind?: string | undefined;
}) {
  const { t } = ctx;
  const { application } = details;
  return (
    <div class="stack">
      {FILE_KINDS.map((kind) => {
        const file = application.files.find((f) => f.kind === kind);
        const error = failedKind === kind ? (errors.file ?? errors.kind) : undefined;
        return (
          <section aria-labelledby={`doc-${kind}`}>
            <h2 id={`doc-${kind}`}>{t.t(`admissions.documents.${kind}`)}</h2>
            {file ? (
              <p>
                {t.t('admissions.documents.current', {
                  name: file.originalName,
                  size: Math.max(1, Math.round(file.sizeBytes / 1024)),
                  date: t.dateTime(file.uploadedAt),
                })}{' '}
                <a href={`/my/applications/${application.id}/files/${kind}`}>
                  {t.t('admissions.documents.download')}
                </a>
              </p>
            ) : (
              <p>{t.t('admissions.documents.none')}</p>
            )}
            <form
              method="post"
              action={`/my/applications/${application.id}/files`}
              enctype="multipart/form-data"
              class="stack"
            >
              <Csrf token={ctx.csrf} />
              <input type="hidden" name="kind" value={kind} />
              <div class={error ? 'field has-error' : 'field'}>
                <label for={`field-file-${kind}`}>
                  {t.t('admissions.documents.file', { document: t.t(`admissions.documents.${kind}`) })}
                </label>
                <p class="hint" id={`hint-file-${kind}`}>
                  {t.t('admissions.documents.hint', { max: MAX_MB })}
                </p>
                {error ? (
                  <p class="error" id={`error-file-${kind}`}>
                    {error}
                  </p>
                ) : null}
                <input
                  type="file"
                  id={`field-file-${kind}`}
                  name="file"
                  accept="application/pdf,.pdf"
                  aria-describedby={error ? `hint-file-${kind} error-file-${kind}` : `hint-file-${kind}`}
                  aria-invalid={error ? 'true' : undefined}
                />
              </div>
              <button type="submit">{t.t('admissions.documents.upload')}</button>
            </form>
            {file ? (
              <p>
                {/* A page asks first (works without script): removing cannot be undone. */}
                <a class="button secondary" href={`/my/applications/${application.id}/files/${kind}/delete`}>
                  {t.t('admissions.documents.remove')}
                </a>
              </p>
            ) : null}
          </section>
        );
      })}
      <p>
        <a class="button" href={`/my/applications/${application.id}/steps/review`}>
          {t.t('admissions.action.review')}
        </a>
      </p>
    </div>
  );
}

/** The outcome of each eligibility rule, explained in the reader's language. */
export function EligibilityList({ t, eligibility }: { t: Translator; eligibility: EligibilityResult }) {
  if (eligibility.results.length === 0) return <p>{t.t('admissions.eligibility.noRules')}</p>;
  return (
    <>
      <p>
        {t.t(eligibility.eligible ? 'admissions.eligibility.eligible' : 'admissions.eligibility.notEligible')}
      </p>
      <ul class="checklist">
        {eligibility.results.map((result) => (
          <li class={result.met ? 'met' : 'not-met'}>
            <strong>
              {t.t(result.met ? 'admissions.eligibility.met' : 'admissions.eligibility.notMetLabel')}
            </strong>
            {': '}
            {explainRule(t, result)}
          </li>
        ))}
      </ul>
    </>
  );
}

const ANSWER_ROWS: [keyof ApplicationAnswers, string][] = [
  ['fullName', 'fullName'],
  ['countryOfResidence', 'countryOfResidence'],
  ['nationality', 'nationality'],
  ['sex', 'sex'],
  ['constituency', 'constituency'],
  ['organisation', 'organisation'],
  ['position', 'position'],
  ['yearsOfExperience', 'yearsOfExperience'],
  ['highestDegree', 'highestDegree'],
  ['fieldOfStudy', 'fieldOfStudy'],
  ['languages', 'languages'],
];

function answerText(
  t: Translator,
  field: keyof ApplicationAnswers,
  answers: ApplicationAnswers,
): string | null {
  const value = answers[field];
  if (value === undefined) return null;
  switch (field) {
    case 'countryOfResidence':
    case 'nationality':
      return countryName(String(value), t.locale);
    case 'sex':
      return t.t(`admissions.sex.${value}`);
    case 'constituency':
      return t.t(`constituency.${value}`);
    case 'highestDegree':
      return t.t(`admissions.degree.${value}`);
    case 'fieldOfStudy':
      return t.t(`admissions.field.${value}`);
    case 'yearsOfExperience':
      return t.t('admissions.page.years', { years: Number(value) });
    case 'languages': {
      const names = new Intl.DisplayNames([t.locale], { type: 'language' });
      return t.intl.formatList(
        (answers.languages ?? []).map(
          (l) => `${names.of(l.code) ?? l.code} (${t.t(`admissions.level.${l.level}`)})`,
        ),
      );
    }
    default:
      return String(value);
  }
}

/** The answers as a list of facts (the status page and the review step). */
export function AnswersSummary({ t, answers }: { t: Translator; answers: ApplicationAnswers }) {
  return (
    <dl class="facts">
      {ANSWER_ROWS.map(([field, label]) => (
        <>
          <dt>{t.t(`admissions.form.${label}`)}</dt>
          <dd>{answerText(t, field, answers) ?? t.t('admissions.page.notAnswered')}</dd>
        </>
      ))}
      <dt>{t.t('admissions.form.motivation')}</dt>
      <dd class="prewrap">{answers.motivation ?? t.t('admissions.page.notAnswered')}</dd>
    </dl>
  );
}

/** The last step: what is missing, the eligibility, the privacy notice and consent, the justification, submit. */
export function ReviewStep({
  ctx,
  details,
  values,
  errors,
}: {
  ctx: PageContext;
  details: ApplicationDetails;
  values: Record<string, string>;
  errors: FieldMessages;
}) {
  const { t } = ctx;
  const { application, missing, eligibility } = details;
  const blocking = missing.filter((m) => m.field !== 'consent');
  return (
    <div class="stack">
      <h2>{t.t('admissions.page.summary')}</h2>
      <AnswersSummary t={t} answers={application.answers} />
      <h2>{t.t('admissions.eligibility.title')}</h2>
      <EligibilityList t={t} eligibility={eligibility} />
      {blocking.length > 0 ? (
        <section aria-labelledby="missing-title">
          <h2 id="missing-title">{t.t('admissions.missing.title')}</h2>
          <ul>
            {blocking.map((item) => (
              <li>
                <a href={`/my/applications/${application.id}/steps/${item.step}`}>
                  {t.t(`admissions.step.${item.step}`)}
                </a>
                {' — '}
                {item.field === 'cv'
                  ? t.t('admissions.documents.cv')
                  : t.has(`admissions.form.${item.field}`)
                    ? t.t(`admissions.form.${item.field}`)
                    : item.field}
                {': '}
                {t.t(item.key, item.values)}
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p>{t.t('admissions.missing.complete')}</p>
      )}
      {isEditableByApplicant(application.status) ? (
        <form method="post" action={`/my/applications/${application.id}/submit`} class="stack" novalidate>
          <Csrf token={ctx.csrf} />
          <p>{t.t('admissions.form.privacyNotice')}</p>
          <div class={errors.consent ? 'field has-error' : 'field'} id="field-consent">
            {errors.consent ? (
              <p class="error" id="error-consent">
                {errors.consent}
              </p>
            ) : null}
            <label class="check">
              <input
                type="checkbox"
                name="consent"
                value="on"
                checked={values.consent === 'on' || application.answers.consent === true}
                aria-describedby={errors.consent ? 'error-consent' : undefined}
              />{' '}
              {t.t('admissions.form.consent')}
            </label>
          </div>
          {eligibility.eligible ? null : (
            <TextArea
              name="justification"
              label={t.t('admissions.form.justification')}
              hint={t.t('admissions.form.justificationHint')}
              value={values.justification ?? application.justification ?? ''}
              errors={errors}
              rows={6}
              maxLength={JUSTIFICATION_MAX_LENGTH}
            />
          )}
          <button type="submit">{t.t('admissions.action.submit')}</button>
        </form>
      ) : null}
    </div>
  );
}
