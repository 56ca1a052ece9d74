import { pickLocalized } from '../../../../i18n/localized.js';
import { Csrf, ErrorSummary, TextField } from '../../../../web/components.js';
import { Layout } from '../../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../../web/page-context.js';
import type { Course, Edition } from '../../../catalogue/course.js';
import { dateRange } from '../../../catalogue/views/edition-summary.js';
import type { Programme } from '../../../programmes/programme.js';
import { RESULT_OUTCOMES } from '../../pathway.schemas.js';
import type { ClassRow } from '../../record-result.js';

type Values = Record<string, string | undefined>;

/** Register a person (by email) as a candidate of a programme. */
export function RegisterCandidatePage({
  ctx,
  programme,
  values = {},
  errors = {},
}: {
  ctx: PageContext;
  programme: Programme;
  values?: Values;
  errors?: FieldMessages;
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('candidates.register')}>
      <p>
        <a href={`/manage/candidates?programme=${programme.slug}`}>{t.t('candidates.back')}</a>
      </p>
      <h1>{t.t('candidates.register')}</h1>
      <p>{pickLocalized(programme.title, ctx.locale).text}</p>
      <ErrorSummary t={t} errors={errors} />
      <form
        method="post"
        action={`/manage/candidates/new?programme=${programme.slug}`}
        class="stack narrow"
        novalidate
      >
        <Csrf token={ctx.csrf} />
        <TextField
          name="email"
          type="email"
          label={t.t('field.email')}
          hint={t.t('candidates.emailHint')}
          value={values.email}
          errors={errors}
          required
        />
        <TextField
          name="registeredOn"
          type="date"
          label={t.t('candidates.registered')}
          hint={t.t('candidates.registeredHint')}
          value={values.registeredOn}
          errors={errors}
        />
        <button type="submit">{t.t('candidates.register')}</button>
      </form>
    </Layout>
  );
}

interface ClassPageProps {
  ctx: PageContext;
  edition: Edition;
  course: Course;
  rows: ClassRow[];
  canEnrol: boolean;
  /** May the caller import results from a file (programme managers)? */
  canImport: boolean;
  enrolValues?: Values;
  enrolErrors?: FieldMessages;
  resultValues?: Values;
  resultErrors?: FieldMessages;
}

/** The class list of an edition: enrol people, and record everyone's result in one form. */
export function ClassPage({
  ctx,
  edition,
  course,
  rows,
  canEnrol,
  canImport,
  enrolValues = {},
  enrolErrors = {},
  resultValues,
  resultErrors = {},
}: ClassPageProps) {
  const { t } = ctx;
  const courseTitle = pickLocalized(course.title, ctx.locale).text;
  const title = t.t('class.title', { course: courseTitle });
  const value = (index: number, field: string, fallback: string) =>
    resultValues?.[`rows.${index}.${field}`] ?? fallback;
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a href={`/editions/${edition.id}`}>{t.t('class.backToEdition')}</a>
      </p>
      <h1>{title}</h1>
      <p>
        {dateRange(t, edition.startsOn, edition.endsOn)} · {t.t(`language.${edition.language}`)} ·{' '}
        {t.t(`mode.${edition.mode}`)} · {t.t(`credential.${course.credentialOnSuccess}`)}
      </p>
      {canEnrol ? (
        <form
          method="post"
          action={`/manage/editions/${edition.id}/enrolments`}
          class="stack narrow"
          novalidate
        >
          <h2>{t.t('class.enrol')}</h2>
          <Csrf token={ctx.csrf} />
          <ErrorSummary t={t} errors={enrolErrors} />
          <TextField
            name="email"
            type="email"
            label={t.t('field.email')}
            value={enrolValues.email}
            errors={enrolErrors}
            required
          />
          <button type="submit">{t.t('class.enrol')}</button>
        </form>
      ) : null}
      <h2>{t.t('class.results')}</h2>
      {rows.length === 0 ? <p>{t.t('class.empty')}</p> : null}
      {rows.length ? (
        <form method="post" action={`/manage/editions/${edition.id}/results`} novalidate>
          <Csrf token={ctx.csrf} />
          <ErrorSummary t={t} errors={resultErrors} />
          <table class="class-list">
            <caption>{t.t('class.caption', { count: rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t.t('field.fullName')}</th>
                <th scope="col">{t.t('result.outcome')}</th>
                <th scope="col">{t.t('result.grade')}</th>
                <th scope="col">{t.t('result.completedOn')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => {
                const name = (field: string) => `rows.${index}.${field}`;
                const error = (field: string) => resultErrors[name(field)];
                return (
                  <tr>
                    <th scope="row">
                      {row.fullName}
                      <input type="hidden" name={name('enrolmentId')} value={row.enrolmentId} />
                      {row.status !== 'enrolled' ? (
                        <small> ({t.t(`enrolment.status.${row.status}`)})</small>
                      ) : null}
                    </th>
                    <td>
                      <select
                        name={name('outcome')}
                        id={`field-${name('outcome')}`}
                        aria-label={t.t('class.outcomeFor', { name: row.fullName })}
                        aria-invalid={error('outcome') ? 'true' : undefined}
                      >
                        <option value="">{t.t('class.noResult')}</option>
                        {RESULT_OUTCOMES.map((o) => (
                          <option
                            value={o}
                            selected={value(index, 'outcome', row.result?.outcome ?? '') === o}
                          >
                            {t.t(`result.outcomeValue.${o}`)}
                          </option>
                        ))}
                      </select>
                      {error('outcome') ? <p class="error">{error('outcome')}</p> : null}
                    </td>
                    <td>
                      <input
                        name={name('grade')}
                        id={`field-${name('grade')}`}
                        value={value(index, 'grade', row.result?.grade ?? '')}
                        maxLength={20}
                        aria-label={t.t('class.gradeFor', { name: row.fullName })}
                      />
                      {error('grade') ? <p class="error">{error('grade')}</p> : null}
                    </td>
                    <td>
                      <input
                        type="date"
                        name={name('completedOn')}
                        id={`field-${name('completedOn')}`}
                        value={value(index, 'completedOn', row.result?.completedOn ?? edition.endsOn)}
                        aria-label={t.t('class.dateFor', { name: row.fullName })}
                        aria-invalid={error('completedOn') ? 'true' : undefined}
                      />
                      {error('completedOn') ? <p class="error">{error('completedOn')}</p> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <button type="submit">{t.t('class.saveResults')}</button>
        </form>
      ) : null}
      {canImport ? (
        <p>
          <a href="/manage/imports/new">{t.t('imports.link')}</a>
        </p>
      ) : null}
      <p>
        <a href={`/manage/results.csv?edition=${edition.id}`}>{t.t('imports.exportEdition')}</a>
      </p>
    </Layout>
  );
}
