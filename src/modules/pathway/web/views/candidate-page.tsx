import type { ComponentChildren } from 'preact';
import { countryName } from '../../../../i18n/countries.js';
import type { Translator } from '../../../../i18n/i18n.js';
import { pickLocalized } from '../../../../i18n/localized.js';
import type { AuditTrail as Trail } from '../../../../kernel/audit.js';
import { AuditTrail } from '../../../../web/audit-trail.js';
import {
  Csrf,
  describedBy,
  ErrorSummary,
  Field,
  SelectField,
  TextField,
} from '../../../../web/components.js';
import { Layout } from '../../../../web/layout.js';
import type { FieldMessages, PageContext } from '../../../../web/page-context.js';
import type { Account } from '../../../identity/account/account.js';
import type { CandidateDetail } from '../../candidates/candidate-detail.js';
import { CAPSTONE_STATUSES } from '../../pathway.schemas.js';
import { displayStatus } from '../../rules/pathway-status.js';
import { MAX_REASON_LENGTH } from '../../rules/record.js';
import {
  AtRiskList,
  RequirementChecklist,
  StandingFacts,
  StatusBadge,
  type TitleLookup,
  WhyNotYet,
} from './pathway-components.js';

export type CandidateForm = 'extension' | 'withdraw' | 'capstone' | 'version';

interface Props {
  ctx: PageContext;
  detail: CandidateDetail;
  person: Account;
  audit: Trail;
  titles: TitleLookup;
  rules: Map<string, string[]>;
  today: string;
  failed?: { form: CandidateForm; values: Record<string, string>; errors: FieldMessages } | undefined;
  problem?: string | undefined;
  /** The credentials panel (credentials module): the person's credentials and the diploma award. */
  credentialsPanel?: ComponentChildren;
}

