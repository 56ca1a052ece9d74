import { Csrf } from '../../../web/components.js';
import { Layout } from '../../../web/layout.js';
import type { PageContext } from '../../../web/page-context.js';
import { canTransition, isDecided, isEditableByApplicant } from '../application.js';
import type { ApplicationDetails } from '../get-application.js';
import type { ApplicationSummary } from '../list-my-applications.js';
import { AnswersSummary, EligibilityList } from './application-steps.js';

/** The start page of an application: what it takes, when it closes, and the button that starts it. */
export function ApplyPage({
  ctx,
  programmeTitle,
  programmeSlug,
  isOpen,
  closesOn,
}: {
  ctx: PageContext;
  programmeTitle: string;
  programmeSlug: string;
  isOpen: boolean;
  closesOn: string | null;
}) {
  const { t } = ctx;
  const title = t.t('admissions.apply.title', { programme: programmeTitle });
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {isOpen ? (
        <>
          <p>{t.t('admissions.apply.intro')}</p>
          <p>{t.t('admissions.apply.needs')}</p>
          {closesOn ? <p>{t.t('admissions.apply.closesOn', { date: t.date(closesOn, 'long') })}</p> : null}
          <form method="post" action={`/programmes/${programmeSlug}/apply`}>
            <Csrf token={ctx.csrf} />
            <button type="submit">{t.t('admissions.apply.start')}</button>
          </form>
        </>
      ) : (
        <p>{t.t('admissions.apply.closed')}</p>
      )}
    </Layout>
  );
}

function StatusBadge({ ctx, status }: { ctx: PageContext; status: string }) {
  return <span class={`badge status-${status}`}>{ctx.t.t(`admissions.status.${status}`)}</span>;
}

/** The person's applications. */
export function MyApplicationsPage({
  ctx,
  applications,
}: {
  ctx: PageContext;
  applications: ApplicationSummary[];
}) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t.t('admissions.my.title')}>
      <h1>{t.t('admissions.my.title')}</h1>
      {applications.length === 0 ? (
        <p>{t.t('admissions.my.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t.t('admissions.my.programme')}</th>
              <th scope="col">{t.t('admissions.my.status')}</th>
              <th scope="col">{t.t('admissions.my.updated')}</th>
            </tr>
          </thead>
          <tbody>
            {applications.map((a) => (
              <tr>
                <td>
                  <a href={`/my/applications/${a.id}`}>{a.programmeTitle}</a>
                </td>
                <td>
                  <StatusBadge ctx={ctx} status={a.status} />
                  {a.status === 'draft' ? (
                    <>
                      {' '}
                      <a href={`/my/applications/${a.id}/steps/${a.step}`}>{t.t('admissions.my.continue')}</a>
                    </>
                  ) : null}
                </td>
                <td>{t.dateTime(a.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

/** The applicant's status page: where the application stands, its timeline with the committee's messages. */
export function ApplicationStatusPage({
  ctx,
  details,
  programmeTitle,
}: {
  ctx: PageContext;
  details: ApplicationDetails;
  programmeTitle: string;
}) {
  const { t } = ctx;
  const { application, timeline } = details;
  const title = t.t('admissions.page.status', { programme: programmeTitle });
  const messageAbove = isDecided(application.status) && Boolean(application.decisionMessage);
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>
        <StatusBadge ctx={ctx} status={application.status} />
      </p>
      <p>{t.t(`admissions.statusHint.${application.status}`)}</p>
      {messageAbove ? (
        <section aria-labelledby="decision-message">
          <h2 id="decision-message">{t.t('admissions.timeline.message')}</h2>
          <p class="prewrap">{application.decisionMessage}</p>
        </section>
      ) : null}
      {isEditableByApplicant(application.status) ? (
        <p>
          <a class="button" href={`/my/applications/${application.id}/steps/${application.step}`}>
            {t.t('admissions.my.continue')}
          </a>
        </p>
      ) : null}
      <h2>{t.t('admissions.timeline.title')}</h2>
      <ol class="timeline">
        {timeline.map((entry, index) => (
          <li>
            <strong>{t.t(`admissions.status.${entry.status}`)}</strong>
            {entry.at ? <> · {t.dateTime(entry.at)}</> : null}
            {/* The current decision's message is shown above, under its own heading. */}
            {entry.message && !(messageAbove && index === timeline.length - 1) ? (
              <p class="prewrap">{entry.message}</p>
            ) : null}
            {entry.reopened ? <p>{t.t('admissions.timeline.reopened')}</p> : null}
          </li>
        ))}
      </ol>
      {application.status === 'accepted' ? (
        <section aria-labelledby="after-acceptance">
          <h2 id="after-acceptance">{t.t('admissions.afterAcceptance.title')}</h2>
          <ol>
            <li>
              <a href="/my/pathway">{t.t('admissions.afterAcceptance.pathway')}</a>
            </li>
            <li>
              <a href="/courses">{t.t('admissions.afterAcceptance.place')}</a>
            </li>
            <li>{t.t('admissions.afterAcceptance.confirm')}</li>
          </ol>
        </section>
      ) : null}
      <h2>{t.t('admissions.statusDocuments.title')}</h2>
      {application.files.length === 0 ? <p>{t.t('admissions.statusDocuments.none')}</p> : null}
      {application.files.length ? (
        <ul>
          {application.files.map((file) => (
            <li>
              {t.t(`admissions.documents.${file.kind}`)}:{' '}
              <a href={`/my/applications/${application.id}/files/${file.kind}`}>{file.originalName}</a>{' '}
              <small>
                {t.t('admissions.statusDocuments.uploaded', {
                  size: Math.max(1, Math.round(file.sizeBytes / 1024)),
                  date: t.dateTime(file.uploadedAt),
                })}
              </small>
            </li>
          ))}
        </ul>
      ) : null}
      {application.status !== 'draft' ? (
        <>
          <h2>{t.t('admissions.eligibility.title')}</h2>
          <EligibilityList t={t} eligibility={details.eligibility} />
        </>
      ) : null}
      <h2>{t.t('admissions.page.summary')}</h2>
      <AnswersSummary t={t} answers={application.answers} />
      {canTransition(application.status, 'withdraw') ? (
        <form method="post" action={`/my/applications/${application.id}/withdraw`} class="stack">
          <Csrf token={ctx.csrf} />
          <p class="hint">{t.t('admissions.action.withdrawHint')}</p>
          <button type="submit" class="secondary">
            {t.t('admissions.action.withdraw')}
          </button>
        </form>
      ) : null}
    </Layout>
  );
}
