import { countryOptions } from '../../../i18n/countries.js';
import type { Translator } from '../../../i18n/i18n.js';
import { Csrf, ErrorSummary, SelectField, TextArea, TextField } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../web/page-context.js';
import {
  APPLICANT_LANGUAGES,
  APPLICATION_STEPS,
  type ApplicationStep,
  CONSTITUENCIES,
  DEGREES,
  FIELDS_OF_STUDY,
  FULL_NAME_MAX,
  LANGUAGE_LEVELS,
  LANGUAGES_MAX,
  MOTIVATION_MAX_LENGTH,
  MOTIVATION_MIN_LENGTH,
  ORGANISATION_MAX,
  POSITION_MAX,
  SEXES,
  YEARS_MAX,
} from '../application.js';
import type { ApplicationDetails, ApplicationForm } from '../get-application.js';
import { DocumentsStep, ReviewStep } from './application-steps.js';

export interface StepPageProps {
  ctx: PageContext;
  /** The whole application for the documents and review steps; its answers alone for the others. */
  details: ApplicationDetails | ApplicationForm;
  programmeTitle: string;
  step: ApplicationStep;
  /** The form's values as text (the saved answers, or what was just sent when it needs correcting). */
  values: Record<string, string>;
  errors: FieldMessages;
  /** The document whose upload failed (its form shows the error). */
  failedKind?: string | undefined;
}

const options = (t: Translator, prefix: string, codes: readonly string[]) =>
  codes.map((code) => ({ value: code, label: t.t(`${prefix}.${code}`) }));

function languageOptions(t: Translator) {
  const names = new Intl.DisplayNames([t.locale], { type: 'language' });
  const collator = new Intl.Collator(t.locale);
  return APPLICANT_LANGUAGES.map((code) => ({ value: code, label: names.of(code) ?? code })).sort((a, b) =>
    collator.compare(a.label, b.label),
  );
}

