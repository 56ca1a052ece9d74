import type { Translator } from '../../../../i18n/i18n.js';
import { pickLocalized } from '../../../../i18n/localized.js';
import { Csrf, describedBy, ErrorSummary, Field } from '../../../../web/components.js';
import type { FieldMessages, PageContext } from '../../../../web/page-context.js';
import { REVOCATION_REASONS, SUSPENSION_REASONS, type VerificationStatus } from '../../credential.js';
import { NOTE_MAX_LENGTH, NOTE_MIN_LENGTH } from '../../credentials.schemas.js';
import type { CandidateCredentials } from '../../get-candidate-credentials.js';
import type { HolderCredential } from '../../list-holder-credentials.js';
import { CredentialStatusBadge, StatusChange } from './credential-components.js';

/** What a manager can do to a credential from the candidate page. */
export const CREDENTIAL_ACTIONS = ['revoke', 'suspend', 'reinstate', 'supersede'] as const;
export type CredentialAction = (typeof CREDENTIAL_ACTIONS)[number];

/** A credential form sent back with its errors (shown next to its fields, its section open). */
export interface CredentialFormState {
  credentialId: string;
  action: CredentialAction;
  values: Record<string, string>;
  errors: FieldMessages;
}

/** Which actions fit a credential's status (revoked is final; only a suspension is reinstated). */
function actionsFor(status: VerificationStatus): CredentialAction[] {
  if (status === 'revoked') return [];
  if (status === 'suspended') return ['reinstate', 'revoke', 'supersede'];
  return ['revoke', 'suspend', 'supersede'];
}

const REASONS: Partial<Record<CredentialAction, readonly string[]>> = {
  revoke: REVOCATION_REASONS,
  suspend: SUSPENSION_REASONS,
};

/** Errors keyed by the page-unique field ids of one credential's form (`revoke-<id>-note` …). */
function scoped(errors: FieldMessages, prefix: string): FieldMessages {
  return Object.fromEntries(Object.entries(errors).map(([path, message]) => [`${prefix}-${path}`, message]));
}

