import { Csrf, Pagination, SelectField } from '../../web/components.js';
import { Layout } from '../../web/layout.js';
import type { PageContext } from '../../web/page-context.js';
import { JOB_STATUSES } from '../job.js';
import type { JobSummary, JobsPage } from '../list-jobs.js';

function jobLabel(ctx: PageContext, kind: string): string {
  return ctx.t.has(`jobs.kind.${kind}`) ? ctx.t.t(`jobs.kind.${kind}`) : kind;
}

/** The last error: its kind in the page's language, the raw (English) text folded away for administrators. */
function JobErrorView({ ctx, job }: { ctx: PageContext; job: JobSummary }) {
  const { t } = ctx;
  if (!job.errorKind) return null;
  return (
    <>
      {job.error ? (
        <p class="job-error-message">{t.t(`errors.${job.error.code}`, job.error.params)}</p>
      ) : null}
      <p class="job-error-kind">{t.t(`jobs.errorKind.${job.errorKind}`)}</p>
      {job.status === 'pending' ? (
        <p>
          <small>{t.t('jobs.nextTry', { at: t.dateTime(job.runAt) })}</small>
        </p>
      ) : null}
      {job.lastError ? (
        <details>
          <summary>{t.t('jobs.errorDetails')}</summary>
          <p>{t.t('auditPages.jobId', { id: job.id })}</p>
          <pre class="job-error" lang="en">
            {job.lastError}
          </pre>
        </details>
      ) : null}
    </>
  );
}

function JobRowView({ ctx, job, canRetry }: { ctx: PageContext; job: JobSummary; canRetry: boolean }) {
  const { t } = ctx;
  return (
    <tr>
      <td>{jobLabel(ctx, job.kind)}</td>
      <td>{t.t(`jobs.status.${job.status}`)}</td>
      <td>
        {t.t('jobs.attemptsOf', { attempts: job.attempts, max: job.maxAttempts })}
        {job.environmentFailures > 0 ? (
          <>
            <br />
            <small>{t.t('jobs.environmentFailures', { count: job.environmentFailures })}</small>
          </>
        ) : null}
      </td>
      <td>
        {job.total > 0 ? (
          <progress
            max={job.total}
            value={job.progress}
            aria-label={t.t('auditPages.jobProgressOf', { kind: jobLabel(ctx, job.kind) })}
          >
            {t.t('jobs.progressValue', { done: job.progress, total: job.total })}
          </progress>
        ) : null}
        {job.total > 0 ? (
          <small> {t.t('jobs.progressValue', { done: job.progress, total: job.total })}</small>
        ) : null}
      </td>
      <td>{t.dateTime(job.createdAt)}</td>
      <td>
        <JobErrorView ctx={ctx} job={job} />
        {canRetry && job.status === 'failed' ? (
          <form method="post" action={`/admin/jobs/${job.id}/retry`} class="inline">
            <Csrf token={ctx.csrf} />
            <button type="submit">{t.t('jobs.retry')}</button>
          </form>
        ) : null}
      </td>
    </tr>
  );
}

/** Administrators: every failed job (of the kind filtered on) back in the queue at once. */
function BulkRetryForm({
  ctx,
  result,
  kindLabel,
}: {
  ctx: PageContext;
  result: JobsPage;
  kindLabel?: string;
}) {
  const { t } = ctx;
  if (result.failedCount === 0) return null;
  return (
    <form method="post" action="/admin/jobs/retry-failed" class="inline">
      <Csrf token={ctx.csrf} />
      <input type="hidden" name="kind" value={result.query.kind ?? ''} />
      <button type="submit">
        {kindLabel
          ? t.t('jobs.retryFailedOfKind', { count: result.failedCount, kind: kindLabel })
          : t.t('jobs.retryFailed', { count: result.failedCount })}
      </button>
    </form>
  );
}

/**
 * The recent jobs with their state, attempts, progress and last error (as a translated kind); administrators
 * also see the raw error and retry failed jobs, one or all (of a kind) at once.
 */
export function JobsListPage({
  ctx,
  result,
  problem,
}: {
  ctx: PageContext;
  result: JobsPage;
  problem?: string | undefined;
}) {
  const canRetry = result.can.retry;
  const { t } = ctx;
  const href = (page: number) => {
    const params = new URLSearchParams();
    if (result.query.status) params.set('status', result.query.status);
    if (result.query.kind) params.set('kind', result.query.kind);
    params.set('page', String(page));
    return `/admin/jobs?${params}`;
  };
  const kindOptions = [...new Set([...result.kinds, ...(result.query.kind ? [result.query.kind] : [])])]
    .map((kind) => ({ value: kind, label: jobLabel(ctx, kind) }))
    .sort((a, b) => a.label.localeCompare(b.label, ctx.locale));
  return (
    <Layout ctx={ctx} title={t.t('jobs.title')}>
      <h1>{t.t('jobs.title')}</h1>
      <p>{t.t('jobs.intro')}</p>
      {problem ? (
        <p class="error" role="alert">
          {problem}
        </p>
      ) : null}
      <form method="get" action="/admin/jobs" class="filters" role="search">
        <SelectField
          name="status"
          label={t.t('jobs.statusFilter')}
          value={result.query.status ?? ''}
          options={JOB_STATUSES.map((s) => ({ value: s, label: t.t(`jobs.status.${s}`) }))}
          empty={t.t('jobs.anyStatus')}
        />
        <SelectField
          name="kind"
          label={t.t('jobs.kindFilter')}
          value={result.query.kind ?? ''}
          options={kindOptions}
          empty={t.t('jobs.anyKind')}
        />
        <button type="submit">{t.t('jobs.filter')}</button>
      </form>
      <p>{t.t('jobs.count', { count: result.total })}</p>
      {canRetry ? (
        <BulkRetryForm
          ctx={ctx}
          result={result}
          kindLabel={result.query.kind ? jobLabel(ctx, result.query.kind) : undefined}
        />
      ) : null}
      <table>
        <caption class="visually-hidden">{t.t('jobs.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t.t('jobs.kindColumn')}</th>
            <th scope="col">{t.t('jobs.statusColumn')}</th>
            <th scope="col">{t.t('jobs.attempts')}</th>
            <th scope="col">{t.t('jobs.progress')}</th>
            <th scope="col">{t.t('jobs.created')}</th>
            <th scope="col">{t.t('jobs.lastError')}</th>
          </tr>
        </thead>
        <tbody>
          {result.jobs.map((job) => (
            <JobRowView ctx={ctx} job={job} canRetry={canRetry} />
          ))}
        </tbody>
      </table>
      <Pagination t={t} page={result.page} pageCount={result.pageCount} href={href} />
    </Layout>
  );
}