/** A candidate as programme managers see them: standing, timeline, actions and history. */
export function CandidatePage(props: Props) {
  const { ctx, detail, person, audit, titles, rules, today, failed, problem, credentialsPanel } = props;
  const { t } = ctx;
  const errorsOf = (form: CandidateForm) => (failed?.form === form ? failed.errors : {});
  const reasonErrorsOf = (form: 'extension' | 'withdraw') => scopeReason(errorsOf(form), form);
  const valuesOf = (form: CandidateForm) => (failed?.form === form ? failed.values : {});
  const action = (path: string) => `/manage/candidates/${detail.id}/${path}`;
  const course = (code: string, text: Partial<Record<string, string>>) =>
    `${pickLocalized(text, ctx.locale).text} (${code})`;
  return (
    <Layout ctx={ctx} title={person.fullName}>
      <p>
        <a href={`/manage/candidates?programme=${detail.programme.slug}`}>{t.t('candidates.back')}</a>
      </p>
      <h1>
        {person.fullName}{' '}
        <StatusBadge t={t} status={displayStatus(detail.status, detail.evaluation.status)} />
      </h1>
      <p>
        {pickLocalized(detail.programme.title, ctx.locale).text} · {person.email}
        {person.country ? ` · ${countryName(person.country, ctx.locale)}` : ''}
        {person.constituency ? ` · ${t.t(`constituency.${person.constituency}`)}` : ''}
      </p>
      <dl class="facts">
        <dt>{t.t('candidates.registered')}</dt>
        <dd>{t.date(detail.registeredOn, 'long')}</dd>
        <dt>{t.t('candidate.ruleVersion')}</dt>
        <dd>{t.t('candidate.versionNumber', { version: detail.ruleVersion })}</dd>
        {detail.withdrawnReason && detail.status === 'withdrawn' ? (
          <>
            <dt>{t.t('candidate.withdrawnReason')}</dt>
            <dd>{detail.withdrawnReason}</dd>
          </>
        ) : null}
      </dl>
      {problem ? (
        <p class="error-summary" role="alert">
          {problem}
        </p>
      ) : null}
      <AtRiskList t={t} items={detail.evaluation.atRisk} titles={titles} />
      <div class="columns">
        <div>
          <h2>{t.t('myPathway.checklist')}</h2>
          <RequirementChecklist t={t} evaluation={detail.evaluation} titles={titles} rules={rules} />
        </div>
        <div>
          <h2>{t.t('myPathway.standing')}</h2>
          <StandingFacts t={t} evaluation={detail.evaluation} today={today} />
          <h2>{t.t('myPathway.whyNotYet')}</h2>
          <WhyNotYet t={t} evaluation={detail.evaluation} />
        </div>
      </div>
      <h2>{t.t('candidate.results')}</h2>
      <table>
        <caption class="visually-hidden">{t.t('candidate.results')}</caption>
        <thead>
          <tr>
            <th scope="col">{t.t('course.title')}</th>
            <th scope="col">{t.t('result.outcome')}</th>
            <th scope="col">{t.t('result.grade')}</th>
            <th scope="col">{t.t('result.completedOn')}</th>
            <th scope="col">{t.t('result.source')}</th>
          </tr>
        </thead>
        <tbody>
          {detail.results.map((r) => (
            <tr>
              <td>
                {r.editionId ? (
                  <a href={`/editions/${r.editionId}`}>{course(r.courseCode, r.courseTitle)}</a>
                ) : (
                  course(r.courseCode, r.courseTitle)
                )}
              </td>
              <td>{t.t(`result.outcomeValue.${r.outcome}`)}</td>
              <td>{r.grade ?? ''}</td>
              <td>{t.date(r.completedOn)}</td>
              <td>{t.t(`result.sourceValue.${r.source}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {detail.evaluation.uncounted.length ? (
        <>
          <h3>{t.t('candidate.uncounted')}</h3>
          <ul>
            {detail.evaluation.uncounted.map((u) => (
              <li>
                {u.course} ({t.date(u.completed)}): {t.t(`uncounted.${u.reason}`)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {credentialsPanel}
      <h2>{t.t('candidate.enrolments')}</h2>
      {detail.enrolments.length === 0 ? <p>{t.t('candidate.noEnrolments')}</p> : null}
      <ul>
        {detail.enrolments.map((e) => (
          <li>
            <a href={`/editions/${e.editionId}`}>{course(e.courseCode, e.courseTitle)}</a> ·{' '}
            {t.t('edition.dateRange', { start: t.date(e.startsOn), end: t.date(e.endsOn) })} ·{' '}
            {t.t(`enrolment.status.${e.status}`)}
          </li>
        ))}
      </ul>
      <h2>{t.t('candidate.actions')}</h2>
      <div class="columns">
        <form method="post" action={action('extensions')} class="stack" novalidate>
          <h3>{t.t('candidate.grantExtension')}</h3>
          <Csrf token={ctx.csrf} />
          <ErrorSummary t={t} errors={reasonErrorsOf('extension')} />
          <TextField
            name="months"
            type="number"
            label={t.t('candidate.months')}
            value={valuesOf('extension').months}
            errors={errorsOf('extension')}
            min={1}
            max={60}
            required
          />
          <ReasonField
            t={t}
            form="extension"
            value={valuesOf('extension').reason}
            errors={reasonErrorsOf('extension')}
          />
          <button type="submit">{t.t('candidate.grantExtension')}</button>
          {detail.extensions.length ? (
            <ul>
              {detail.extensions.map((e) => (
                <li>
                  {t.t('candidate.extensionLine', {
                    months: e.months,
                    date: t.dateTime(e.grantedAt),
                    reason: e.reason,
                  })}
                </li>
              ))}
            </ul>
          ) : null}
        </form>
        {detail.status === 'withdrawn' ? (
          <form method="post" action={action('reinstate')} class="stack">
            <h3>{t.t('candidate.reinstate')}</h3>
            <Csrf token={ctx.csrf} />
            <button type="submit">{t.t('candidate.reinstate')}</button>
          </form>
        ) : (
          <form method="post" action={action('withdraw')} class="stack" novalidate>
            <h3>{t.t('candidate.withdraw')}</h3>
            <Csrf token={ctx.csrf} />
            <ErrorSummary t={t} errors={reasonErrorsOf('withdraw')} />
            <ReasonField
              t={t}
              form="withdraw"
              value={valuesOf('withdraw').reason}
              errors={reasonErrorsOf('withdraw')}
            />
            <button type="submit" class="secondary">
              {t.t('candidate.withdraw')}
            </button>
          </form>
        )}
        <form method="post" action={action('capstone')} class="stack" novalidate>
          <h3>{t.t('candidate.capstone')}</h3>
          <Csrf token={ctx.csrf} />
          <ErrorSummary t={t} errors={errorsOf('capstone')} />
          <SelectField
            name="status"
            label={t.t('candidate.capstoneStatus')}
            value={valuesOf('capstone').status ?? detail.capstoneStatus}
            options={CAPSTONE_STATUSES.map((s) => ({ value: s, label: t.t(`capstone.status.${s}`) }))}
            errors={errorsOf('capstone')}
          />
          <TextField
            name="completedOn"
            type="date"
            label={t.t('candidate.capstonePassedOn')}
            value={valuesOf('capstone').completedOn ?? detail.capstoneCompletedOn ?? ''}
            errors={errorsOf('capstone')}
          />
          <button type="submit">{t.t('form.save')}</button>
        </form>
        <form method="post" action={action('rule-version')} class="stack" novalidate>
          <h3>{t.t('candidate.moveVersion')}</h3>
          <Csrf token={ctx.csrf} />
          <ErrorSummary t={t} errors={errorsOf('version')} />
          <SelectField
            name="ruleVersionId"
            label={t.t('candidate.ruleVersion')}
            value={detail.ruleVersions.find((v) => v.version === detail.ruleVersion)?.id}
            options={detail.ruleVersions.map((v) => ({
              value: v.id,
              label: t.t('candidate.versionOption', { version: v.version, date: t.date(v.effectiveFrom) }),
            }))}
            errors={errorsOf('version')}
          />
          <button type="submit" class="secondary">
            {t.t('candidate.moveVersion')}
          </button>
        </form>
      </div>
      <h2>{t.t('audit.title')}</h2>
      <AuditTrail ctx={ctx} trail={audit} />
    </Layout>
  );
}

/** A form's errors with `reason` renamed `<form>-reason`, the id its field has on this page. */
function scopeReason(errors: FieldMessages, form: 'extension' | 'withdraw'): FieldMessages {
  const { reason, ...rest } = errors;
  return reason === undefined ? rest : { ...rest, [`${form}-reason`]: reason };
}

/**
 * The reason of an extension or of a withdrawal. Both forms post `reason` on the same page, so the field's
 * ids carry the form's name: with one id twice, the second label would name the first field.
 */
function ReasonField({
  t,
  form,
  value,
  errors,
}: {
  t: Translator;
  form: 'extension' | 'withdraw';
  value: string | undefined;
  errors: FieldMessages;
}) {
  const id = `${form}-reason`;
  return (
    <Field name={id} label={t.t('candidate.reason')} errors={errors}>
      <textarea {...describedBy(id, errors)} name="reason" rows={2} maxLength={MAX_REASON_LENGTH}>
        {value ?? ''}
      </textarea>
    </Field>
  );
}