/** One status form (revoke, suspend, reinstate, supersede), folded until opened (no JavaScript needed). */
function ActionForm({
  ctx,
  candidacyId,
  credential,
  action,
  failed,
}: {
  ctx: PageContext;
  candidacyId: string;
  credential: HolderCredential;
  action: CredentialAction;
  failed: CredentialFormState | undefined;
}) {
  const { t } = ctx;
  const prefix = `${action}-${credential.id}`;
  const isFailed = failed?.credentialId === credential.id && failed.action === action;
  const errors = isFailed ? scoped(failed.errors, prefix) : {};
  const values = isFailed ? failed.values : {};
  const reasons = REASONS[action];
  return (
    <details class="credential-action" open={isFailed}>
      <summary>{t.t(`credential.web.manage.open.${action}`)}</summary>
      <form method="post" action={`/manage/credentials/${credential.id}/${action}`} class="stack" novalidate>
        <Csrf token={ctx.csrf} />
        <input type="hidden" name="candidacyId" value={candidacyId} />
        <p class="hint">{t.t(`credential.web.manage.explain.${action}`)}</p>
        <ErrorSummary t={t} errors={errors} />
        {reasons ? (
          <Field name={`${prefix}-reason`} label={t.t('credential.web.manage.reason')} errors={errors}>
            <select {...describedBy(`${prefix}-reason`, errors)} name="reason">
              <option value="">{t.t('credential.web.manage.chooseReason')}</option>
              {reasons.map((reason) => (
                <option value={reason} selected={values.reason === reason}>
                  {t.t(`credential.reason.${reason}`)}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <Field
          name={`${prefix}-note`}
          label={t.t('credential.web.manage.note')}
          errors={errors}
          hint={t.t('credential.web.manage.noteHint', { min: NOTE_MIN_LENGTH })}
        >
          <textarea
            {...describedBy(`${prefix}-note`, errors, 'hint')}
            name="note"
            rows={3}
            maxLength={NOTE_MAX_LENGTH}
          >
            {values.note ?? ''}
          </textarea>
        </Field>
        <button type="submit" class={action === 'reinstate' ? undefined : 'secondary'}>
          {t.t(`credential.web.manage.action.${action}`)}
        </button>
      </form>
    </details>
  );
}

function CredentialItem({
  ctx,
  candidacyId,
  credential,
  failed,
  problem,
}: {
  ctx: PageContext;
  candidacyId: string;
  credential: HolderCredential;
  failed: CredentialFormState | undefined;
  problem: { credentialId: string; message: string } | undefined;
}) {
  const { t } = ctx;
  const title = pickLocalized(credential.title, ctx.locale);
  return (
    <li class={`card credential credential-${credential.kind}`}>
      <h3 lang={title.isFallback ? title.lang : undefined}>
        <a href={`/verify/${credential.id}`}>{title.text}</a>
      </h3>
      <p>
        <CredentialStatusBadge t={t} status={credential.status} />{' '}
        <StatusChange
          t={t}
          status={credential.status}
          reason={credential.statusReason}
          changedAt={credential.statusChangedAt}
        />
      </p>
      <p class="meta">
        {t.t('credential.web.holder.awardedOn', { date: t.date(credential.awardedOn, 'long') })} ·{' '}
        {t.t('credential.web.holder.code', { code: credential.shortCode })}
      </p>
      {problem?.credentialId === credential.id ? (
        <p class="error" role="alert">
          {problem.message}
        </p>
      ) : null}
      {actionsFor(credential.status).map((action) => (
        <ActionForm
          ctx={ctx}
          candidacyId={candidacyId}
          credential={credential}
          action={action}
          failed={failed}
        />
      ))}
    </li>
  );
}

/** The award button, or the live diploma (awarded, or suspended) with its verification page. */
function DiplomaLine({
  t,
  candidacyId,
  data,
  csrf,
}: {
  t: Translator;
  candidacyId: string;
  data: CandidateCredentials;
  csrf: string;
}) {
  if (data.diploma) {
    return (
      <p>
        {t.t('credential.web.manage.diploma')}{' '}
        <a href={`/verify/${data.diploma.credentialId}`}>{data.diploma.shortCode}</a>{' '}
        <CredentialStatusBadge t={t} status={data.diploma.status === 'active' ? 'valid' : 'suspended'} />
      </p>
    );
  }
  if (!data.can.award) return null;
  return (
    <form method="post" action={`/manage/candidates/${candidacyId}/diploma`} class="award">
      <Csrf token={csrf} />
      <p>{t.t('credential.web.manage.awardHint')}</p>
      <button type="submit">{t.t('credential.web.manage.award')}</button>
    </form>
  );
}

/**
 * The credentials panel of a candidate's page (managers): the award button when the pathway awards the
 * diploma and no live diploma exists, then each credential of the person with its status and the forms
 * that revoke, suspend, reinstate or correct it (a reason category and a note; audited by the use cases).
 */
export function CandidateCredentialsPanel({
  ctx,
  candidacyId,
  data,
  failed,
  problem,
}: {
  ctx: PageContext;
  candidacyId: string;
  data: CandidateCredentials;
  failed?: CredentialFormState | undefined;
  /** A refusal (409) to show: next to a credential, or above the list (the award). */
  problem?: { credentialId: string | null; message: string } | undefined;
}) {
  const { t } = ctx;
  const itemProblem = problem?.credentialId
    ? { credentialId: problem.credentialId, message: problem.message }
    : undefined;
  return (
    <section id="credentials" aria-labelledby="credentials-title">
      <h2 id="credentials-title">{t.t('credential.web.manage.title')}</h2>
      {problem && !problem.credentialId ? (
        <p class="error-summary" role="alert">
          {problem.message}
        </p>
      ) : null}
      <DiplomaLine t={t} candidacyId={candidacyId} data={data} csrf={ctx.csrf} />
      {data.credentials.length === 0 ? <p>{t.t('credential.web.manage.none')}</p> : null}
      <ul class="cards credentials">
        {data.credentials.map((credential) => (
          <CredentialItem
            ctx={ctx}
            candidacyId={candidacyId}
            credential={credential}
            failed={failed}
            problem={itemProblem}
          />
        ))}
      </ul>
    </section>
  );
}