/** The list of steps, the current one marked (each step is a link: the applicant may go back and forth). */
function StepNav({ t, id, current }: { t: Translator; id: string; current: ApplicationStep }) {
  return (
    <nav aria-label={t.t('admissions.step.nav')}>
      <ol class="steps">
        {APPLICATION_STEPS.map((step) => (
          <li>
            <a
              href={`/my/applications/${id}/steps/${step}`}
              aria-current={step === current ? 'step' : undefined}
            >
              {t.t(`admissions.step.${step}`)}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

function PersonFields({
  t,
  values,
  errors,
}: {
  t: Translator;
  values: Record<string, string>;
  errors: FieldMessages;
}) {
  const countries = countryOptions(t.locale);
  return (
    <>
      <TextField
        name="fullName"
        label={t.t('admissions.form.fullName')}
        hint={t.t('admissions.form.fullNameHint')}
        value={values.fullName}
        errors={errors}
        maxLength={FULL_NAME_MAX}
        autocomplete="name"
        dir="auto"
      />
      <SelectField
        name="countryOfResidence"
        label={t.t('admissions.form.countryOfResidence')}
        value={values.countryOfResidence}
        options={countries}
        errors={errors}
        empty={t.t('admissions.form.choose')}
      />
      <SelectField
        name="nationality"
        label={t.t('admissions.form.nationality')}
        value={values.nationality}
        options={countries}
        errors={errors}
        empty={t.t('admissions.form.choose')}
      />
      <SelectField
        name="sex"
        label={t.t('admissions.form.sex')}
        value={values.sex}
        options={options(t, 'admissions.sex', SEXES)}
        errors={errors}
        empty={t.t('admissions.form.choose')}
      />
    </>
  );
}

function WorkFields({
  t,
  values,
  errors,
}: {
  t: Translator;
  values: Record<string, string>;
  errors: FieldMessages;
}) {
  return (
    <>
      <SelectField
        name="constituency"
        label={t.t('admissions.form.constituency')}
        value={values.constituency}
        options={options(t, 'constituency', CONSTITUENCIES)}
        errors={errors}
        empty={t.t('admissions.form.choose')}
      />
      <TextField
        name="organisation"
        label={t.t('admissions.form.organisation')}
        value={values.organisation}
        errors={errors}
        maxLength={ORGANISATION_MAX}
        autocomplete="organization"
      />
      <TextField
        name="position"
        label={t.t('admissions.form.position')}
        value={values.position}
        errors={errors}
        maxLength={POSITION_MAX}
        autocomplete="organization-title"
      />
      <TextField
        name="yearsOfExperience"
        label={t.t('admissions.form.yearsOfExperience')}
        value={values.yearsOfExperience}
        errors={errors}
        type="number"
        min={0}
        max={YEARS_MAX}
      />
    </>
  );
}

function EducationFields({
  t,
  values,
  errors,
}: {
  t: Translator;
  values: Record<string, string>;
  errors: FieldMessages;
}) {
  const languages = languageOptions(t);
  const levels = options(t, 'admissions.level', LANGUAGE_LEVELS);
  const filled = Object.keys(values).filter((k) => /^languages\.\d+\.code$/.test(k) && values[k]).length;
  const rows = Math.min(LANGUAGES_MAX, Math.max(3, filled + 2));
  return (
    <>
      <SelectField
        name="highestDegree"
        label={t.t('admissions.form.highestDegree')}
        value={values.highestDegree}
        options={options(t, 'admissions.degree', DEGREES)}
        errors={errors}
        empty={t.t('admissions.form.choose')}
      />
      <SelectField
        name="fieldOfStudy"
        label={t.t('admissions.form.fieldOfStudy')}
        value={values.fieldOfStudy}
        options={options(t, 'admissions.field', FIELDS_OF_STUDY)}
        errors={errors}
        empty={t.t('admissions.form.choose')}
      />
      <fieldset class={errors.languages ? 'field has-error' : 'field'} id="field-languages">
        <legend>{t.t('admissions.form.languages')}</legend>
        <p class="hint">{t.t('admissions.form.languagesHint')}</p>
        {errors.languages ? <p class="error">{errors.languages}</p> : null}
        {Array.from({ length: rows }, (_, i) => (
          <div class="columns">
            <SelectField
              name={`languages.${i}.code`}
              label={t.t('admissions.form.language', { n: i + 1 })}
              value={values[`languages.${i}.code`]}
              options={languages}
              errors={errors}
              empty={t.t('admissions.form.noLanguage')}
            />
            <SelectField
              name={`languages.${i}.level`}
              label={t.t('admissions.form.level', { n: i + 1 })}
              value={values[`languages.${i}.level`]}
              options={levels}
              errors={errors}
              empty={t.t('admissions.form.noLanguage')}
            />
          </div>
        ))}
      </fieldset>
    </>
  );
}

function MotivationFields({
  t,
  values,
  errors,
}: {
  t: Translator;
  values: Record<string, string>;
  errors: FieldMessages;
}) {
  const text = values.motivation ?? '';
  const limits = { min: MOTIVATION_MIN_LENGTH, max: MOTIVATION_MAX_LENGTH };
  return (
    <>
      <TextArea
        name="motivation"
        label={t.t('admissions.form.motivation')}
        hint={t.t('admissions.form.motivationHint', limits)}
        value={text}
        errors={errors}
        rows={12}
        maxLength={MOTIVATION_MAX_LENGTH}
      />
      {/* Updated as the applicant types by application-form.js; the server enforces the limits. */}
      <p
        class="hint"
        id="motivation-counter"
        aria-live="polite"
        data-counter-for="field-motivation"
        data-template={t.t('admissions.form.counter', { count: '#COUNT#', ...limits })}
      >
        {t.t('admissions.form.counter', { count: [...text].length, ...limits })}
      </p>
      <script src="/static/application-form.js" defer />
    </>
  );
}

const isWhole = (details: ApplicationDetails | ApplicationForm): details is ApplicationDetails =>
  'timeline' in details;

/** One step of the application form (the documents and review steps have their own forms). */
export function ApplicationStepPage({
  ctx,
  details,
  programmeTitle,
  step,
  values,
  errors,
  failedKind,
}: StepPageProps) {
  const { t } = ctx;
  const { application } = details;
  const index = APPLICATION_STEPS.indexOf(step);
  const title = t.t(`admissions.step.${step}`);
  return (
    <Layout ctx={ctx} title={`${title} · ${t.t('admissions.apply.title', { programme: programmeTitle })}`}>
      <p>{t.t('admissions.apply.title', { programme: programmeTitle })}</p>
      <h1>{title}</h1>
      <p>{t.t('admissions.step.position', { n: index + 1, total: APPLICATION_STEPS.length })}</p>
      <StepNav t={t} id={application.id} current={step} />
      <ErrorSummary t={t} errors={errors} />
      {step === 'documents' || step === 'review' ? (
        !isWhole(details) ? null : step === 'documents' ? (
          <DocumentsStep ctx={ctx} details={details} errors={errors} failedKind={failedKind} />
        ) : (
          <ReviewStep ctx={ctx} details={details} values={values} errors={errors} />
        )
      ) : (
        <form
          method="post"
          action={`/my/applications/${application.id}/steps/${step}`}
          class="stack"
          novalidate
        >
          <Csrf token={ctx.csrf} />
          {step === 'person' ? <PersonFields t={t} values={values} errors={errors} /> : null}
          {step === 'work' ? <WorkFields t={t} values={values} errors={errors} /> : null}
          {step === 'education' ? <EducationFields t={t} values={values} errors={errors} /> : null}
          {step === 'motivation' ? <MotivationFields t={t} values={values} errors={errors} /> : null}
          <div class="actions">
            <button type="submit" name="after" value="next">
              {t.t('admissions.action.saveContinue')}
            </button>
            <button type="submit" name="after" value="stay" class="secondary">
              {t.t('admissions.action.saveDraft')}
            </button>
            {index > 0 ? (
              <a href={`/my/applications/${application.id}/steps/${APPLICATION_STEPS[index - 1]}`}>
                {t.t('admissions.action.back')}
              </a>
            ) : null}
          </div>
        </form>
      )}
    </Layout>
  );
}
